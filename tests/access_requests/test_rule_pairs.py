"""Who sees and decides which access request is written once, in access_requests.permissions: is_requester with
requester_q, is_request_department_staff with request_department_staff_q. Here they are asked about open and
decided requests to two departments, for every kind of person, so the request's page and the lists (her own
requests, the staff's requests to decide) cannot drift apart."""

import pytest
from django.utils import timezone

from access_requests import selectors, services
from access_requests.models import AccessRequest
from access_requests.permissions import (
    can_decide_access_request,
    can_view_access_request,
    is_request_department_staff,
    is_requester,
    request_department_staff_q,
    requester_q,
)
from tests.rule_pairs import Pair, allowed, assert_pairs_agree


@pytest.fixture
def access_requests(case, citizen, other_citizen, nature):
    """Her request in her own case (Familiecentret) and another's to Natur- og Miljø; each open and decided."""
    made = []
    for decided in (False, True):
        for request in (
            services.request_access(requester=citizen, complaint_id=case.id),
            services.request_access(requester=other_citizen, description="Om skovrejsning", department=nature),
        ):
            if decided:
                AccessRequest.objects.filter(id=request.id).update(
                    status=AccessRequest.Status.DECIDED, decided_at=timezone.now(), decision=AccessRequest.Decision.FULL
                )
            made.append(AccessRequest.objects.get(id=request.id))
    return made


def test_each_predicate_and_its_filter_say_the_same_for_everyone(access_requests, everyone):
    assert_pairs_agree(
        access_requests,
        everyone,
        Pair(is_requester, requester_q, [lambda user: selectors.requests_of(user=user)]),
        Pair(is_request_department_staff, request_department_staff_q),
    )
    for who, user in everyone.items():
        to_decide = {r.id for r in access_requests if r.status == AccessRequest.Status.OPEN}
        to_decide &= allowed(can_decide_access_request, user, access_requests)
        assert {r.id for r in selectors.open_requests_for_staff(user=user)} == to_decide, who


def test_the_rule_itself(access_requests, everyone):
    hers_open, theirs_open, hers_decided, theirs_decided = (r.id for r in access_requests)
    assert allowed(can_view_access_request, everyone["citizen"], access_requests) == {hers_open, hers_decided}
    assert allowed(can_decide_access_request, everyone["lead of Familiecentret"], access_requests) == {
        hers_open,
        hers_decided,
    }
    assert allowed(can_view_access_request, everyone["staff of Natur- og Miljø"], access_requests) == {
        theirs_open,
        theirs_decided,
    }
    assert allowed(can_view_access_request, everyone["administrator"], access_requests) == set()
    assert allowed(can_view_access_request, everyone["anonymous"], access_requests) == set()
