"""Every write on participatory budgets.

Each service checks the actor's permission (budgets.permissions), validates with field errors in the
user's language (nothing is stored when anything is wrong) and writes in one transaction.

Ballots: one per citizen per budget (a unique constraint). Submitting inserts the row if it is not there
(`ON CONFLICT DO NOTHING`), then locks it and replaces its choices, so two ballots from one citizen at once
end as one ballot holding the choices of the one that committed last.

Results are computed once, under a lock on the budget's row, by `selection.select_winners` (votes
descending, skipping what no longer fits; ties by lower cost, then earlier proposal) and stored per project.
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Committee, User
from accounts.permissions import require_assurance
from accounts.services import record_staff_action
from budgets.models import (
    PHASE_ORDER,
    TEXT_MAX,
    TITLE_MAX,
    Ballot,
    BallotChoice,
    Budget,
    PaperTally,
    Phase,
    ProgressNote,
    Project,
    ProjectFollower,
    Result,
)
from budgets.permissions import can_manage_budget, is_eligible_voter, is_logged_in
from budgets.selection import Candidate, select_winners
from budgets.selectors import online_votes, paper_votes, progress_recipients
from core.money import format_kroner
from core.ratelimit import RateLimited
from ideas import services as ideas
from ideas.models import Association
from notifications.services import absolute_url, tell

PROGRESS_TITLE = gettext_lazy("Nyt om projektet ”%(title)s”")


def _raise_if(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


def _date(value: date) -> str:
    return formats.date_format(value, "DATE_FORMAT")


def _require_manager(actor: User, budget: Budget) -> None:
    if not can_manage_budget(actor, budget):
        raise PermissionDenied


def phase_message(budget: Budget) -> str:
    """What the budget is doing now and what happens next, for its page."""
    phase = budget.phase
    if phase == Phase.UPCOMING:
        return _("Du kan foreslå projekter fra %(date)s.") % {"date": _date(budget.collect_from)}
    if phase == Phase.COLLECTING:
        return _("Foreslå projekter til og med %(until)s. Derefter vurderer kommunen, om de kan gennemføres.") % {
            "until": _date(budget.collect_until)
        }
    if phase == Phase.REVIEW:
        return _("Kommunen vurderer forslagene. Afstemningen begynder %(date)s.") % {"date": _date(budget.vote_from)}
    if phase == Phase.VOTING:
        return _("Stem til og med %(until)s. Derefter tælles stemmerne, og resultatet offentliggøres.") % {
            "until": _date(budget.vote_until)
        }
    if phase == Phase.RESULTS:
        return _("Afstemningen er slut. Resultatet går til %(committee)s, og de valgte projekter gennemføres.") % {
            "committee": budget.committee.name
        }
    return _("De valgte projekter gennemføres. Følg med i fremdriften på hvert projekt.")


# Budgets


BUDGET_FIELDS = (
    "title",
    "description",
    "total",
    "voting_rule",
    "max_choices",
    "area",
    "eligible_postcodes",
    "collect_from",
    "collect_until",
    "vote_from",
    "vote_until",
    "implementation_from",
)


def _validate_budget(budget: Budget) -> None:
    errors: dict[str, list[str]] = {}
    try:
        budget.full_clean(
            exclude=["board", "committee", "slug"] if budget.pk else ["board", "committee"], validate_constraints=False
        )
    except ValidationError as error:
        errors = error.message_dict
    if budget.total is not None and budget.total <= 0:
        errors["total"] = [_("Beløbet skal være større end 0 kr.")]
    dates = (budget.collect_from, budget.collect_until, budget.vote_from, budget.vote_until)
    if all(dates) and not budget.collect_from <= budget.collect_until < budget.vote_from <= budget.vote_until:
        errors["vote_from"] = [_("Faserne skal ligge i rækkefølge: forslag, vurdering, afstemning.")]
    if budget.voting_rule == Budget.VotingRule.APPROVAL and not budget.max_choices:
        errors["max_choices"] = [_("Skriv, hvor mange projekter man højst må stemme på.")]
    _raise_if(errors)


def _board_window(budget: Budget) -> dict:
    """The budget's idea board collects while the budget does (a board needs at least one day)."""
    closes = budget.collect_until if budget.collect_until > budget.collect_from else budget.vote_from
    return {
        "title": budget.title,
        "description": budget.description,
        "opens_on": budget.collect_from,
        "closes_on": closes,
    }


def create_budget(*, actor: User, committee: Committee, slug: str, **fields) -> Budget:
    """A new budget (the fields in BUDGET_FIELDS) with its own idea board, which is not standalone: its ideas
    are the budget's projects."""
    unknown = set(fields) - set(BUDGET_FIELDS)
    if unknown:
        raise ValueError(f"not a budget field: {sorted(unknown)}")
    fields = {key: value.strip() if isinstance(value, str) else value for key, value in fields.items()}
    fields["eligible_postcodes"] = sorted(set(fields.get("eligible_postcodes") or []))
    budget = Budget(committee=committee, slug=slug.strip(), **fields)
    _require_manager(actor, budget)
    _validate_budget(budget)
    with transaction.atomic():
        budget.board = ideas.create_owned_board(
            committee=committee, slug=f"borgerbudget-{budget.slug}"[:100], **_board_window(budget)
        )
        budget.save()
        record_staff_action(actor=actor, action="budgets.create_budget", target=budget, details={"slug": budget.slug})
    return budget


def update_budget(*, actor: User, budget: Budget, **changes) -> Budget:
    """Change a budget's text, money, rule or dates; its idea board follows."""
    unknown = set(changes) - set(BUDGET_FIELDS)
    if unknown:
        raise ValueError(f"not a budget field: {sorted(unknown)}")
    with transaction.atomic():
        locked = Budget.objects.select_for_update().get(id=budget.id)
        _require_manager(actor, locked)
        if locked.results_computed_at is not None and {"total", "voting_rule", "max_choices"} & set(changes):
            raise ValidationError({"total": [_("Beløb og regel kan ikke ændres, når resultatet er beregnet.")]})
        for field, value in changes.items():
            setattr(locked, field, value.strip() if isinstance(value, str) else value)
        locked.eligible_postcodes = sorted(set(locked.eligible_postcodes or []))
        _validate_budget(locked)
        locked.save()
        ideas.sync_owned_board(
            board_id=locked.board_id, collecting=locked.phase == Phase.COLLECTING, **_board_window(locked)
        )
        record_staff_action(
            actor=actor, action="budgets.update_budget", target=locked, details={"changed": sorted(changes)}
        )
    return locked


def close_phase(*, actor: User, budget: Budget) -> Budget:
    """Staff close the current phase early: the budget moves on to the next (never back)."""
    with transaction.atomic():
        locked = Budget.objects.select_for_update().get(id=budget.id)
        _require_manager(actor, locked)
        current = locked.phase
        if current in (Phase.IMPLEMENTATION, Phase.UPCOMING):
            raise ValidationError({"phase": [_("Denne fase kan ikke lukkes.")]})
        if current == Phase.REVIEW and locked.review_published_at is None:
            raise ValidationError({"phase": [_("Offentliggør vurderingen, før afstemningen begynder.")]})
        if current == Phase.RESULTS and locked.results_published_at is None:
            raise ValidationError({"phase": [_("Offentliggør resultatet, før gennemførelsen begynder.")]})
        locked.advanced_to = PHASE_ORDER[PHASE_ORDER.index(current) + 1]
        locked.save(update_fields=["advanced_to", "updated_at"])
        record_staff_action(
            actor=actor,
            action="budgets.close_phase",
            target=locked,
            details={"closed": current, "to": locked.advanced_to},
        )
        if current == Phase.COLLECTING:
            ideas.sync_owned_board(board_id=locked.board_id, collecting=False, **_board_window(locked))
    return locked


# Projects


def propose_project(
    *,
    author: User,
    budget: Budget,
    title: str,
    description: str,
    estimated_cost: int | None,
    location: str = "",
    association: Association | None = None,
    notify_progress: bool = False,
) -> Project:
    """A citizen proposes a project while the budget collects: an idea on the budget's board, with a cost."""
    if not is_logged_in(author):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    if budget.phase != Phase.COLLECTING:
        errors["budget"] = [
            _("Borgerbudgettet tager ikke imod forslag nu. %(phase)s") % {"phase": phase_message(budget)}
        ]
    if not estimated_cost or estimated_cost <= 0:
        errors["estimated_cost"] = [_("Skriv, hvad du regner med, projektet koster.")]
    elif estimated_cost > budget.total:
        errors["estimated_cost"] = [
            _("Et projekt kan højst koste hele budgettets beløb (%(total)s).") % {"total": format_kroner(budget.total)}
        ]
    location = (location or "").strip()
    if len(location) > TITLE_MAX:
        errors["location"] = [_("Stedet må højst være på %(max)d tegn.") % {"max": TITLE_MAX}]
    with transaction.atomic():
        try:
            idea = ideas.create_idea(
                author=author, board=budget.board, title=title, body=description, association=association
            )
        except RateLimited:
            raise  # past the limit: the door answers it as such (429, the message above the form), not a field
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                errors.setdefault({"body": "description", "board": "budget"}.get(field, field), []).extend(messages)
            idea = None
        _raise_if(errors)
        project = Project.objects.create(
            budget=budget, idea=idea, estimated_cost=estimated_cost, location=location, notify_progress=notify_progress
        )
    return project


def follow_project(*, user: User, project: Project) -> bool:
    """Agree to hear about a project's progress (a supporter, or anyone interested). True when new."""
    if not is_logged_in(user):
        raise PermissionDenied
    _follower, created = ProjectFollower.objects.get_or_create(project=project, user=user)
    return created


def review_project(
    *, actor: User, project: Project, feasibility: str, municipal_cost: int | None = None, reason: str = ""
) -> Project:
    """Staff's feasibility review: the municipality's cost, feasible or not, and a public reason when not."""
    errors: dict[str, list[str]] = {}
    reason = (reason or "").strip()
    if feasibility not in (Project.Feasibility.FEASIBLE, Project.Feasibility.UNFEASIBLE):
        errors["feasibility"] = [_("Vælg, om projektet kan gennemføres.")]
    if feasibility == Project.Feasibility.FEASIBLE and not (municipal_cost and municipal_cost > 0):
        errors["municipal_cost"] = [_("Skriv kommunens overslag over, hvad projektet koster.")]
    if feasibility == Project.Feasibility.UNFEASIBLE and not reason:
        errors["reason"] = [_("Skriv en begrundelse. Den bliver offentlig, når vurderingen offentliggøres.")]
    if len(reason) > TEXT_MAX:
        errors["reason"] = [_("Begrundelsen må højst være på %(max)d tegn.") % {"max": TEXT_MAX}]
    with transaction.atomic():
        budget = Budget.objects.select_for_update().get(id=project.budget_id)
        _require_manager(actor, budget)
        if PHASE_ORDER.index(budget.phase) >= PHASE_ORDER.index(Phase.VOTING):
            errors["feasibility"] = [_("Vurderingen kan ikke ændres, når afstemningen er begyndt.")]
        _raise_if(errors)
        locked = Project.objects.select_for_update().get(id=project.id)
        locked.feasibility, locked.municipal_cost, locked.feasibility_reason = feasibility, municipal_cost, reason
        locked.reviewed_at, locked.reviewed_by = timezone.now(), actor
        locked.save()
        record_staff_action(
            actor=actor,
            action="budgets.review_project",
            target=locked,
            details={"feasibility": feasibility, "municipal_cost": municipal_cost},
        )
    return locked


def publish_review(*, actor: User, budget: Budget) -> Budget:
    """Make the review public (costs and reasons); only feasible projects go to the vote."""
    with transaction.atomic():
        locked = Budget.objects.select_for_update().get(id=budget.id)
        _require_manager(actor, locked)
        pending = locked.projects.filter(feasibility=Project.Feasibility.PENDING).count()
        if pending:
            raise ValidationError(
                {"review": [_("%(count)d projekter mangler at blive vurderet.") % {"count": pending}]}
            )
        if not locked.projects.filter(feasibility=Project.Feasibility.FEASIBLE).exists():
            raise ValidationError({"review": [_("Mindst ét projekt skal kunne gennemføres.")]})
        locked.review_published_at = timezone.now()
        locked.save(update_fields=["review_published_at", "updated_at"])
        record_staff_action(actor=actor, action="budgets.publish_review", target=locked)
    return locked


# Ballots


def check_ballot(*, voter: User, budget: Budget, project_ids: list[int]) -> list[Project]:
    """The projects of a valid ballot, or a ValidationError that says why (phase, eligibility, rule)."""
    if budget.phase != Phase.VOTING:
        raise ValidationError(
            {"projects": [_("Der kan ikke stemmes nu. %(phase)s") % {"phase": phase_message(budget)}]}
        )
    if budget.review_published_at is None:
        raise ValidationError({"projects": [_("Afstemningen åbner, når kommunens vurdering er offentliggjort.")]})
    if not is_eligible_voter(voter, budget):
        raise ValidationError(
            {
                "projects": [
                    _("Kun beboere i %(area)s kan stemme. Dit postnummer er ikke et af dem, der kan stemme.")
                    % {"area": budget.area or budget.title}
                    if voter.postcode
                    else _("Kun beboere i %(area)s kan stemme, og dit postnummer er ikke registreret hos os.")
                    % {"area": budget.area or budget.title}
                ]
            }
        )
    ids = list(dict.fromkeys(project_ids))
    if not ids:
        raise ValidationError({"projects": [_("Vælg mindst ét projekt.")]})
    projects = list(Project.objects.filter(budget=budget, id__in=ids).select_related("idea"))
    if len(projects) != len(ids):
        raise ValidationError({"projects": [_("Vælg kun blandt budgettets projekter.")]})
    if any(project.feasibility != Project.Feasibility.FEASIBLE for project in projects):
        raise ValidationError({"projects": [_("Du kan kun stemme på projekter, der kan gennemføres.")]})
    if budget.voting_rule == Budget.VotingRule.KNAPSACK:
        cost = sum(project.municipal_cost for project in projects)
        if cost > budget.total:
            raise ValidationError(
                {
                    "projects": [
                        _(
                            "Du har valgt projekter for %(cost)s, men budgettet er kun på %(total)s i alt. "
                            "Fravælg nogle."
                        )
                        % {"cost": format_kroner(cost), "total": format_kroner(budget.total)}
                    ]
                }
            )
    elif len(projects) > (budget.max_choices or 0):
        raise ValidationError(
            {
                "projects": [
                    _("Du kan højst stemme på %(max)d projekter (du har valgt %(count)d).")
                    % {"max": budget.max_choices, "count": len(projects)}
                ]
            }
        )
    return projects


def submit_ballot(*, voter: User, budget: Budget, project_ids: list[int], notify_progress: bool = False) -> Ballot:
    """Vote, or change one's vote, until voting closes. Two at once from the same citizen end as one ballot.

    Voting needs MitID on the substantial level (accounts.permissions.REQUIRED_LEVEL["vote"]).
    """
    if not is_logged_in(voter):
        raise PermissionDenied
    require_assurance(user=voter, action="vote")
    with transaction.atomic():
        budget = Budget.objects.get(id=budget.id)
        projects = check_ballot(voter=voter, budget=budget, project_ids=project_ids)
        now = timezone.now()
        Ballot.objects.bulk_create([Ballot(budget=budget, voter=voter)], ignore_conflicts=True)
        ballot = Ballot.objects.select_for_update().get(budget=budget, voter=voter)
        ballot.choices.all().delete()
        BallotChoice.objects.bulk_create(BallotChoice(ballot=ballot, project=project) for project in projects)
        ballot.notify_progress, ballot.updated_at = notify_progress, now
        ballot.save(update_fields=["notify_progress", "updated_at"])
    return ballot


def record_paper_ballots(*, actor: User, budget: Budget, counts: dict[int, int], source: str) -> list[PaperTally]:
    """Staff enter the paper ballots of a citizens' meeting: votes per project, who and when."""
    errors: dict[str, list[str]] = {}
    source = (source or "").strip()
    if not source or len(source) > TITLE_MAX:
        errors["source"] = [_("Skriv, hvor stemmerne kommer fra (højst %(max)d tegn).") % {"max": TITLE_MAX}]
    counts = {project_id: votes for project_id, votes in counts.items() if votes}
    if not counts:
        errors["counts"] = [_("Skriv antallet af stemmer for mindst ét projekt.")]
    if any(not isinstance(votes, int) or votes < 0 for votes in counts.values()):
        errors["counts"] = [_("Antallet af stemmer skal være et helt tal, 0 eller mere.")]
    with transaction.atomic():
        locked = Budget.objects.select_for_update().get(id=budget.id)
        _require_manager(actor, locked)
        if locked.phase not in (Phase.VOTING, Phase.RESULTS) or locked.results_computed_at is not None:
            errors["counts"] = [
                _("Papirstemmer kan kun registreres under afstemningen, og før resultatet er beregnet.")
            ]
        feasible = set(
            locked.projects.filter(feasibility=Project.Feasibility.FEASIBLE, id__in=counts).values_list("id", flat=True)
        )
        if set(counts) - feasible:
            errors["counts"] = [_("Papirstemmer kan kun gives til projekter, der er til afstemning.")]
        _raise_if(errors)
        record_staff_action(
            actor=actor,
            action="budgets.record_paper_ballots",
            target=locked,
            details={"source": source, "counts": {str(project_id): votes for project_id, votes in counts.items()}},
        )
        return PaperTally.objects.bulk_create(
            PaperTally(budget=locked, project_id=project_id, votes=votes, source=source, entered_by=actor)
            for project_id, votes in sorted(counts.items())
        )


# Results


def compute_results(*, actor: User, budget: Budget) -> list[Result]:
    """Count online and paper votes and choose the winners, once; the table is stored."""
    with transaction.atomic():
        locked = Budget.objects.select_for_update().get(id=budget.id)
        _require_manager(actor, locked)
        if locked.results_computed_at is not None:
            raise ValidationError({"results": [_("Resultatet er allerede beregnet.")]})
        if locked.phase not in (Phase.RESULTS, Phase.IMPLEMENTATION):
            raise ValidationError({"results": [_("Resultatet kan beregnes, når afstemningen er slut.")]})
        online, paper = online_votes(budget=locked), paper_votes(budget=locked)
        projects = list(locked.projects.filter(feasibility=Project.Feasibility.FEASIBLE))
        candidates = [
            Candidate(project_id=p.id, votes=online.get(p.id, 0) + paper.get(p.id, 0), cost=p.municipal_cost or 0)
            for p in projects
        ]
        results = Result.objects.bulk_create(
            Result(
                budget=locked,
                project_id=line.candidate.project_id,
                rank=line.rank,
                online_votes=online.get(line.candidate.project_id, 0),
                paper_votes=paper.get(line.candidate.project_id, 0),
                votes=line.candidate.votes,
                cost=line.candidate.cost,
                outcome=line.outcome,
                money_left_after=line.money_left_after,
            )
            for line in select_winners(candidates, total=locked.total)
        )
        locked.results_computed_at = timezone.now()
        locked.save(update_fields=["results_computed_at", "updated_at"])
        record_staff_action(actor=actor, action="budgets.compute_results", target=locked)
    return results


def publish_results(*, actor: User, budget: Budget) -> Budget:
    with transaction.atomic():
        locked = Budget.objects.select_for_update().get(id=budget.id)
        _require_manager(actor, locked)
        if locked.results_computed_at is None:
            raise ValidationError({"results": [_("Beregn resultatet, før det offentliggøres.")]})
        if locked.results_published_at is None:
            locked.results_published_at = timezone.now()
            locked.save(update_fields=["results_published_at", "updated_at"])
            record_staff_action(actor=actor, action="budgets.publish_results", target=locked)
    return locked


# Implementation


def add_progress_note(*, actor: User, project: Project, status: str, body: str) -> ProgressNote:
    """A dated note on a selected project; everyone who agreed to hear is told once (notice and e-mail)."""
    errors: dict[str, list[str]] = {}
    body = (body or "").strip()
    if not body:
        errors["body"] = [_("Skriv, hvad der er sket.")]
    elif len(body) > TEXT_MAX:
        errors["body"] = [_("Teksten må højst være på %(max)d tegn.") % {"max": TEXT_MAX}]
    if status not in Project.Implementation.values:
        errors["status"] = [_("Vælg en status.")]
    with transaction.atomic():
        locked = Project.objects.select_for_update(of=("self",)).select_related("budget", "idea").get(id=project.id)
        _require_manager(actor, locked.budget)
        if not Result.objects.filter(project=locked, outcome=Result.Outcome.SELECTED).exists():
            errors["status"] = [_("Kun projekter, der er valgt i afstemningen, får fremdrift.")]
        _raise_if(errors)
        note = ProgressNote.objects.create(project=locked, author=actor, status=status, body=body)
        locked.implementation = status
        locked.save(update_fields=["implementation", "updated_at"])
        record_staff_action(
            actor=actor,
            action="budgets.add_progress_note",
            target=locked,
            details={"note_id": note.id, "status": status},
        )
        url = locked.get_absolute_url()
        for person in progress_recipients(project=locked):
            tell(
                user=person,
                title=PROGRESS_TITLE,
                values={"title": locked.title},
                body=body[:2000],
                url=url,
                template="budgets/email/progress.txt",
                context={"project": locked, "note": note, "link": absolute_url(url)},
                key=f"budget-progress-{note.id}-{person.id}",
            )
    return note


# The committee's agenda (called by budgets/proposals.py, the budget's proposal source)


def draft_for_agenda(*, budget_id: int) -> str:
    """The agenda item's Beskrivelse af sagen: how the vote went and the full result table."""
    budget = Budget.objects.select_related("committee").get(id=budget_id)
    lines = Result.objects.filter(budget=budget).select_related("project__idea").order_by("rank")
    ballots = budget.ballots.count()
    paper = sum(line.paper_votes for line in lines)
    selected = [line for line in lines if line.outcome == Result.Outcome.SELECTED]
    text = [
        _(
            "Borgerne har stemt om %(total)s i %(title)s. %(ballots)d borgere stemte online, og der blev afgivet "
            "%(paper)d stemmer på papir. %(count)d projekter blev valgt for i alt %(spent)s."
        )
        % {
            "total": format_kroner(budget.total),
            "title": budget.title,
            "ballots": ballots,
            "paper": paper,
            "count": len(selected),
            "spent": format_kroner(sum(line.cost for line in selected)),
        },
        "",
        _("Resultat (stemmer i alt, heraf på papir; kommunens pris; udfald):"),
        "",
    ]
    for line in lines:
        text.append(
            _("%(rank)d. %(title)s: %(votes)d stemmer (%(paper)d på papir); %(cost)s; %(outcome)s")
            % {
                "rank": line.rank,
                "title": line.project.idea.title,
                "votes": line.votes,
                "paper": line.paper_votes,
                "cost": format_kroner(line.cost),
                "outcome": line.get_outcome_display(),
            }
        )
    text += [
        "",
        _(
            "Projekterne er valgt efter flest stemmer. Et projekt, der ikke længere kunne være inden for de penge, "
            "der var tilbage, er sprunget over. Ved lige mange stemmer gik det billigste projekt først, derefter "
            "det, der blev foreslået først."
        ),
        "",
        _("Resultatet kan ses på %(url)s") % {"url": absolute_url(budget.get_absolute_url())},
    ]
    return "\n".join(text)


def record_agenda_state(*, budget_ids: list[int], status: str, url: str = "", decision: str = "") -> None:
    """What became of the results on the committee's agenda (placed, back in the queue, public, decided)."""
    changes = {"agenda_status": status, "updated_at": timezone.now()}
    if url:
        changes["agenda_url"] = url
    if decision:
        changes["decision"] = decision
    Budget.objects.filter(id__in=budget_ids).update(**changes)
