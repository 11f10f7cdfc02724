"""Who may see and do what with a complaint: the one place every door asks.

Predicates are django-rules predicates, registered as permissions, so
`user.has_perm("complaints.view_complaint", complaint)` works too.
"""

import rules

from accounts.selectors import department_ids_of, is_department_lead


@rules.predicate
def is_complaint_citizen(user, complaint) -> bool:
    return complaint is not None and user.is_authenticated and complaint.citizen_id == user.id


@rules.predicate
def is_department_staff(user, complaint) -> bool:
    return complaint is not None and complaint.department_id in department_ids_of(user=user)


@rules.predicate
def is_lead_of_task_department(user, task) -> bool:
    return task is not None and is_department_lead(user=user, department_id=task.department_id)


@rules.predicate
def is_task_department_staff(user, task) -> bool:
    return task is not None and task.department_id in department_ids_of(user=user)


@rules.predicate
def is_open_complaint(user, complaint) -> bool:
    return complaint is not None and complaint.status != "closed"


can_view_complaint = is_complaint_citizen | is_department_staff
# The citizen adds documents while her complaint is open; staff add to the case at any time.
can_attach_to_complaint = is_department_staff | (is_complaint_citizen & is_open_complaint)
can_handle_complaint = is_department_staff
can_work_on_task = is_task_department_staff
can_reassign_task = is_lead_of_task_department

rules.add_perm("complaints.view_complaint", can_view_complaint)
rules.add_perm("complaints.handle_complaint", can_handle_complaint)
rules.add_perm("complaints.attach_to_complaint", can_attach_to_complaint)
rules.add_perm("complaints.work_on_task", can_work_on_task)
rules.add_perm("complaints.reassign_task", can_reassign_task)
