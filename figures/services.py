"""Computing the public service figures from the complaints, in the database, and storing them.

The complaints app gives its complaints as anonymous facts (complaints.selectors.complaint_facts); here they
are grouped per department and month, and per department and year, with PostgreSQL's aggregates (percentiles
included): two queries whatever the number of complaints. The result replaces the stored figures in one
transaction, so readers see either the old figures or the new, never a mix. A beat job runs it every few
minutes; the public pages then read a few hundred stored rows instead of scanning every complaint.
"""

from datetime import datetime, timedelta

from django.db import connection, transaction
from django.db.models import Aggregate, Avg, Count, DateField, F, FloatField, Func, Q, Value
from django.db.models.functions import Coalesce, TruncMonth, TruncYear
from django.utils import timezone

from casework.selectors import complaint_facts_with_decision_time
from complaints.models import Complaint
from figures.models import IdeaFigure, ServiceFigure
from ideas.models import Idea
from ideas.selectors import idea_facts

SECONDS_PER_DAY = 86_400
REFRESH_LOCK = 5_202_611  # pg advisory lock: one refresh at a time


class Percentile(Aggregate):
    """PostgreSQL's ordered-set aggregate percentile_cont(fraction) WITHIN GROUP (ORDER BY expression)."""

    function = "percentile_cont"
    name = "Percentile"
    output_field = FloatField()
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"

    def __init__(self, expression, *, fraction: float, **extra):
        if not 0 <= fraction <= 1:
            raise ValueError("fraction must lie between 0 and 1")
        super().__init__(expression, fraction=float(fraction), **extra)


class EpochSeconds(Func):
    template = "EXTRACT(EPOCH FROM %(expressions)s)"
    output_field = FloatField()


def complaint_aggregates(now: datetime) -> dict:
    """The counts, percentiles and averages behind the service figures, for any set of complaint facts."""
    contacted = Q(first_contact_at__isnull=False)
    days_to_contact = EpochSeconds(F("first_contact_at") - F("created_at")) / SECONDS_PER_DAY
    forwarded_decision = Q(outcome=Complaint.Outcome.UPHELD_AND_FORWARDED, genvurdering_due__isnull=False)
    return {
        "complaints": Count("id"),
        "contacted": Count("id", filter=contacted),
        "median_days_to_contact": Percentile(days_to_contact, fraction=0.5),
        "p90_days_to_contact": Percentile(days_to_contact, fraction=0.9),
        # Whether the deadline was kept is known once the contact is made or the deadline has passed.
        "deadline_known": Count("id", filter=contacted | Q(contact_due_at__lt=now)),
        "within_deadline": Count("id", filter=Q(first_contact_at__lte=F("contact_due_at"))),
        "closed": Count("id", filter=Q(status=Complaint.Status.CLOSED)),
        "resolved_in_dialogue": Count("id", filter=Q(outcome=Complaint.Outcome.RESOLVED_IN_DIALOGUE)),
        "decision_changed": Count("id", filter=Q(outcome=Complaint.Outcome.DECISION_CHANGED)),
        "upheld_and_forwarded": Count("id", filter=Q(outcome=Complaint.Outcome.UPHELD_AND_FORWARDED)),
        "genvurderinger": Count("id", filter=forwarded_decision),
        "genvurderinger_in_time": Count("id", filter=forwarded_decision & Q(forwarded_at__lte=F("genvurdering_due"))),
        "ratings": Count("id", filter=Q(survey_rating__isnull=False)),
        "average_rating": Avg("survey_rating"),
        "understood_answers": Count("id", filter=Q(survey_understood__isnull=False)),
        "understood": Count("id", filter=Q(survey_understood=True)),
    }


def decision_aggregates() -> dict:
    """Time to decision: from receipt to the first decision sent, with the service clock paused while the case
    waited for the citizen (an open partshøring or question; casework.selectors.waited_for_citizen). Statutory
    deadlines, such as the genvurdering's four weeks, are never paused and are counted above as they are."""
    waited = EpochSeconds(Coalesce(F("waited_before_decision"), Value(timedelta(0))))
    days_to_decision = (EpochSeconds(F("decided_at") - F("created_at")) - waited) / SECONDS_PER_DAY
    return {
        "decided": Count("id", filter=Q(decided_at__isnull=False)),
        "median_days_to_decision": Percentile(days_to_decision, fraction=0.5),
    }


IDEA_AGGREGATES = {
    "ideas": Count("id"),
    "reached_committee": Count("id", filter=Q(proposed_at__isnull=False)),
    "decided": Count("id", filter=Q(status=Idea.Status.DECIDED)),
    "implemented": Count("id", filter=Q(status=Idea.Status.IMPLEMENTED)),
    "declined": Count("id", filter=Q(status=Idea.Status.DECLINED)),
}


def refresh_service_figures(*, now: datetime | None = None) -> int | None:
    """Recompute every department's complaint figures, and the idea figures, per month and per year
    (Copenhagen time). Returns the number of rows stored.

    Returns None when another refresh holds the lock (it will store the same figures).
    """
    now = now or timezone.now()
    aggregates = {**complaint_aggregates(now), **decision_aggregates()}
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [REFRESH_LOCK])
            if not cursor.fetchone()[0]:
                return None
        rows, idea_rows = [], []
        for period, trunc in ((ServiceFigure.Period.MONTH, TruncMonth), (ServiceFigure.Period.YEAR, TruncYear)):
            grouped = (
                complaint_facts_with_decision_time()
                .annotate(starts_on=trunc("created_at", output_field=DateField()))
                .values("department_id", "starts_on")
                .annotate(**aggregates)
                .order_by()
            )
            rows.extend(ServiceFigure(period=period, computed_at=now, **values) for values in grouped)
            ideas = (
                idea_facts()
                .annotate(starts_on=trunc("created_at", output_field=DateField()))
                .values("starts_on")
                .annotate(**IDEA_AGGREGATES)
                .order_by()
            )
            idea_rows.extend(IdeaFigure(period=period, computed_at=now, **values) for values in ideas)
        ServiceFigure.objects.all().delete()
        ServiceFigure.objects.bulk_create(rows)
        IdeaFigure.objects.all().delete()
        IdeaFigure.objects.bulk_create(idea_rows)
    return len(rows) + len(idea_rows)
