"""Reading the public service figures, as figures.services last computed them.

A figure that rests on fewer than FIGURES_MIN_GROUP_SIZE complaints (or answers) is not given, so no single
case can be recognised; a department-month with fewer complaints shows nothing at all.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings
from django.utils.formats import date_format, number_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Department
from core.charts import Bar, Chart, bar_chart
from figures.models import IdeaFigure, ServiceFigure


@dataclass(frozen=True)
class Measure:
    """One figure and the number of complaints (or answers) it rests on."""

    value: float | None
    base: int

    @property
    def suppressed(self) -> bool:
        return self.base < settings.FIGURES_MIN_GROUP_SIZE


def fewer_than() -> str:
    """What a withheld figure says, e.g. "færre end 5"."""
    return _("færre end %(n)s") % {"n": settings.FIGURES_MIN_GROUP_SIZE}


def measure_text(measure: Measure, kind: str, *, withheld: bool = False) -> str:
    """A figure as the reader reads it, in her language: kind "count" ("12"), "days" or "rating" (one decimal,
    "3,5"), "share" (a whole percentage, "40 %"); "færre end 5" when withheld, "ingen" when there is none."""
    if withheld or measure.suppressed:
        return fewer_than()
    if measure.value is None:
        return _("ingen")
    if kind == "share":
        return f"{number_format(round(measure.value * 100))} %"
    if kind in ("days", "rating"):
        return number_format(measure.value, decimal_pos=1)
    return number_format(measure.value)


def measure_bar(label: str, measure: Measure, kind: str, *, withheld: bool = False) -> Bar:
    """A chart's bar for a figure: no bar where it is withheld or there is none, only its words."""
    shown = not (withheld or measure.suppressed) and measure.value is not None
    return Bar(label=label, value=measure.value if shown else None, text=measure_text(measure, kind, withheld=withheld))


def _share(part: int, whole: int) -> Measure:
    return Measure(part / whole if whole else None, whole)


def _rounded(value: float | None) -> float | None:
    return round(value, 3) if isinstance(value, float) else value


@dataclass(frozen=True)
class FigureRow:
    month: date | None  # None: the whole year
    complaints: Measure
    first_contact_median_days: Measure
    first_contact_p90_days: Measure
    first_contact_within_deadline: Measure
    resolved_in_dialogue: Measure
    decision_changed: Measure
    upheld_and_forwarded: Measure
    genvurdering_within_four_weeks: Measure
    decision_median_days: Measure
    survey_average_rating: Measure
    survey_understood_decision: Measure

    MEASURES = (
        "complaints",
        "first_contact_median_days",
        "first_contact_p90_days",
        "first_contact_within_deadline",
        "resolved_in_dialogue",
        "decision_changed",
        "upheld_and_forwarded",
        "genvurdering_within_four_weeks",
        "decision_median_days",
        "survey_average_rating",
        "survey_understood_decision",
    )

    # The columns of the CSV, in the reader's language.
    LABELS = {
        "complaints": gettext_lazy("Klager"),
        "first_contact_median_days": gettext_lazy("Første kontakt, dage (median)"),
        "first_contact_p90_days": gettext_lazy("Første kontakt, dage (90 procent inden for)"),
        "first_contact_within_deadline": gettext_lazy("Første kontakt inden for fristen (andel)"),
        "resolved_in_dialogue": gettext_lazy("Løst i dialog (andel)"),
        "decision_changed": gettext_lazy("Afgørelsen ændret (andel)"),
        "upheld_and_forwarded": gettext_lazy("Fastholdt og sendt videre (andel)"),
        "genvurdering_within_four_weeks": gettext_lazy("Genvurdering inden for 4 uger (andel)"),
        "decision_median_days": gettext_lazy("Tid til afgørelse, dage (median)"),
        "survey_average_rating": gettext_lazy("Tilfredshed, 1-5 (gennemsnit)"),
        "survey_understood_decision": gettext_lazy("Forstod afgørelsen (andel)"),
    }

    @classmethod
    def of(cls, figure: ServiceFigure) -> "FigureRow":
        return cls(
            month=figure.starts_on if figure.period == ServiceFigure.Period.MONTH else None,
            complaints=Measure(figure.complaints, figure.complaints),
            first_contact_median_days=Measure(figure.median_days_to_contact, figure.contacted),
            first_contact_p90_days=Measure(figure.p90_days_to_contact, figure.contacted),
            first_contact_within_deadline=_share(figure.within_deadline, figure.deadline_known),
            resolved_in_dialogue=_share(figure.resolved_in_dialogue, figure.closed),
            decision_changed=_share(figure.decision_changed, figure.closed),
            upheld_and_forwarded=_share(figure.upheld_and_forwarded, figure.closed),
            genvurdering_within_four_weeks=_share(figure.genvurderinger_in_time, figure.genvurderinger),
            decision_median_days=Measure(figure.median_days_to_decision, figure.decided),
            survey_average_rating=Measure(figure.average_rating, figure.ratings),
            survey_understood_decision=_share(figure.understood, figure.understood_answers),
        )

    @property
    def suppressed(self) -> bool:
        """The whole group is too small to show anything."""
        return self.complaints.suppressed

    @property
    def period(self) -> str:
        return f"{self.month:%Y-%m}" if self.month else ""

    def export(self) -> dict:
        """The figures for CSV and JSON: each measure's value, None where suppressed, and which were suppressed."""
        suppressed = [name for name in self.MEASURES if self.suppressed or getattr(self, name).suppressed]
        values = {name: None if name in suppressed else _rounded(getattr(self, name).value) for name in self.MEASURES}
        return {"values": values, "suppressed": suppressed}


@dataclass
class DepartmentFigures:
    slug: str
    name: str
    months: list[FigureRow] = field(default_factory=list)
    total: FigureRow | None = None


@dataclass(frozen=True)
class IdeaRow:
    """Ideas posted in a month (or the year): how many reached a committee, and the committees' outcomes."""

    month: date | None
    ideas: Measure
    reached_committee: Measure
    decided: Measure
    implemented: Measure
    declined: Measure

    MEASURES = ("ideas", "reached_committee", "decided", "implemented", "declined")
    LABELS = {
        "ideas": gettext_lazy("Idéer"),
        "reached_committee": gettext_lazy("Nåede et udvalg"),
        "decided": gettext_lazy("Besluttet"),
        "implemented": gettext_lazy("Gennemføres"),
        "declined": gettext_lazy("Afvist"),
    }

    @classmethod
    def of(cls, figure: IdeaFigure) -> "IdeaRow":
        counted = {name: Measure(getattr(figure, name), figure.ideas) for name in cls.MEASURES}
        return cls(month=figure.starts_on if figure.period == ServiceFigure.Period.MONTH else None, **counted)

    @property
    def suppressed(self) -> bool:
        return self.ideas.suppressed

    @property
    def period(self) -> str:
        return f"{self.month:%Y-%m}" if self.month else ""

    def export(self) -> dict:
        suppressed = list(self.MEASURES) if self.suppressed else []
        return {
            "values": {name: None if suppressed else getattr(self, name).value for name in self.MEASURES},
            "suppressed": suppressed,
        }


@dataclass(frozen=True)
class ServiceFigures:
    year: int
    computed_at: datetime | None
    departments: list[DepartmentFigures]
    idea_months: list[IdeaRow] = field(default_factory=list)
    idea_total: IdeaRow | None = None

    @property
    def fingerprint(self) -> str:
        """What the figures say, as a short key: the page's rendered tables are cached per process under it (with
        the language), so they are drawn once per refresh instead of on every request (about 1,300 cells and 12
        charts), and never outlive the figures they show: other figures, or another group size, another key."""
        return hashlib.sha256(f"{settings.FIGURES_MIN_GROUP_SIZE}|{self!r}".encode()).hexdigest()


def years_with_figures() -> list[int]:
    """The calendar years with complaints, newest first."""
    starts = ServiceFigure.objects.filter(period=ServiceFigure.Period.YEAR).values_list("starts_on", flat=True)
    return sorted({start.year for start in starts.distinct()}, reverse=True)


def service_figures(*, year: int, department: Department | None = None) -> ServiceFigures:
    """Each department's figures for each month of `year` that had complaints, and for the whole year; and the
    ideas' figures. Two queries."""
    figures = ServiceFigure.objects.filter(starts_on__year=year).select_related("department")
    if department is not None:
        figures = figures.filter(department=department)
    by_department: dict[int, DepartmentFigures] = {}
    computed_at = None
    for figure in figures.order_by("department__name", "department_id", "starts_on"):
        entry = by_department.setdefault(
            figure.department_id, DepartmentFigures(slug=figure.department.slug, name=figure.department.name)
        )
        row = FigureRow.of(figure)
        if row.month is None:
            entry.total = row
        else:
            entry.months.append(row)
        computed_at = max(computed_at, figure.computed_at) if computed_at else figure.computed_at
    idea_rows = [IdeaRow.of(figure) for figure in IdeaFigure.objects.filter(starts_on__year=year).order_by("starts_on")]
    return ServiceFigures(
        year=year,
        computed_at=computed_at,
        departments=list(by_department.values()),
        idea_months=[row for row in idea_rows if row.month],
        idea_total=next((row for row in idea_rows if row.month is None), None),
    )


def department_charts(department: DepartmentFigures, *, year: int) -> list[Chart]:
    """The department's months drawn: the days to first contact (median) and the share resolved in dialogue.
    No queries: the same rows as the table beside them."""
    months = [(capfirst(date_format(row.month, "F")), row) for row in department.months]
    values = {"name": department.name, "year": year}
    return [
        bar_chart(
            chart_id=f"chart-{department.slug}-contact",
            title=_("Dage til første kontakt (median) pr. måned, %(name)s %(year)s") % values,
            caption=_(
                "Tid til første kontakt i %(name)s, %(year)s: dage fra klagen kom ind, til en sagsbehandler "
                "talte med borgeren (median), måned for måned."
            )
            % values,
            bars=[
                measure_bar(label, row.first_contact_median_days, "days", withheld=row.suppressed)
                for label, row in months
            ],
        ),
        bar_chart(
            chart_id=f"chart-{department.slug}-dialogue",
            title=_("Andel løst i dialog pr. måned, %(name)s %(year)s") % values,
            caption=_("Andel af de afsluttede klager i %(name)s, %(year)s, der blev løst i dialog, måned for måned.")
            % values,
            bars=[
                measure_bar(label, row.resolved_in_dialogue, "share", withheld=row.suppressed) for label, row in months
            ],
            largest=1,  # a whole bar is 100 %
        ),
    ]
