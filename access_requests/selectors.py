"""Reads of access requests, scoped to the caller."""

from django.db.models import QuerySet
from django.http import Http404

from access_requests.models import AccessDocument, AccessRequest
from access_requests.permissions import can_view_access_request
from accounts.models import User
from accounts.selectors import department_ids_of
from complaints.models import ComplaintAttachment


def access_access_request_by_id(*, user: User, access_request_id: int) -> AccessRequest:
    """The request, or 404 when it does not exist or the user may not see it."""
    access_request = (
        AccessRequest.objects.select_related("requester", "department", "complaint", "complaint__citizen")
        .filter(id=access_request_id)
        .first()
    )
    if access_request is None or not can_view_access_request(user, access_request):
        raise Http404
    return access_request


def requests_of(*, user: User) -> QuerySet[AccessRequest]:
    """The requester's own requests, newest first."""
    return AccessRequest.objects.filter(requester=user).select_related("complaint").order_by("-received_at", "-id")


def open_requests_for_staff(*, user: User) -> QuerySet[AccessRequest]:
    """Open requests to the user's departments, soonest deadline first."""
    return (
        AccessRequest.objects.filter(status=AccessRequest.Status.OPEN, department_id__in=department_ids_of(user=user))
        .select_related("department", "complaint")
        .order_by("due_at", "id")
    )


def released_documents_of(*, access_request: AccessRequest) -> QuerySet[AccessDocument]:
    """What the decision released (nothing before it is decided), oldest first."""
    if access_request.status != AccessRequest.Status.DECIDED:
        return AccessDocument.objects.none()
    return access_request.documents.filter(released=True).order_by("dated_at", "id")


def released_attachment_files(*, access_request: AccessRequest) -> dict[int, ComplaintAttachment]:
    """The case's files behind the released attachment documents, by document id (a file anonymised since is
    gone from the case, and so from here)."""
    documents = {
        d.source_id: d.id
        for d in released_documents_of(access_request=access_request).filter(kind=AccessDocument.Kind.ATTACHMENT)
    }
    files = ComplaintAttachment.objects.filter(complaint_id=access_request.complaint_id, id__in=documents)
    return {documents[file.id]: file for file in files}
