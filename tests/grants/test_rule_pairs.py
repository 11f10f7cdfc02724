"""Who sees which application is written once, in grants.permissions: can_see_application and its filter
visible_applications_q (and is_applicant with applicant_q). Here they are asked about applications in every
state in two pools, for every kind of person, so the application's page (access_application_by_id) and the
lists (the pool's applications, her own) cannot drift apart."""

import pytest
from django.utils import timezone

from grants import selectors, services
from grants.models import Application, Pool, Round
from grants.permissions import (
    applicant_q,
    can_see_application,
    is_applicant,
    is_application_reviewer,
    visible_applications_q,
)
from tests.conftest import make_user
from tests.rule_pairs import Pair, allowed, assert_pairs_agree

STATES = list(Application.Status)
DECIDED_GRANTED = (Application.Status.GRANTED, Application.Status.PARTLY_GRANTED)


@pytest.fixture
def other_reviewer(db):
    return make_user("bedoemmer-anden-pulje@example.dk", "Anna Anden")


@pytest.fixture
def other_round(round, other_reviewer) -> Round:
    pool = Pool.objects.create(
        name="Puljen til foreningsliv",
        slug="foreningsliv",
        purpose="Foreninger.",
        criteria="Flere med.",
        amount_per_round=round.amount,
        max_per_application=round.pool.max_per_application,
    )
    pool.reviewers.add(other_reviewer)
    return Round.objects.create(
        pool=pool,
        title="Runde 1",
        election=round.election,
        election_date=round.election_date,
        opens_on=round.opens_on,
        deadline=round.deadline,
        amount=round.amount,
    )


@pytest.fixture
def applications(citizen, reviewer, round, other_round, draft_fields, settings):
    """The citizen's applications in every state in both pools, and the reviewer's own draft in her pool."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "grants.apply": (100, 600)}  # 15 made at once
    made = []
    for state_round in (round, other_round):
        for state in STATES:
            application = services.start_application(applicant=citizen, round=state_round, **draft_fields)
            sent = {} if state == Application.Status.DRAFT else {"submitted_at": timezone.now()}
            granted = {"amount_granted": 1_000} if state in DECIDED_GRANTED else {}
            Application.objects.filter(id=application.id).update(status=state, **sent, **granted)
            made.append(Application.objects.get(id=application.id))
    made.append(services.start_application(applicant=reviewer, round=round, **draft_fields))
    return made


@pytest.fixture
def people(everyone, reviewer, other_reviewer):
    return {
        **everyone,
        "a reviewer of the first pool (and applicant there)": reviewer,
        "the reviewer of the other pool": other_reviewer,
    }


def test_each_predicate_and_its_filter_say_the_same_for_everyone(applications, people, round, other_round):
    def in_both_pools(user):
        pools = (round.pool, other_round.pool)
        return Application.objects.filter(
            id__in=[a.id for p in pools for a in selectors.applications_for(user=user, pool=p)]
        )

    assert_pairs_agree(
        applications,
        people,
        Pair(can_see_application, visible_applications_q, [in_both_pools]),
        Pair(is_applicant, applicant_q),
    )


def test_the_rule_itself(applications, people, round):
    """A reviewer sees the sent applications of her own pool, never another's draft; the applicant all hers."""
    mine = [a for a in applications if a.round_id == round.id and a.applicant == people["citizen"]]
    reviewer = people["a reviewer of the first pool (and applicant there)"]
    own_draft = applications[-1]
    assert allowed(can_see_application, reviewer, applications) == {
        a.id for a in mine if a.status != Application.Status.DRAFT
    } | {own_draft.id}
    assert allowed(can_see_application, people["citizen"], applications) == {a.id for a in applications[:-1]}
    assert allowed(can_see_application, people["administrator"], applications) == set()
    assert allowed(can_see_application, people["another citizen"], applications) == set()
    assert all(is_application_reviewer(reviewer, a) for a in mine)
