"""Who may manage the theme taxonomy: administrators, department leads and committee secretaries."""

import rules

from accounts.models import CommitteeMembership, DepartmentMembership


@rules.predicate
def is_administrator(user) -> bool:
    return user.is_authenticated and user.is_staff


@rules.predicate
def is_a_department_lead(user) -> bool:
    return user.is_authenticated and user.department_memberships.filter(role=DepartmentMembership.Role.LEAD).exists()


@rules.predicate
def is_a_committee_secretary(user) -> bool:
    return user.is_authenticated and user.committee_memberships.filter(role=CommitteeMembership.Role.SECRETARY).exists()


can_manage_themes = is_administrator | is_a_department_lead | is_a_committee_secretary

rules.add_perm("themes.manage_theme", can_manage_themes)
