"""Who may see and decide an access request: the requester sees hers; the department's staff decide."""

import rules

from accounts.selectors import department_ids_of


@rules.predicate
def is_requester(user, access_request) -> bool:
    return access_request is not None and user.is_authenticated and access_request.requester_id == user.id


@rules.predicate
def is_request_department_staff(user, access_request) -> bool:
    return access_request is not None and access_request.department_id in department_ids_of(user=user)


can_view_access_request = is_requester | is_request_department_staff
can_decide_access_request = is_request_department_staff

rules.add_perm("access_requests.decide_accessrequest", can_decide_access_request)
