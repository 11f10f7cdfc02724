"""Committee and council membership as every app asks it: the one place the "membership runs today" rule is asked.

A membership counts between its start and end dates (either may be empty). A user's roles in a committee are
read once per request and kept on the user object (`accounts.selectors.kept_for_request`, the one cache of roles).

The NSIS assurance rule (which login level each action needs) is written here too.
"""

import rules
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from accounts.models import CommitteeMembership
from accounts.selectors import (
    active_committee_memberships,
    active_council_memberships,
    citizen_service_department_ids,
    kept_for_request,
)


def committee_roles(user, committee_id: int) -> set[str]:
    """The user's running roles in the committee (CommitteeMembership.Role values), cached on the user."""
    if user is None or not user.is_authenticated:
        return set()

    def read() -> set[str]:
        memberships = active_committee_memberships().filter(user_id=user.id, committee_id=committee_id)
        return set(memberships.values_list("role", flat=True))

    return kept_for_request(user, f"committee_roles:{committee_id}", read)


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


def council_ids_of(user) -> set[int]:
    """The councils the user sits on today, cached on the user for the request."""
    if user is None or not user.is_authenticated:
        return set()

    def read() -> set[int]:
        return set(active_council_memberships().filter(user_id=user.id).values_list("council_id", flat=True))

    return kept_for_request(user, "council_ids", read)


def is_member_of_council(user, council_id: int) -> bool:
    return council_id in council_ids_of(user)


@rules.predicate
def is_council_member(user, council) -> bool:
    return council is not None and is_member_of_council(user, council.id)


# NSIS assurance levels, weakest first. A session carries the level its login gave (accounts.middleware);
# a user object that came through no login door (an API token, a password) has PASSWORD_LOGIN_ASSURANCE.
LEVELS = ("low", "substantial", "high")
LEVEL_NAMES = {"low": _("lavt"), "substantial": _("betydeligt"), "high": _("højt")}

# THE rule: which assurance level each action needs. Services call require_assurance(); nothing else decides.
REQUIRED_LEVEL = {
    "file_complaint": "substantial",
    "vote": "substantial",
    "support_idea": "low",
    # Staff filing a complaint or an idea for a citizen who is not online (assisted intake).
    "assisted_intake": "substantial",
    # Taking over what staff filed for her: her own complaints, so the level of filing one.
    "claim_stand_in": "substantial",
}


def assurance_level_of(user) -> str:
    level = getattr(user, "assurance_level", None)
    return level if level in LEVELS else settings.PASSWORD_LOGIN_ASSURANCE


def has_assurance_for(user, action: str) -> bool:
    if not user.is_authenticated:
        return False
    return LEVELS.index(assurance_level_of(user)) >= LEVELS.index(REQUIRED_LEVEL[action])


def require_assurance(*, user, action: str) -> None:
    if not has_assurance_for(user, action):
        raise PermissionDenied(
            _("Det kræver login med MitID på mindst %(level)s sikringsniveau.")
            % {"level": LEVEL_NAMES[REQUIRED_LEVEL[action]]}
        )


def is_citizen_service(user, department_id: int | None = None) -> bool:
    """Staff with the citizen service role (Borgerservice), in the department if one is named."""
    ids = citizen_service_department_ids(user=user)
    return bool(ids) if department_id is None else department_id in ids


@rules.predicate
def may_assist_citizens(user) -> bool:
    """May file complaints and ideas for citizens who are not online: the role and a strong enough login."""
    return is_citizen_service(user) and has_assurance_for(user, "assisted_intake")


@rules.predicate
def may_manage_stand_in(user, stand_in) -> bool:
    """A citizen service employee of the department that filed for the citizen, while she has not claimed it."""
    return (
        stand_in is not None
        and stand_in.claimed_by_id is None
        and is_citizen_service(user, stand_in.department_id)
        and has_assurance_for(user, "assisted_intake")
    )


rules.add_perm("accounts.assist_citizens", may_assist_citizens)
