"""Staff writes on a complaint that change the citizen's case leave a row in the audit trail
(besides the complaint's own events, which the citizen's timeline shows)."""

import pytest
from django.utils import timezone

from complaints import services
from complaints.models import ContactLog, ContactTask
from tests.complaints.representation_helpers import pdf, today
from tests.staff_actions import assert_recorded, last_action_id

pytestmark = pytest.mark.django_db


def test_reassigning_a_task_writes_its_row(routed_complaint, lead, caseworker, second_caseworker):
    task = routed_complaint.tasks.get(kind=ContactTask.Kind.EARLY_CONTACT)
    mark = last_action_id()
    services.reassign_task(actor=lead, task=task, assignee=second_caseworker)
    row = assert_recorded(since=mark, actor=lead, action="complaints.reassign_task", target=task)
    assert row.details == {"from": caseworker.id, "to": second_caseworker.id}


def test_closing_a_complaint_writes_its_row(routed_complaint, caseworker):
    mark = last_action_id()
    services.close_complaint(actor=caseworker, complaint=routed_complaint, outcome="withdrawn", note="Trukket.")
    row = assert_recorded(since=mark, actor=caseworker, action="complaints.close_complaint", target=routed_complaint)
    assert row.details == {"outcome": "withdrawn"}


def test_a_logged_contact_and_its_shared_summary_write_their_rows(routed_complaint, caseworker):
    task = routed_complaint.tasks.get(kind=ContactTask.Kind.EARLY_CONTACT)
    mark = last_action_id()
    log = services.log_contact(
        actor=caseworker,
        task=task,
        channel=ContactLog.Channel.PHONE,
        contacted_at=timezone.now(),
        summary="Vi gennemgik afslaget.",
        citizen_understood_decision=ContactLog.Understood.YES,
    )
    row = assert_recorded(since=mark, actor=caseworker, action="complaints.log_contact", target=routed_complaint)
    assert row.details == {"task_id": task.id, "contact_log_id": log.id, "channel": "phone"}
    mark = last_action_id()
    message = services.share_contact_summary(actor=caseworker, contact_log=log)
    services.share_contact_summary(actor=caseworker, contact_log=log)  # shared again: the same message, no row
    row = assert_recorded(
        since=mark, actor=caseworker, action="complaints.share_contact_summary", target=routed_complaint
    )
    assert row.details == {"contact_log_id": log.id, "message_id": message.id}


def test_assisted_intake_writes_the_stand_in_the_code_and_the_complaint(file_for_citizen, clerk):
    mark = last_action_id()
    complaint, _code = file_for_citizen()
    stand_in = complaint.citizen.stand_in
    assert_recorded(since=mark, actor=clerk, action="accounts.create_stand_in", target=stand_in)
    assert_recorded(since=mark, actor=clerk, action="accounts.issue_claim_code", target=stand_in)
    assert_recorded(since=mark, actor=clerk, action="complaints.file_complaint_for_citizen", target=complaint)
    mark = last_action_id()
    services.renew_claim_code(actor=clerk, complaint=complaint)
    assert_recorded(since=mark, actor=clerk, action="accounts.issue_claim_code", target=stand_in)


def test_a_paper_fuldmagt_writes_its_row(routed_complaint, relative, caseworker):
    mark = last_action_id()
    representation = services.record_paper_representation(
        actor=caseworker,
        complaint=routed_complaint,
        representative_email=relative.email,
        valid_from=today(),
        title="Fuldmagt",
        upload=pdf(),
    )
    row = assert_recorded(
        since=mark, actor=caseworker, action="complaints.record_paper_representation", target=representation
    )
    assert row.details == {"complaint_id": routed_complaint.id, "representative_id": relative.id}
