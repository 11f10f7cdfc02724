"""Showing one service figure in a table cell: as a number in the reader's language, or that it is withheld."""

from django import template
from django.conf import settings
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from figures.selectors import Measure

register = template.Library()


@register.simple_tag
def figure(measure: Measure, kind: str, *, withheld: bool = False) -> str:
    """kind: "count", "days" (one decimal), "rating" (one decimal) or "share" (a whole percentage)."""
    if withheld or measure.suppressed:
        text = _("færre end %(n)s") % {"n": settings.FIGURES_MIN_GROUP_SIZE}
        return format_html('<span class="muted">{}</span>', text)
    if measure.value is None:
        return format_html('<span class="muted">{}</span>', _("ingen"))
    if kind == "share":
        return f"{number_format(round(measure.value * 100))} %"
    if kind in ("days", "rating"):
        return number_format(measure.value, decimal_pos=1)
    return number_format(measure.value)
