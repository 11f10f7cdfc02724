"""Committee membership as every app asks it: the one place the "membership runs today" rule is written.

A membership counts between its start and end dates (either may be empty). A user's roles in a committee are
read once per request and kept on the user object (`_committee_roles`), the one cache of roles.
"""

import rules

from accounts.models import CommitteeMembership
from accounts.selectors import active_committee_memberships


def committee_roles(user, committee_id: int) -> set[str]:
    """The user's running roles in the committee (CommitteeMembership.Role values), cached on the user."""
    if user is None or not user.is_authenticated:
        return set()
    cache = user.__dict__.setdefault("_committee_roles", {})
    if committee_id not in cache:
        memberships = active_committee_memberships().filter(user_id=user.id, committee_id=committee_id)
        cache[committee_id] = set(memberships.values_list("role", flat=True))
    return cache[committee_id]


def is_member_of(user, committee_id: int) -> bool:
    return bool(committee_roles(user, committee_id))


def is_secretary_of(user, committee_id: int) -> bool:
    return CommitteeMembership.Role.SECRETARY in committee_roles(user, committee_id)


@rules.predicate
def is_committee_member(user, committee) -> bool:
    return committee is not None and is_member_of(user, committee.id)


@rules.predicate
def is_committee_secretary(user, committee) -> bool:
    return committee is not None and is_secretary_of(user, committee.id)
