"""Reads of retention: the period that applies to a case, the log, erasure requests."""

from django.db.models import Case, QuerySet, When
from django.http import Http404

from accounts.models import User
from accounts.selectors import department_ids_of
from complaints.models import Complaint
from complaints.selectors import own_complaints
from retention.models import AnonymisationLog, ErasureRequest
from retention.permissions import can_view_erasure_request, visible_erasure_requests_q


def anonymisation_log_for(*, user: User) -> QuerySet[AnonymisationLog]:
    """Everything for administrators; for department staff, their departments' cases."""
    log = AnonymisationLog.objects.select_related("complaint", "complaint__department", "actor")
    if user.is_staff:
        return log
    return log.filter(complaint__department_id__in=department_ids_of(user=user))


def access_erasure_request_by_id(*, user: User, erasure_request_id: int) -> ErasureRequest:
    found = (
        ErasureRequest.objects.select_related("complaint", "complaint__department", "citizen")
        .filter(id=erasure_request_id)
        .first()
    )
    if found is None or not can_view_erasure_request(user, found):
        raise Http404
    return found


def erasure_requests_for(*, user: User) -> QuerySet[ErasureRequest]:
    """The citizen's own requests and those to the user's departments (for all of a citizen's data: where she
    has a case; administrators see all), open ones first."""
    requests = ErasureRequest.objects.select_related("complaint").filter(visible_erasure_requests_q(user))
    return requests.order_by(Case(When(status=ErasureRequest.Status.REQUESTED, then=0), default=1), "-created_at")


def cases_of(*, citizen: User) -> QuerySet[Complaint]:
    """Her cases not yet anonymised, oldest first: what a request to erase all her data is decided on."""
    return own_complaints(user=citizen).filter(anonymised_at__isnull=True).order_by("created_at", "id")


def kept_before(*, citizen: User) -> dict[int, str]:
    """Her cases an earlier request kept, with the reason the law gave (it stands unless staff change it)."""
    kept = ErasureRequest.objects.filter(
        citizen=citizen, scope=ErasureRequest.Scope.CASE, status=ErasureRequest.Status.KEPT
    )
    return dict(kept.order_by("decided_at").values_list("complaint_id", "grounds"))
