"""Bar charts drawn on the server as SVG: no JavaScript, readable by screen readers.

Each chart is an image with a title and a description that points to the table of the same figures
beside it; every bar carries its number as text, so nothing is told by colour or length alone.
"""

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

WIDTH = 640
LABEL_WIDTH = 200
BAR_SPACE = 340
ROW_HEIGHT = 24


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # None: withheld (too few to show); drawn without a bar
    text: str  # the number as shown, e.g. "12" or "færre end 5"


def bar_chart(*, chart_id: str, title: str, bars: list[Bar]) -> SafeString:
    """A horizontal bar chart; the longest bar is the largest value."""
    largest = max((bar.value for bar in bars if bar.value), default=0)
    height = ROW_HEIGHT * len(bars) + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(_("Tallene står også i tabellen under diagrammet."))}</desc>',
    ]
    for row, bar in enumerate(bars):
        y = 4 + row * ROW_HEIGHT
        length = BAR_SPACE * bar.value / largest if bar.value and largest else 0
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 16}" text-anchor="end" class="chart-label">{escape(bar.label)}</text>'
        )
        if length:
            bar_height = ROW_HEIGHT - 8
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="{length:.1f}" height="{bar_height}" class="chart-bar"/>'
            )
        parts.append(
            f'<text x="{LABEL_WIDTH + length + 6:.1f}" y="{y + 16}" class="chart-value">{escape(bar.text)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text in it is escaped above
