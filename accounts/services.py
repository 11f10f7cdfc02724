import hashlib
import logging
import re
import secrets
from collections.abc import Callable
from datetime import timedelta

from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, models, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from knox.models import AuthToken

from accounts import cpr as cprkit
from accounts.access_log import log_reads
from accounts.models import (
    PHONE_VALIDATOR,
    ApiTokenDevice,
    CitizenIdentity,
    ClaimAttempt,
    Department,
    DepartmentMembership,
    PersonalDataAccess,
    StaffAction,
    StandIn,
    User,
)
from accounts.permissions import LEVELS, may_assist_citizens, may_manage_stand_in, require_assurance
from accounts.selectors import REQUEST_ROLES, citizen_service_department_ids

logger = logging.getLogger(__name__)


def log_personal_data_access(*, viewer: User, subject: User, what: str) -> None:
    """Record that staff saw a citizen's personal data; a citizen looking at her own is not logged."""
    log_reads(viewer=viewer, reads=[(subject.id, what)])


# --- CPR numbers ---------------------------------------------------------------------------------------


def record_staff_action(*, actor: User, action: str, target: models.Model, details: dict | None = None) -> StaffAction:
    """The audit trail's one write: `actor` did `action` ("<app>.<service>", e.g. "ideas.hide_idea") to `target`.

    Called inside the staff service's transaction, after its permission check, so the row exists exactly when
    the change does. `details` is what a reader needs to understand the change (a reason, old and new values)."""
    return StaffAction.objects.create(
        actor=actor,
        action=action,
        target_type=target._meta.label_lower,
        target_id=target.pk,
        details=details or {},
    )


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
    log_personal_data_access(viewer=viewer, subject=subject, what=f"CPR-nummer læst: {purpose}")
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
    getattr(user, REQUEST_ROLES, {}).clear()  # her roles change now: a request that read them reads them again
    DepartmentMembership.objects.filter(user=user).exclude(department__slug__in=departments).delete()
    for slug, department in departments.items():
        DepartmentMembership.objects.update_or_create(user=user, department=department, defaults={"role": wanted[slug]})


def record_oidc_login(*, user: User, provider_id: str, claims: dict, cpr: str | None) -> str:
    """Bring the account up to date with what the provider says; returns the login's NSIS level."""
    if provider_id == settings.OIDC_STAFF["provider_id"]:
        groups = claims.get(settings.OIDC_STAFF["groups_claim"]) or []
        sync_staff_roles(user=user, groups=[g for g in groups if isinstance(g, str)])
        return "substantial"
    level = assurance_level_from_claim(claims.get(settings.OIDC_CITIZEN["level_claim"]))
    if cpr:
        store_cpr(user=user, cpr=cpr)
        claim_stand_ins_by_cpr(user=user, cpr=cpr, level=level)
    return level


# --- Citizens who are not online: stand-in accounts and claiming them (assisted intake) ------------------

RESERVED_DOMAIN = "borger.invalid"  # an address no e-mail can reach: accounts without one of their own
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: read aloud and typed from paper
CODE_LENGTH = 12

ClaimHandler = Callable[..., None]  # handler(*, from_user: User, to_user: User)
_claim_handlers: dict[str, ClaimHandler] = {}


def register_claim_handler(name: str, handler: ClaimHandler) -> None:
    """An app that files things for stand-ins moves them to the citizen who claims (in its AppConfig.ready())."""
    _claim_handlers[name] = handler


def is_reserved_email(email: str) -> bool:
    return email.lower().endswith("@" + RESERVED_DOMAIN)


def reserved_email(prefix: str) -> str:
    return f"{prefix}-{secrets.token_hex(8)}@{RESERVED_DOMAIN}"


def _phone_errors(phone: str) -> dict[str, list[str]]:
    """An empty phone is no error here; a phone given must look like one."""
    if not phone.strip():
        return {}
    try:
        PHONE_VALIDATOR(phone.strip())
    except ValidationError as error:
        return {"phone": error.messages}
    return {}


def _stand_in_errors(*, full_name, identified_by, consent, postal_address, email, phone, cpr) -> dict:
    errors: dict[str, list[str]] = {}
    if not full_name.strip():
        errors["full_name"] = [_("Skriv borgerens navn.")]
    elif len(full_name) > 200:
        errors["full_name"] = [_("Navnet må højst være på 200 tegn.")]
    if identified_by not in StandIn.IdentifiedBy.values:
        errors["identified_by"] = [_("Vælg, hvordan borgeren er identificeret.")]
    if consent is not True:
        errors["consent"] = [_("Borgeren skal have sagt ja til, at du opretter henvendelsen for hende.")]
    if not (postal_address.strip() or email.strip() or phone.strip()):
        errors["postal_address"] = [_("Skriv mindst én måde at nå borgeren på: postadresse, e-mail eller telefon.")]
    elif len(postal_address) > 500:
        errors["postal_address"] = [_("Adressen må højst være på 500 tegn.")]
    if email.strip():
        try:
            validate_email(email.strip())
        except ValidationError:
            errors["email"] = [_("Skriv en gyldig e-mailadresse, fx navn@example.dk.")]
        else:
            if User.objects.filter(email__iexact=email.strip()).exists():
                errors["email"] = [
                    _(
                        "Der findes allerede en konto med denne e-mail. Borgeren kan logge ind med MitID og se "
                        "sine sager; ellers lad feltet stå tomt og send kvitteringen som brev."
                    )
                ]
    errors.update(_phone_errors(phone))
    if cpr.strip():
        if not cprkit.is_configured():
            errors["cpr"] = [_("Kommunen gemmer ikke CPR-numre. Lad feltet stå tomt.")]
        elif cprkit.normalize(cpr) is None:
            errors["cpr"] = [_("Et CPR-nummer er 10 cifre, fx 010180-1234.")]
    return errors


def create_stand_in(
    *,
    actor: User,
    full_name: str,
    identified_by: str,
    consent: bool,
    postal_address: str = "",
    email: str = "",
    phone: str = "",
    cpr: str = "",
) -> StandIn:
    """An account for a citizen who is not online, made by citizen service staff who have her consent.

    Her CPR number, if given, is kept only as its keyed hash (and encrypted if configured) and written to
    the personal-data access log; the account's e-mail is hers if she gave one, else an unreachable one."""
    require_assurance(user=actor, action="assisted_intake")
    if not may_assist_citizens(actor):
        raise PermissionDenied
    errors = _stand_in_errors(
        full_name=full_name,
        identified_by=identified_by,
        consent=consent,
        postal_address=postal_address,
        email=email,
        phone=phone,
        cpr=cpr,
    )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        user = User.objects.create_user(
            email.strip().lower() or reserved_email("borger"), None, full_name=full_name.strip()
        )
        stand_in = StandIn.objects.create(
            user=user,
            created_by=actor,
            department_id=citizen_service_department_ids(user=actor)[0],
            identified_by=identified_by,
            consent_at=timezone.now(),
            postal_address=postal_address.strip(),
            contact_phone=phone.strip(),
            cpr_hash=cprkit.keyed_hash(cpr) if cpr.strip() else "",
            cpr_encrypted=cprkit.encrypt(cpr) if cpr.strip() else "",
        )
        if cpr.strip():
            log_personal_data_access(
                viewer=actor, subject=user, what="CPR-nummer registreret ved assisteret henvendelse"
            )
        record_staff_action(
            actor=actor,
            action="accounts.create_stand_in",
            target=stand_in,
            details={"identified_by": identified_by, "with_cpr": bool(cpr.strip())},
        )
    return stand_in


def _code_hash(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def normalize_claim_code(code: str) -> str | None:
    """The code as typed from the letter (any case, spaces and hyphens), or None when it cannot be one."""
    letters = re.sub(r"[\s-]", "", code or "").upper()
    return letters if len(letters) == CODE_LENGTH and set(letters) <= set(CODE_ALPHABET) else None


def format_claim_code(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def issue_claim_code(*, actor: User, stand_in: StandIn, code: str | None = None) -> str:
    """A new one-time claim code for the citizen's receipt (the old one stops working). Only its hash is
    kept; the code is returned once, to be printed. `code` is for the demo's known code only."""
    if not may_manage_stand_in(actor, stand_in):
        raise PermissionDenied
    code = normalize_claim_code(code) if code else "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    with transaction.atomic():
        updated = StandIn.objects.filter(id=stand_in.id, claimed_by__isnull=True).update(
            claim_code_hash=_code_hash(code), updated_at=timezone.now()
        )
        if not updated:
            raise ValidationError({"code": _("Borgeren har allerede hentet sagen.")})
        record_staff_action(actor=actor, action="accounts.issue_claim_code", target=stand_in)
    return format_claim_code(code)


def _transfer(stand_in: StandIn, user: User) -> None:
    """Move everything filed for the stand-in to the citizen; run inside the transaction that locked it."""
    for name in sorted(_claim_handlers):
        _claim_handlers[name](from_user=stand_in.user, to_user=user)
    stand_in.claimed_by, stand_in.claimed_at = user, timezone.now()
    stand_in.save(update_fields=["claimed_by", "claimed_at", "updated_at"])
    # Who among the staff has seen her data is hers to see too: copied, as the log is append-only.
    PersonalDataAccess.objects.bulk_create(
        PersonalDataAccess(viewer_id=access.viewer_id, subject=user, what=access.what, created_at=access.created_at)
        for access in PersonalDataAccess.objects.filter(subject=stand_in.user).order_by("created_at", "id")
    )
    standing = stand_in.user
    if is_reserved_email(user.email) and not is_reserved_email(standing.email):
        # She gave Borgerservice her e-mail; her MitID account had none: it is hers now.
        address, standing.email = standing.email, reserved_email("hentet")
        standing.is_active = False
        standing.save(update_fields=["email", "is_active"])
        User.objects.filter(id=user.id).update(email=address)
        user.email = address
    else:
        User.objects.filter(id=standing.id).update(is_active=False)


def _too_many_guesses(*, user: User, address: str | None) -> bool:
    since = timezone.now() - timedelta(minutes=settings.CLAIM_CODE_WINDOW_MINUTES)
    failures = ClaimAttempt.objects.filter(succeeded=False, created_at__gte=since)
    if failures.filter(user=user).count() >= settings.CLAIM_CODE_FAILURES_PER_USER:
        return True
    return bool(address) and failures.filter(address=address).count() >= settings.CLAIM_CODE_FAILURES_PER_ADDRESS


def claim_with_code(*, user: User, code: str, address: str | None) -> StandIn:
    """The citizen, logged in with MitID, takes over what Borgerservice filed for her, by the receipt's code.

    Guessing is limited per person and per address; a code works once; of two claims at once, one wins."""
    require_assurance(user=user, action="claim_stand_in")
    if _too_many_guesses(user=user, address=address):
        raise ValidationError(
            {
                "code": _(
                    "For mange forkerte forsøg. Vent en time og prøv igen, eller ring til Borgerservice og få "
                    "en ny kode."
                )
            }
        )
    normalized = normalize_claim_code(code)
    with transaction.atomic():
        stand_in = None
        if normalized:
            stand_in = (
                StandIn.objects.select_for_update(of=("self",))
                .select_related("user")
                .filter(claim_code_hash=_code_hash(normalized))
                .first()
            )
        if stand_in is not None and stand_in.claimed_by_id is None and stand_in.user_id != user.id:
            _transfer(stand_in, user)
            ClaimAttempt.objects.create(user=user, address=address, succeeded=True)
            return stand_in
    ClaimAttempt.objects.create(user=user, address=address, succeeded=False)
    if stand_in is None:
        raise ValidationError({"code": _("Koden passer ikke. Tjek, at du har skrevet den som på kvitteringen.")})
    raise ValidationError({"code": _("Koden er allerede brugt og kan ikke bruges igen.")})


def claim_stand_ins_by_cpr(*, user: User, cpr: str, level: str) -> list[StandIn]:
    """At a MitID login: everything filed for her under her CPR number becomes hers (needs the level of
    filing a complaint). The match is on the keyed hash only."""
    if LEVELS.index(level) < LEVELS.index("substantial") or not cprkit.is_configured():
        return []
    if cprkit.normalize(cpr) is None:
        return []
    claimed = []
    with transaction.atomic():
        stand_ins = (
            StandIn.objects.select_for_update(of=("self",))
            .select_related("user")
            .filter(cpr_hash=cprkit.keyed_hash(cpr), claimed_by__isnull=True)
            .exclude(user=user)
        )
        for stand_in in stand_ins:
            _transfer(stand_in, user)
            claimed.append(stand_in)
    return claimed


# --- Anonymisation -------------------------------------------------------------------------------------

ERASED_PERSON_EMAIL = "anonymiseret@borgerdialog.invalid"


def erased_person() -> User:
    """The one inactive account an anonymised case points to instead of its citizen (who may have other
    cases, and whose own account is hers to close)."""
    user, _created = User.objects.get_or_create(
        email=ERASED_PERSON_EMAIL, defaults={"full_name": "Anonymiseret", "is_active": False, "password": "!"}
    )
    return user


def update_profile(*, user: User, preferred_language: str, phone: str, email: str, postcode: str) -> User:
    """The citizen's own details (Min profil): language, phone, e-mail and postcode.

    An employee's e-mail is the one the municipality's login knows her by, so only citizens change theirs.
    """
    errors: dict[str, list[str]] = {}
    if preferred_language not in dict(settings.LANGUAGES):
        errors["preferred_language"] = [_("Vælg dansk eller engelsk.")]
    phone = phone.strip()
    if len(phone) > 30:
        errors["phone"] = [_("Telefonnummeret må højst være på 30 tegn.")]
    else:
        errors.update(_phone_errors(phone))
    postcode = postcode.strip()
    if postcode and not re.fullmatch(r"[0-9]{4}", postcode):
        errors["postcode"] = [_("Et postnummer er fire cifre.")]
    email = email.strip().lower()
    if email != user.email:
        if user.is_employee:
            errors["email"] = [_("Din e-mail kommer fra kommunens login og kan ikke ændres her.")]
        else:
            errors.update(_new_email_errors(email=email, user=user))
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = User.objects.select_for_update().get(id=user.id)
        locked.preferred_language, locked.phone, locked.postcode = preferred_language, phone, postcode
        locked.email = email
        try:
            with transaction.atomic():
                locked.save(update_fields=["preferred_language", "phone", "postcode", "email"])
        except IntegrityError as error:  # the same address taken a moment ago by someone else
            raise ValidationError({"email": [_("Der findes allerede en konto med denne e-mail.")]}) from error
    user.preferred_language, user.phone, user.postcode, user.email = preferred_language, phone, postcode, email
    return user


def _new_email_errors(*, email: str, user: User) -> dict[str, list[str]]:
    if len(email) > 254:
        return {"email": [_("E-mailen må højst være på 254 tegn.")]}
    try:
        validate_email(email)
    except ValidationError:
        return {"email": [_("Skriv en gyldig e-mailadresse, fx navn@example.dk.")]}
    if is_reserved_email(email):
        return {"email": [_("Skriv din egen e-mailadresse.")]}
    if User.objects.filter(email__iexact=email).exclude(id=user.id).exists():
        return {"email": [_("Der findes allerede en konto med denne e-mail.")]}
    return {}


def set_preferred_language(*, user: User, language: str) -> None:
    """The language switch in the header: for someone logged in it is her preference from now on (pages and
    e-mails); a language the site does not offer changes nothing."""
    if language in dict(settings.LANGUAGES) and language != user.preferred_language:
        User.objects.filter(id=user.id).update(preferred_language=language)
        user.preferred_language = language


# --- Erasure of a whole account (GDPR art. 17; retention decides, after every case of hers is anonymised) -----

ANONYMISED_ACCOUNT_DOMAIN = "borgerdialog.invalid"


def anonymise_account(*, user: User) -> dict[str, int]:
    """Her account keeps its row (what she supported or voted for is still counted, anonymously) and loses
    everything that says who she is: name, e-mail, phone, postcode, the CPR number's hash, the MitID login's
    subject, her e-mail addresses and API tokens, what citizen service noted when it filed for her; it can never
    log in again (a changed password also ends her sessions). Safe to run twice."""
    with transaction.atomic():
        locked = User.objects.select_for_update().get(id=user.id)
        removed = {
            "cpr": CitizenIdentity.objects.filter(user=locked).delete()[0],
            "logins": SocialAccount.objects.filter(user=locked).delete()[0],
        }
        EmailAddress.objects.filter(user=locked).delete()
        revoke_all_api_tokens(user=locked)
        # What citizen service noted when it filed for her, before she claimed it (address, phone, CPR, name).
        claimed = StandIn.objects.filter(claimed_by=locked)
        removed["stand_ins"] = claimed.update(postal_address="", contact_phone="", cpr_hash="", cpr_encrypted="")
        User.objects.filter(stand_in__claimed_by=locked).update(full_name="", phone="", is_active=False)
        locked.full_name = ""
        locked.email = f"anonymiseret-{locked.id}@{ANONYMISED_ACCOUNT_DOMAIN}"
        locked.phone = ""
        locked.postcode = ""
        locked.is_active = False
        locked.set_unusable_password()
        locked.save()
    return removed


# --- API tokens, one per device (django-rest-knox) ----------------------------------------------------------


def issue_api_token(*, user: User, device: str) -> tuple[AuthToken, str]:
    """A new token for one of the user's devices, and its secret (shown once, only the digest is kept)."""
    device = " ".join((device or "").split())[:100] or _("Ukendt enhed")
    with transaction.atomic():
        User.objects.select_for_update().filter(id=user.id).first()  # one issue at a time per user: the limit holds
        AuthToken.objects.filter(user=user, expiry__lt=timezone.now()).delete()
        if AuthToken.objects.filter(user=user).count() >= settings.API_TOKENS_PER_USER:
            raise ValidationError(
                {
                    "device": _("Du har %(count)d aktive API-nøgler. Afbryd en af dem, før du opretter en ny.")
                    % {"count": settings.API_TOKENS_PER_USER}
                }
            )
        token, secret = AuthToken.objects.create(user=user)
        token.device = ApiTokenDevice.objects.create(token=token, name=device)
        return token, secret


def revoke_api_token(*, user: User, public_id) -> None:
    """End one of the user's tokens (from her list, or the device's own logout); another's is not found."""
    deleted, _rows = AuthToken.objects.filter(user=user, device__public_id=public_id).delete()
    if not deleted:
        raise Http404


def revoke_all_api_tokens(*, user: User) -> int:
    """End every token of the user (her password changed, or she logs out everywhere)."""
    return AuthToken.objects.filter(user=user).delete()[0]


def note_password_change(sender, instance: User, **kwargs) -> None:
    """pre_save of a user: remember whether the password is another than the stored one."""
    if instance.pk is None:
        return
    stored = User.objects.filter(pk=instance.pk).values_list("password", flat=True).first()
    instance._password_changed = stored is not None and stored != instance.password


def end_tokens_after_password_change(sender, instance: User, **kwargs) -> None:
    """post_save of a user: a new password ends every API token (as Django ends her other sessions)."""
    if getattr(instance, "_password_changed", False):
        instance._password_changed = False
        revoke_all_api_tokens(user=instance)
