"""The caseworker's steps on the complaint's legal track — partshøring, more time, the decision letter, the
klagepakke forwarded — each leave one row in the audit trail."""

import pytest

from accounts.models import StaffAction
from casework import services
from complaints import services as complaint_services
from tests.casework.conftest import GROUNDS

pytestmark = pytest.mark.django_db


def trail(actor) -> list[tuple[str, str]]:
    return list(StaffAction.objects.filter(actor=actor).order_by("id").values_list("action", "target_type"))


def test_the_legal_track_leaves_its_trail(citizen, caseworker, with_original):
    complaint = with_original
    complaint_services.log_contact(
        actor=caseworker,
        task=complaint.tasks.get(),
        channel="phone",
        contacted_at=complaint.created_at,
        summary="Talte med moren om søvnen og skolen.",
        citizen_understood_decision="partly",
    )
    hearing = services.send_hearing(actor=caseworker, complaint=complaint, facts="Skolen oplyser, at han er glad.")
    services.request_extension(actor=citizen, hearing=hearing, reason="Jeg venter på lægen.")
    services.decide_extension(actor=caseworker, hearing=hearing, grant=True)
    services.answer_hearing(actor=citizen, hearing=hearing, answer="Han er træt om morgenen.")
    letter = services.send_decision(
        actor=caseworker, complaint=complaint, kind="upheld", decision="Vi fastholder afslaget.", **GROUNDS
    )
    reassessment = services.forward_complaint(
        actor=caseworker,
        complaint=complaint,
        grounds="Lægens udtalelse ændrer ikke sagen.",
        appeals_body="Ankestyrelsen",
    )
    assert trail(caseworker) == [
        ("complaints.log_contact", "complaints.complaint"),
        ("casework.send_hearing", "casework.hearing"),
        ("casework.decide_extension", "casework.hearing"),
        ("casework.send_decision", "casework.decision"),
        ("complaints.close_complaint", "complaints.complaint"),
        ("casework.forward_complaint", "casework.reassessment"),
    ]
    rows = StaffAction.objects.filter(actor=caseworker)
    assert rows.get(action="casework.send_decision").target_id == letter.id
    assert rows.get(action="casework.forward_complaint").details == {"appeals_body": "Ankestyrelsen"}
    assert rows.get(action="casework.forward_complaint").target_id == reassessment.id
    assert not StaffAction.objects.filter(actor=citizen).exists()
