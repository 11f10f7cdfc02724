"""Who may manage the theme taxonomy: administrators, department leads and committee secretaries."""

import rules

from accounts.models import CommitteeMembership, DepartmentMembership
from accounts.selectors import active_committee_memberships, department_roles


@rules.predicate
def is_administrator(user) -> bool:
    return user.is_authenticated and user.is_staff


@rules.predicate
def is_a_department_lead(user) -> bool:
    return any(role == DepartmentMembership.Role.LEAD for _department, role in department_roles(user=user))


@rules.predicate
def is_a_committee_secretary(user) -> bool:
    memberships = active_committee_memberships().filter(user_id=user.id, role=CommitteeMembership.Role.SECRETARY)
    return user.is_authenticated and memberships.exists()


can_manage_themes = is_administrator | is_a_department_lead | is_a_committee_secretary

rules.add_perm("themes.manage_theme", can_manage_themes)
