import logging

from django.conf import settings
from django.db import IntegrityError, transaction

from accounts import cpr as cprkit
from accounts.models import CitizenIdentity, Department, DepartmentMembership, PersonalDataAccess, User
from accounts.permissions import LEVELS

logger = logging.getLogger(__name__)


def log_personal_data_access(*, viewer: User, subject: User, what: str) -> PersonalDataAccess | None:
    """Record that staff saw a citizen's personal data; a citizen looking at her own is not logged."""
    if viewer.id == subject.id:
        return None
    return PersonalDataAccess.objects.create(viewer=viewer, subject=subject, what=what[:200])


# --- CPR numbers ---------------------------------------------------------------------------------------


def store_cpr(*, user: User, cpr: str) -> bool:
    """Keep a citizen's CPR number as its keyed hash (and encrypted, if configured). False if not kept:
    CPR_HASH_KEY unset, not a CPR number, or the number already belongs to another account."""
    if not cprkit.is_configured() or cprkit.normalize(cpr) is None:
        return False
    digest = cprkit.keyed_hash(cpr)
    try:
        with transaction.atomic():
            CitizenIdentity.objects.update_or_create(
                user=user, defaults={"cpr_hash": digest, "cpr_encrypted": cprkit.encrypt(cpr)}
            )
    except IntegrityError:
        logger.warning("CPR number of user %s already belongs to another account; not stored", user.id)
        return False
    return True


def user_with_cpr(*, cpr: str, viewer: User | None = None, purpose: str = "") -> User | None:
    """The account whose CPR hash matches. A member of staff's look-up is written to the access log."""
    if not cprkit.is_configured() or cprkit.normalize(cpr) is None:
        return None
    identity = CitizenIdentity.objects.select_related("user").filter(cpr_hash=cprkit.keyed_hash(cpr)).first()
    if identity is None:
        return None
    if viewer is not None:
        log_personal_data_access(viewer=viewer, subject=identity.user, what=purpose or "CPR-nummer slået op")
    return identity.user


def read_cpr(*, viewer: User, subject: User, purpose: str) -> str | None:
    """Decrypt a citizen's CPR number for an integration that needs it; every read is logged."""
    identity = CitizenIdentity.objects.filter(user=subject).exclude(cpr_encrypted="").first()
    if identity is None or not settings.CPR_ENCRYPTION_KEY:
        return None
    PersonalDataAccess.objects.create(viewer=viewer, subject=subject, what=f"CPR-nummer læst: {purpose}"[:200])
    return cprkit.decrypt(identity.cpr_encrypted)


# --- Logging in with OpenID Connect ----------------------------------------------------------------------

ROLE_RANK = {
    DepartmentMembership.Role.CITIZEN_SERVICE: 0,
    DepartmentMembership.Role.CASEWORKER: 1,
    DepartmentMembership.Role.LEAD: 2,
}


def assurance_level_from_claim(value) -> str:
    """NSIS level from an `acr` value such as https://data.gov.dk/concept/core/nsis/loa/Substantial.
    Anything unknown counts as low."""
    if not isinstance(value, str):
        return "low"
    last = value.rstrip("/").replace(":", "/").rsplit("/", 1)[-1].lower()
    return last if last in LEVELS else "low"


def parse_group_roles(spec: str) -> dict[str, tuple[str, str]]:
    """'group=department-slug:role,...' -> {group: (slug, role)}"""
    mapping = {}
    for item in filter(None, (part.strip() for part in spec.split(","))):
        group, _, target = item.partition("=")
        slug, _, role = target.partition(":")
        if group and slug and role in ROLE_RANK:
            mapping[group.strip()] = (slug.strip(), role)
        else:
            logger.warning("Ignoring OIDC_STAFF_GROUP_ROLES entry %r", item)
    return mapping


@transaction.atomic
def sync_staff_roles(*, user: User, groups: list[str]) -> None:
    """Make the person's department roles exactly what her groups give: new ones added, others removed."""
    wanted: dict[str, str] = {}
    for group in groups:
        slug, role = parse_group_roles(settings.OIDC_STAFF["group_roles"]).get(group, (None, None))
        if slug and ROLE_RANK[role] >= ROLE_RANK.get(wanted.get(slug), -1):
            wanted[slug] = role
    departments = {d.slug: d for d in Department.objects.filter(slug__in=wanted)}
    DepartmentMembership.objects.filter(user=user).exclude(department__slug__in=departments).delete()
    for slug, department in departments.items():
        DepartmentMembership.objects.update_or_create(user=user, department=department, defaults={"role": wanted[slug]})


def record_oidc_login(*, user: User, provider_id: str, claims: dict, cpr: str | None) -> str:
    """Bring the account up to date with what the provider says; returns the login's NSIS level."""
    if provider_id == settings.OIDC_STAFF["provider_id"]:
        groups = claims.get(settings.OIDC_STAFF["groups_claim"]) or []
        sync_staff_roles(user=user, groups=[g for g in groups if isinstance(g, str)])
        return "substantial"
    if cpr:
        store_cpr(user=user, cpr=cpr)
    return assurance_level_from_claim(claims.get(settings.OIDC_CITIZEN["level_claim"]))
