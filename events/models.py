"""Events (arrangementer): debates, citizens' meetings, workshops and Folkemøde sessions people sign up for.

An event belongs to the department that organises it; that department's staff plan it, tick off attendance
and write the report. Registration is one row per person and event while it runs (a partial unique
constraint: a cancelled registration leaves room for a new one). Seats are counted from the confirmed rows
under a lock on the event's row (events/services.py), so the last seat goes to one person and the waiting
list moves up once. The planning of who from the municipality takes part (`Participant`) is internal.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Committee, Department
from budgets.models import Budget
from core.models import TimeStampedModel
from hearings.models import Answer, Hearing
from ideas.models import Board, Idea

TITLE_MAX = 200
TEXT_MAX = 10000
NAME_MAX = 200
CODE_LENGTH = 6
# No 0/O, 1/I/L: a code read aloud at the door or typed from a phone is not misread.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


class Event(TimeStampedModel):
    class Kind(models.TextChoices):
        DEBATE = "debate", _("Debat")
        CITIZENS_MEETING = "citizens_meeting", _("Borgermøde")
        WORKSHOP = "workshop", _("Workshop")
        FOLKEMODE = "folkemode", _("Folkemøde-arrangement")

    title = models.CharField(_("titel"), max_length=TITLE_MAX)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    starts_at = models.DateTimeField(_("begynder"), db_index=True)
    ends_at = models.DateTimeField(_("slutter"))
    address = models.CharField(_("adresse"), max_length=TITLE_MAX, blank=True)
    online_url = models.URLField(_("link til at deltage online"), max_length=500, blank=True)
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="events", verbose_name=_("arrangerende afdeling")
    )
    organiser = models.CharField(
        _("arrangør"), max_length=NAME_MAX, blank=True, help_text=_("Vises som arrangør. Tom: afdelingens navn.")
    )
    description = models.TextField(_("beskrivelse"), max_length=TEXT_MAX, blank=True)
    capacity = models.PositiveIntegerField(_("antal pladser"), null=True, blank=True)
    registration_opens_at = models.DateTimeField(_("tilmelding åbner"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("tilmelding lukker"), null=True, blank=True)
    is_published = models.BooleanField(_("offentliggjort"), default=False)
    published_at = models.DateTimeField(_("offentliggjort"), null=True, blank=True, editable=False)
    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, null=True, blank=True, related_name="events", verbose_name=_("udvalg")
    )
    board = models.ForeignKey(
        Board, on_delete=models.PROTECT, null=True, blank=True, related_name="events", verbose_name=_("idétavle")
    )
    budget = models.ForeignKey(
        Budget, on_delete=models.PROTECT, null=True, blank=True, related_name="events", verbose_name=_("borgerbudget")
    )
    hearing = models.ForeignKey(
        Hearing, on_delete=models.PROTECT, null=True, blank=True, related_name="events", verbose_name=_("høring")
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # After the event
    report = models.TextField(_("referat"), max_length=TEXT_MAX, blank=True)
    report_ideas = models.ManyToManyField(
        Idea, blank=True, related_name="events_reported", verbose_name=_("idéer fra arrangementet")
    )
    report_answers = models.ManyToManyField(
        Answer, blank=True, related_name="events_reported", verbose_name=_("høringssvar fra arrangementet")
    )
    reported_at = models.DateTimeField(_("referat skrevet"), null=True, blank=True, editable=False)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("arrangement")
        verbose_name_plural = _("arrangementer")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="event_ends_after_start"),
            models.CheckConstraint(condition=~Q(address="", online_url=""), name="event_has_a_place"),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gt=0), name="event_capacity_positive"
            ),
            models.CheckConstraint(
                condition=Q(registration_opens_at__isnull=True, registration_closes_at__isnull=True)
                | Q(
                    registration_closes_at__gt=F("registration_opens_at"),
                    registration_closes_at__lte=F("starts_at"),
                ),
                name="event_registration_window_in_order",
            ),
            models.CheckConstraint(
                condition=Q(is_published=False) | Q(published_at__isnull=False), name="event_published_has_time"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.id])

    @property
    def organiser_name(self) -> str:
        return self.organiser or self.department.name

    @property
    def takes_registrations(self) -> bool:
        return self.registration_opens_at is not None

    def registration_is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.takes_registrations and self.registration_opens_at <= now < self.registration_closes_at

    def has_ended(self, now=None) -> bool:
        return self.ends_at <= (now or timezone.now())

    def has_started(self, now=None) -> bool:
        return self.starts_at <= (now or timezone.now())


class Contributor(models.Model):
    """A partner (e.g. Mandag Morgen, whose tent hosts the debate) or a speaker of the event. Public."""

    class Role(models.TextChoices):
        PARTNER = "partner", _("Partner")
        SPEAKER = "speaker", _("Oplægsholder")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="contributors")
    role = models.CharField(_("rolle"), max_length=10, choices=Role.choices)
    name = models.CharField(_("navn"), max_length=NAME_MAX)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["event", "role", "order", "id"]
        verbose_name = _("partner eller oplægsholder")
        verbose_name_plural = _("partnere og oplægsholdere")

    def __str__(self) -> str:
        return self.name


class Registration(TimeStampedModel):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Tilmeldt")
        WAITING = "waiting", _("På venteliste")
        CANCELLED = "cancelled", _("Afmeldt")

    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    code = models.CharField(_("tilmeldingskode"), max_length=CODE_LENGTH)
    # The waiting list's order: who asked first moves up first.
    queued_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(_("fik plads"), null=True, blank=True)
    promoted_at = models.DateTimeField(_("rykket op fra ventelisten"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("afmeldt"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("påmindet"), null=True, blank=True)
    attended_at = models.DateTimeField(_("mødt op"), null=True, blank=True)
    attendance_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["event", "queued_at", "id"]
        verbose_name = _("tilmelding")
        verbose_name_plural = _("tilmeldinger")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"], condition=~Q(status="cancelled"), name="one_registration_per_person"
            ),
            models.UniqueConstraint(fields=["event", "code"], name="unique_registration_code_per_event"),
            models.CheckConstraint(
                condition=Q(attended_at__isnull=True) | Q(status="confirmed"), name="registration_attended_had_seat"
            ),
            models.CheckConstraint(
                condition=~Q(status="confirmed") | Q(confirmed_at__isnull=False), name="registration_confirmed_has_time"
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "queued_at"])]

    def __str__(self) -> str:
        return f"{self.event_id}: {self.code}"


class Participant(TimeStampedModel):
    """Internal planning: a councillor or member of staff who takes part in the event, and what she does there."""

    class Role(models.TextChoices):
        COUNCILLOR = "councillor", _("Politiker")
        STAFF = "staff", _("Medarbejder")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="event_participations")
    role = models.CharField(_("rolle"), max_length=12, choices=Role.choices)
    task = models.CharField(
        _("opgave"), max_length=TITLE_MAX, blank=True, help_text=_("Fx ”Paneldeltager” eller ”Står i teltet”.")
    )
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["event", "role", "user__full_name", "id"]
        verbose_name = _("deltager fra kommunen")
        verbose_name_plural = _("deltagere fra kommunen")
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="unique_event_participant")]

    def __str__(self) -> str:
        return f"{self.event_id}: {self.user_id}"
