"""Bar charts drawn by the server as SVG: the geometry here, the drawing in templates/includes/chart.html.

No JavaScript, and readable by a screen reader: each chart is an image with a title and a description that
points to the table of the same figures beside it, under a visible caption; every bar carries its number as
text, so nothing is told by colour or length alone. A bar withheld (too few to show) or with no value has
only its words.

    chart = bar_chart(chart_id="chart-x", title=_("Klager pr. uge"), caption=…, bars=[Bar(label, value, text)])
    {% include "includes/chart.html" with chart=chart %}
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

BAR_SPACE = 240  # the longest bar
ROW_HEIGHT = 24
BAR_HEIGHT = ROW_HEIGHT - 8
MARGIN = 4
# The texts are 13 px (static/css/site.css); a generous average character of IBM Plex Sans at that size. The
# chart is as wide as its texts need, drawn at its own size and scaled down on a narrow screen, so a short label
# (a month) leaves more of a phone's width to the bars and the text.
CHARACTER_WIDTH = 7.5
LABEL_WIDTH = (48, 240)  # at least, at the most


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # None: withheld (too few to show) or nothing to show; drawn without a bar
    text: str  # the number as shown in the reader's language, e.g. "12", "3,5", "40 %" or "færre end 5"


@dataclass(frozen=True)
class DrawnBar:
    """One row of the chart, in the SVG's coordinates."""

    label: str
    text: str
    top: int  # the bar's upper edge
    baseline: int  # the texts' baseline
    length: float  # 0: no bar
    text_x: float  # where the number starts, just after the bar
    empty: bool  # withheld or nothing to show: its words are drawn in grey


@dataclass(frozen=True)
class Chart:
    id: str
    title: str  # the SVG's <title>: what the chart shows, short
    caption: str  # the visible <figcaption>
    description: str  # the SVG's <desc>: where the same figures stand as text
    width: int
    height: int
    label_x: int  # the labels end here (text-anchor end)
    bar_x: int  # the bars start here
    bar_height: int
    bars: list[DrawnBar]


def bar_chart(
    *, chart_id: str, title: str, bars: list[Bar], caption: str = "", description: str = "", largest: float = 0
) -> Chart:
    """A horizontal bar chart, one row per bar. The longest bar is `largest` (e.g. 1 for shares), or the largest
    value when not given."""
    largest = largest or max((bar.value for bar in bars if bar.value), default=0)
    longest_label = max((len(bar.label) for bar in bars), default=0)
    label_width = min(max(round(CHARACTER_WIDTH * longest_label) + 16, LABEL_WIDTH[0]), LABEL_WIDTH[1])
    value_width = round(CHARACTER_WIDTH * max((len(bar.text) for bar in bars), default=0)) + 12
    drawn = []
    for row, bar in enumerate(bars):
        top = MARGIN + row * ROW_HEIGHT
        length = round(BAR_SPACE * min(bar.value, largest) / largest, 1) if bar.value and largest else 0
        drawn.append(
            DrawnBar(
                label=bar.label,
                text=bar.text,
                top=top + MARGIN,
                baseline=top + 16,
                length=length,
                text_x=round(label_width + length + 6, 1),
                empty=bar.value is None,
            )
        )
    return Chart(
        id=chart_id,
        title=title,
        caption=caption or title,
        description=description or _("Tallene står også i tabellen under diagrammet."),
        width=label_width + BAR_SPACE + value_width,
        height=ROW_HEIGHT * len(bars) + 2 * MARGIN,
        label_x=label_width - 8,
        bar_x=label_width,
        bar_height=BAR_HEIGHT,
        bars=drawn,
    )
