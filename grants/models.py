"""Grant pools (puljer): pools, rounds, applications with budget lines, reviews, information requests.

Money is in øre (integers). A round's granted total is kept on the round row and a check constraint holds
it between 0 and the round's amount, so the money left can never go below zero; `decide_application` also
locks the round's row, so two reviewers granting at once run one after the other and the second sees what
the first granted.
"""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel
from core.uploads import attachment_path, attachment_storage
from dialogue.models import Thread
from ideas.models import Association

TITLE_MAX = 200
TEXT_MAX = 5000
SCORE_MIN, SCORE_MAX = 1, 5


class Pool(TimeStampedModel):
    """A pool citizens and associations apply to, e.g. the valgfremme-pulje (75.000 kr. per election)."""

    name = models.CharField(_("navn"), max_length=TITLE_MAX)
    slug = models.SlugField(_("kort navn"), max_length=100, unique=True)
    purpose = models.TextField(_("formål"), max_length=TEXT_MAX)
    criteria = models.TextField(_("kriterier"), max_length=TEXT_MAX, help_text=_("Hvad projekterne vurderes på."))
    decided_by = models.CharField(
        _("besluttet af"), max_length=TITLE_MAX, blank=True, help_text=_("Fx ”Byrådet den 24. marts 2015”.")
    )
    amount_per_round = models.PositiveBigIntegerField(_("beløb pr. runde (øre)"))
    citizens_may_apply = models.BooleanField(_("borgere kan søge"), default=True)
    associations_may_apply = models.BooleanField(_("foreninger kan søge"), default=True)
    max_per_application = models.PositiveBigIntegerField(
        _("højst pr. ansøgning (øre)"), null=True, blank=True, help_text=_("Tom: op til rundens beløb.")
    )
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="grant_pools_reviewed", blank=True, verbose_name=_("bedømmere")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("pulje")
        verbose_name_plural = _("puljer")
        constraints = [
            models.CheckConstraint(condition=Q(amount_per_round__gt=0), name="pool_amount_positive"),
            models.CheckConstraint(
                condition=Q(citizens_may_apply=True) | Q(associations_may_apply=True), name="pool_someone_may_apply"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("grants:pool", args=[self.slug])


class Criterion(models.Model):
    """One of the pool's criteria a reviewer scores an application against (1–5)."""

    pool = models.ForeignKey(Pool, on_delete=models.CASCADE, related_name="criteria_list")
    title = models.CharField(_("kriterium"), max_length=TITLE_MAX)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["pool", "order", "id"]
        verbose_name = _("kriterium")
        verbose_name_plural = _("kriterier")

    def __str__(self) -> str:
        return self.title


class Round(TimeStampedModel):
    """One round of a pool (one per election): its money, its deadline and what has been granted."""

    class Election(models.TextChoices):
        MUNICIPAL = "municipal", _("Kommunalvalg")
        GENERAL = "general", _("Folketingsvalg")
        EUROPEAN = "european", _("Europa-Parlamentsvalg")
        REFERENDUM = "referendum", _("Folkeafstemning")

    pool = models.ForeignKey(Pool, on_delete=models.PROTECT, related_name="rounds", verbose_name=_("pulje"))
    title = models.CharField(_("titel"), max_length=TITLE_MAX)
    election = models.CharField(_("valg"), max_length=12, choices=Election.choices)
    election_date = models.DateField(_("valgdag"))
    opens_on = models.DateField(_("åbner for ansøgninger"))
    deadline = models.DateField(_("ansøgningsfrist"))
    amount = models.PositiveBigIntegerField(_("beløb (øre)"))
    granted_total = models.PositiveBigIntegerField(_("bevilget i alt (øre)"), default=0, editable=False)

    class Meta:
        ordering = ["-election_date", "id"]
        verbose_name = _("runde")
        verbose_name_plural = _("runder")
        constraints = [
            models.CheckConstraint(condition=Q(deadline__gte=F("opens_on")), name="round_deadline_after_opening"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="round_amount_positive"),
            # The money left can never go below zero, whoever grants and however many at once.
            models.CheckConstraint(
                condition=Q(granted_total__gte=0) & Q(granted_total__lte=F("amount")),
                name="round_money_left_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pool.name}: {self.title}"

    @property
    def money_left(self) -> int:
        return self.amount - self.granted_total


class Application(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Kladde")
        SUBMITTED = "submitted", _("Indsendt")
        INFO_REQUESTED = "info_requested", _("Afventer dine oplysninger")
        GRANTED = "granted", _("Bevilget")
        PARTLY_GRANTED = "partly_granted", _("Delvist bevilget")
        REFUSED = "refused", _("Afslag")
        WITHDRAWN = "withdrawn", _("Trukket tilbage")

    class TargetGroup(models.TextChoices):
        YOUNG = "young", _("Unge")
        VULNERABLE = "vulnerable", _("Socialt udsatte borgere")
        NEW_DANES = "new_danes", _("Nydanskere")
        EVERYONE = "everyone", _("Alle vælgere")

    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="applications", verbose_name=_("runde"))
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="grant_applications", verbose_name=_("ansøger")
    )
    association = models.ForeignKey(
        Association,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="grant_applications",
        verbose_name=_("på vegne af forening"),
    )
    title = models.CharField(_("projektets titel"), max_length=TITLE_MAX)
    description = models.TextField(_("beskrivelse af projektet"), max_length=TEXT_MAX, blank=True)
    target_groups = ArrayField(
        models.CharField(max_length=12, choices=TargetGroup.choices),
        default=list,
        blank=True,
        verbose_name=_("målgruppe"),
    )
    amount_applied = models.PositiveBigIntegerField(_("ansøgt beløb (øre)"), default=0)
    own_contribution = models.PositiveBigIntegerField(_("egenfinansiering (øre)"), default=0)
    starts_on = models.DateField(_("projektet starter"), null=True, blank=True)
    ends_on = models.DateField(_("projektet slutter"), null=True, blank=True)
    show_name_publicly = models.BooleanField(
        _("Mit navn må stå på listen over projekter, der har fået støtte"),
        default=False,
        help_text=_(
            "Søger du for en forening, står foreningens navn på listen. Ellers står dit navn kun, hvis du siger ja."
        ),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True)
    reference = models.CharField(_("journalnummer"), max_length=30, blank=True)
    submitted_at = models.DateTimeField(_("indsendt"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("trukket tilbage"), null=True, blank=True)
    thread = models.OneToOneField(
        Thread, on_delete=models.PROTECT, null=True, blank=True, related_name="grant_application"
    )
    # The decision (forvaltningsloven §§ 22–24: the rules applied, the main considerations, the facts)
    amount_granted = models.PositiveBigIntegerField(_("bevilget beløb (øre)"), null=True, blank=True)
    rules_applied = models.TextField(_("de regler, afgørelsen bygger på"), max_length=TEXT_MAX, blank=True)
    considerations = models.TextField(_("hovedhensyn"), max_length=TEXT_MAX, blank=True)
    facts = models.TextField(_("de faktiske forhold"), max_length=TEXT_MAX, blank=True)
    decided_at = models.DateTimeField(_("afgjort"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decision_letter = models.TextField(_("afgørelsesbrev"), blank=True)
    # After the project
    report = models.TextField(_("rapport om projektet"), max_length=TEXT_MAX, blank=True)
    amount_spent = models.PositiveBigIntegerField(_("brugt beløb (øre)"), null=True, blank=True)
    reported_at = models.DateTimeField(_("rapporteret"), null=True, blank=True)
    amount_paid = models.PositiveBigIntegerField(_("udbetalt (øre)"), null=True, blank=True)
    paid_at = models.DateTimeField(_("udbetalt"), null=True, blank=True)
    paid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("ansøgning")
        verbose_name_plural = _("ansøgninger")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(starts_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="application_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["granted", "partly_granted"])
                | Q(amount_granted__gt=0, amount_granted__lte=F("amount_applied")),
                name="application_granted_within_applied",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft"]) | Q(submitted_at__isnull=False), name="application_submitted_has_time"
            ),
            models.CheckConstraint(
                condition=Q(amount_paid__isnull=True) | Q(amount_paid__lte=F("amount_granted")),
                name="application_paid_within_granted",
            ),
            models.UniqueConstraint(
                fields=["reference"], condition=~Q(reference=""), name="unique_application_reference"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("grants:application", args=[self.id])

    @property
    def is_decided(self) -> bool:
        return self.status in DECIDED_STATUSES

    @property
    def sender_name(self) -> str:
        """Who applied, as the applicant and staff see it: the association, or the applicant herself."""
        return self.association.name if self.association_id else self.applicant.full_name

    @property
    def budget_total(self) -> int:
        return sum(line.amount for line in self.budget_lines.all())


DECIDED_STATUSES = (Application.Status.GRANTED, Application.Status.PARTLY_GRANTED, Application.Status.REFUSED)
OPEN_STATUSES = (Application.Status.SUBMITTED, Application.Status.INFO_REQUESTED)


class BudgetLine(models.Model):
    """What the money goes to: one purpose and its amount."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="budget_lines")
    purpose = models.CharField(_("formål"), max_length=TITLE_MAX)
    amount = models.PositiveBigIntegerField(_("beløb (øre)"))
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["application", "order", "id"]
        verbose_name = _("budgetlinje")
        verbose_name_plural = _("budgetlinjer")
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="budget_line_amount_positive")]

    def __str__(self) -> str:
        return self.purpose


class Score(TimeStampedModel):
    """A reviewer's internal score against one criterion, with a note. Never shown to the applicant."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="scores")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    score = models.PositiveSmallIntegerField(
        _("point"), validators=[MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)]
    )
    note = models.TextField(_("intern note"), max_length=TEXT_MAX, blank=True)

    class Meta:
        ordering = ["criterion__order", "criterion_id", "reviewer_id"]
        verbose_name = _("point")
        verbose_name_plural = _("point")
        constraints = [
            models.UniqueConstraint(fields=["application", "reviewer", "criterion"], name="one_score_per_criterion"),
            models.CheckConstraint(condition=Q(score__gte=SCORE_MIN, score__lte=SCORE_MAX), name="score_in_range"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"


class InformationRequest(TimeStampedModel):
    """A reviewer asks the applicant for more; the application waits with her until she answers."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="information_requests")
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    question = models.TextField(_("spørgsmål"), max_length=TEXT_MAX)
    answer = models.TextField(_("svar"), max_length=TEXT_MAX, blank=True)
    answered_at = models.DateTimeField(_("besvaret"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("anmodning om oplysninger")
        verbose_name_plural = _("anmodninger om oplysninger")
        constraints = [
            models.UniqueConstraint(
                fields=["application"], condition=Q(answered_at__isnull=True), name="one_open_information_request"
            )
        ]

    def __str__(self) -> str:
        return self.question[:60]


class ApplicationAttachment(TimeStampedModel):
    """A file the applicant adds (a budget, a letter of support); checked like an agenda Bilag (core.uploads)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("titel"), max_length=200)
    file = models.FileField(_("fil"), storage=attachment_storage, upload_to=attachment_path, max_length=200)
    file_name = models.CharField(_("filnavn"), max_length=200)
    mime_type = models.CharField(_("filtype"), max_length=100)
    size = models.PositiveBigIntegerField(_("størrelse"))
    sha1 = models.CharField(max_length=40)

    class Meta:
        ordering = ["application", "created_at", "id"]
        verbose_name = _("bilag")
        verbose_name_plural = _("bilag")
        constraints = [
            models.CheckConstraint(
                condition=Q(size__lte=settings.ATTACHMENT_MAX_BYTES), name="application_attachment_size_within_limit"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("grants:attachment", args=[self.application_id, self.id, self.file_name])
