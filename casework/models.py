"""The legal track of a complaint case: partshøring, decision letters, genvurdering and the klagepakke.

Forvaltningsloven §§ 19, 21, 22–25 and retssikkerhedsloven § 66; the rules themselves live in
casework.services, the database holds what must never be false whatever the door.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Department
from complaints.models import Complaint, ComplaintAttachment
from core.models import TimeStampedModel
from core.uploads import attachment_path, attachment_storage

TEXT_MAX = 8000


class GuidanceTemplate(TimeStampedModel):
    """A department's complaint guidance (klagevejledning, forvaltningsloven § 25): where, how and by when."""

    department = models.ForeignKey(
        Department, on_delete=models.CASCADE, related_name="guidance_templates", verbose_name=_("afdeling")
    )
    name = models.CharField(_("navn"), max_length=120, help_text=_("Fx ”Klage til Ankestyrelsen (serviceloven)”."))
    appeals_body = models.CharField(_("klageinstans"), max_length=200, help_text=_("Fx ”Ankestyrelsen”."))
    text = models.TextField(
        _("klagevejledning"),
        max_length=TEXT_MAX,
        help_text=_("Hvor borgeren kan klage, hvordan, og fristen. Markdown."),
    )

    class Meta:
        ordering = ["department", "name", "id"]
        verbose_name = _("skabelon for klagevejledning")
        verbose_name_plural = _("skabeloner for klagevejledning")
        constraints = [models.UniqueConstraint(fields=["department", "name"], name="unique_guidance_template_name")]

    def __str__(self) -> str:
        return f"{self.department}: {self.name}"


class Hearing(TimeStampedModel):
    """A partshøring (§ 19): facts the citizen has not seen, sent for her comment before a decision; or a
    plain question to her. While either waits for her, the service clock stands still (casework.selectors)."""

    class Kind(models.TextChoices):
        PARTSHOERING = "partshoering", _("Partshøring")
        QUESTION = "question", _("Spørgsmål til borgeren")

    class Status(models.TextChoices):
        OPEN = "open", _("Venter på borgerens svar")
        ANSWERED = "answered", _("Besvaret")
        EXPIRED = "expired", _("Fristen er udløbet")
        CLOSED = "closed", _("Lukket ved afgørelsen")

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="hearings")
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.PARTSHOERING)
    facts = models.TextField(_("oplysningerne"), max_length=TEXT_MAX)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    sent_at = models.DateTimeField(_("sendt"), default=timezone.now)
    deadline = models.DateTimeField(_("frist"))
    first_deadline = models.DateTimeField(_("oprindelig frist"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    # When the waiting ended: answered, the deadline (expired), or the decision that closed it.
    ended_at = models.DateTimeField(null=True, blank=True)
    answer = models.TextField(_("svar"), max_length=TEXT_MAX, blank=True)
    answered_at = models.DateTimeField(_("besvaret"), null=True, blank=True)
    answer_attachments = models.ManyToManyField(ComplaintAttachment, blank=True, related_name="+")
    # § 21: the citizen may ask for more time; the caseworker grants (a new deadline) or refuses (why).
    extension_requested_at = models.DateTimeField(null=True, blank=True)
    extension_reason = models.TextField(_("begrundelse for mere tid"), max_length=2000, blank=True)
    extension_wanted_until = models.DateField(_("ønsket frist"), null=True, blank=True)
    extension_decided_at = models.DateTimeField(null=True, blank=True)
    extension_granted = models.BooleanField(null=True, blank=True)
    extension_refusal = models.TextField(_("begrundelse for afslag"), max_length=2000, blank=True)

    class Meta:
        ordering = ["-sent_at", "-id"]
        verbose_name = _("partshøring")
        verbose_name_plural = _("partshøringer")
        constraints = [
            # One thing at a time waits for the citizen, so the paused time is never counted twice.
            models.UniqueConstraint(fields=["complaint"], condition=Q(status="open"), name="one_open_hearing"),
            models.CheckConstraint(condition=Q(status="open") | Q(ended_at__isnull=False), name="hearing_ended"),
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("first_deadline")), name="hearing_deadline_not_cut"
            ),
        ]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self) -> str:
        return f"{self.complaint.reference}: {self.get_kind_display()}"

    def get_absolute_url(self) -> str:
        return reverse("casework:hearing", args=[self.id])

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def extension_pending(self) -> bool:
        return self.extension_requested_at is not None and self.extension_decided_at is None

    @property
    def deadline_passed(self) -> bool:
        return self.deadline < timezone.now()


class Decision(TimeStampedModel):
    """A decision letter (afgørelse, forvaltningsloven §§ 22–25): the decision, its grounds, the complaint
    guidance. Sent once: a message in the case's thread, an e-mail, and the PDF kept as sent."""

    class Kind(models.TextChoices):
        CHANGED = "changed", _("Afgørelsen ændres (medhold)")
        UPHELD = "upheld", _("Afgørelsen fastholdes")
        NEW = "new", _("Ny afgørelse i dialogen")

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="decisions")
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    decision = models.TextField(_("afgørelsen"), max_length=TEXT_MAX)
    legal_rules = models.TextField(_("de retsregler, afgørelsen bygger på"), max_length=TEXT_MAX, blank=True)
    considerations = models.TextField(_("hovedhensyn"), max_length=TEXT_MAX, blank=True)
    facts = models.TextField(_("de faktiske forhold"), max_length=TEXT_MAX, blank=True)
    complaint_guidance = models.TextField(_("klagevejledning"), max_length=TEXT_MAX, blank=True)
    full_agreement = models.BooleanField(_("borgeren får fuldt ud medhold"), default=False)
    hearing_override_reason = models.TextField(
        _("hvorfor afgørelsen kan træffes uden at vente på partshøringen"), max_length=2000, blank=True
    )
    lix = models.FloatField(_("LIX"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    sent_at = models.DateTimeField(_("sendt"), default=timezone.now)
    pdf = models.FileField(storage=attachment_storage, upload_to=attachment_path, max_length=200)
    message = models.OneToOneField(
        "dialogue.Message", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["sent_at", "id"]
        verbose_name = _("afgørelse")
        verbose_name_plural = _("afgørelser")
        constraints = [
            # Without full agreement the letter has its grounds (§§ 22, 24) and its guidance (§ 25).
            models.CheckConstraint(
                condition=Q(full_agreement=True)
                | (~Q(legal_rules="") & ~Q(considerations="") & ~Q(facts="") & ~Q(complaint_guidance="")),
                name="decision_grounds_and_guidance_unless_full_agreement",
            ),
            models.CheckConstraint(
                condition=~Q(kind="upheld") | Q(full_agreement=False), name="upheld_decision_not_full_agreement"
            ),
            # One decision ends the complaint: it is changed, or upheld and forwarded.
            models.UniqueConstraint(
                fields=["complaint"], condition=Q(kind__in=["changed", "upheld"]), name="one_final_decision"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.complaint.reference}: {self.get_kind_display()}"

    def get_absolute_url(self) -> str:
        return reverse("casework:decision", args=[self.id])

    def get_pdf_url(self) -> str:
        return reverse("casework:decision-pdf", args=[self.id])


class Reassessment(TimeStampedModel):
    """The genvurdering (retssikkerhedsloven § 66) of an upheld decision, and the klagepakke forwarded with it."""

    complaint = models.OneToOneField(Complaint, on_delete=models.CASCADE, related_name="reassessment")
    decision = models.OneToOneField(Decision, on_delete=models.PROTECT, related_name="reassessment")
    grounds = models.TextField(_("begrundelse for at fastholde"), max_length=TEXT_MAX)
    appeals_body = models.CharField(_("klageinstans"), max_length=200)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    forwarded_at = models.DateTimeField(_("sendt til klageinstansen"), default=timezone.now)
    klagepakke = models.FileField(storage=attachment_storage, upload_to=attachment_path, max_length=200)
    klagepakke_sha1 = models.CharField(max_length=40)

    class Meta:
        verbose_name = _("genvurdering")
        verbose_name_plural = _("genvurderinger")

    def __str__(self) -> str:
        return f"{self.complaint.reference}: {self.appeals_body}"

    def get_pdf_url(self) -> str:
        return reverse("casework:klagepakke", args=[self.id])

    def get_zip_url(self) -> str:
        return reverse("casework:klagepakke-zip", args=[self.id])
