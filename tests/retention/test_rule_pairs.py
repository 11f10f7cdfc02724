"""Who sees which erasure request is written once, in retention.permissions: can_view_erasure_request and its
filter visible_erasure_requests_q. Here they are asked about requests for one case and for all of a citizen's
data, in two departments, for every kind of person, so the request's page (access_erasure_request_by_id) and
the staff's list (erasure_requests_for) cannot drift apart."""

import pytest

from retention import selectors, services
from retention.permissions import (
    can_view_erasure_request,
    erasure_citizen_q,
    erasure_department_staff_q,
    is_erasure_citizen,
    is_erasure_department_staff,
    visible_erasure_requests_q,
)
from tests.rule_pairs import Pair, allowed, assert_pairs_agree


@pytest.fixture
def erasure_requests(file_complaint, citizen, other_citizen, nature):
    """Hers: one case (Familiecentret) and all her data; another citizen's: one case and all her data, with a
    case in Natur- og Miljø only."""
    hers = file_complaint()
    theirs = file_complaint(citizen=other_citizen, department=nature)
    return [
        services.request_erasure(citizen=citizen, complaint_id=hers.id),
        services.request_erasure(citizen=citizen, complaint_id=None),
        services.request_erasure(citizen=other_citizen, complaint_id=theirs.id),
        services.request_erasure(citizen=other_citizen, complaint_id=None),
    ]


def test_each_predicate_and_its_filter_say_the_same_for_everyone(erasure_requests, everyone):
    assert_pairs_agree(
        erasure_requests,
        everyone,
        Pair(
            can_view_erasure_request,
            visible_erasure_requests_q,
            [lambda user: selectors.erasure_requests_for(user=user)],
        ),
        Pair(is_erasure_citizen, erasure_citizen_q),
        Pair(is_erasure_department_staff, erasure_department_staff_q),
    )


def test_the_rule_itself(erasure_requests, everyone):
    her_case, her_all, their_case, their_all = (r.id for r in erasure_requests)

    def seen(who):
        return allowed(can_view_erasure_request, everyone[who], erasure_requests)

    assert seen("citizen") == seen("caseworker in Familiecentret") == {her_case, her_all}
    assert seen("staff of Natur- og Miljø") == {their_case, their_all}
    assert seen("administrator") == {r.id for r in erasure_requests}
    assert seen("anonymous") == set()
