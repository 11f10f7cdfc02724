import pytest

from complaints import services
from complaints.models import Complaint


@pytest.fixture
def file_complaint(citizen, family):
    """File a valid complaint; keyword arguments override the defaults."""

    def file(**overrides) -> Complaint:
        fields = {
            "citizen": citizen,
            "kind": Complaint.Kind.DECISION,
            "department": family,
            "subject": "Afslag på aflastning",
            "description": "Jeg forstår ikke, hvorfor vi har fået afslag på aflastning til vores søn.",
            "contact_channel": Complaint.ContactChannel.PHONE,
            "phone": "12 34 56 78",
            **overrides,
        }
        return services.file_complaint(**fields)

    return file


@pytest.fixture
def routed_complaint(file_complaint, caseworker):
    complaint = file_complaint()
    services.route_complaint(complaint_id=complaint.id)
    complaint.refresh_from_db()
    return complaint


VALID_PAYLOAD = {
    "kind": "decision",
    "department": "familiecentret",
    "subject": "Afslag på aflastning",
    "description": "Jeg forstår ikke, hvorfor vi har fået afslag på aflastning til vores søn.",
    "case_number": "13/37262",
    "decision_date": "2026-11-20",
    "desired_outcome": "At afgørelsen bliver set på igen.",
    "contact_channel": "phone",
    "phone": "12 34 56 78",
    "contact_time": "Hverdage efter kl. 15",
}
