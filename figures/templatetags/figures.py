"""Showing one service figure in a table cell: as a number in the reader's language, or that it is withheld."""

from django import template
from django.utils.html import format_html

from figures.selectors import Measure, measure_text

register = template.Library()


@register.simple_tag
def figure(measure: Measure, kind: str, *, withheld: bool = False) -> str:
    """kind: "count", "days" (one decimal), "rating" (one decimal) or "share" (a whole percentage)."""
    text = measure_text(measure, kind, withheld=withheld)
    if withheld or measure.suppressed or measure.value is None:
        return format_html('<span class="muted">{}</span>', text)
    return text
