"""Complaints, their contact tasks, the contact log, outcomes and the follow-up survey."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinLengthValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import PHONE_VALIDATOR, Department
from classification.models import KleFacet, KleNumber
from core.models import TimeStampedModel
from core.uploads import attachment_path, attachment_storage
from themes.models import Theme, ThemeSuggestion

CASE_NUMBER_VALIDATOR = RegexValidator(
    r"^\d{2}/\d{1,7}$", _("Skriv sagsnummeret som to cifre, skråstreg og løbenummer, fx 13/37262.")
)


class Complaint(TimeStampedModel):
    class Kind(models.TextChoices):
        DECISION = "decision", _("Klage over en afgørelse")
        CASE_HANDLING = "case_handling", _("Klage over sagsbehandlingen")
        OTHER = "other", _("Anden klage")

    class ContactChannel(models.TextChoices):
        PHONE = "phone", _("Telefon")
        EMAIL = "email", _("E-mail")
        MEETING = "meeting", _("Møde")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Modtaget")
        CONTACT_PENDING = "contact_pending", _("Afventer kontakt")
        IN_DIALOGUE = "in_dialogue", _("I dialog")
        CLOSED = "closed", _("Afsluttet")

    class Outcome(models.TextChoices):
        RESOLVED_IN_DIALOGUE = "resolved_in_dialogue", _("Løst i dialog")
        DECISION_CHANGED = "decision_changed", _("Afgørelsen er ændret (medhold)")
        UPHELD_AND_FORWARDED = "upheld_and_forwarded", _("Afgørelsen fastholdt og sendt til klageinstansen")
        WITHDRAWN = "withdrawn", _("Klagen er trukket tilbage")

    # Outcomes that are decisions: they close the complaint through the decision letter (casework), which
    # holds what forvaltningsloven requires; the plain close door offers only the others.
    DECISION_OUTCOMES = (Outcome.DECISION_CHANGED, Outcome.UPHELD_AND_FORWARDED)

    citizen = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="complaints", verbose_name=_("borger")
    )
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="complaints", verbose_name=_("afdeling")
    )
    caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_complaints",
        verbose_name=_("sagsbehandler"),
    )
    kind = models.CharField(_("hvad klager du over"), max_length=20, choices=Kind.choices)
    subject = models.CharField(_("overskrift"), max_length=200, validators=[MinLengthValidator(3)])
    description = models.TextField(_("beskrivelse"), max_length=10000, validators=[MinLengthValidator(10)])
    case_number = models.CharField(_("sagsnummer"), max_length=20, blank=True, validators=[CASE_NUMBER_VALIDATOR])
    decision_date = models.DateField(_("afgørelsens dato"), null=True, blank=True)
    desired_outcome = models.TextField(_("hvad ønsker du"), max_length=4000, blank=True)
    contact_channel = models.CharField(_("hvordan vil du kontaktes"), max_length=10, choices=ContactChannel.choices)
    phone = models.CharField(_("telefonnummer"), max_length=30, blank=True, validators=[PHONE_VALIDATOR])
    contact_time = models.CharField(_("hvornår kan vi kontakte dig"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    outcome = models.CharField(_("udfald"), max_length=30, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField(_("besked til borgeren"), max_length=4000, blank=True)
    closed_at = models.DateTimeField(_("afsluttet"), null=True, blank=True)
    genvurdering_due = models.DateTimeField(
        _("frist for genvurdering"),
        null=True,
        blank=True,
        help_text=_("Fire uger efter modtagelsen (retssikkerhedsloven § 66)."),
    )
    forwarded_at = models.DateTimeField(_("sendt til klageinstansen"), null=True, blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="complaints", verbose_name=_("emner"))
    themes_suggested_at = models.DateTimeField(null=True, blank=True)
    # When the receipt was stored in her outbox (acknowledge_complaint); empty, the sweeper sends it.
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    notify_about_decisions = models.BooleanField(
        _("Må vi give dig besked, hvis et politisk udvalg behandler emnet?"),
        default=False,
        help_text=_("Udvalget ser kun emnet og antallet af henvendelser, aldrig dit navn."),
    )
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="complaints_filed_for_others",
        verbose_name=_("oprettet af medarbejder"),
    )
    filed_by_department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("oprettet af afdelingen for borgeren"),
    )
    thread = models.OneToOneField(
        "dialogue.Thread",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("samtale"),
    )
    # KLE: the subject defaults from the department at intake (classification), the caseworker may change it.
    kle_subject = models.ForeignKey(
        KleNumber,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"level": KleNumber.Level.SUBJECT},
        verbose_name=_("KLE-emne"),
    )
    kle_facet = models.ForeignKey(
        KleFacet, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("handlingsfacet")
    )
    anonymised_at = models.DateTimeField(_("anonymiseret"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("klage")
        verbose_name_plural = _("klager")
        constraints = [
            models.CheckConstraint(
                condition=~Q(contact_channel="phone") | ~Q(phone=""), name="complaint_phone_when_channel_phone"
            ),
            models.CheckConstraint(
                condition=Q(status="closed", closed_at__isnull=False) & ~Q(outcome="")
                | ~Q(status="closed") & Q(outcome=""),
                name="complaint_outcome_iff_closed",
            ),
            models.CheckConstraint(
                condition=Q(filed_by__isnull=True, filed_by_department__isnull=True)
                | Q(filed_by__isnull=False, filed_by_department__isnull=False),
                name="complaint_filed_by_with_department",
            ),
        ]
        indexes = [
            models.Index(fields=["department", "status"]),
            # The receipt sweeper's rows: a few at a time, among every complaint ever filed.
            models.Index(
                fields=["created_at"], condition=Q(acknowledged_at__isnull=True), name="complaint_unacknowledged"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.subject}"

    def clean(self) -> None:
        errors = {}
        if self.contact_channel == self.ContactChannel.PHONE and not self.phone:
            errors["phone"] = _("Skriv dit telefonnummer, når du vil kontaktes på telefon.")
        if self.decision_date and self.decision_date > timezone.localdate():
            errors["decision_date"] = _("Afgørelsens dato kan ikke ligge i fremtiden.")
        if errors:
            raise ValidationError(errors)

    @property
    def reference(self) -> str:
        year = timezone.localtime(self.created_at).year if self.created_at else timezone.localdate().year
        return f"K-{year}-{self.id:05d}"

    @property
    def filed_for_citizen_label(self) -> str:
        """ "Oprettet af Borgerservice for borgeren" when staff filed it (assisted intake), else empty."""
        if self.filed_by_department_id is None:
            return ""
        return _("Oprettet af %(department)s for borgeren") % {"department": self.filed_by_department.name}

    @property
    def decision_deadline_may_have_passed(self) -> bool:
        """The four-week complaint deadline may have passed for the decision complained about."""
        if self.kind != self.Kind.DECISION or self.decision_date is None:
            return False
        received = timezone.localtime(self.created_at).date() if self.created_at else timezone.localdate()
        return received - self.decision_date > timedelta(weeks=settings.COMPLAINT_DEADLINE_WEEKS)

    @property
    def genvurdering_near(self) -> bool:
        if self.genvurdering_due is None or self.status == self.Status.CLOSED:
            return False
        return self.genvurdering_due - timezone.now() <= timedelta(days=settings.GENVURDERING_WARN_DAYS)


class ComplaintAttachment(TimeStampedModel):
    """A document in the case: the decision complained about, or anything else the citizen or staff add.

    Checked like an agenda Bilag (core.uploads); served only through the complaint's permission check.
    """

    class Kind(models.TextChoices):
        DECISION = "decision", _("Afgørelsen, der klages over")
        DOCUMENT = "document", _("Andet dokument")

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("hvad er det"), max_length=10, choices=Kind.choices, default=Kind.DOCUMENT)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    added_by_staff = models.BooleanField(_("tilføjet af kommunen"), default=False)
    # The step on the timeline the file came with (information the citizen added after sending), if any.
    event = models.ForeignKey(
        "ComplaintEvent", on_delete=models.SET_NULL, null=True, blank=True, related_name="attachments"
    )
    title = models.CharField(_("titel"), max_length=200)
    file = models.FileField(_("fil"), storage=attachment_storage, upload_to=attachment_path, max_length=200)
    file_name = models.CharField(_("filnavn"), max_length=200)
    mime_type = models.CharField(_("filtype"), max_length=100)
    size = models.PositiveBigIntegerField(_("størrelse"))
    sha1 = models.CharField(max_length=40)

    class Meta:
        ordering = ["complaint", "created_at", "id"]
        verbose_name = _("dokument")
        verbose_name_plural = _("dokumenter")
        constraints = [
            models.CheckConstraint(
                condition=Q(size__lte=settings.ATTACHMENT_MAX_BYTES), name="complaint_attachment_size_within_limit"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("complaints:attachment", args=[self.complaint_id, self.id, self.file_name])


class ComplaintDraft(TimeStampedModel):
    """A complaint being written in steps on the pages: her answers so far (the forms' own input, so "Ret" shows
    exactly what she wrote) and her files, kept on the server so a reload or a later visit finds them.

    Intake needs a login, so a draft always has a citizen. Sent, it keeps only the complaint it became: sending
    it again (a double click, a reload of the POST) answers with that complaint instead of filing a second.
    """

    citizen = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="complaint_drafts")
    answers = models.JSONField(default=dict, blank=True)
    complaint = models.OneToOneField(
        Complaint, on_delete=models.CASCADE, null=True, blank=True, related_name="draft", verbose_name=_("klage")
    )

    class Meta:
        verbose_name = _("kladde til klage")
        verbose_name_plural = _("kladder til klager")
        constraints = [
            models.UniqueConstraint(
                fields=["citizen"], condition=Q(complaint__isnull=True), name="one_open_complaint_draft_per_citizen"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.citizen_id}: {self.answers.get('subject', '')}"


class ComplaintDraftFile(TimeStampedModel):
    """A file attached while the complaint is a draft, checked as every attachment is (core.uploads)."""

    draft = models.ForeignKey(ComplaintDraft, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(max_length=10, choices=ComplaintAttachment.Kind.choices)
    file = models.FileField(storage=attachment_storage, upload_to=attachment_path, max_length=200)
    file_name = models.CharField(_("filnavn"), max_length=200)
    size = models.PositiveBigIntegerField(_("størrelse"))

    class Meta:
        ordering = ["draft", "kind", "created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(size__lte=settings.ATTACHMENT_MAX_BYTES), name="complaint_draft_file_size_within_limit"
            ),
        ]

    def __str__(self) -> str:
        return self.file_name


class ComplaintThemeSuggestion(ThemeSuggestion):
    """A theme suggested from the complaint's text at intake, for staff to confirm or change."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="theme_suggestions")

    class Meta(ThemeSuggestion.Meta):
        constraints = [models.UniqueConstraint(fields=["complaint", "theme"], name="unique_theme_suggestion")]


class ComplaintEvent(models.Model):
    """One step on the complaint's timeline, as the citizen sees it."""

    class Kind(models.TextChoices):
        RECEIVED = "received", _("Klagen er modtaget")
        ASSIGNED = "assigned", _("En sagsbehandler har fået sagen")
        REASSIGNED = "reassigned", _("Sagen er givet til en anden sagsbehandler")
        CONTACTED = "contacted", _("Sagsbehandleren har talt med dig")
        CLOSED = "closed", _("Klagen er afsluttet")
        FOLLOWED_UP = "followed_up", _("Opfølgende kontakt er gennemført")
        SURVEY_ANSWERED = "survey_answered", _("Du har svaret på spørgeskemaet")
        # Steps of the legal track (casework), told on the same timeline.
        HEARING = "hearing", _("Du er bedt om at kommentere oplysninger i sagen")
        HEARING_ANSWERED = "hearing_answered", _("Du har svaret på partshøringen")
        DECISION = "decision", _("Du har fået en afgørelse")
        FORWARDED = "forwarded", _("Klagen er sendt til klageinstansen")
        CLAIMED = "claimed", _("Borgeren har selv hentet klagen")
        PROXY_GRANTED = "proxy_granted", _("Fuldmagt givet, venter på accept")
        PROXY_RECORDED = "proxy_recorded", _("Fuldmagt på papir registreret")
        PROXY_ACCEPTED = "proxy_accepted", _("Fuldmagten er accepteret")
        PROXY_DECLINED = "proxy_declined", _("Fuldmagten er afvist")
        PROXY_REVOKED = "proxy_revoked", _("Fuldmagten er tilbagekaldt")
        PROXY_EXPIRED = "proxy_expired", _("Fuldmagten er udløbet")
        INFO_ADDED = "info_added", _("Der er kommet flere oplysninger til klagen")
        WITHDRAWN = "withdrawn", _("Klagen er trukket tilbage")

    # The choices speak to the citizen; staff read the same steps in staff wording (issue 9, journey 11).
    STAFF_WORDING = {
        Kind.CONTACTED: _("Der er talt med borgeren"),
        Kind.SURVEY_ANSWERED: _("Borgeren har svaret på spørgeskemaet"),
        Kind.HEARING: _("Borgeren er bedt om at kommentere oplysninger i sagen"),
        Kind.HEARING_ANSWERED: _("Borgeren har svaret på partshøringen"),
        Kind.DECISION: _("Borgeren har fået en afgørelse"),
    }

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    # The power of attorney a proxy_* event is about: the timeline names both the representative and the citizen.
    representation = models.ForeignKey(
        "Representation", on_delete=models.CASCADE, null=True, blank=True, related_name="events"
    )
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.complaint_id}: {self.kind}"

    @property
    def staff_label(self) -> str:
        return str(self.STAFF_WORDING.get(self.kind, self.get_kind_display()))


class ContactTask(TimeStampedModel):
    class Kind(models.TextChoices):
        EARLY_CONTACT = "early_contact", _("Tidlig kontakt")
        FOLLOW_UP = "follow_up", _("Opfølgning")

    class Status(models.TextChoices):
        OPEN = "open", _("Åben")
        DONE = "done", _("Udført")
        CANCELLED = "cancelled", _("Annulleret")

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="tasks")
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="contact_tasks")
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_tasks",
        verbose_name=_("ansvarlig"),
    )
    due_at = models.DateTimeField(_("frist"), db_index=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    completed_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_at", "id"]
        verbose_name = _("kontaktopgave")
        verbose_name_plural = _("kontaktopgaver")
        constraints = [
            # One task of each kind per complaint: a task that runs twice creates nothing new.
            models.UniqueConstraint(fields=["complaint", "kind"], name="unique_task_kind_per_complaint"),
        ]
        indexes = [models.Index(fields=["status", "due_at"]), models.Index(fields=["assignee", "status"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.complaint.reference}"

    @property
    def is_overdue(self) -> bool:
        return self.status == self.Status.OPEN and self.due_at < timezone.now()


class ContactLog(TimeStampedModel):
    class Channel(models.TextChoices):
        PHONE = "phone", _("Telefon")
        MEETING = "meeting", _("Møde")
        VIDEO = "video", _("Videomøde")
        EMAIL = "email", _("E-mail")

    class Understood(models.TextChoices):
        YES = "yes", _("Ja")
        PARTLY = "partly", _("Delvist")
        NO = "no", _("Nej")
        NOT_RELEVANT = "not_relevant", _("Ikke relevant")

    task = models.OneToOneField(ContactTask, on_delete=models.PROTECT, related_name="contact_log")
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="contact_logs")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    channel = models.CharField(_("kontaktform"), max_length=10, choices=Channel.choices)
    contacted_at = models.DateTimeField(_("tidspunkt"))
    summary = models.TextField(_("resumé"), max_length=4000, validators=[MinLengthValidator(5)])
    citizen_understood_decision = models.CharField(
        _("forstod borgeren afgørelsen"), max_length=15, choices=Understood.choices
    )
    next_steps = models.TextField(_("aftalte næste skridt"), max_length=4000, blank=True)
    shared_message = models.OneToOneField(
        "dialogue.Message",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("delt i samtalen"),
    )

    class Meta:
        ordering = ["contacted_at", "id"]
        verbose_name = _("kontaktnotat")
        verbose_name_plural = _("kontaktnotater")

    def __str__(self) -> str:
        return f"{self.complaint.reference} {self.contacted_at:%Y-%m-%d}"


class Survey(TimeStampedModel):
    """The short follow-up survey; reached once through a link without login."""

    complaint = models.OneToOneField(Complaint, on_delete=models.CASCADE, related_name="survey")
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)
    rating = models.PositiveSmallIntegerField(
        _("hvordan har du oplevet forløbet"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    understood_decision = models.BooleanField(_("forstod du afgørelsen"), null=True, blank=True)
    comment = models.TextField(_("vil du fortælle mere"), max_length=4000, blank=True)

    class Meta:
        verbose_name = _("spørgeskema")
        verbose_name_plural = _("spørgeskemaer")
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5), name="survey_rating_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.complaint.reference}"


class Representation(TimeStampedModel):
    """A power of attorney (partsrepræsentation, forvaltningsloven § 8): the representative acts for the principal
    in one of her complaints, or in all of them, for a period.

    Given by the citizen in the product (the representative accepts it), or recorded by staff from a signed paper
    fuldmagt, attached, and active at once. The rules are in complaints.permissions."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Venter på accept")
        ACTIVE = "active", _("Aktiv")
        DECLINED = "declined", _("Afvist")
        REVOKED = "revoked", _("Tilbagekaldt")
        EXPIRED = "expired", _("Udløbet")

    class Source(models.TextChoices):
        CITIZEN = "citizen", _("Givet af borgeren i Borgerdialog")
        PAPER = "paper", _("Fuldmagt på papir, registreret af en medarbejder")

    principal = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="representations_given",
        verbose_name=_("fuldmagtsgiver"),
    )
    representative = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="representations_held",
        verbose_name=_("repræsentant"),
    )
    complaint = models.ForeignKey(
        Complaint,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="representations",
        verbose_name=_("klage"),
        help_text=_("Tom: alle borgerens klager."),
    )
    valid_from = models.DateField(_("gælder fra"))
    valid_until = models.DateField(
        _("gælder til og med"), null=True, blank=True, help_text=_("Tom: til den kaldes tilbage.")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    source = models.CharField(_("givet"), max_length=10, choices=Source.choices, default=Source.CITIZEN)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registreret af"),
    )
    accepted_at = models.DateTimeField(_("accepteret"), null=True, blank=True)
    ended_at = models.DateTimeField(_("afsluttet"), null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("afsluttet af"),
    )
    document = models.FileField(
        _("fuldmagt"), storage=attachment_storage, upload_to=attachment_path, max_length=200, blank=True
    )
    document_title = models.CharField(_("dokumentets titel"), max_length=200, blank=True)
    document_name = models.CharField(_("filnavn"), max_length=200, blank=True)
    document_mime_type = models.CharField(_("filtype"), max_length=100, blank=True)
    document_size = models.PositiveBigIntegerField(_("størrelse"), null=True, blank=True)
    document_sha1 = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("fuldmagt")
        verbose_name_plural = _("fuldmagter")
        constraints = [
            models.CheckConstraint(
                condition=~Q(principal=models.F("representative")), name="representation_not_to_oneself"
            ),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("valid_from")),
                name="representation_period_in_order",
            ),
            models.CheckConstraint(
                condition=Q(source="citizen", recorded_by__isnull=True, document="")
                | Q(source="paper", recorded_by__isnull=False, complaint__isnull=False) & ~Q(document=""),
                name="representation_paper_has_document",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "active"], ended_at__isnull=True)
                | Q(status__in=["declined", "revoked", "expired"], ended_at__isnull=False),
                name="representation_ended_when_over",
            ),
            models.CheckConstraint(
                condition=Q(document_size__isnull=True) | Q(document_size__lte=settings.ATTACHMENT_MAX_BYTES),
                name="representation_document_size_within_limit",
            ),
        ]
        indexes = [
            models.Index(fields=["representative", "status"]),
            models.Index(fields=["principal", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.representative} på vegne af {self.principal}"

    def get_absolute_url(self) -> str:
        return reverse("complaints:representation", args=[self.id])

    @property
    def document_url(self) -> str:
        if not self.document:
            return ""
        return reverse("complaints:representation-document", args=[self.id, self.document_name])

    @property
    def is_live(self) -> bool:
        """Pending or active, and not run out."""
        return self.status in (self.Status.PENDING, self.Status.ACTIVE) and (
            self.valid_until is None or self.valid_until >= timezone.localdate()
        )
