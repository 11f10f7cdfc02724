"""How long closed cases are kept, what was anonymised when, and citizens' requests for erasure (GDPR art. 17)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Department
from classification.models import KleNumber
from complaints.models import Complaint
from core.models import TimeStampedModel


class RetentionPeriod(TimeStampedModel):
    """How many years after closing a case is kept: per KLE subject, or, for cases without one, per department."""

    kle_subject = models.OneToOneField(
        KleNumber,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"level": KleNumber.Level.SUBJECT},
        verbose_name=_("KLE-emne"),
    )
    department = models.OneToOneField(
        Department, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("afdeling")
    )
    years = models.PositiveSmallIntegerField(
        _("opbevares i år efter afslutning"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    class Meta:
        verbose_name = _("opbevaringsperiode")
        verbose_name_plural = _("opbevaringsperioder")
        constraints = [
            models.CheckConstraint(
                condition=Q(kle_subject__isnull=False, department__isnull=True)
                | Q(kle_subject__isnull=True, department__isnull=False),
                name="retention_for_kle_or_department",
            ),
            models.CheckConstraint(condition=Q(years__gte=1, years__lte=100), name="retention_1_to_100_years"),
        ]

    def __str__(self) -> str:
        return f"{self.kle_subject or self.department}: {self.years}"


class AnonymisationLog(models.Model):
    """What the product anonymised, when and why: the log staff read. No personal data in it."""

    class Reason(models.TextChoices):
        RETENTION = "retention", _("Opbevaringsperioden er udløbet")
        ERASURE = "erasure", _("Borgeren har bedt om sletning")

    complaint = models.OneToOneField(Complaint, on_delete=models.PROTECT, related_name="+", verbose_name=_("sag"))
    reason = models.CharField(_("årsag"), max_length=10, choices=Reason.choices)
    rule = models.CharField(_("regel"), max_length=300, blank=True)
    removed = models.JSONField(_("fjernet"), default=dict)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("tidspunkt"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("anonymisering")
        verbose_name_plural = _("anonymiseringer")

    def __str__(self) -> str:
        return f"{self.complaint_id}: {self.reason}"


class ErasureRequest(TimeStampedModel):
    """A citizen's request to have her data erased (GDPR art. 17): in one case, or all of it — every case of
    hers and then her account. Staff erase, or record why the law keeps a case (for all her data: per case)."""

    class Scope(models.TextChoices):
        CASE = "case", _("Én sag")
        ALL = "all", _("Alle borgerens oplysninger")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Modtaget")
        ERASED = "erased", _("Slettet")
        PARTLY = "partly", _("Delvist slettet")
        KEPT = "kept", _("Bevares")

    citizen = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("borger")
    )
    scope = models.CharField(_("omfang"), max_length=4, choices=Scope.choices, default=Scope.CASE)
    complaint = models.ForeignKey(
        Complaint, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("sag")
    )
    reference = models.CharField(
        _("sag"), max_length=20, blank=True, help_text=_("Sagens reference, også når sagen er anonymiseret.")
    )
    reason = models.TextField(_("hvorfor ønsker du sletning"), max_length=2000, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    grounds = models.TextField(_("begrundelse"), max_length=4000, blank=True)
    # For all her data: the cases kept, each with the reason the law gives ({"reference": ..., "grounds": ...}).
    kept_cases = models.JSONField(_("sager der bevares"), default=list, blank=True)
    decided_at = models.DateTimeField(_("afgjort"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("anmodning om sletning")
        verbose_name_plural = _("anmodninger om sletning")
        constraints = [
            models.UniqueConstraint(
                fields=["complaint"], condition=Q(status="requested"), name="one_open_erasure_request_per_case"
            ),
            models.UniqueConstraint(
                fields=["citizen"],
                condition=Q(status="requested", scope="all"),
                name="one_open_erasure_request_for_all",
            ),
            models.CheckConstraint(
                condition=Q(scope="case", complaint__isnull=False) | Q(scope="all", complaint__isnull=True),
                name="erasure_case_or_all",
            ),
            models.CheckConstraint(
                condition=Q(status="requested", decided_at__isnull=True)
                | Q(status__in=["erased", "partly"], decided_at__isnull=False)
                | Q(status="kept", decided_at__isnull=False) & ~Q(grounds=""),
                name="erasure_kept_with_grounds",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference or self.scope}: {self.status}"

    @property
    def label(self) -> str:
        """What the request is about, for headings: the case's reference, or all her data."""
        return self.reference if self.scope == self.Scope.CASE else str(_("Alle dine oplysninger"))
