"""People and the municipality's organisation: departments and committees."""

import uuid

import pgtrigger
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, Permission, PermissionsMixin
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from knox.models import AuthToken

from core.models import TimeStampedModel

PHONE_VALIDATOR = RegexValidator(
    r"^\+?[0-9][0-9 ]{7,18}$", _("Skriv et telefonnummer med mindst 8 cifre, fx 12 34 56 78.")
)


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


MODERATE_PERMISSION = "moderate_content"


class PublicName(models.TextChoices):
    """How a person is shown publicly on an idea board (ideas, comments, supports): her choice, per object."""

    FULL = "full", _("Fulde navn")
    SHORT = "short", _("Fornavn og forbogstav")
    ANONYMOUS = "anonymous", _("En borger")


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-mail"), unique=True)
    full_name = models.CharField(_("fulde navn"), max_length=200)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    postcode = models.CharField(
        _("postnummer"),
        max_length=4,
        blank=True,
        validators=[RegexValidator(r"^[0-9]{4}$", _("Et postnummer er fire cifre."))],
        help_text=_("Hvor du bor. Bruges, når en afstemning kun er for beboere i et område."),
    )
    preferred_language = models.CharField(
        _("foretrukket sprog"), max_length=8, choices=settings.LANGUAGES, default="da"
    )
    is_active = models.BooleanField(_("aktiv"), default=True)
    is_staff = models.BooleanField(_("adgang til administration"), default=False)
    date_joined = models.DateTimeField(_("oprettet"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("bruger")
        verbose_name_plural = _("brugere")
        # The moderation role, given through a group (the demo's "Moderatorer"): see is_moderator.
        permissions = [(MODERATE_PERMISSION, _("Kan moderere idéer, kommentarer og høringssvar"))]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    @property
    def language(self) -> str:
        """The language everything written to her is in: her choice, else the site's (Danish)."""
        return self.preferred_language or settings.LANGUAGE_CODE

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    def public_name(self, shown_as: str) -> str:
        """The name the public sees for something she wrote or supported, in the form she chose."""
        if shown_as == PublicName.ANONYMOUS or not self.full_name.strip():
            return str(_("En borger"))
        if shown_as == PublicName.SHORT:
            first, *rest = self.full_name.split()
            return f"{first} {rest[-1][0]}." if rest else first
        return self.full_name

    @cached_property
    def _roles(self) -> dict[str, bool]:
        """Which kinds of role she holds, read in one query and kept for the request."""
        moderation = Permission.objects.filter(content_type__app_label="accounts", codename=MODERATE_PERMISSION)
        row = (
            User.objects.filter(id=self.id)
            .annotate(
                department=Exists(DepartmentMembership.objects.filter(user=OuterRef("pk"))),
                committee=Exists(CommitteeMembership.objects.filter(user=OuterRef("pk"))),
                moderator=Exists(moderation.filter(Q(group__user=OuterRef("pk")) | Q(user=OuterRef("pk")))),
            )
            .values("department", "committee", "moderator")
            .first()
        )
        return row or {"department": False, "committee": False, "moderator": False}

    @cached_property
    def is_employee(self) -> bool:
        """A municipal employee: an administrator, a department or committee member, or a moderator."""
        roles = self._roles
        return self.is_staff or roles["department"] or roles["committee"] or roles["moderator"]

    @cached_property
    def is_moderator(self) -> bool:
        """Staff with the moderation role — the permission, through a group (the demo's Moderatorer) or given to
        her — or an administrator. Only a moderator sees who reported what and the text of hidden content; a
        committee or department membership alone gives neither."""
        return self.is_active and (self.is_superuser or self._roles["moderator"])


class Department(TimeStampedModel):
    name = models.CharField(_("navn"), max_length=200, unique=True)
    slug = models.SlugField(_("kort navn"), unique=True)
    email = models.EmailField(_("e-mail"), blank=True)
    working_days_to_first_contact = models.PositiveSmallIntegerField(
        _("arbejdsdage til første kontakt"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    accepts_complaints = models.BooleanField(_("modtager klager"), default=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="DepartmentMembership", related_name="departments"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("afdeling")
        verbose_name_plural = _("afdelinger")

    def __str__(self) -> str:
        return self.name


class DepartmentMembership(TimeStampedModel):
    class Role(models.TextChoices):
        CASEWORKER = "caseworker", _("Sagsbehandler")
        LEAD = "lead", _("Leder")
        CITIZEN_SERVICE = "citizen_service", _("Borgerservice")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="department_memberships")
    department = models.ForeignKey(Department, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices, default=Role.CASEWORKER)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "department"], name="unique_department_membership")]
        verbose_name = _("medlemskab af afdeling")
        verbose_name_plural = _("medlemskaber af afdelinger")

    def __str__(self) -> str:
        return f"{self.user} – {self.department} ({self.get_role_display()})"


class Committee(TimeStampedModel):
    """A political committee (udvalg); its meetings and agendas live in the committees app."""

    name = models.CharField(_("navn"), max_length=200, unique=True)
    slug = models.SlugField(_("kort navn"), unique=True)
    short_name = models.CharField(_("forkortelse"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, through="CommitteeMembership", related_name="committees")

    class Meta:
        ordering = ["name"]
        verbose_name = _("udvalg")
        verbose_name_plural = _("udvalg")

    def __str__(self) -> str:
        return self.name


class CommitteeMembership(TimeStampedModel):
    class Role(models.TextChoices):
        CHAIR = "chair", _("Formand")
        MEMBER = "member", _("Medlem")
        SECRETARY = "secretary", _("Sekretær")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="committee_memberships")
    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    is_public = models.BooleanField(
        _("offentligt synlig"), default=False, help_text=_("Medlemmet har sagt ja til at blive vist offentligt.")
    )
    start_date = models.DateField(_("startdato"), null=True, blank=True)
    end_date = models.DateField(_("slutdato"), null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "committee"], name="unique_committee_membership")]
        verbose_name = _("medlemskab af udvalg")
        verbose_name_plural = _("medlemskaber af udvalg")

    def __str__(self) -> str:
        return f"{self.user} – {self.committee} ({self.get_role_display()})"


class Council(TimeStampedModel):
    """A council or board (råd og nævn), e.g. Ældrerådet: it is heard on what concerns its area."""

    name = models.CharField(_("navn"), max_length=200, unique=True)
    slug = models.SlugField(_("kort navn"), unique=True)
    description = models.TextField(_("beskrivelse"), max_length=2000, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, through="CouncilMembership", related_name="councils")

    class Meta:
        ordering = ["name"]
        verbose_name = _("råd eller nævn")
        verbose_name_plural = _("råd og nævn")

    def __str__(self) -> str:
        return self.name


class CouncilMembership(TimeStampedModel):
    """A seat on a council for a period; it counts while it runs (accounts.selectors.active_council_memberships)."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Formand")
        MEMBER = "member", _("Medlem")
        SECRETARY = "secretary", _("Sekretær")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="council_memberships")
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    start_date = models.DateField(_("startdato"), null=True, blank=True)
    end_date = models.DateField(_("slutdato"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "council"], name="unique_council_membership"),
            models.CheckConstraint(
                condition=models.Q(start_date__isnull=True)
                | models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="council_membership_ends_after_start",
            ),
        ]
        verbose_name = _("medlemskab af råd eller nævn")
        verbose_name_plural = _("medlemskaber af råd og nævn")

    def __str__(self) -> str:
        return f"{self.user} – {self.council} ({self.get_role_display()})"


class PersonalDataAccess(models.Model):
    """A member of staff looked at a citizen's personal data. Citizens can export their own log.

    Append-only: a trigger in the database refuses every UPDATE and DELETE, whoever sends it (the admin, a
    script, raw SQL), so neither person's account can be deleted while the log names it."""

    viewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="personal_data_accesses"
    )
    what = models.CharField(_("hvad"), max_length=200)
    created_at = models.DateTimeField(_("tidspunkt"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        triggers = [
            pgtrigger.Protect(name="access_log_append_only", operation=pgtrigger.Update | pgtrigger.Delete),
        ]
        verbose_name = _("opslag i personoplysninger")
        verbose_name_plural = _("opslag i personoplysninger")

    def __str__(self) -> str:
        return f"{self.viewer} → {self.subject}: {self.what}"


class StaffAction(models.Model):
    """A member of staff changed something citizens' cases or public content depend on (hid an idea, edited an
    agenda item, changed a theme, reassigned a task, …): who, what, on which object, when. Every staff service
    writes one through `accounts.services.record_staff_action`; administrators read them in the admin.

    Append-only, as the personal-data access log: a trigger in the database refuses every UPDATE and DELETE."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("medarbejder")
    )
    action = models.CharField(_("handling"), max_length=100, db_index=True)
    target_type = models.CharField(_("objekttype"), max_length=100)
    target_id = models.PositiveBigIntegerField(_("objekt-id"))
    at = models.DateTimeField(_("tidspunkt"), default=timezone.now, db_index=True)
    details = models.JSONField(_("detaljer"), default=dict, blank=True, encoder=DjangoJSONEncoder)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"], name="staff_action_target")]
        triggers = [
            pgtrigger.Protect(name="staff_action_append_only", operation=pgtrigger.Update | pgtrigger.Delete),
        ]
        verbose_name = _("medarbejderhandling")
        verbose_name_plural = _("medarbejderhandlinger")

    def __str__(self) -> str:
        return f"{self.actor} {self.action} {self.target_type} {self.target_id}"


class CitizenIdentity(models.Model):
    """What identifies a citizen beyond her account: the CPR number, never in clear text (accounts/cpr.py)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="citizen_identity")
    cpr_hash = models.CharField(_("CPR-nøgle"), max_length=64, unique=True, null=True, blank=True, editable=False)
    cpr_encrypted = models.TextField(_("CPR-nummer, krypteret"), blank=True, editable=False)

    class Meta:
        verbose_name = _("borgeridentitet")
        verbose_name_plural = _("borgeridentiteter")

    def __str__(self) -> str:
        return str(self.user)


class StandIn(TimeStampedModel):
    """The account a complaint or idea belongs to when staff filed it for a citizen who is not online
    (assisted intake), until she logs in with MitID and claims it: by her CPR number's keyed hash, or by the
    one-time code on her receipt (only its hash is kept)."""

    class IdentifiedBy(models.TextChoices):
        SEEN_ID = "seen_id", _("Har set billedlegitimation")
        KNOWN = "known", _("Kendt af medarbejderen")
        PHONE_ONLY = "phone_only", _("Kun telefon")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="stand_in")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("oprettet af")
    )
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="+", verbose_name=_("oprettet i afdelingen")
    )
    identified_by = models.CharField(
        _("hvordan er borgeren identificeret"), max_length=12, choices=IdentifiedBy.choices
    )
    consent_at = models.DateTimeField(_("borgeren gav samtykke"))
    postal_address = models.TextField(_("postadresse"), max_length=500, blank=True)
    contact_phone = models.CharField(_("telefon"), max_length=30, blank=True)
    cpr_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    cpr_encrypted = models.TextField(blank=True, editable=False)
    claim_code_hash = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="claimed_stand_ins",
        verbose_name=_("hentet af"),
    )
    claimed_at = models.DateTimeField(_("hentet"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("borger uden login")
        verbose_name_plural = _("borgere uden login")
        constraints = [
            models.CheckConstraint(
                condition=Q(claimed_by__isnull=True) | Q(claimed_at__isnull=False), name="stand_in_claimed_has_time"
            ),
        ]

    def __str__(self) -> str:
        return str(self.user)


class ClaimAttempt(models.Model):
    """A try of a claim code, kept to limit guessing per person and per address."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    address = models.GenericIPAddressField(null=True, blank=True)
    succeeded = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["user", "created_at"]), models.Index(fields=["address", "created_at"])]

    def __str__(self) -> str:
        return f"{self.user_id} {self.created_at:%Y-%m-%d %H:%M} {'ok' if self.succeeded else 'forkert'}"


class ApiTokenDevice(models.Model):
    """The device an API token (django-rest-knox's AuthToken: only its digest is kept, with its expiry) was
    given to, and the id the user's list shows for it. The token ends when it runs out (API_TOKEN_TTL), when the
    device logs out, when the user ends it from her list, and when her password changes."""

    token = models.OneToOneField(AuthToken, on_delete=models.CASCADE, primary_key=True, related_name="device")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("enhed"), max_length=100)

    class Meta:
        verbose_name = _("API-nøgle")
        verbose_name_plural = _("API-nøgler")

    def __str__(self) -> str:
        return self.name
