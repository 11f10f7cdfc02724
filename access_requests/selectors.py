"""Reads of access requests, scoped to the caller."""

from django.db.models import QuerySet
from django.http import Http404

from access_requests.models import AccessDocument, AccessRequest
from access_requests.permissions import (
    can_decide_access_request,
    can_view_access_request,
    request_department_staff_q,
    requester_q,
)
from accounts.access_log import log_reads
from accounts.models import User
from complaints.models import ComplaintAttachment


def log_staff_read(*, user: User, access_request: AccessRequest, what: str = "") -> None:
    """The department's staff were shown the request (or a document released under it, `what`): the requester's
    and the case's citizen's personal data, one entry each in their access log."""
    if not can_decide_access_request(user, access_request):
        return
    subjects = {access_request.requester_id}
    if access_request.complaint is not None:
        subjects.add(access_request.complaint.citizen_id)
    label = f"Aktindsigt {access_request.reference}" + (f": {what}" if what else "")
    log_reads(viewer=user, reads=[(subject, label) for subject in subjects])


def _viewable_request(*, user: User, access_request_id: int) -> AccessRequest:
    access_request = (
        AccessRequest.objects.select_related("requester", "department", "complaint", "complaint__citizen")
        .filter(id=access_request_id)
        .first()
    )
    if access_request is None or not can_view_access_request(user, access_request):
        raise Http404
    return access_request


def access_access_request_by_id(*, user: User, access_request_id: int, what: str = "") -> AccessRequest:
    """The request, or 404 when it does not exist or the user may not see it; a look by the department's staff
    is logged (`what`: which part the door shows)."""
    access_request = _viewable_request(user=user, access_request_id=access_request_id)
    log_staff_read(user=user, access_request=access_request, what=what)
    return access_request


def requests_of(*, user: User) -> QuerySet[AccessRequest]:
    """The requester's own requests, newest first."""
    return AccessRequest.objects.filter(requester_q(user)).select_related("complaint").order_by("-received_at", "-id")


def open_requests_for_staff(*, user: User) -> QuerySet[AccessRequest]:
    """Open requests to the user's departments, soonest deadline first."""
    return (
        AccessRequest.objects.filter(request_department_staff_q(user), status=AccessRequest.Status.OPEN)
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


def access_released_documents(*, user: User, access_request_id: int) -> AccessRequest:
    """A decided request with something released, for its PDF; 404 otherwise. Staff reads are logged."""
    access_request = _viewable_request(user=user, access_request_id=access_request_id)
    if not released_documents_of(access_request=access_request).exists():
        raise Http404
    log_staff_read(user=user, access_request=access_request, what="udleverede dokumenter")
    return access_request


def access_released_file(
    *, user: User, access_request_id: int, document_id: int, file_name: str
) -> ComplaintAttachment:
    """A file the decision released; 404 for a withheld, undecided or unknown one as for a request the user may
    not see. Staff reads are logged with its title."""
    access_request = _viewable_request(user=user, access_request_id=access_request_id)
    file = released_attachment_files(access_request=access_request).get(document_id)
    if file is None or file.file_name != file_name:
        raise Http404
    log_staff_read(user=user, access_request=access_request, what=f"bilag {file.title}")
    return file


def access_late_letter(*, user: User, access_request_id: int) -> AccessRequest:
    """A request whose fristbrev has been sent, for its PDF; 404 otherwise. Staff reads are logged."""
    access_request = _viewable_request(user=user, access_request_id=access_request_id)
    if not access_request.late_letter_pdf:
        raise Http404
    log_staff_read(user=user, access_request=access_request, what="fristbrev")
    return access_request
