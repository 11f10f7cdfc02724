"""Who may do what with participatory budgets: the one place every door asks.

Budgets, projects (with their feasibility once the review is published) and published results are
public. Anyone logged in proposes projects while the budget collects; staff (employees) review
feasibility, enter paper ballots, close phases, compute and publish results and write progress notes;
the budget committee's secretary may do the same. A ballot is its voter's alone.
"""

import rules

from accounts.permissions import has_assurance_for, is_secretary_of
from budgets.models import Phase


@rules.predicate
def is_logged_in(user) -> bool:
    return user.is_authenticated


@rules.predicate
def is_staff_member(user) -> bool:
    return user.is_authenticated and user.is_employee


@rules.predicate
def is_budget_secretary(user, budget) -> bool:
    return budget is not None and user.is_authenticated and is_secretary_of(user, budget.committee_id)


@rules.predicate
def is_eligible_voter(user, budget) -> bool:
    """A resident of the budget's area (the registered postcode; with MitID later the CPR address)."""
    return (
        budget is not None
        and user.is_authenticated
        and (not budget.eligible_postcodes or user.postcode in budget.eligible_postcodes)
    )


@rules.predicate
def budget_collects(user, budget) -> bool:
    return budget is not None and budget.phase == Phase.COLLECTING


@rules.predicate
def budget_votes(user, budget) -> bool:
    return budget is not None and budget.phase == Phase.VOTING and budget.review_published_at is not None


@rules.predicate
def review_is_published(user, budget) -> bool:
    return budget is not None and budget.review_published_at is not None


@rules.predicate
def has_voting_assurance(user) -> bool:
    """Logged in with MitID on the level voting needs (one rule, in accounts.permissions)."""
    return has_assurance_for(user, "vote")


can_propose_project = is_logged_in & budget_collects
can_vote = is_eligible_voter & has_voting_assurance & budget_votes
can_manage_budget = is_staff_member | is_budget_secretary
can_see_review = review_is_published | can_manage_budget

rules.add_perm("budgets.propose_project", can_propose_project)
rules.add_perm("budgets.vote", can_vote)
rules.add_perm("budgets.manage_budget", can_manage_budget)
