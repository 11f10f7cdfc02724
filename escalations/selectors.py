"""Reads of escalated themes and of a theme's figures for a committee: counts and redacted excerpts only.

Complaints and ideas are read through their own selectors, as anonymous facts and excerpts with
personal data removed; nothing here can reach a citizen's name, e-mail or CPR number.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, DateField, QuerySet
from django.db.models.functions import TruncWeek
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import Committee, Department, User
from complaints.selectors import complaint_facts, complaints_received, theme_excerpts
from core.charts import Bar, Chart, bar_chart
from escalations.models import Escalation, EscalationSettings, ThemeCounts
from escalations.permissions import can_view_escalation
from figures.models import ServiceFigure
from figures.selectors import FigureRow, Measure, measure_bar
from figures.services import complaint_aggregates
from ideas.selectors import ideas_per_week, theme_idea_excerpts, top_ideas_for_themes
from themes.models import Theme

WEEKS_SHOWN = 26
TOP_IDEAS = 5
COMPLAINT_EXCERPTS = 6
IDEA_EXCERPTS = 3


def theme_page_url(escalation: Escalation) -> str:
    return reverse("escalations:theme", args=[escalation.committee.slug, escalation.theme.slug])


def escalation_summary(escalation: Escalation) -> str:
    """One line on why the theme escalated, e.g. "12 klager og 3 idéer på 30 dage (de 30 dage før: 4)"."""
    complaints = ngettext("%(n)d klage", "%(n)d klager", escalation.complaints) % {"n": escalation.complaints}
    ideas = ngettext("%(n)d idé", "%(n)d idéer", escalation.ideas) % {"n": escalation.ideas}
    return _("%(complaints)s og %(ideas)s på %(days)d dage (de %(days)d dage før: %(previous)d)") % {
        "complaints": complaints,
        "ideas": ideas,
        "days": escalation.window_days,
        "previous": escalation.previous,
    }


def settings_of(*, committee: Committee) -> EscalationSettings | None:
    return EscalationSettings.objects.filter(committee=committee).prefetch_related("themes").first()


def escalations_of(*, committee: Committee) -> QuerySet[Escalation]:
    """A committee's escalations, newest first."""
    return committee.escalations.select_related("theme", "committee", "merged_into__theme").order_by(
        "-detected_at", "-id"
    )


def access_escalation_by_id(*, user: User, escalation_id: int) -> Escalation:
    """The escalation, or 404 when it does not exist or the user is not a member of its committee."""
    escalation = Escalation.objects.select_related("committee", "theme").filter(id=escalation_id).first()
    if escalation is None or not can_view_escalation(user, escalation):
        raise Http404
    return escalation


def themes_of(escalation: Escalation) -> list[Theme]:
    """The escalation's theme and the themes of the escalations merged into it."""
    merged = Theme.objects.filter(escalations__merged_into=escalation).exclude(id=escalation.theme_id)
    return [escalation.theme, *merged.distinct().order_by("name")]


@dataclass
class ThemeOverview:
    """What the committee sees about one or more themes: counts, outcomes, contact times, ideas, excerpts."""

    themes: list[Theme]
    since: datetime
    until: datetime
    computed_at: datetime | None = None  # None: counted when asked
    weeks: list[tuple[date, int, int]] = field(default_factory=list)  # (Monday, complaints, ideas)
    departments: list[tuple[str, Measure]] = field(default_factory=list)
    complaints: FigureRow | None = None
    ideas: int = 0
    top_ideas: list[dict] = field(default_factory=list)
    complaint_excerpts: list[dict] = field(default_factory=list)
    idea_excerpts: list[dict] = field(default_factory=list)


def _weeks(since: datetime, until: datetime) -> list[date]:
    monday = timezone.localtime(since).date()
    monday -= timedelta(days=monday.weekday())
    last = timezone.localtime(until).date()
    weeks = []
    while monday <= last:
        weeks.append(monday)
        monday += timedelta(weeks=1)
    return weeks


def count_themes(*, theme_ids: list[int], since: datetime, until: datetime) -> dict:
    """The heavy part of a theme's page, in four queries: the complaints' figures, complaints per week and
    department, and ideas per week. JSON-ready, so the refresh job can store it (ThemeCounts)."""
    facts = complaint_facts(theme_ids=theme_ids).filter(created_at__gt=since, created_at__lte=until)
    totals = facts.aggregate(**complaint_aggregates(until))
    complaints_per_week: Counter[date] = Counter()
    per_department: Counter[int] = Counter()
    received = (
        complaints_received(theme_ids=theme_ids, since=since, until=until)
        .annotate(week=TruncWeek("created_at", output_field=DateField()))
        .values("week", "department_id")
        .annotate(count=Count("department_id"))
        .order_by()
    )
    for row in received:  # one row per week and department: a few hundred at most
        complaints_per_week[row["week"]] += row["count"]
        per_department[row["department_id"]] += row["count"]
    idea_weeks = ideas_per_week(theme_ids=theme_ids, since=since)
    return {
        "totals": totals,
        "weeks": [
            [week.isoformat(), complaints_per_week.get(week, 0), idea_weeks.get(week, 0)]
            for week in _weeks(since, until)
        ],
        "departments": [[department_id, count] for department_id, count in per_department.most_common()],
    }


def theme_overview(*, themes: list[Theme], now: datetime | None = None, weeks: int = WEEKS_SHOWN) -> ThemeOverview:
    """The figures of the last `weeks` weeks for complaints and ideas carrying any of the themes.

    For one theme, the counts the refresh job stored (at most 15 minutes old) when there are any; otherwise
    counted now. The top ideas and the excerpts are always read now. A constant number of queries.
    """
    until = now or timezone.now()
    since = until - timedelta(weeks=weeks)
    theme_ids = [theme.id for theme in themes]
    stored = ThemeCounts.objects.filter(theme_id=theme_ids[0]).first() if len(themes) == 1 and now is None else None
    if stored is not None:
        since, until = stored.since, stored.until
        counted = {"totals": stored.totals, "weeks": stored.weeks, "departments": stored.departments}
    else:
        counted = count_themes(theme_ids=theme_ids, since=since, until=until)
    names = Department.objects.in_bulk([department_id for department_id, _count in counted["departments"]])
    figure = ServiceFigure(period=ServiceFigure.Period.YEAR, starts_on=since, **counted["totals"])
    return ThemeOverview(
        themes=themes,
        since=since,
        until=until,
        computed_at=stored.computed_at if stored else None,
        weeks=[(date.fromisoformat(week), c, i) for week, c, i in counted["weeks"]],
        departments=[(names[d].name, Measure(count, count)) for d, count in counted["departments"] if d in names],
        complaints=FigureRow.of(figure),
        ideas=sum(i for _week, _c, i in counted["weeks"]),
        top_ideas=top_ideas_for_themes(theme_ids=theme_ids, limit=TOP_IDEAS),
        complaint_excerpts=theme_excerpts(theme_ids=theme_ids, limit=COMPLAINT_EXCERPTS),
        idea_excerpts=theme_idea_excerpts(theme_ids=theme_ids, limit=IDEA_EXCERPTS),
    )


def theme_charts(overview: ThemeOverview) -> dict[str, Chart]:
    """The theme page's charts, the same figures as the tables beside them: complaints and ideas per week,
    complaints per department. No queries."""
    period = {"since": date_format(overview.since, "DATE_FORMAT"), "until": date_format(overview.until, "DATE_FORMAT")}

    def weekly(which: str, column: int, title: str, caption: str) -> Chart:
        bars = [
            Bar(label=_("uge af %(date)s") % {"date": date_format(week[0], "MONTH_DAY_FORMAT")}, value=week[column],
                text=number_format(week[column]))
            for week in overview.weeks
        ]  # fmt: skip
        return bar_chart(chart_id=f"chart-{which}", title=title, caption=caption % period, bars=bars)

    return {
        "complaints": weekly(
            "complaints", 1, _("Klager pr. uge"), _("Klager om emnet pr. uge fra %(since)s til %(until)s.")
        ),
        "ideas": weekly("ideas", 2, _("Idéer pr. uge"), _("Idéer om emnet pr. uge fra %(since)s til %(until)s.")),
        "departments": bar_chart(
            chart_id="chart-departments",
            title=_("Klager pr. afdeling"),
            caption=_("Klager om emnet pr. afdeling fra %(since)s til %(until)s.") % period,
            bars=[measure_bar(name, measure, "count") for name, measure in overview.departments],
        ),
    }


def escalation_history(*, committee: Committee, theme: Theme | None = None) -> list[Escalation]:
    """The committee's escalations (of one theme, or all), newest first."""
    return list(escalations_of(committee=committee).filter(**({"theme": theme} if theme else {})))


def access_theme_by_slug(*, slug: str) -> Theme:
    theme = Theme.objects.filter(slug=slug).first()
    if theme is None:
        raise Http404
    return theme
