"""A generated municipality: years of complaints, contacts, outcomes and surveys; idea boards, ideas, supports.

Used three ways: `seed_demo` loads a small history so the demo has figures and
a trained theme suggestion; bench/generate_municipality.py loads a realistic
one (100,000 complaints over three years); tests load a tiny one. Everything
is written with bulk_create in batches. Each department has its own habits
(how fast it calls, how often dialogue solves the problem), so the figures
differ between departments as they would in a real municipality.

Generated people have e-mail addresses under GENERATED_DOMAIN and cannot log in.
"""

import random
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import models
from django.utils import timezone

from accounts.models import Committee, Department, DepartmentMembership, User
from complaints.deadlines import add_working_days
from complaints.models import Complaint, ContactLog, ContactTask, Survey
from demo import texts
from figures.services import refresh_service_figures
from ideas.models import Board, Idea, Support
from themes import demo as themes_demo
from themes.models import Theme
from themes.services import train_suggestion_model

GENERATED_DOMAIN = "generated.example.dk"

DEPARTMENTS = (
    ("Familiecentret", "familiecentret", 2),
    ("Natur- og Miljøafdelingen", "natur-og-miljo", 3),
    ("Borgerservice", "borgerservice", 2),
    ("Jobcenter Holbæk", "jobcenter", 2),
    ("Vej og Park", "vej-og-park", 3),
    ("Skole og Dagtilbud", "skole-og-dagtilbud", 2),
    ("Ældre og Sundhed", "aeldre-og-sundhed", 2),
    ("Plan og Byg", "plan-og-byg", 3),
    ("Handicap og Psykiatri", "handicap-og-psykiatri", 2),
)

# Committees with idea boards, and the themes their boards' ideas are about.
COMMITTEES = (
    ("Teknik- og Miljøudvalget", "teknik-og-miljoe", "Teknik og Miljø",
     ("vej-og-trafik", "snerydning", "affald", "natur-og-miljo", "byggesager")),
    ("Børne- og Skoleudvalget", "boern-og-skole", "Børn og Skole",
     ("skole-og-sfo", "dagtilbud", "skolebus-og-koersel", "boern-og-familie")),
    ("Social- og Sundhedsudvalget", "social-og-sundhed", "Social og Sundhed",
     ("aeldrepleje", "hjaelpemidler-og-handicap", "beskaeftigelse-og-ydelser", "borgerservice",
      "sagsbehandling-og-kommunikation")),
)  # fmt: skip
BOARD_THRESHOLD = 50
IDEA_OUTCOMES = (Idea.Status.DECIDED, Idea.Status.IMPLEMENTED, Idea.Status.DECLINED)

# Outcome shares of closed complaints: resolved in dialogue, decision changed, upheld and forwarded, withdrawn.
OUTCOMES = (
    Complaint.Outcome.RESOLVED_IN_DIALOGUE,
    Complaint.Outcome.DECISION_CHANGED,
    Complaint.Outcome.UPHELD_AND_FORWARDED,
    Complaint.Outcome.WITHDRAWN,
)


@dataclass(frozen=True)
class Habits:
    """How one department works: hours to the first call, days in dialogue, outcomes, satisfaction."""

    contact_hours: float
    dialogue_days: float
    outcome_weights: tuple[float, float, float, float]
    rating_mean: float
    understood: float


def _habits(rng: random.Random) -> Habits:
    resolved = rng.uniform(0.3, 0.6)
    return Habits(
        contact_hours=rng.uniform(6, 40),
        dialogue_days=rng.uniform(5, 25),
        outcome_weights=(resolved, rng.uniform(0.08, 0.2), rng.uniform(0.15, 0.35), rng.uniform(0.05, 0.15)),
        rating_mean=rng.uniform(2.8, 4.4),
        understood=rng.uniform(0.55, 0.95),
    )


@contextmanager
def given_timestamps(*model_classes: type[models.Model]) -> Iterator[None]:
    """Let bulk_create store the created_at/updated_at we give, instead of now (history is in the past)."""
    changed = []
    for model in model_classes:
        for model_field in model._meta.concrete_fields:
            if getattr(model_field, "auto_now", False) or getattr(model_field, "auto_now_add", False):
                changed.append((model_field, model_field.auto_now, model_field.auto_now_add))
                model_field.auto_now = model_field.auto_now_add = False
    try:
        yield
    finally:
        for model_field, auto_now, auto_now_add in changed:
            model_field.auto_now, model_field.auto_now_add = auto_now, auto_now_add


def _departments() -> list[Department]:
    result = []
    for name, slug, days in DEPARTMENTS:
        department, _created = Department.objects.get_or_create(
            slug=slug, defaults={"name": name, "working_days_to_first_contact": days}
        )
        result.append(department)
    return result


def _people(rng: random.Random, *, prefix: str, count: int, password: str) -> list[User]:
    start = User.objects.filter(email__startswith=f"{prefix}.", email__endswith=GENERATED_DOMAIN).count()
    users = [
        User(email=f"{prefix}.{start + i}@{GENERATED_DOMAIN}", full_name=texts.person_name(rng), password=password)
        for i in range(count)
    ]
    return User.objects.bulk_create(users, batch_size=5000)


def _staff(rng: random.Random, departments: list[Department], *, per_department: int, password: str) -> dict:
    """Generated caseworkers for each department; members only where the department has no people yet.

    So in the demo a new complaint still goes to the demo caseworkers, while the history names others.
    """
    staffed = set(DepartmentMembership.objects.values_list("department_id", flat=True))
    staff = {}
    for department in departments:
        people = _people(rng, prefix=f"sagsbehandler.{department.slug}", count=per_department, password=password)
        if department.id not in staffed:
            DepartmentMembership.objects.bulk_create(
                [DepartmentMembership(user=person, department=department) for person in people]
            )
        staff[department.slug] = people
    return staff


def generate(
    *,
    complaints: int,
    ideas: int = 0,
    supports: int = 0,
    years: float = 3,
    seed: int = 0,
    end: datetime | None = None,
    burst: tuple[str, int] | None = None,
    batch_size: int = 5000,
    log: Callable[[str], None] = lambda message: None,
) -> dict[str, int]:
    """Create `complaints` complaints and `ideas` ideas with `supports` supports, spread over the `years`
    before `end` (default: now), with all they bring. `burst` = (theme slug, n) adds n complaints about the
    theme in the last two weeks, as when something goes wrong somewhere."""
    rng = random.Random(seed)
    end = end or timezone.now()
    start = end - timedelta(days=365 * years)
    password = make_password(None)  # unusable: generated people cannot log in
    departments = _departments()
    themes_demo.seed()
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    by_slug = {department.slug: department for department in departments}
    habits = {department.slug: _habits(rng) for department in departments}
    staff = _staff(rng, departments, per_department=5, password=password)
    citizens = _people(rng, prefix="borger", count=max(1, complaints // 3, supports // 50), password=password)
    primaries = [spec for spec in texts.THEMES if spec.slug != texts.SECONDARY_SLUG]
    secondary_spec = next(spec for spec in texts.THEMES if spec.slug == texts.SECONDARY_SLUG)
    counts = {"complaints": 0, "contact_tasks": 0, "contact_logs": 0, "surveys": 0, "complaint_themes": 0}
    plan = partial(_plan, rng, end=end, secondary_spec=secondary_spec, departments=by_slug, habits=habits,
                   staff=staff, citizens=citizens)  # fmt: skip
    with given_timestamps(Complaint, ContactTask, ContactLog, Survey):
        for offset in range(0, complaints, batch_size):
            size = min(batch_size, complaints - offset)
            plans = [plan(spec=rng.choice(primaries), start=start) for _ in range(size)]
            _store(plans, themes=themes, counts=counts, end=end)
            log(f"{offset + size} of {complaints} complaints")
        if burst:
            spec = next(spec for spec in texts.THEMES if spec.slug == burst[0])
            _store([plan(spec=spec, start=end - timedelta(days=14)) for _ in range(burst[1])], themes=themes,
                   counts=counts, end=end)  # fmt: skip
    if ideas:
        counts |= _generate_ideas(
            rng, ideas=ideas, supports=supports, start=start, end=end, citizens=citizens, themes=themes,
            batch_size=batch_size, log=log,
        )  # fmt: skip
    return counts


@dataclass
class _Plan:
    complaint: Complaint
    theme_slugs: list[str]
    contacted_at: datetime | None
    due_at: datetime
    survey: Survey | None


def _plan(rng, *, spec, start, end, secondary_spec, departments, habits, staff, citizens) -> _Plan:
    created = start + timedelta(seconds=rng.uniform(0, (end - start).total_seconds()))
    secondary = secondary_spec if rng.random() < 0.25 else None
    department = departments[rng.choice(spec.departments)]
    how = habits[department.slug]
    caseworker = rng.choice(staff[department.slug])
    citizen = rng.choice(citizens)
    subject, description = texts.complaint_text(
        rng, spec, secondary=secondary, citizen_name=citizen.full_name, staff_name=caseworker.full_name
    )
    kind = rng.choices(Complaint.Kind.values, weights=(0.55, 0.35, 0.10))[0]
    channel = rng.choice(Complaint.ContactChannel.values)
    due_at = add_working_days(start=created, days=department.working_days_to_first_contact)
    contacted_at = created + timedelta(hours=rng.lognormvariate(0, 0.8) * how.contact_hours)
    contacted_at = contacted_at if contacted_at < end else None
    closed_at = contacted_at + timedelta(days=rng.expovariate(1 / how.dialogue_days)) if contacted_at else None
    closed_at = closed_at if closed_at and closed_at < end else None
    outcome = rng.choices(OUTCOMES, weights=how.outcome_weights)[0] if closed_at else ""
    genvurdering_due = created + timedelta(weeks=settings.COMPLAINT_DEADLINE_WEEKS) if kind == "decision" else None
    if contacted_at is None:
        status = Complaint.Status.CONTACT_PENDING
    else:
        status = Complaint.Status.CLOSED if closed_at else Complaint.Status.IN_DIALOGUE
    complaint = Complaint(
        citizen=citizen,
        department=department,
        caseworker=caseworker,
        kind=kind,
        subject=subject[:200],
        description=description,
        case_number=f"{created.year % 100:02d}/{rng.randint(1000, 99999)}" if kind == "decision" else "",
        decision_date=(created - timedelta(days=rng.randint(3, 40))).date() if kind == "decision" else None,
        desired_outcome=rng.choice(texts.DESIRED) if rng.random() < 0.6 else "",
        contact_channel=channel,
        phone=texts.phone_number(rng) if channel == "phone" else "",
        status=status,
        outcome=outcome,
        outcome_note=rng.choice(texts.OUTCOME_NOTES) if closed_at else "",
        closed_at=closed_at,
        genvurdering_due=genvurdering_due,
        forwarded_at=closed_at if outcome == Complaint.Outcome.UPHELD_AND_FORWARDED else None,
        notify_about_decisions=rng.random() < 0.35,
        themes_suggested_at=created,
        created_at=created,
        updated_at=closed_at or contacted_at or created,
    )
    labels = [spec.slug] + ([secondary.slug] if secondary else [])
    if rng.random() < 0.05:  # people theme by hand, and not always alike
        labels[0] = rng.choice(texts.THEMES).slug
    survey = None
    if closed_at:
        answered = closed_at + timedelta(days=rng.uniform(0.5, 10))
        answered = answered if rng.random() < 0.45 and answered < end else None
        survey = Survey(
            token_hash=f"{rng.getrandbits(256):064x}",
            expires_at=closed_at + timedelta(days=settings.SURVEY_LINK_VALID_DAYS),
            answered_at=answered,
            rating=min(5, max(1, round(rng.gauss(how.rating_mean, 1.0)))) if answered else None,
            understood_decision=(rng.random() < how.understood) if answered else None,
            created_at=closed_at,
            updated_at=answered or closed_at,
        )
    return _Plan(complaint, sorted(set(labels)), contacted_at, due_at, survey)


def _open_tasks_to_todays_staff(tasks: list[ContactTask]) -> None:
    """The history may name former colleagues, but a task still open belongs to someone in its department today,
    who can open it and make the call; her complaint's caseworker is then she too."""
    members, caseworkers = defaultdict(list), defaultdict(list)
    memberships = DepartmentMembership.objects.order_by("id").values_list("user_id", "department_id", "role")
    for user_id, department_id, role in memberships:
        members[department_id].append(user_id)
        if role == DepartmentMembership.Role.CASEWORKER:
            caseworkers[department_id].append(user_id)
    members = {department_id: caseworkers.get(department_id) or people for department_id, people in members.items()}
    moved = {}
    for task in tasks:
        staff = members.get(task.department_id)
        if task.status != ContactTask.Status.OPEN or not staff or task.assignee_id in staff:
            continue
        task.assignee_id = task.complaint.caseworker_id = staff[task.complaint.id % len(staff)]
        moved[task.complaint.id] = task.complaint
    Complaint.objects.bulk_update(list(moved.values()), ["caseworker"], batch_size=1000)


def _store(plans: list[_Plan], *, themes: dict[str, Theme], counts: dict[str, int], end: datetime) -> None:
    Complaint.objects.bulk_create([plan.complaint for plan in plans])
    tasks = []
    for plan in plans:
        c = plan.complaint
        tasks.append(
            ContactTask(
                complaint=c,
                kind=ContactTask.Kind.EARLY_CONTACT,
                department_id=c.department_id,
                assignee_id=c.caseworker_id,
                due_at=plan.due_at,
                status=ContactTask.Status.DONE if plan.contacted_at else ContactTask.Status.OPEN,
                completed_at=plan.contacted_at,
                reminded_at=end,  # history: its reminders and escalations are not sent again
                escalated_at=end,
                created_at=c.created_at,
                updated_at=plan.contacted_at or c.created_at,
            )
        )
        if c.closed_at:
            follow_up_due = add_working_days(start=c.closed_at, days=settings.FOLLOW_UP_WORKING_DAYS)
            tasks.append(
                ContactTask(
                    complaint=c,
                    kind=ContactTask.Kind.FOLLOW_UP,
                    department_id=c.department_id,
                    assignee_id=c.caseworker_id,
                    due_at=follow_up_due,
                    status=ContactTask.Status.DONE if follow_up_due < end else ContactTask.Status.OPEN,
                    completed_at=follow_up_due if follow_up_due < end else None,
                    reminded_at=end,
                    escalated_at=end,
                    created_at=c.closed_at,
                    updated_at=c.closed_at,
                )
            )
    _open_tasks_to_todays_staff(tasks)
    ContactTask.objects.bulk_create(tasks)
    early = {task.complaint.id: task for task in tasks if task.kind == ContactTask.Kind.EARLY_CONTACT}
    logs = [
        ContactLog(
            task=early[plan.complaint.id],
            complaint=plan.complaint,
            author_id=plan.complaint.caseworker_id,
            channel=ContactLog.Channel.PHONE,
            contacted_at=plan.contacted_at,
            summary=texts.CONTACT_SUMMARIES[plan.complaint.id % len(texts.CONTACT_SUMMARIES)],
            citizen_understood_decision=ContactLog.Understood.YES,
            created_at=plan.contacted_at,
            updated_at=plan.contacted_at,
        )
        for plan in plans
        if plan.contacted_at
    ]
    ContactLog.objects.bulk_create(logs)
    surveys = []
    for plan in plans:
        if plan.survey:
            plan.survey.complaint = plan.complaint
            surveys.append(plan.survey)
    Survey.objects.bulk_create(surveys)
    through = Complaint.themes.through
    links = [
        through(complaint_id=plan.complaint.id, theme_id=themes[slug].id)
        for plan in plans
        if plan.contacted_at  # staff confirm the themes when they log the first contact
        for slug in plan.theme_slugs
    ]
    through.objects.bulk_create(links)
    counts["complaints"] += len(plans)
    counts["contact_tasks"] += len(tasks)
    counts["contact_logs"] += len(logs)
    counts["surveys"] += len(surveys)
    counts["complaint_themes"] += len(links)


def _boards(start: datetime, end: datetime) -> dict[tuple[str, int], Board]:
    """One board per generated committee and year; past years' boards are closed."""
    boards = {}
    for name, slug, short_name, _themes in COMMITTEES:
        committee, _created = Committee.objects.get_or_create(
            slug=slug, defaults={"name": name, "short_name": short_name}
        )
        for year in range(timezone.localtime(start).year, timezone.localtime(end).year + 1):
            boards[slug, year], _created = Board.objects.get_or_create(
                slug=f"{slug}-{year}",
                defaults={
                    "title": f"Idéer til {short_name} {year}",
                    "committee": committee,
                    "opens_on": date(year, 1, 1),
                    "closes_on": date(year, 12, 31),
                    "support_threshold": BOARD_THRESHOLD,
                    "phase": Board.Phase.COLLECTING if year == timezone.localtime(end).year else Board.Phase.CLOSED,
                },
            )
    return boards


def _generate_ideas(rng, *, ideas, supports, start, end, citizens, themes, batch_size, log) -> dict[str, int]:
    """Ideas on the committees' boards, each about one theme; supports spread unevenly, as popularity is."""
    boards = _boards(start, end)
    # How popular each idea is: a long tail, a few ideas gather most of the support.
    weights = [rng.paretovariate(1.2) for _ in range(ideas)]
    scale = supports / sum(weights) if supports else 0
    wanted = [min(len(citizens), round(weight * scale)) for weight in weights]
    counts = {"ideas": 0, "supports": 0, "idea_themes": 0}
    with given_timestamps(Idea):
        for offset in range(0, ideas, batch_size):
            batch, labels = [], []
            for position in range(offset, min(ideas, offset + batch_size)):
                _name, slug, _short, followed = rng.choice(COMMITTEES)
                theme = rng.choice(followed)
                created = start + timedelta(seconds=rng.uniform(0, (end - start).total_seconds()))
                title, body = texts.idea_text(rng, theme)
                reached = wanted[position] >= BOARD_THRESHOLD
                decided = reached and created < end - timedelta(days=90)
                status = (
                    rng.choice(IDEA_OUTCOMES) if decided else Idea.Status.PROPOSED if reached else Idea.Status.PUBLISHED
                )
                batch.append(
                    Idea(
                        board=boards[slug, timezone.localtime(created).year],
                        author=rng.choice(citizens),
                        title=title[:200],
                        body=body,
                        status=status,
                        proposed_at=created + timedelta(days=20) if reached else None,
                        proposal_source=Idea.ProposalSource.THRESHOLD if reached else "",
                        decided_at=created + timedelta(days=60) if decided else None,
                        decision="Udvalget har drøftet idéen og besluttet, hvad der skal ske." if decided else "",
                        notify_about_decisions=rng.random() < 0.3,
                        themes_suggested_at=created,
                        created_at=created,
                        updated_at=created,
                    )
                )
                labels.append(theme if rng.random() < 0.7 else None)  # staff have themed most ideas
            Idea.objects.bulk_create(batch)
            through = Idea.themes.through
            links = [
                through(idea_id=idea.id, theme_id=themes[t].id) for idea, t in zip(batch, labels, strict=True) if t
            ]
            through.objects.bulk_create(links)
            rows = [
                Support(idea=idea, user=user, created_at=idea.created_at + timedelta(hours=rng.uniform(1, 24 * 30)))
                for idea, count in zip(batch, wanted[offset : offset + len(batch)], strict=True)
                for user in rng.sample(citizens, count)
            ]
            Support.objects.bulk_create(rows, batch_size=10_000)
            counts["ideas"] += len(batch)
            counts["idea_themes"] += len(links)
            counts["supports"] += len(rows)
            log(f"{offset + len(batch)} of {ideas} ideas, {counts['supports']} supports")
    return counts


def seed() -> None:
    """seed_demo's part: three years of complaints, their service figures, and a theme suggestion trained on them.

    The last two weeks hold a burst of complaints about roads, for the demo committee to see escalate. No
    generated ideas: the demo's idea boards stay the three from the 2015 minutes. Idempotent: a second run
    finds the generated people and changes nothing.
    """
    if User.objects.filter(email__endswith=f"@{GENERATED_DOMAIN}").exists():
        return
    generate(complaints=settings.DEMO_GENERATED_COMPLAINTS, years=3, seed=2015, burst=("vej-og-trafik", 14))
    refresh_service_figures()
    train_suggestion_model()
