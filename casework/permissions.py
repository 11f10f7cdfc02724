"""Who may do what on a complaint's legal track: built on complaints' own rules, written once here.

The citizen and her department's staff see it; staff send hearings, decisions and the genvurdering; the
citizen answers a hearing and asks for more time. Anyone else is told nothing exists (404).
"""

import rules

from complaints.permissions import can_handle_complaint, can_view_complaint


@rules.predicate
def is_hearing_citizen(user, hearing) -> bool:
    return hearing is not None and user.is_authenticated and hearing.complaint.citizen_id == user.id


@rules.predicate
def is_hearing_department_staff(user, hearing) -> bool:
    return hearing is not None and can_handle_complaint(user, hearing.complaint)


@rules.predicate
def is_open_hearing(user, hearing) -> bool:
    return hearing is not None and hearing.is_open


@rules.predicate
def is_open_complaint(user, complaint) -> bool:
    return complaint is not None and complaint.status != "closed"


can_view_casework = can_view_complaint
can_do_casework = can_handle_complaint & is_open_complaint
can_view_hearing = is_hearing_citizen | is_hearing_department_staff
can_answer_hearing = is_hearing_citizen & is_open_hearing
can_decide_extension = is_hearing_department_staff

rules.add_perm("casework.do_casework", can_do_casework)
rules.add_perm("casework.answer_hearing", can_answer_hearing)
rules.add_perm("casework.decide_extension", can_decide_extension)
