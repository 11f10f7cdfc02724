"""Deciding a request for erasure — kept with grounds, or erased — leaves a row in the audit trail, which
outlives the erasure (it names the request, not her data)."""

import pytest

from retention import services
from tests.staff_actions import assert_recorded, last_action_id

pytestmark = pytest.mark.django_db


def test_keeping_writes_its_row(routed_complaint, citizen, caseworker):
    erasure = services.request_erasure(citizen=citizen, complaint_id=routed_complaint.id)
    mark = last_action_id()
    services.decide_erasure(
        actor=caseworker, erasure_request=erasure, erase=False, grounds="Sagen behandles stadig (arkivloven § 4)."
    )
    row = assert_recorded(since=mark, actor=caseworker, action="retention.decide_erasure", target=erasure)
    assert row.details == {"status": "kept", "kept": []}


def test_erasing_writes_its_row(closed_case, citizen, caseworker):
    erasure = services.request_erasure(citizen=citizen, complaint_id=closed_case.id)
    mark = last_action_id()
    services.decide_erasure(actor=caseworker, erasure_request=erasure, erase=True)
    row = assert_recorded(since=mark, actor=caseworker, action="retention.decide_erasure", target=erasure)
    assert row.details == {"status": "erased", "kept": []}
