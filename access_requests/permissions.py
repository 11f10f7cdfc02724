"""Who may see and decide an access request: the requester sees hers; the department's staff decide.

Each predicate a list also filters by has its queryset filter beside it (tests/access_requests/test_rule_pairs.py).
"""

import rules
from django.db.models import Q

from accounts.selectors import department_ids_of


@rules.predicate
def is_requester(user, access_request) -> bool:
    return access_request is not None and user.is_authenticated and access_request.requester_id == user.id


def requester_q(user) -> Q:
    """The filter is_requester means, on AccessRequest."""
    return Q(requester_id=user.id) if user.is_authenticated else Q(pk__in=[])


@rules.predicate
def is_request_department_staff(user, access_request) -> bool:
    return access_request is not None and access_request.department_id in department_ids_of(user=user)


def request_department_staff_q(user) -> Q:
    """The filter is_request_department_staff (so can_decide_access_request) means, on AccessRequest."""
    return Q(department_id__in=department_ids_of(user=user))


can_view_access_request = is_requester | is_request_department_staff
can_decide_access_request = is_request_department_staff

rules.add_perm("access_requests.decide_accessrequest", can_decide_access_request)
