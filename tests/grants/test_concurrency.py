"""Two reviewers granting at once, with real PostgreSQL transactions: the money left never goes below zero."""

import pytest

from grants import services
from grants.models import Application, Round
from tests.grants.conftest import GROUNDS, KR
from tests.ideas.test_concurrency import run_at_once

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_reviewers_granting_at_once_cannot_overspend(
    citizen, other_citizen, reviewer, second_reviewer, round, draft_fields
):
    # 30.000 kr. left; two applications of 20.000 kr. each: only one can be granted.
    Round.objects.filter(id=round.id).update(granted_total=45_000 * KR)
    first = services.start_application(applicant=citizen, round=round, submit=True, **draft_fields)
    second = services.start_application(applicant=other_citizen, round=round, submit=True, **draft_fields)

    errors = run_at_once(
        [
            lambda: services.decide_application(reviewer=reviewer, application=first, outcome="granted", **GROUNDS),
            lambda: services.decide_application(
                reviewer=second_reviewer, application=second, outcome="granted", **GROUNDS
            ),
        ]
    )

    assert len(errors) == 1
    assert "amount_granted" in errors[0].message_dict
    round.refresh_from_db()
    assert round.granted_total == 65_000 * KR and round.money_left == 10_000 * KR
    statuses = sorted(Application.objects.values_list("status", flat=True))
    assert statuses == ["granted", "submitted"]


def test_two_reviewers_deciding_the_same_application_decide_it_once(
    citizen, reviewer, second_reviewer, round, draft_fields
):
    application = services.start_application(applicant=citizen, round=round, submit=True, **draft_fields)
    errors = run_at_once(
        [
            lambda person=person: services.decide_application(
                reviewer=person, application=application, outcome="granted", **GROUNDS
            )
            for person in (reviewer, second_reviewer)
        ]
    )
    assert len(errors) == 1
    round.refresh_from_db()
    assert round.granted_total == 20_000 * KR


def test_the_database_refuses_a_negative_balance_even_without_the_service(round):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Round.objects.filter(id=round.id).update(granted_total=round.amount + 1)
