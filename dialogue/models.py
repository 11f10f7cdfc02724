"""Dialogue threads: participants and their messages.

A thread knows nothing of what it is about: the owner (a complaint today)
creates it through a service, names a department whose staff may join, and
adds the people. Messages are rows first; the live socket only carries them.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import GreaterThanOrEqual, LessThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Department
from core.models import TimeStampedModel

BODY_MAX_LENGTH = 4000
CLIENT_ID_MAX_LENGTH = 64
HIDDEN_REASON_MAX_LENGTH = 500
# What a client may post (dialogue.services.post_message, every door alike): a contact summary is no client's to
# send; it comes through dialogue.services.post_contact_summary from its owner's service (complaints shares a
# logged contact).
CLIENT_KINDS = ("text", "confirmation", "correction")


class Thread(TimeStampedModel):
    title = models.CharField(_("titel"), max_length=200)
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="threads",
        verbose_name=_("afdeling"),
        help_text=_("Afdelingens medarbejdere kan deltage i samtalen."),
    )
    subject_url = models.CharField(
        _("link til sagen"), max_length=500, blank=True, help_text=_("Siden om det, samtalen handler om.")
    )
    subject_label = models.CharField(
        _("sagens betegnelse"),
        max_length=100,
        blank=True,
        help_text=_("Fx klagens reference; brødkrummens led til sagen."),
    )
    last_seq = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("samtale")
        verbose_name_plural = _("samtaler")

    def __str__(self) -> str:
        return self.title


class Participant(TimeStampedModel):
    class Role(models.TextChoices):
        CITIZEN = "citizen", _("Borger")
        STAFF = "staff", _("Medarbejder")
        REPRESENTATIVE = "representative", _("Repræsentant")

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="thread_participations")
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices)
    # A representative takes part for the citizen she acts for, and only between these dates (the owner of the
    # thread keeps them in step with the power of attorney); empty dates: no limit.
    on_behalf_of = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("på vegne af"),
    )
    valid_from = models.DateField(_("deltager fra"), null=True, blank=True)
    valid_until = models.DateField(_("deltager til og med"), null=True, blank=True)
    last_read_id = models.BigIntegerField(_("læst til og med besked"), default=0)
    # The unread e-mail has told the participant about every message up to this id.
    emailed_up_to = models.BigIntegerField(default=0)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("deltager")
        verbose_name_plural = _("deltagere")
        constraints = [
            models.UniqueConstraint(fields=["thread", "user"], name="unique_participant_per_thread"),
            models.CheckConstraint(
                condition=Q(last_read_id__gte=0) & Q(emailed_up_to__gte=0), name="participant_marks_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(role="representative", on_behalf_of__isnull=False)
                | ~Q(role="representative") & Q(on_behalf_of__isnull=True),
                name="participant_representative_acts_for_someone",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.thread}"


class Message(models.Model):
    class Kind(models.TextChoices):
        TEXT = "text", _("Besked")
        CONTACT_SUMMARY = "contact_summary", _("Resumé af kontakt")
        CONFIRMATION = "confirmation", _("Bekræftelse af resumé")
        CORRECTION = "correction", _("Rettelse til resumé")

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="messages")
    seq = models.PositiveIntegerField(_("nummer i samtalen"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("forfatter")
    )
    # Written by a representative for this citizen: shown with both names, kept after the representation ends.
    on_behalf_of = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("på vegne af"),
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.TEXT)
    body = models.TextField(_("tekst"), max_length=BODY_MAX_LENGTH)
    client_id = models.CharField(max_length=CLIENT_ID_MAX_LENGTH)
    reply_to = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="answers", verbose_name=_("svar på")
    )
    created_at = models.DateTimeField(_("skrevet"), default=timezone.now, db_index=True)
    hidden_at = models.DateTimeField(_("skjult"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    hidden_reason = models.CharField(_("begrundelse for at skjule"), max_length=HIDDEN_REASON_MAX_LENGTH, blank=True)

    class Meta:
        ordering = ["thread", "seq"]
        verbose_name = _("besked")
        verbose_name_plural = _("beskeder")
        constraints = [
            # A resend after a dropped connection is the same message, not a second one.
            models.UniqueConstraint(fields=["thread", "author", "client_id"], name="unique_client_id_per_author"),
            models.UniqueConstraint(fields=["thread", "seq"], name="unique_seq_per_thread"),
            # A contact summary gets one answer (a confirmation or a correction) from each person.
            models.UniqueConstraint(
                fields=["reply_to", "author"],
                condition=Q(kind__in=["confirmation", "correction"]),
                name="one_answer_per_summary_and_author",
            ),
            models.CheckConstraint(
                condition=Q(GreaterThanOrEqual(Length("body"), 1), LessThanOrEqual(Length("body"), BODY_MAX_LENGTH)),
                name="message_body_1_to_4000",
            ),
            models.CheckConstraint(condition=~Q(client_id=""), name="message_client_id_not_empty"),
            models.CheckConstraint(
                condition=Q(kind__in=["confirmation", "correction"], reply_to__isnull=False)
                | Q(kind__in=["text", "contact_summary"], reply_to__isnull=True),
                name="message_answers_refer_to_summary",
            ),
            models.CheckConstraint(
                condition=Q(hidden_at__isnull=True, hidden_by__isnull=True, hidden_reason="")
                | Q(hidden_at__isnull=False, hidden_by__isnull=False) & ~Q(hidden_reason=""),
                name="message_hidden_with_reason",
            ),
        ]
        indexes = [models.Index(fields=["thread", "id"])]

    def __str__(self) -> str:
        return f"{self.thread_id}#{self.seq}"

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None
