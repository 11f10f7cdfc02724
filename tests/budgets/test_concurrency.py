"""Two ballots from one citizen at once end as one ballot (real PostgreSQL transactions in threads)."""

import pytest

from budgets import services
from budgets.models import Ballot, BallotChoice
from tests.ideas.test_concurrency import run_at_once

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_ballots_at_once_end_as_one(voting, resident):
    budget, p = voting
    first, second = [p["bænke"].id, p["lys"].id], [p["cykler"].id]
    for _round in range(3):
        errors = run_at_once(
            [
                lambda ids=ids: services.submit_ballot(voter=resident, budget=budget, project_ids=ids)
                for ids in (first, second) * 3
            ]
        )
        assert errors == []
        assert Ballot.objects.filter(budget=budget, voter=resident).count() == 1
        chosen = sorted(BallotChoice.objects.filter(ballot__voter=resident).values_list("project_id", flat=True))
        assert chosen in (sorted(first), sorted(second))
