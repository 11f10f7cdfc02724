"""Hearings (høringer): a draft put out for answers before a deadline, and the høringsnotat after it.

The lifecycle is OS2agora's: draft → awaiting start → open → awaiting conclusion → concluded. Only the two
steps a person takes are stored — publishing (`published_at`) and concluding with the høringsnotat
(`concluded_at`); the steps in between follow from the dates, so no job has to turn a status at midnight.

Invited parties are councils (accounts.Council) and associations (ideas.Association). An answer comes from a
person, in her own name or on behalf of one council or association she belongs to (checked in the service).
A council's duty to be heard (`CouncilDuty`) is tied to themes; the committees' agenda reads it through the
hearing proposal source (hearings/proposals.py).
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Committee, Council, Department
from complaints.models import CASE_NUMBER_VALIDATOR
from core.models import TimeStampedModel
from core.uploads import attachment_path, attachment_storage
from ideas.models import Association, Moderated
from themes.models import Theme

TITLE_MAX = 200
SUMMARY_MAX = 4000
SECTION_MAX = 20000
ANSWER_MAX = 10000
NOTE_MAX = 10000

KLE_VALIDATOR = RegexValidator(
    r"^\d{2}(\.\d{2}){0,2}$", _("Skriv KLE-nummeret som to cifre i op til tre grupper, fx 27.24.00.")
)
ENDS_BEFORE_STARTS = _("Høringsfristen skal ligge efter startdatoen.")


class AgendaStatus(models.TextChoices):
    NONE = "", _("Ikke på en dagsorden")
    PLACED = "placed", _("Sat på en dagsorden")
    ON_AGENDA = "on_agenda", _("På udvalgets dagsorden")
    DECIDED = "decided", _("Udvalget har besluttet")


class Hearing(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Kladde")
        AWAITING_START = "awaiting_start", _("Afventer start")
        OPEN = "open", _("Åben for høringssvar")
        AWAITING_CONCLUSION = "awaiting_conclusion", _("Afventer høringsnotat")
        CONCLUDED = "concluded", _("Afsluttet")

    title = models.CharField(_("titel"), max_length=TITLE_MAX)
    summary = models.TextField(
        _("kort fortalt"), max_length=SUMMARY_MAX, help_text=_("Hvad høringen handler om, i et klart sprog.")
    )
    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="hearings", verbose_name=_("udvalg")
    )
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="hearings", verbose_name=_("afdeling")
    )
    starts_on = models.DateField(_("høringen starter"))
    ends_on = models.DateField(_("høringsfrist"), help_text=_("Sidste dag, hvor man kan sende et høringssvar."))
    kle_number = models.CharField(_("KLE-nummer"), max_length=8, blank=True, validators=[KLE_VALIDATOR])
    case_number = models.CharField(_("sagsnummer"), max_length=20, blank=True, validators=[CASE_NUMBER_VALIDATOR])
    answers_public_at_once = models.BooleanField(
        _("høringssvar offentliggøres med det samme"),
        default=False,
        help_text=_("Ellers bliver svarene offentlige, når høringsfristen er udløbet."),
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="hearings", verbose_name=_("emner"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    published_at = models.DateTimeField(_("offentliggjort"), null=True, blank=True)
    opening_told_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminder_told_at = models.DateTimeField(null=True, blank=True, editable=False)
    note_summary = models.TextField(
        _("generelle bemærkninger"),
        max_length=NOTE_MAX,
        blank=True,
        help_text=_("Høringsnotatets indledning: hvem har svaret, og hvad går igen i svarene."),
    )
    concluded_at = models.DateTimeField(_("høringsnotat offentliggjort"), null=True, blank=True)
    agenda_status = models.CharField(
        _("på dagsordenen"), max_length=12, choices=AgendaStatus.choices, default=AgendaStatus.NONE, blank=True
    )
    agenda_url = models.CharField(_("link til dagsordenen"), max_length=500, blank=True)
    decision = models.TextField(_("udvalgets beslutning"), blank=True)
    decided_at = models.DateTimeField(_("besluttet"), null=True, blank=True)

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("høring")
        verbose_name_plural = _("høringer")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=F("starts_on")),
                name="hearing_ends_after_it_starts",
                violation_error_message=ENDS_BEFORE_STARTS,
            ),
            models.CheckConstraint(
                condition=Q(concluded_at__isnull=True) | Q(published_at__isnull=False),
                name="hearing_concluded_only_when_published",
            ),
            models.CheckConstraint(
                condition=Q(agenda_status__in=["", "placed", "on_agenda", "decided"]),
                name="hearing_agenda_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("hearings:hearing", args=[self.id])

    def status_on(self, today) -> str:
        if self.published_at is None:
            return self.Status.DRAFT
        if self.concluded_at is not None:
            return self.Status.CONCLUDED
        if today < self.starts_on:
            return self.Status.AWAITING_START
        if today <= self.ends_on:
            return self.Status.OPEN
        return self.Status.AWAITING_CONCLUSION

    @property
    def status(self) -> str:
        return self.status_on(timezone.localdate())

    def get_status_display(self) -> str:
        return self.Status(self.status).label

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def deadline_passed(self) -> bool:
        return self.published_at is not None and timezone.localdate() > self.ends_on

    @property
    def is_concluded(self) -> bool:
        return self.concluded_at is not None

    @property
    def answers_are_public(self) -> bool:
        """Published answers are public after the deadline, or while it is open if the hearing says so."""
        status = self.status
        if status in (self.Status.DRAFT, self.Status.AWAITING_START):
            return False
        return self.answers_public_at_once or status != self.Status.OPEN


class Section(models.Model):
    """A numbered section of the draft, written in the product (Markdown); answers may comment on one."""

    hearing = models.ForeignKey(Hearing, on_delete=models.CASCADE, related_name="sections")
    number = models.PositiveSmallIntegerField(_("nummer"))
    title = models.CharField(_("overskrift"), max_length=TITLE_MAX)
    body = models.TextField(_("tekst"), max_length=SECTION_MAX)

    class Meta:
        ordering = ["hearing", "number"]
        verbose_name = _("afsnit")
        verbose_name_plural = _("afsnit")
        constraints = [
            models.UniqueConstraint(fields=["hearing", "number"], name="unique_section_number_per_hearing"),
            models.CheckConstraint(condition=Q(number__gte=1), name="section_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class SectionNote(TimeStampedModel):
    """The høringsnotat on one section: what the answers said, the department's comment, whether it changes."""

    section = models.OneToOneField(Section, on_delete=models.CASCADE, related_name="note")
    summary = models.TextField(_("sammenfatning af høringssvarene"), max_length=NOTE_MAX)
    comment = models.TextField(_("afdelingens bemærkninger"), max_length=NOTE_MAX)
    changes_draft = models.BooleanField(_("udkastet ændres"), default=False)

    class Meta:
        verbose_name = _("høringsnotat for et afsnit")
        verbose_name_plural = _("høringsnotat for afsnit")

    def __str__(self) -> str:
        return str(self.section)


class HearingFile(TimeStampedModel):
    """An uploaded part of the draft (a PDF, an office document), checked like an agenda Bilag."""

    hearing = models.ForeignKey(Hearing, on_delete=models.CASCADE, related_name="files")
    title = models.CharField(_("titel"), max_length=200)
    file = models.FileField(_("fil"), storage=attachment_storage, upload_to=attachment_path, max_length=200)
    file_name = models.CharField(_("filnavn"), max_length=200)
    mime_type = models.CharField(_("filtype"), max_length=100)
    size = models.PositiveBigIntegerField(_("størrelse"))
    sha1 = models.CharField(max_length=40)

    class Meta:
        ordering = ["hearing", "id"]
        verbose_name = _("høringsmateriale")
        verbose_name_plural = _("høringsmateriale")
        constraints = [
            models.CheckConstraint(
                condition=Q(size__lte=settings.ATTACHMENT_MAX_BYTES), name="hearing_file_size_within_limit"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("hearings:file", args=[self.hearing_id, self.id, self.file_name])


class Invitation(TimeStampedModel):
    """An invited party (høringspart): a council or an association."""

    hearing = models.ForeignKey(Hearing, on_delete=models.CASCADE, related_name="invitations")
    council = models.ForeignKey(Council, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    association = models.ForeignKey(Association, on_delete=models.CASCADE, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["hearing", "id"]
        verbose_name = _("høringspart")
        verbose_name_plural = _("høringsparter")
        constraints = [
            models.CheckConstraint(
                condition=Q(council__isnull=False, association__isnull=True)
                | Q(council__isnull=True, association__isnull=False),
                name="invitation_council_or_association",
            ),
            models.UniqueConstraint(
                fields=["hearing", "council"], condition=Q(council__isnull=False), name="unique_invited_council"
            ),
            models.UniqueConstraint(
                fields=["hearing", "association"],
                condition=Q(association__isnull=False),
                name="unique_invited_association",
            ),
        ]

    def __str__(self) -> str:
        return str(self.party)

    @property
    def party(self):
        return self.council or self.association


class Answer(Moderated, TimeStampedModel):
    """A høringssvar: a person's, in her own name or for a council or association; moderated like comments."""

    hearing = models.ForeignKey(Hearing, on_delete=models.CASCADE, related_name="answers")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="hearing_answers", verbose_name=_("afsender")
    )
    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("på vegne af råd")
    )
    association = models.ForeignKey(
        Association,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("på vegne af forening"),
    )
    section = models.ForeignKey(
        Section, on_delete=models.PROTECT, null=True, blank=True, related_name="answers", verbose_name=_("afsnit")
    )
    body = models.TextField(_("høringssvar"), max_length=ANSWER_MAX)
    file = models.FileField(
        _("bilag"), storage=attachment_storage, upload_to=attachment_path, max_length=200, blank=True
    )
    file_title = models.CharField(_("bilagets titel"), max_length=200, blank=True)
    file_name = models.CharField(_("filnavn"), max_length=200, blank=True)
    mime_type = models.CharField(_("filtype"), max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("størrelse"), null=True, blank=True)
    sha1 = models.CharField(max_length=40, blank=True)
    contains_sensitive = models.BooleanField(
        _("Mit svar indeholder følsomme personoplysninger"),
        default=False,
        help_text=_("Fx om helbred. Så bliver svaret ikke offentliggjort, men kun talt med."),
    )
    notify_about_decision = models.BooleanField(
        _("Giv mig besked, når udvalget har besluttet"),
        default=False,
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("høringssvar")
        verbose_name_plural = _("høringssvar")
        constraints = [
            models.CheckConstraint(
                condition=Q(council__isnull=True) | Q(association__isnull=True),
                name="answer_for_one_party_at_most",
            ),
        ]
        indexes = [models.Index(fields=["hearing", "created_at"])]

    def __str__(self) -> str:
        return f"{self.sender_name}: {self.body[:40]}"

    @property
    def sender_name(self) -> str:
        """What a reader sees as the sender: the council or association, or the author's name."""
        party = self.council or self.association
        return party.name if party else self.author.full_name

    @property
    def is_published(self) -> bool:
        return not self.is_hidden and not self.contains_sensitive

    def get_file_url(self) -> str:
        return reverse("hearings:answer-file", args=[self.id, self.file_name]) if self.file_name else ""


class CouncilDuty(TimeStampedModel):
    """A council's duty to be heard on proposals within some themes, e.g. Ældrerådet (retssikkerhedsloven § 30)."""

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="duties", verbose_name=_("råd"))
    rule = models.CharField(
        _("regel"), max_length=300, help_text=_("Fx ”Ældrerådet skal høres om forslag, der vedrører ældre”.")
    )
    legal_basis = models.CharField(
        _("hjemmel"), max_length=200, blank=True, help_text=_("Fx retssikkerhedsloven § 30.")
    )
    themes = models.ManyToManyField(Theme, related_name="council_duties", verbose_name=_("emner"))

    class Meta:
        ordering = ["council", "id"]
        verbose_name = _("høringspligt")
        verbose_name_plural = _("høringspligter")

    def __str__(self) -> str:
        return self.rule
