"""Reads of retention: the period that applies to a case, the log, erasure requests."""

from django.db.models import Q, QuerySet
from django.http import Http404

from accounts.models import User
from accounts.selectors import department_ids_of
from retention.models import AnonymisationLog, ErasureRequest
from retention.permissions import can_view_erasure_request


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
    """The citizen's own requests and those to the user's departments, open ones first."""
    return (
        ErasureRequest.objects.filter(Q(citizen=user) | Q(complaint__department_id__in=department_ids_of(user=user)))
        .select_related("complaint")
        .order_by("-status", "-created_at")
    )
