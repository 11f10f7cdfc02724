"""Staff writes on a complaint that change the citizen's case leave a row in the audit trail
(besides the complaint's own events, which the citizen's timeline shows)."""

import pytest

from complaints import services
from complaints.models import ContactTask
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
