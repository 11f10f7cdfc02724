"""The public service figures as last computed: per department and month, and per department and year."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Department


class ServiceFigure(models.Model):
    """The counts behind one row of the public figures; shares and suppression are worked out when read.

    Written only by figures.services.refresh_service_figures, which recomputes every row from the complaints.
    """

    class Period(models.TextChoices):
        MONTH = "month", _("Måned")
        YEAR = "year", _("År")

    department = models.ForeignKey(Department, on_delete=models.CASCADE, related_name="+")
    period = models.CharField(max_length=5, choices=Period.choices)
    starts_on = models.DateField()
    complaints = models.PositiveIntegerField()
    contacted = models.PositiveIntegerField()
    median_days_to_contact = models.FloatField(null=True)
    p90_days_to_contact = models.FloatField(null=True)
    deadline_known = models.PositiveIntegerField()
    within_deadline = models.PositiveIntegerField()
    closed = models.PositiveIntegerField()
    resolved_in_dialogue = models.PositiveIntegerField()
    decision_changed = models.PositiveIntegerField()
    upheld_and_forwarded = models.PositiveIntegerField()
    genvurderinger = models.PositiveIntegerField()
    genvurderinger_in_time = models.PositiveIntegerField()
    # Time to the first decision, less the time waiting for the citizen (casework's service clock).
    decided = models.PositiveIntegerField(default=0)
    median_days_to_decision = models.FloatField(null=True)
    ratings = models.PositiveIntegerField()
    average_rating = models.FloatField(null=True)
    understood_answers = models.PositiveIntegerField()
    understood = models.PositiveIntegerField()
    computed_at = models.DateTimeField()

    class Meta:
        ordering = ["department_id", "period", "starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["department", "period", "starts_on"], name="unique_service_figure"),
        ]
        indexes = [models.Index(fields=["starts_on", "period"])]

    def __str__(self) -> str:
        return f"{self.department_id} {self.period} {self.starts_on}"


class IdeaFigure(models.Model):
    """Ideas posted in one month or year, how many reached a committee, and what it decided."""

    period = models.CharField(max_length=5, choices=ServiceFigure.Period.choices)
    starts_on = models.DateField()
    ideas = models.PositiveIntegerField()
    reached_committee = models.PositiveIntegerField()
    decided = models.PositiveIntegerField()
    implemented = models.PositiveIntegerField()
    declined = models.PositiveIntegerField()
    computed_at = models.DateTimeField()

    class Meta:
        ordering = ["period", "starts_on"]
        constraints = [models.UniqueConstraint(fields=["period", "starts_on"], name="unique_idea_figure")]

    def __str__(self) -> str:
        return f"{self.period} {self.starts_on}"
