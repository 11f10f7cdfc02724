"""The theme page's charts: the same figures as the tables beside them, drawn as SVG."""

from django import template
from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from escalations.charts import Bar, bar_chart
from escalations.selectors import ThemeOverview

register = template.Library()


@register.simple_tag
def weekly_chart(overview: ThemeOverview, which: str):
    """Complaints (which="complaints") or ideas (which="ideas") per week."""
    column = 1 if which == "complaints" else 2
    title = _("Klager pr. uge") if which == "complaints" else _("Idéer pr. uge")
    bars = [
        Bar(
            label=_("uge af %(date)s") % {"date": date_format(week[0], "MONTH_DAY_FORMAT")},
            value=week[column],
            text=str(week[column]),
        )
        for week in overview.weeks
    ]
    return bar_chart(chart_id=f"chart-{which}", title=title, bars=bars)


@register.simple_tag
def department_chart(overview: ThemeOverview):
    fewer = _("færre end %(n)s") % {"n": settings.FIGURES_MIN_GROUP_SIZE}
    bars = [
        Bar(label=name, value=None, text=fewer) if measure.suppressed else Bar(name, measure.value, str(measure.value))
        for name, measure in overview.departments
    ]
    return bar_chart(chart_id="chart-departments", title=_("Klager pr. afdeling"), bars=bars)
