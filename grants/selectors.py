"""Reads of pools, rounds and applications, scoped to the caller.

`access_application_by_id` gives an application only to its applicant and the pool's reviewers, and a
404 to everyone else: a stranger cannot tell a forbidden application from one that does not exist.
"""

from django.db.models import Prefetch, QuerySet, Sum
from django.http import Http404
from django.utils import timezone

from accounts.models import User
from grants.models import DECIDED_STATUSES, Application, BudgetLine, InformationRequest, Pool, Round, Score
from grants.permissions import can_see_application, is_pool_reviewer, visible_applications_q
from ideas.models import Association


def pools_overview() -> QuerySet[Pool]:
    """Every pool (pools are public) with its rounds, newest election first."""
    return Pool.objects.prefetch_related(Prefetch("rounds", queryset=Round.objects.order_by("-election_date", "id")))


def access_pool_by_slug(*, slug: str) -> Pool:
    pool = pools_overview().filter(slug=slug).first()
    if pool is None:
        raise Http404
    return pool


def access_pool_by_id(*, pool_id: int) -> Pool:
    pool = pools_overview().filter(id=pool_id).first()
    if pool is None:
        raise Http404
    return pool


def current_round(*, pool: Pool) -> Round | None:
    """The round open for applications today, else the next to open, else the latest."""
    today = timezone.localdate()
    rounds = pool.rounds.all()
    return (
        rounds.filter(opens_on__lte=today, deadline__gte=today).order_by("deadline").first()
        or rounds.filter(opens_on__gt=today).order_by("opens_on").first()
        or rounds.order_by("-election_date").first()
    )


def _applications() -> QuerySet[Application]:
    return Application.objects.select_related("round", "round__pool", "applicant", "association").prefetch_related(
        Prefetch("budget_lines", queryset=BudgetLine.objects.order_by("order", "id"))
    )


def applications_for(*, user: User, pool: Pool) -> QuerySet[Application]:
    """The pool's applications this person may see (can_see_application): every sent one and her own for a
    reviewer, in the order they came; her own for anyone else, newest first."""
    applications = _applications().filter(visible_applications_q(user), round__pool=pool)
    if is_pool_reviewer(user, pool):
        return applications.order_by("submitted_at", "id")
    return applications.order_by("-created_at", "-id")


def access_application_by_id(*, user: User, application_id: int) -> Application:
    application = _applications().filter(id=application_id).first()
    if application is None or not can_see_application(user, application):
        raise Http404
    return application


def scores_of(*, application: Application) -> QuerySet[Score]:
    """Internal: every reviewer's scores and notes (only reviewers may be given this)."""
    return application.scores.select_related("criterion", "reviewer")


def information_requests_of(*, application: Application) -> QuerySet[InformationRequest]:
    return application.information_requests.select_related("asked_by").order_by("created_at", "id")


def open_information_request(*, application: Application) -> InformationRequest | None:
    return application.information_requests.filter(answered_at__isnull=True).first()


def associations_of(*, user: User) -> QuerySet[Association]:
    """The associations she may apply for: those she is a member of."""
    return Association.objects.filter(memberships__user=user).order_by("name")


def granted_projects(*, pool: Pool) -> QuerySet[Application]:
    """The public list: granted projects of the pool. `public_sender` is what may be shown as who got it."""
    return (
        Application.objects.filter(round__pool=pool, status__in=DECIDED_STATUSES)
        .exclude(status=Application.Status.REFUSED)
        .select_related("round", "association", "applicant")
        .order_by("-decided_at", "-id")
    )


def public_sender(application: Application) -> str:
    """The association's name; a private person's name only when she agreed; else nothing."""
    if application.association_id:
        return application.association.name
    return application.applicant.full_name if application.show_name_publicly else ""


def round_totals(*, round: Round) -> dict:
    """Money of a round: its amount, granted, left and paid (all in øre)."""
    paid = round.applications.aggregate(paid=Sum("amount_paid"))["paid"] or 0
    return {"amount": round.amount, "granted": round.granted_total, "left": round.money_left, "paid": paid}


def own_data_of(*, user: User) -> dict[str, list[dict]]:
    """Her grant applications and their decisions, for her data export."""
    applications = Application.objects.filter(applicant_id=user.id).select_related("round__pool")
    return {
        "ansøgninger": [
            {
                "pulje": application.round.pool.name,
                "runde": application.round.title,
                "journalnummer": application.reference,
                "titel": application.title,
                "beskrivelse": application.description,
                "ansøgt_beløb": application.amount_applied,
                "status": application.status,
                "indsendt": application.submitted_at,
                "bevilget_beløb": application.amount_granted,
                "afgørelse": application.decision_letter,
                "afgjort": application.decided_at,
                "afrapportering": application.report,
            }
            for application in applications.order_by("created_at", "id")
        ]
    }
