"""Meetings of a committee, their agenda items and attachments (Bilag), and meeting places.

The committee and its members live in accounts; this app owns what a
committee does: meetings, agendas in the Danish municipal format, decisions
and minutes.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import Committee
from complaints.models import CASE_NUMBER_VALIDATOR
from core.models import TimeStampedModel
from core.uploads import attachment_path, attachment_storage
from themes.models import Theme


class Location(TimeStampedModel):
    """A meeting place (OParl Location), e.g. "lokale 1.D, Kanalstræde 2"."""

    description = models.CharField(_("mødested"), max_length=200, unique=True)

    class Meta:
        ordering = ["description"]
        verbose_name = _("mødested")
        verbose_name_plural = _("mødesteder")

    def __str__(self) -> str:
        return self.description


class Meeting(TimeStampedModel):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planlagt")
        AGENDA_PUBLISHED = "agenda_published", _("Dagsorden offentliggjort")
        HELD = "held", _("Afholdt")
        MINUTES_PUBLISHED = "minutes_published", _("Referat offentliggjort")

    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("udvalg")
    )
    start = models.DateTimeField(_("mødedato og tidspunkt"))
    end = models.DateTimeField(_("slut"), null=True, blank=True)
    location = models.ForeignKey(
        Location, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("mødested")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    agenda_published_at = models.DateTimeField(_("dagsorden offentliggjort"), null=True, blank=True)
    minutes_published_at = models.DateTimeField(_("referat offentliggjort"), null=True, blank=True)

    class Meta:
        ordering = ["-start", "-id"]
        verbose_name = _("møde")
        verbose_name_plural = _("møder")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gt=F("start")), name="meeting_end_after_start"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["planned", "agenda_published", "held", "minutes_published"]),
                name="meeting_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(status="planned") | Q(agenda_published_at__isnull=False),
                name="meeting_agenda_published_at_set",
            ),
            models.CheckConstraint(
                condition=~Q(status="minutes_published") | Q(minutes_published_at__isnull=False),
                name="meeting_minutes_published_at_set",
            ),
        ]
        indexes = [models.Index(fields=["committee", "start"])]

    def __str__(self) -> str:
        return f"{self.committee} {self.start:%d-%m-%Y}"

    def get_absolute_url(self) -> str:
        return reverse("committees:meeting", args=[self.id])

    @property
    def agenda_is_published(self) -> bool:
        return self.status != self.Status.PLANNED

    @property
    def minutes_are_published(self) -> bool:
        return self.status == self.Status.MINUTES_PUBLISHED

    # What each state allows: the services check these, and the meeting page offers the steps they allow
    # (committees.selectors.meeting_steps).

    @property
    def takes_new_items(self) -> bool:
        """Planned: items are added and reordered, warnings overridden, and the agenda published."""
        return self.status == self.Status.PLANNED

    @property
    def is_upcoming(self) -> bool:
        """Not held yet: its date and place may move, and items be taken off (an item "udgår")."""
        return self.status in (self.Status.PLANNED, self.Status.AGENDA_PUBLISHED)

    @property
    def awaits_holding(self) -> bool:
        """The agenda is public and the meeting not yet marked held."""
        return self.status == self.Status.AGENDA_PUBLISHED

    @property
    def takes_decisions(self) -> bool:
        """Held: the decisions are written, and then the minutes published."""
        return self.status == self.Status.HELD


class AgendaItem(TimeStampedModel):
    """One item (Punkt) of a meeting's agenda, in the sections of the Danish municipal format."""

    class ItemType(models.TextChoices):
        DISCUSSION = "discussion", _("Drøftelse")
        INFORMATION = "information", _("Orientering")
        DECISION = "decision", _("Beslutning")

    class Outcome(models.TextChoices):
        DECIDED = "decided", _("Besluttet")
        IMPLEMENTED = "implemented", _("Gennemføres")
        DECLINED = "declined", _("Afvist")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items", verbose_name=_("møde"))
    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="agenda_items")
    number = models.PositiveIntegerField(
        _("punkt nummer"), null=True, blank=True, help_text=_("Gives, når dagsordenen offentliggøres.")
    )
    order = models.PositiveSmallIntegerField(_("rækkefølge"))
    title = models.CharField(_("titel"), max_length=200)
    case_number = models.CharField(_("sagsnummer"), max_length=20, blank=True, validators=[CASE_NUMBER_VALIDATOR])
    item_type = models.CharField(_("sagstype"), max_length=20, choices=ItemType.choices)
    procedure = models.CharField(_("sagsgang og sagstype"), max_length=200, blank=True)
    recommendation = models.TextField(_("indstilling"), max_length=4000)
    description = models.TextField(_("beskrivelse af sagen"), max_length=30000)
    decision = models.TextField(_("beslutning"), max_length=10000, blank=True)
    outcome = models.CharField(_("udfald for borgerforslag"), max_length=20, choices=Outcome.choices, blank=True)
    is_public = models.BooleanField(_("åbent punkt"), default=True)
    themes = models.ManyToManyField(
        Theme,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("emner"),
        help_text=_(
            "Hvad punktet handler om. Et råd med høringspligt på et emne skal høres, før dagsordenen udsendes."
        ),
    )

    class Meta:
        ordering = ["meeting", "order"]
        verbose_name = _("dagsordenspunkt")
        verbose_name_plural = _("dagsordenspunkter")
        constraints = [
            models.UniqueConstraint(fields=["committee", "number"], name="unique_item_number_per_committee"),
            models.UniqueConstraint(
                fields=["meeting", "order"], name="unique_item_order_per_meeting", deferrable=models.Deferrable.DEFERRED
            ),
            models.CheckConstraint(condition=~Q(title=""), name="item_title_not_empty"),
            models.CheckConstraint(
                condition=Q(item_type__in=["discussion", "information", "decision"]), name="item_type_valid"
            ),
            models.CheckConstraint(
                condition=Q(outcome__in=["", "decided", "implemented", "declined"]), name="item_outcome_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"Punkt {self.number}: {self.title}" if self.number else self.title


class AgendaItemSource(TimeStampedModel):
    """What an item came from: an idea from a board (later also an escalated theme).

    Kept as kind + id so that another source of proposals can join without
    a change here; the source app owns the object, this row only points at it.
    """

    class Kind(models.TextChoices):
        IDEA = "idea", _("Borgerforslag")
        THEME = "theme", _("Eskaleret emne")
        BUDGET = "budget", _("Resultat af borgerbudget")
        HEARING = "hearing", _("Høring med høringsnotat")

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="sources")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()

    class Meta:
        verbose_name = _("kilde til dagsordenspunkt")
        verbose_name_plural = _("kilder til dagsordenspunkter")
        constraints = [
            models.UniqueConstraint(fields=["item", "kind", "object_id"], name="unique_item_source"),
        ]
        indexes = [models.Index(fields=["kind", "object_id"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"


class WarningOverride(TimeStampedModel):
    """The secretary publishes an agenda despite a source's warning on an item (core.proposals.AgendaWarning)."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="warning_overrides")
    code = models.CharField(_("advarsel"), max_length=100)
    message = models.TextField(_("advarslens tekst"), max_length=2000)
    reason = models.TextField(_("begrundelse"), max_length=2000)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["item", "id"]
        verbose_name = _("tilsidesat advarsel")
        verbose_name_plural = _("tilsidesatte advarsler")
        constraints = [models.UniqueConstraint(fields=["item", "code"], name="unique_warning_override")]

    def __str__(self) -> str:
        return f"{self.item_id} {self.code}"


class Attachment(TimeStampedModel):
    """A Bilag: a PDF, image or office document, its type checked by content."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("titel"), max_length=200)
    file = models.FileField(_("fil"), storage=attachment_storage, upload_to=attachment_path, max_length=200)
    file_name = models.CharField(_("filnavn"), max_length=200)
    mime_type = models.CharField(_("filtype"), max_length=100)
    size = models.PositiveBigIntegerField(_("størrelse"))
    sha1 = models.CharField(max_length=40)
    sha512 = models.CharField(max_length=128, blank=True)
    is_internal = models.BooleanField(
        _("internt bilag"), default=False, help_text=_("Interne bilag ses kun af udvalget og sekretæren.")
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["item", "order", "id"]
        verbose_name = _("bilag")
        verbose_name_plural = _("bilag")
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="attachment_title_not_empty"),
            models.CheckConstraint(
                condition=Q(size__lte=settings.ATTACHMENT_MAX_BYTES), name="attachment_size_within_limit"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("committees:attachment", args=[self.id, self.file_name])

    def get_download_url(self) -> str:
        return reverse("committees:attachment-download", args=[self.id, self.file_name])


class MeetingFile(TimeStampedModel):
    """The public agenda (OParl `invitation`) or minutes (`resultsProtocol`) of a meeting, as the public reads it.

    Rendered in Danish when it is published (the agenda again when its public content changes) and stored, so
    the size and checksum OParl gives describe exactly the bytes its download serves.
    """

    class Kind(models.TextChoices):
        AGENDA = "agenda", _("Dagsorden")
        MINUTES = "minutes", _("Referat")

    MIME_TYPE = "application/pdf"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="files", verbose_name=_("møde"))
    kind = models.CharField(_("dokument"), max_length=10, choices=Kind.choices)
    file = models.FileField(_("fil"), storage=attachment_storage, upload_to=attachment_path, max_length=200)
    file_name = models.CharField(_("filnavn"), max_length=200)
    size = models.PositiveBigIntegerField(_("størrelse"))
    sha512 = models.CharField(max_length=128)

    class Meta:
        ordering = ["meeting", "kind"]
        verbose_name = _("mødedokument")
        verbose_name_plural = _("mødedokumenter")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "kind"], name="unique_meeting_file_kind"),
            models.CheckConstraint(condition=Q(kind__in=["agenda", "minutes"]), name="meeting_file_kind_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.meeting}"

    def get_absolute_url(self) -> str:
        return reverse("committees:meeting-file", args=[self.meeting_id, self.kind, self.file_name])

    def get_download_url(self) -> str:
        return reverse("committees:meeting-file-download", args=[self.meeting_id, self.kind, self.file_name])


class PaperFile(TimeStampedModel):
    """An open item's own document, its sagsfremstilling (OParl Paper `mainFile`): the item as the public reads it
    on the published agenda — number, title, case number, Sagsgang, Indstilling, Beskrivelse af sagen and its
    Bilag — rendered in Danish when the agenda is published and again when the item's public content changes,
    and stored, so the size and checksum OParl gives describe exactly the bytes its download serves. Its key is
    the item's."""

    MIME_TYPE = "application/pdf"

    item = models.OneToOneField(
        AgendaItem, on_delete=models.CASCADE, primary_key=True, related_name="paper_file", verbose_name=_("punkt")
    )
    file = models.FileField(_("fil"), storage=attachment_storage, upload_to=attachment_path, max_length=200)
    file_name = models.CharField(_("filnavn"), max_length=200)
    size = models.PositiveBigIntegerField(_("størrelse"))
    sha512 = models.CharField(max_length=128)

    class Meta:
        verbose_name = _("sagsfremstilling")
        verbose_name_plural = _("sagsfremstillinger")

    def __str__(self) -> str:
        return self.file_name

    def get_absolute_url(self) -> str:
        return reverse("committees:paper-file", args=[self.item_id, self.file_name])

    def get_download_url(self) -> str:
        return reverse("committees:paper-file-download", args=[self.item_id, self.file_name])


class Tombstone(models.Model):
    """A paper (agenda item), file (attachment) or paper's main file that was public and no longer is: closed,
    taken off a published agenda or removed. OParl serves it as a deleted object (`deleted: true`) so that a
    client syncing with `modified_since` learns it is gone; it goes when the object is public again."""

    class Kind(models.TextChoices):
        PAPER = "paper", _("Sag")
        FILE = "file", _("Bilag")
        PAPER_FILE = "paper-file", _("Sagsfremstilling")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    file_name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(help_text=_("Da objektet blev oprettet."))
    deleted_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("slettet objekt")
        verbose_name_plural = _("slettede objekter")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="unique_tombstone"),
            models.CheckConstraint(condition=Q(kind__in=["paper", "file", "paper-file"]), name="tombstone_kind_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"
