"""Who may see and decide erasure requests, and read the anonymisation log.

Who sees an erasure request has its queryset filter beside the predicates (`visible_erasure_requests_q`), which
the staff's list uses (tests/retention/test_rule_pairs.py asks both).
"""

import rules
from django.db.models import Q

from accounts.selectors import department_ids_of
from complaints.models import Complaint


@rules.predicate
def is_erasure_citizen(user, erasure_request) -> bool:
    return erasure_request is not None and user.is_authenticated and erasure_request.citizen_id == user.id


def erasure_citizen_q(user) -> Q:
    return Q(citizen_id=user.id) if user.is_authenticated else Q(pk__in=[])


@rules.predicate
def is_erasure_department_staff(user, erasure_request) -> bool:
    """Staff of the case's department; for all of a citizen's data, of a department where she has a case."""
    if erasure_request is None:
        return False
    departments = department_ids_of(user=user)
    if erasure_request.complaint_id is not None:
        return erasure_request.complaint.department_id in departments
    return Complaint.objects.filter(citizen_id=erasure_request.citizen_id, department_id__in=departments).exists()


def erasure_department_staff_q(user) -> Q:
    """The filter is_erasure_department_staff means, on ErasureRequest."""
    departments = department_ids_of(user=user)
    with_case_there = Complaint.objects.filter(department_id__in=departments).values("citizen_id")
    return Q(complaint__department_id__in=departments) | Q(complaint__isnull=True, citizen_id__in=with_case_there)


@rules.predicate
def is_administrator(user) -> bool:
    return user.is_authenticated and user.is_staff


@rules.predicate
def is_for_one_case(user, erasure_request) -> bool:
    return erasure_request is not None and erasure_request.complaint_id is not None


@rules.predicate
def is_case_staff(user) -> bool:
    """Administrators and department staff read the anonymisation log (it holds no personal data)."""
    return user.is_authenticated and (user.is_staff or bool(department_ids_of(user=user)))


can_view_erasure_request = is_erasure_citizen | is_erasure_department_staff | is_administrator
# One case: its department decides. All her data (cases across departments, and her account): administrators.
can_decide_erasure_request = (is_for_one_case & is_erasure_department_staff) | (~is_for_one_case & is_administrator)
can_read_anonymisation_log = is_case_staff


def visible_erasure_requests_q(user) -> Q:
    """The filter can_view_erasure_request means, on ErasureRequest ("everything" for administrators)."""
    if is_administrator(user):
        return Q(pk__isnull=False)
    return erasure_citizen_q(user) | erasure_department_staff_q(user)


rules.add_perm("retention.decide_erasurerequest", can_decide_erasure_request)
rules.add_perm("retention.read_anonymisation_log", can_read_anonymisation_log)
