"""The demo's aktindsigt: Mette Hansen has asked to see her case; the deadline is near. Her complaint names her
neighbour, so the caseworker sees the redaction (before and after) when she reviews the documents."""

from datetime import timedelta

from django.utils import timezone

from access_requests.models import AccessRequest
from access_requests.services import deadlines_for, request_access
from accounts.models import Department, User
from complaints.models import Complaint
from complaints.services import file_complaint, route_complaint

SUBJECT = "Den weekendaflastning, vi blev lovet"
DESCRIPTION = (
    "Vi har fået afslag på aflastning til vores søn. Min nabo Hans Jensen var med til mødet i juni og hørte, "
    "at sagsbehandleren lovede os en weekend om måneden. Han kan bekræfte det på 23 45 67 89."
)


def seed() -> None:
    citizen = User.objects.get(email="borger@example.dk")
    if AccessRequest.objects.filter(requester=citizen).exists():
        return
    complaint = Complaint.objects.filter(citizen=citizen, subject=SUBJECT).first() or file_complaint(
        citizen=citizen,
        kind=Complaint.Kind.DECISION,
        department=Department.objects.get(slug="familiecentret"),
        subject=SUBJECT,
        description=DESCRIPTION,
        contact_channel=Complaint.ContactChannel.EMAIL,
    )
    route_complaint(complaint_id=complaint.id)
    access_request = request_access(requester=citizen, complaint_id=complaint.id)
    # Received six working days ago: the reminder is due, and the deadline is tomorrow (or the next working day).
    received = timezone.now()
    while deadlines_for(received)[1] > timezone.now() + timedelta(days=1):
        received -= timedelta(days=1)
    remind_at, due_at = deadlines_for(received)
    AccessRequest.objects.filter(id=access_request.id).update(received_at=received, remind_at=remind_at, due_at=due_at)
