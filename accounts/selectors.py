import json
import zipfile
from collections.abc import Callable
from io import BytesIO
from typing import TypeVar

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from accounts.models import (
    Committee,
    CommitteeMembership,
    Council,
    CouncilMembership,
    Department,
    DepartmentMembership,
    User,
)

T = TypeVar("T")

# Set on the user by accounts.middleware for the length of one request: her roles are read once there and kept. A
# user object without it (an open socket, which lives for hours; a task; a service called directly) keeps them on
# the object itself, or, with only_in_request, reads them fresh every time, so a role taken away counts at once
# wherever nothing ends with the request.
REQUEST_ROLES = "_request_roles"


def kept_for_request(user: User, key: str, read: Callable[[], T], *, only_in_request: bool = False) -> T:
    """What `read()` says of the user's roles, read once and kept for the request: the one cache of roles."""
    kept = getattr(user, REQUEST_ROLES, None)
    if kept is None:
        if only_in_request:
            return read()
        kept = user.__dict__.setdefault("_kept_roles", {})
    if key not in kept:
        kept[key] = read()
    return kept[key]


def _running_today(memberships: QuerySet) -> QuerySet:
    """The one date rule of a membership: it runs between its start and end dates (either may be empty)."""
    today = timezone.localdate()
    return memberships.filter(
        Q(start_date__isnull=True) | Q(start_date__lte=today),
        Q(end_date__isnull=True) | Q(end_date__gte=today),
        user__is_active=True,
    )


def active_committee_memberships() -> QuerySet[CommitteeMembership]:
    """Committee memberships running today (between their start and end dates), of active users."""
    return _running_today(CommitteeMembership.objects.all())


def active_council_memberships() -> QuerySet[CouncilMembership]:
    """Council memberships running today (between their start and end dates), of active users."""
    return _running_today(CouncilMembership.objects.all())


def councils_of(*, user: User) -> QuerySet[Council]:
    """The councils the user sits on today (she may answer a hearing on their behalf)."""
    if not user.is_authenticated:
        return Council.objects.none()
    return Council.objects.filter(id__in=active_council_memberships().filter(user_id=user.id).values("council_id"))


def council_members(*, council_id: int) -> QuerySet[User]:
    """The council's members today."""
    memberships = active_council_memberships().filter(council_id=council_id)
    return User.objects.filter(id__in=memberships.values("user_id")).order_by("id")


def committee_secretaries(*, committee_id: int) -> QuerySet[User]:
    """The committee's secretaries today."""
    memberships = active_committee_memberships().filter(
        committee_id=committee_id, role=CommitteeMembership.Role.SECRETARY
    )
    return User.objects.filter(id__in=memberships.values("user_id")).order_by("id")


def access_committee_by_slug(*, slug: str) -> Committee:
    """A committee (public: its name and members are public), or 404."""
    committee = Committee.objects.filter(slug=slug).first()
    if committee is None:
        raise Http404
    return committee


def access_own_committee_by_slug(*, user: User, slug: str) -> Committee:
    """A committee as its members work in it (proposals, themes, planning): 404 to anyone not on it, who knows the
    committee's public pages only."""
    from accounts.permissions import is_member_of  # accounts.permissions reads this module

    committee = access_committee_by_slug(slug=slug)
    if not is_member_of(user, committee.id):
        raise Http404
    return committee


def departments_accepting_complaints() -> QuerySet[Department]:
    return Department.objects.filter(accepts_complaints=True).order_by("name")


def department_roles(*, user: User) -> list[tuple[int, str]]:
    """(department id, role) of each of the user's department memberships, the departments by name (kept for the
    request only: outside one they are read fresh)."""
    if not user.is_authenticated:
        return []

    def read() -> list[tuple[int, str]]:
        memberships = user.department_memberships.order_by("department__name", "department_id")
        return list(memberships.values_list("department_id", "role"))

    return kept_for_request(user, "departments", read, only_in_request=True)


def department_ids_of(*, user: User) -> set[int]:
    return {department_id for department_id, _role in department_roles(user=user)}


def citizen_service_department_ids(*, user: User) -> list[int]:
    """The departments where the user has the citizen service role, by name (kept on the user also outside a
    request, as the API's token users and the services' callers have always had it)."""
    if not user.is_authenticated:
        return []

    def read() -> list[int]:
        return [d for d, role in department_roles(user=user) if role == DepartmentMembership.Role.CITIZEN_SERVICE]

    return kept_for_request(user, "citizen_service_departments", read)


def is_department_member(*, user: User, department_id: int) -> bool:
    return user.is_authenticated and department_id in department_ids_of(user=user)


def is_department_lead(*, user: User, department_id: int) -> bool:
    return (department_id, DepartmentMembership.Role.LEAD) in department_roles(user=user)


def department_leads(*, department_id: int) -> QuerySet[User]:
    return User.objects.filter(
        is_active=True,
        department_memberships__department_id=department_id,
        department_memberships__role=DepartmentMembership.Role.LEAD,
    )


def department_caseworkers(*, department_id: int) -> QuerySet[User]:
    return User.objects.filter(
        is_active=True,
        department_memberships__department_id=department_id,
        department_memberships__role=DepartmentMembership.Role.CASEWORKER,
    )


def reassign_candidates_for_department(*, department_id: int) -> QuerySet[User]:
    return User.objects.filter(is_active=True, department_memberships__department_id=department_id).order_by(
        "full_name"
    )


def api_tokens_of(*, user: User) -> QuerySet:
    """Her devices' API tokens that have not run out, newest first."""
    live = Q(expiry__isnull=True) | Q(expiry__gt=timezone.now())
    return user.auth_token_set.filter(live, device__isnull=False).select_related("device").order_by("-created")


def personal_data_accesses_of(*, user: User):
    return user.personal_data_accesses.select_related("viewer").order_by("-created_at", "-id")


# --- Her own data, for her to take away (GDPR art. 15 and 20) ------------------------------------------------

PersonalDataSection = Callable[..., dict[str, list[dict]]]  # section(*, user) -> {"heading": [row, ...]}
_personal_data_sections: dict[str, PersonalDataSection] = {}


def register_personal_data(name: str, section: PersonalDataSection) -> None:
    """An app that keeps what a citizen wrote or gave adds it to her export (in its AppConfig.ready()); each row
    is a dict of JSON values (dates and decimals are written as text)."""
    _personal_data_sections[name] = section


def personal_data_of(*, user: User) -> dict:
    """Everything Borgerdialog keeps about the user, by heading: her account, each app's part, the access log."""
    data = {
        "konto": {
            "navn": user.full_name,
            "e-mail": user.email,
            "telefon": user.phone,
            "sprog": user.preferred_language,
            "oprettet": user.date_joined,
        }
    }
    for name in sorted(_personal_data_sections):
        data |= _personal_data_sections[name](user=user)
    data["adgangslog"] = [
        {"tidspunkt": access.created_at, "medarbejder": access.viewer.full_name, "hvad": access.what}
        for access in personal_data_accesses_of(user=user)
    ]
    return data


ARCHIVE_NAME = "mine-data.zip"


def personal_data_archive(*, user: User) -> bytes:
    """Her data as one file to download: a zip holding mine-data.json (UTF-8, readable by any program)."""
    data = {"udtrukket": timezone.now(), **personal_data_of(user=user)}
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mine-data.json", text)
    return buffer.getvalue()
