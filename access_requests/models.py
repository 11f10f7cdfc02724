"""Requests for access to a case's documents (aktindsigt, offentlighedsloven and forvaltningsloven).

A citizen asks for the documents of her own case; anyone may ask, by a free-text description, for a case's
documents with personal data removed. The request is decided within seven working days (offentlighedsloven
§ 36); when it is not, the requester gets a fristbrev with the reason and the expected date.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Department
from complaints.models import Complaint
from core.models import TimeStampedModel
from core.uploads import attachment_path, attachment_storage


class AccessRequest(TimeStampedModel):
    class Status(models.TextChoices):
        OPEN = "open", _("Under behandling")
        DECIDED = "decided", _("Afgjort")

    class Decision(models.TextChoices):
        FULL = "full", _("Fuld aktindsigt")
        PARTIAL = "partial", _("Delvis aktindsigt")
        REFUSED = "refused", _("Afslag på aktindsigt")

    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="access_requests", verbose_name=_("anmoder")
    )
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="+", verbose_name=_("afdeling"))
    complaint = models.ForeignKey(
        Complaint, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("sag")
    )
    description = models.TextField(_("hvad ønsker du aktindsigt i"), max_length=4000, blank=True)
    # A party sees her own case; anyone else only what is left when personal data are removed.
    is_party = models.BooleanField(_("part i sagen"), default=False)
    received_at = models.DateTimeField(_("modtaget"), default=timezone.now)
    remind_at = models.DateTimeField(_("påmindelse"))
    due_at = models.DateTimeField(_("frist"), db_index=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    # The fristbrev (§ 36 stk. 2): drafted when the deadline day begins, sent when the deadline has passed.
    late_letter_reason = models.TextField(_("begrundelse for forsinkelsen"), max_length=2000, blank=True)
    expected_by = models.DateField(_("forventet afgørelse"), null=True, blank=True)
    late_letter_drafted_at = models.DateTimeField(null=True, blank=True)
    late_letter_sent_at = models.DateTimeField(_("fristbrev sendt"), null=True, blank=True)
    late_letter_pdf = models.FileField(
        _("fristbrev (PDF)"), storage=attachment_storage, upload_to=attachment_path, max_length=200, blank=True
    )
    decision = models.CharField(_("afgørelse"), max_length=10, choices=Decision.choices, blank=True)
    grounds = models.TextField(_("begrundelse"), max_length=4000, blank=True)
    decided_at = models.DateTimeField(_("afgjort"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["due_at", "id"]
        verbose_name = _("anmodning om aktindsigt")
        verbose_name_plural = _("anmodninger om aktindsigt")
        constraints = [
            models.CheckConstraint(
                condition=Q(complaint__isnull=False) | ~Q(description=""), name="access_request_case_or_description"
            ),
            models.CheckConstraint(
                condition=Q(status="decided", decided_at__isnull=False) & ~Q(decision="")
                | Q(status="open", decided_at__isnull=True, decision=""),
                name="access_request_decision_iff_decided",
            ),
            models.CheckConstraint(
                condition=Q(is_party=False) | Q(complaint__isnull=False), name="access_party_has_case"
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"A-{timezone.localtime(self.received_at).year}-{self.id:05d}"

    def get_late_letter_url(self) -> str:
        return reverse("access_requests:late-letter-pdf", args=[self.id])

    @property
    def is_overdue(self) -> bool:
        return self.status == self.Status.OPEN and self.due_at < timezone.now()


class AccessDocument(models.Model):
    """One document of the case as it will be (or was) released: its text with personal data removed, or
    withheld with its own grounds."""

    class Kind(models.TextChoices):
        COMPLAINT = "complaint", _("Klagen")
        CONTACT_LOG = "contact_log", _("Kontaktnotat")
        MESSAGE = "message", _("Besked i samtalen")
        DECISION = "decision", _("Afgørelse")
        HEARING = "hearing", _("Partshøring og svar")
        ATTACHMENT = "attachment", _("Bilag")

    request = models.ForeignKey(AccessRequest, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("dokument"), max_length=20, choices=Kind.choices)
    source_id = models.PositiveBigIntegerField()
    dated_at = models.DateTimeField(_("dato"))
    released_text = models.TextField(_("tekst der udleveres"), max_length=20000, blank=True)
    released = models.BooleanField(_("udleveres"), default=True)
    withheld_grounds = models.TextField(_("begrundelse for at undtage"), max_length=2000, blank=True)

    class Meta:
        ordering = ["dated_at", "id"]
        verbose_name = _("dokument i aktindsigt")
        verbose_name_plural = _("dokumenter i aktindsigt")
        constraints = [
            models.UniqueConstraint(fields=["request", "kind", "source_id"], name="one_access_document_per_source"),
            models.CheckConstraint(condition=Q(released=True) | ~Q(withheld_grounds=""), name="withheld_with_grounds"),
        ]

    def __str__(self) -> str:
        return f"{self.request_id}: {self.kind} {self.source_id}"
