"""Participatory budgets (borgerbudgetter): budgets, projects, ballots, paper tallies, results, progress.

A project is an idea on the budget's own idea board (a board that is not `standalone`): its title, text,
author, association, supports, comments and moderation are the idea machinery's, and the project adds what
a budget needs — the citizen's cost estimate, the place, the municipality's feasibility review, the result
and the implementation. Money is in øre (integers).

A ballot is one row per citizen per budget (a unique constraint) with its chosen projects; its content is
shown to nobody but the voter. Results are computed once, stored per project and published as a table.
"""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Committee
from core.models import TimeStampedModel
from ideas.models import Board, Idea

TITLE_MAX = 200
TEXT_MAX = 5000
postcode_validator = RegexValidator(r"^[0-9]{4}$", _("Et postnummer er fire cifre."))


class Phase(models.TextChoices):
    UPCOMING = "upcoming", _("Åbner snart")
    COLLECTING = "collecting", _("Forslag indsamles")
    REVIEW = "review", _("Forslagene vurderes")
    VOTING = "voting", _("Afstemning")
    RESULTS = "results", _("Resultat")
    IMPLEMENTATION = "implementation", _("Projekterne gennemføres")


PHASE_ORDER = list(Phase.values)


class AgendaStatus(models.TextChoices):
    PLACED = "placed", _("Sat på en dagsorden")
    ON_AGENDA = "on_agenda", _("På den offentliggjorte dagsorden")
    DECIDED = "decided", _("Besluttet af udvalget")


class Budget(TimeStampedModel):
    class VotingRule(models.TextChoices):
        KNAPSACK = "knapsack", _("Vælg projekter for op til budgettets beløb")
        APPROVAL = "approval", _("Vælg op til et antal projekter")

    title = models.CharField(_("titel"), max_length=TITLE_MAX)
    slug = models.SlugField(_("kort navn"), max_length=100, unique=True)
    description = models.TextField(_("beskrivelse"), max_length=TEXT_MAX)
    total = models.PositiveBigIntegerField(_("beløb (øre)"))
    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="budgets", verbose_name=_("udvalg"))
    area = models.CharField(_("område"), max_length=TITLE_MAX, blank=True, help_text=_("Fx en by eller et distrikt."))
    eligible_postcodes = ArrayField(
        models.CharField(max_length=4, validators=[postcode_validator]),
        default=list,
        blank=True,
        verbose_name=_("postnumre, der må stemme"),
        help_text=_("Tom: alle med en konto må stemme. Ellers kun dem, der har et af postnumrene."),
    )
    voting_rule = models.CharField(_("afstemningsregel"), max_length=10, choices=VotingRule.choices)
    max_choices = models.PositiveSmallIntegerField(
        _("højst antal projekter pr. stemme"), null=True, blank=True, help_text=_("Kun ved at vælge op til et antal.")
    )
    collect_from = models.DateField(_("forslag fra"))
    collect_until = models.DateField(_("forslag til og med"))
    vote_from = models.DateField(_("afstemning fra"))
    vote_until = models.DateField(_("afstemning til og med"))
    implementation_from = models.DateField(_("gennemførelse fra"), null=True, blank=True)
    advanced_to = models.CharField(
        _("rykket frem til fase"), max_length=16, choices=Phase.choices, blank=True, editable=False
    )
    board = models.OneToOneField(Board, on_delete=models.PROTECT, related_name="budget", editable=False)
    review_published_at = models.DateTimeField(_("vurderingen offentliggjort"), null=True, blank=True, editable=False)
    results_computed_at = models.DateTimeField(_("resultatet beregnet"), null=True, blank=True, editable=False)
    results_published_at = models.DateTimeField(_("resultatet offentliggjort"), null=True, blank=True, editable=False)
    # The published results as a proposal for the committee's agenda (budgets/proposals.py)
    agenda_status = models.CharField(
        _("på udvalgets dagsorden"), max_length=10, choices=AgendaStatus.choices, blank=True, editable=False
    )
    agenda_url = models.CharField(_("link til dagsordenen"), max_length=500, blank=True, editable=False)
    decision = models.TextField(_("udvalgets beslutning"), blank=True, editable=False)

    class Meta:
        ordering = ["-vote_from", "title"]
        verbose_name = _("borgerbudget")
        verbose_name_plural = _("borgerbudgetter")
        constraints = [
            models.CheckConstraint(condition=Q(total__gt=0), name="budget_total_positive"),
            models.CheckConstraint(
                condition=Q(collect_until__gte=F("collect_from"))
                & Q(vote_from__gt=F("collect_until"))
                & Q(vote_until__gte=F("vote_from")),
                name="budget_phases_in_order",
            ),
            models.CheckConstraint(
                condition=Q(voting_rule="knapsack") | Q(voting_rule="approval", max_choices__gte=1),
                name="budget_approval_has_max",
            ),
            models.CheckConstraint(
                condition=Q(results_published_at__isnull=True) | Q(results_computed_at__isnull=False),
                name="budget_results_published_after_computed",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("budgets:budget", args=[self.slug])

    def phase_by_dates(self, today=None) -> str:
        today = today or timezone.localdate()
        if today < self.collect_from:
            return Phase.UPCOMING
        if today <= self.collect_until:
            return Phase.COLLECTING
        if today < self.vote_from:
            return Phase.REVIEW
        if today <= self.vote_until:
            return Phase.VOTING
        if self.implementation_from and today >= self.implementation_from:
            return Phase.IMPLEMENTATION
        return Phase.RESULTS

    @property
    def phase(self) -> str:
        """The phase from the dates, or later if staff closed a phase early (never earlier)."""
        by_dates = self.phase_by_dates()
        if self.advanced_to and PHASE_ORDER.index(self.advanced_to) > PHASE_ORDER.index(by_dates):
            return self.advanced_to
        return by_dates

    def get_phase_display(self) -> str:
        return Phase(self.phase).label


class Project(TimeStampedModel):
    """A citizen's proposal for the budget, backed by an idea on the budget's board."""

    class Feasibility(models.TextChoices):
        PENDING = "pending", _("Ikke vurderet endnu")
        FEASIBLE = "feasible", _("Kan gennemføres")
        UNFEASIBLE = "unfeasible", _("Kan ikke gennemføres")

    class Implementation(models.TextChoices):
        NOT_STARTED = "not_started", _("Ikke startet")
        IN_PROGRESS = "in_progress", _("I gang")
        DONE = "done", _("Gennemført")
        CANCELLED = "cancelled", _("Opgivet")

    budget = models.ForeignKey(Budget, on_delete=models.PROTECT, related_name="projects", verbose_name=_("budget"))
    idea = models.OneToOneField(Idea, on_delete=models.PROTECT, related_name="budget_project")
    estimated_cost = models.PositiveBigIntegerField(_("borgerens overslag (øre)"))
    location = models.CharField(_("sted"), max_length=TITLE_MAX, blank=True)
    notify_progress = models.BooleanField(_("forslagsstilleren vil høre om fremdriften"), default=False)
    municipal_cost = models.PositiveBigIntegerField(_("kommunens overslag (øre)"), null=True, blank=True)
    feasibility = models.CharField(
        _("vurdering"), max_length=10, choices=Feasibility.choices, default=Feasibility.PENDING
    )
    feasibility_reason = models.TextField(_("begrundelse"), max_length=TEXT_MAX, blank=True)
    reviewed_at = models.DateTimeField(_("vurderet"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    implementation = models.CharField(
        _("gennemførelse"), max_length=12, choices=Implementation.choices, default=Implementation.NOT_STARTED
    )

    class Meta:
        ordering = ["id"]
        verbose_name = _("projekt")
        verbose_name_plural = _("projekter")
        constraints = [
            models.CheckConstraint(condition=Q(estimated_cost__gt=0), name="project_estimate_positive"),
            models.CheckConstraint(
                condition=~Q(feasibility="feasible") | Q(municipal_cost__gt=0), name="project_feasible_has_cost"
            ),
            models.CheckConstraint(
                condition=~Q(feasibility="unfeasible") | ~Q(feasibility_reason=""), name="project_unfeasible_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return self.idea.title

    def get_absolute_url(self) -> str:
        return reverse("budgets:project", args=[self.id])

    @property
    def title(self) -> str:
        return self.idea.title


class ProjectFollower(models.Model):
    """Someone who agreed to hear about a project's progress (a supporter who asked to follow it)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="followers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["project", "user"], name="unique_project_follower")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.project_id}"


class Ballot(models.Model):
    """One citizen's online vote in one budget; changed by replacing its choices until voting closes."""

    budget = models.ForeignKey(Budget, on_delete=models.PROTECT, related_name="ballots")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="budget_ballots")
    projects = models.ManyToManyField(Project, through="BallotChoice", related_name="+")
    notify_progress = models.BooleanField(
        _("Giv mig besked om fremdriften for de projekter, jeg stemmer på"), default=False
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["budget", "voter"], name="one_ballot_per_citizen_per_budget")]

    def __str__(self) -> str:
        return f"Stemme {self.id}"  # never its content


class BallotChoice(models.Model):
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="choices")
    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="ballot_choices")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["ballot", "project"], name="unique_ballot_choice")]
        indexes = [models.Index(fields=["project"])]

    def __str__(self) -> str:
        return f"{self.ballot_id}: {self.project_id}"


class PaperTally(models.Model):
    """Paper votes for one project from a citizens' meeting, entered by staff; added to the result, shown apart."""

    budget = models.ForeignKey(Budget, on_delete=models.PROTECT, related_name="paper_tallies")
    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="paper_tallies")
    votes = models.PositiveIntegerField(_("stemmer"))
    source = models.CharField(_("hvor"), max_length=TITLE_MAX, help_text=_("Fx ”Borgermøde i Holbæk Hallen 3. maj”."))
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    entered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["entered_at", "id"]
        verbose_name = _("papirstemmer")
        verbose_name_plural = _("papirstemmer")
        constraints = [models.CheckConstraint(condition=Q(votes__gt=0), name="paper_tally_positive")]

    def __str__(self) -> str:
        return f"{self.project_id}: {self.votes}"


class Result(models.Model):
    """One line of the stored result table: a project's votes, cost, and whether it was selected and why not."""

    class Outcome(models.TextChoices):
        SELECTED = "selected", _("Valgt")
        DOES_NOT_FIT = "does_not_fit", _("Ikke valgt: der er ikke penge nok tilbage")
        NO_VOTES = "no_votes", _("Ikke valgt: ingen stemmer")

    budget = models.ForeignKey(Budget, on_delete=models.PROTECT, related_name="results")
    project = models.OneToOneField(Project, on_delete=models.PROTECT, related_name="result")
    rank = models.PositiveIntegerField(_("placering"))
    online_votes = models.PositiveIntegerField(_("stemmer online"))
    paper_votes = models.PositiveIntegerField(_("stemmer på papir"))
    votes = models.PositiveIntegerField(_("stemmer i alt"))
    cost = models.PositiveBigIntegerField(_("pris (øre)"))
    outcome = models.CharField(_("udfald"), max_length=12, choices=Outcome.choices)
    money_left_after = models.PositiveBigIntegerField(_("tilbage efter (øre)"))

    class Meta:
        ordering = ["budget", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["budget", "rank"], name="unique_result_rank"),
            models.CheckConstraint(condition=Q(votes=F("online_votes") + F("paper_votes")), name="result_votes_add_up"),
        ]

    def __str__(self) -> str:
        return f"{self.rank}. {self.project_id}"


class ProgressNote(TimeStampedModel):
    """A dated note on a selected project's implementation; everyone who agreed to hear is told once."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="progress_notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=12, choices=Project.Implementation.choices)
    body = models.TextField(_("hvad er der sket?"), max_length=TEXT_MAX)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("fremdrift")
        verbose_name_plural = _("fremdrift")
