"""A reviewer's question, decision and payout each leave one row in the audit trail."""

import pytest

from grants import services
from grants.models import Application
from tests.grants.conftest import GROUNDS, KR
from tests.staff_actions import assert_recorded, last_action_id

pytestmark = pytest.mark.django_db


def test_question_decision_and_payout_write_their_rows(reviewer, submitted):
    mark = last_action_id()
    services.request_information(reviewer=reviewer, application=submitted, question="Hvor mange unge kommer?")
    assert_recorded(since=mark, actor=reviewer, action="grants.request_information", target=submitted)
    services.answer_information_request(actor=submitted.applicant, application=submitted, answer="Omkring 150.")
    mark = last_action_id()
    services.decide_application(
        reviewer=reviewer,
        application=submitted,
        outcome=Application.Status.PARTLY_GRANTED,
        amount_granted=15_000 * KR,
        **GROUNDS,
    )
    row = assert_recorded(since=mark, actor=reviewer, action="grants.decide_application", target=submitted)
    assert row.details == {"outcome": "partly_granted", "amount_granted": 15_000 * KR}
    mark = last_action_id()
    services.record_payout(actor=reviewer, application=submitted, amount=10_000 * KR)
    assert_recorded(since=mark, actor=reviewer, action="grants.record_payout", target=submitted)
