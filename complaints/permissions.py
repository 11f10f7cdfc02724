"""Who may see and do what with a complaint: the one place every door asks.

Predicates are django-rules predicates; those a door asks are registered as
permissions and the door names them (`rules.has_perm("complaints.handle_complaint",
user, complaint)`). Each predicate about a complaint has its queryset filter beside it (`*_q(user)`,
a Q on Complaint) that means the same, so a list shows exactly what the
detail page lets in (tests/complaints/test_representation_permissions.py
checks them against each other).

A representative (a power of attorney, complaints.models.Representation)
sees a complaint of the citizen she acts for while the representation is
active and today is in its period: the dates are read here, so access ends
on the day even before the expiry sweep runs.
"""

from datetime import date

import rules
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from accounts.selectors import department_ids_of, is_department_lead
from complaints.models import Representation


def active_representations(*, on: date | None = None) -> QuerySet[Representation]:
    """Representations in force on `on` (today): accepted (or recorded from paper), not ended, in their period."""
    today = on or timezone.localdate()
    return Representation.objects.filter(status=Representation.Status.ACTIVE, valid_from__lte=today).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=today)
    )


def covering(representations: QuerySet[Representation], complaint) -> QuerySet[Representation]:
    """Those of `representations` whose scope takes in the complaint (it, or all of its citizen's complaints)."""
    return representations.filter(principal_id=complaint.citizen_id).filter(
        Q(complaint__isnull=True) | Q(complaint_id=complaint.id)
    )


# --- Complaints: each predicate with its queryset filter ------------------------------------------------


@rules.predicate
def is_complaint_citizen(user, complaint) -> bool:
    return complaint is not None and user.is_authenticated and complaint.citizen_id == user.id


def complaint_citizen_q(user) -> Q:
    return Q(citizen_id=user.id) if user.is_authenticated else Q(pk__in=[])


@rules.predicate
def is_department_staff(user, complaint) -> bool:
    return complaint is not None and complaint.department_id in department_ids_of(user=user)


def department_staff_q(user) -> Q:
    return Q(department_id__in=department_ids_of(user=user))


@rules.predicate
def is_complaint_representative(user, complaint) -> bool:
    return (
        complaint is not None
        and user.is_authenticated
        and covering(active_representations().filter(representative_id=user.id), complaint).exists()
    )


def complaint_representative_q(user) -> Q:
    if not user.is_authenticated:
        return Q(pk__in=[])
    in_force = active_representations().filter(representative_id=user.id, principal_id=OuterRef("citizen_id"))
    return Q(Exists(in_force.filter(Q(complaint__isnull=True) | Q(complaint_id=OuterRef("pk")))))


@rules.predicate
def is_lead_of_task_department(user, task) -> bool:
    return task is not None and is_department_lead(user=user, department_id=task.department_id)


@rules.predicate
def is_task_department_staff(user, task) -> bool:
    return task is not None and task.department_id in department_ids_of(user=user)


@rules.predicate
def is_open_complaint(user, complaint) -> bool:
    return complaint is not None and complaint.status != "closed"


can_view_complaint = is_complaint_citizen | is_department_staff | is_complaint_representative
can_act_for_citizen = is_complaint_citizen | is_complaint_representative
# The citizen (or who acts for her) adds documents while her complaint is open; staff add to the case at any time.
can_attach_to_complaint = is_department_staff | (can_act_for_citizen & is_open_complaint)
# After sending, the citizen (or who acts for her) adds information and may withdraw while it is open.
can_add_to_complaint = can_act_for_citizen & is_open_complaint
can_withdraw_complaint = can_act_for_citizen & is_open_complaint
can_handle_complaint = is_department_staff
can_work_on_task = is_task_department_staff
can_reassign_task = is_lead_of_task_department


def viewable_complaints_q(user) -> Q:
    """The filter can_view_complaint means."""
    return complaint_citizen_q(user) | department_staff_q(user) | complaint_representative_q(user)


# --- Representations ----------------------------------------------------------------------------------


@rules.predicate
def is_representation_principal(user, representation) -> bool:
    return representation is not None and user.is_authenticated and representation.principal_id == user.id


@rules.predicate
def is_representation_representative(user, representation) -> bool:
    return representation is not None and user.is_authenticated and representation.representative_id == user.id


@rules.predicate
def is_representation_department_staff(user, representation) -> bool:
    """Staff of the department of the complaint it is for (a representation for all complaints has none)."""
    return (
        representation is not None
        and representation.complaint_id is not None
        and representation.complaint.department_id in department_ids_of(user=user)
    )


can_view_representation = (
    is_representation_principal | is_representation_representative | is_representation_department_staff
)
can_answer_representation = is_representation_representative
# The citizen revokes; the representative steps down; staff end it when the citizen tells them (or the paper says).
can_end_representation = can_view_representation
can_record_paper_representation = is_department_staff

rules.add_perm("complaints.handle_complaint", can_handle_complaint)
rules.add_perm("complaints.add_to_complaint", can_add_to_complaint)
rules.add_perm("complaints.withdraw_complaint", can_withdraw_complaint)
rules.add_perm("complaints.attach_to_complaint", can_attach_to_complaint)
rules.add_perm("complaints.answer_representation", can_answer_representation)
rules.add_perm("complaints.end_representation", can_end_representation)
