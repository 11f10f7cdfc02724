"""Reads of budgets, projects, ballots and results, scoped to the caller.

A project's support count comes from the idea machinery (`ideas.selectors.with_support_count`). A ballot
is read only by its voter (`ballot_of`); everyone else sees counts, and only in the published result.
"""

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404

from accounts.models import User
from budgets.models import Ballot, BallotChoice, Budget, PaperTally, ProgressNote, Project, Result
from budgets.permissions import can_manage_budget
from ideas.models import Idea
from ideas.selectors import with_support_count


def budgets_overview() -> QuerySet[Budget]:
    return Budget.objects.select_related("committee").annotate(project_count=Count("projects"))


def _budgets() -> QuerySet[Budget]:
    return Budget.objects.select_related("committee", "board")


def access_budget_by_slug(*, slug: str) -> Budget:
    budget = _budgets().filter(slug=slug).first()
    if budget is None:
        raise Http404
    return budget


def access_budget_by_id(*, budget_id: int) -> Budget:
    budget = _budgets().filter(id=budget_id).first()
    if budget is None:
        raise Http404
    return budget


def projects_of(*, budget: Budget, feasible_only: bool = False) -> list[Project]:
    """The budget's projects (public), each with `support_count` from its idea's supports."""
    projects = Project.objects.filter(budget=budget).select_related(
        "idea", "idea__author", "idea__association", "budget"
    )
    if feasible_only:
        projects = projects.filter(feasibility=Project.Feasibility.FEASIBLE)
    projects = list(projects.order_by("id"))
    counts = dict(
        with_support_count(Idea.objects.filter(id__in=[p.idea_id for p in projects])).values_list("id", "support_count")
    )
    for project in projects:
        project.support_count = counts.get(project.idea_id, 0)
    return projects


def access_project_by_id(*, project_id: int) -> Project:
    project = (
        Project.objects.select_related("idea", "idea__author", "idea__association", "budget", "budget__committee")
        .filter(id=project_id)
        .first()
    )
    if project is None:
        raise Http404
    return project


def ballot_of(*, user: User, budget: Budget) -> Ballot | None:
    """The caller's own ballot, with its choices; nobody can read anyone else's."""
    if not user.is_authenticated:
        return None
    return Ballot.objects.filter(budget=budget, voter=user).prefetch_related("choices").first()


def chosen_project_ids(*, ballot: Ballot | None) -> list[int]:
    return sorted(ballot.choices.values_list("project_id", flat=True)) if ballot else []


def online_votes(*, budget: Budget) -> dict[int, int]:
    """Project id → number of online ballots that chose it (counts only)."""
    return dict(
        BallotChoice.objects.filter(ballot__budget=budget)
        .values("project_id")
        .annotate(n=Count("id"))
        .values_list("project_id", "n")
    )


def paper_votes(*, budget: Budget) -> dict[int, int]:
    return dict(
        PaperTally.objects.filter(budget=budget)
        .values("project_id")
        .annotate(n=Sum("votes"))
        .values_list("project_id", "n")
    )


def paper_tallies(*, budget: Budget) -> QuerySet[PaperTally]:
    return PaperTally.objects.filter(budget=budget).select_related("project__idea", "entered_by")


def result_table(*, user: User, budget: Budget) -> QuerySet[Result] | None:
    """The stored result: public once published, for staff as soon as it is computed."""
    if budget.results_computed_at is None:
        return None
    if budget.results_published_at is None and not can_manage_budget(user, budget):
        return None
    return Result.objects.filter(budget=budget).select_related("project__idea").order_by("rank")


def progress_of(*, project: Project) -> QuerySet[ProgressNote]:
    return project.progress_notes.select_related("author")


def progress_recipients(*, project: Project) -> QuerySet[User]:
    """Everyone who proposed, followed (as a supporter) or voted for the project and agreed to hear, each once."""
    proposer = Q(id=project.idea.author_id) if project.notify_progress else Q(pk__in=[])
    followers = Q(id__in=project.followers.values("user_id"))
    voters = Q(
        id__in=BallotChoice.objects.filter(project=project, ballot__notify_progress=True).values("ballot__voter_id")
    )
    return User.objects.filter(proposer | followers | voters, is_active=True).order_by("id")
