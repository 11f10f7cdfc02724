"""Themes that many complaints and ideas have in common, escalated to a committee.

A committee follows themes with its own settings: at least N new complaints and ideas in a rolling
window of W days (defaults 5 and 30), or a clear rise against the window before. The hourly job
(escalations.services.escalate_themes) creates at most one escalation per committee, theme and window:
the window is the W-day period the detection falls in, and a unique constraint holds it.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Committee
from core.models import TimeStampedModel
from themes.models import Theme


class EscalationSettings(TimeStampedModel):
    committee = models.OneToOneField(
        Committee, on_delete=models.CASCADE, related_name="escalation_settings", verbose_name=_("udvalg")
    )
    threshold = models.PositiveSmallIntegerField(
        _("antal nye henvendelser"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
        help_text=_("Så mange nye klager og idéer om et emne inden for perioden gør, at emnet eskaleres."),
    )
    window_days = models.PositiveSmallIntegerField(
        _("periode i dage"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("De seneste så mange dage tælles med (en rullende periode)."),
    )
    rise_factor = models.FloatField(
        _("tydelig stigning"),
        default=2.0,
        validators=[MinValueValidator(1.1), MaxValueValidator(100)],
        help_text=_(
            "Et emne eskaleres også, når der i perioden er mindst så mange gange flere henvendelser som i "
            "perioden før (og mindst det antal, der er sat ovenfor)."
        ),
    )
    themes = models.ManyToManyField(
        Theme,
        blank=True,
        related_name="+",
        verbose_name=_("emner, udvalget følger"),
        help_text=_("Vælges ingen, følger udvalget alle aktive emner."),
    )

    class Meta:
        verbose_name = _("indstillinger for eskalering")
        verbose_name_plural = _("indstillinger for eskalering")
        constraints = [
            models.CheckConstraint(condition=Q(threshold__gte=1, threshold__lte=1000), name="escalation_threshold"),
            models.CheckConstraint(condition=Q(window_days__gte=1, window_days__lte=365), name="escalation_window"),
            models.CheckConstraint(condition=Q(rise_factor__gte=1.1, rise_factor__lte=100), name="escalation_rise"),
        ]

    def __str__(self) -> str:
        return str(self.committee)


class Escalation(TimeStampedModel):
    class Reason(models.TextChoices):
        THRESHOLD = "threshold", _("Mange nye henvendelser")
        RISE = "rise", _("Tydelig stigning")

    class Status(models.TextChoices):
        OPEN = "open", _("Venter på udvalget")
        DISMISSED = "dismissed", _("Afvist")
        MERGED = "merged", _("Slået sammen med et andet")
        ON_AGENDA = "on_agenda", _("På dagsordenen")
        DECIDED = "decided", _("Behandlet af udvalget")

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="escalations")
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="escalations", verbose_name=_("emne"))
    window_start = models.DateField(_("periodens start"))
    detected_at = models.DateTimeField(_("eskaleret"))
    window_days = models.PositiveSmallIntegerField(_("periode i dage"))
    new_items = models.PositiveIntegerField(_("nye henvendelser"))
    complaints = models.PositiveIntegerField(_("klager i perioden"))
    ideas = models.PositiveIntegerField(_("idéer i perioden"))
    previous = models.PositiveIntegerField(_("henvendelser i perioden før"))
    reason = models.CharField(_("årsag"), max_length=10, choices=Reason.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    dismissed_reason = models.TextField(_("begrundelse"), max_length=2000, blank=True)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged",
        verbose_name=_("slået sammen med"),
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)
    # Where the committee took it up, as the committees app told (escalations.proposals): the item's link,
    # the meeting's date and, once the minutes are out, the decision.
    agenda_url = models.CharField(_("dagsordenspunkt"), max_length=500, blank=True)
    agenda_date = models.DateTimeField(_("mødedato"), null=True, blank=True)
    decision = models.TextField(_("udvalgets beslutning"), max_length=10000, blank=True)

    class Meta:
        ordering = ["-detected_at", "-id"]
        verbose_name = _("eskaleret emne")
        verbose_name_plural = _("eskalerede emner")
        constraints = [
            # Exactly one escalation per committee, theme and window, however many jobs run at once.
            models.UniqueConstraint(fields=["committee", "theme", "window_start"], name="one_escalation_per_window"),
            models.CheckConstraint(
                condition=Q(status="merged", merged_into__isnull=False) | ~Q(status="merged") & Q(merged_into=None),
                name="escalation_merged_iff_target",
            ),
            models.CheckConstraint(
                condition=~Q(status="dismissed") | ~Q(dismissed_reason=""), name="escalation_dismissed_with_reason"
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["on_agenda", "decided"]) | ~Q(agenda_url=""),
                name="escalation_on_agenda_with_link",
            ),
        ]
        indexes = [models.Index(fields=["committee", "status"])]

    def __str__(self) -> str:
        return f"{self.theme} ({self.window_start})"

    @property
    def items(self) -> int:
        return self.complaints + self.ideas


class ThemeCounts(models.Model):
    """A theme's counts for its page, as the refresh job last computed them (every 15 minutes).

    The complaints' figures (the same measures as the public service figures), complaints and ideas per
    week, and complaints per department, for the weeks from `since` to `until`. Counts only, never a person.
    """

    theme = models.OneToOneField(Theme, on_delete=models.CASCADE, related_name="+")
    since = models.DateTimeField()
    until = models.DateTimeField()
    totals = models.JSONField()
    weeks = models.JSONField()  # [["2026-03-02", complaints, ideas], ...]
    departments = models.JSONField()  # [[department id, complaints], ...], most first
    computed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("tal for et emne")
        verbose_name_plural = _("tal for emner")

    def __str__(self) -> str:
        return f"{self.theme_id} {self.computed_at:%Y-%m-%d %H:%M}"
