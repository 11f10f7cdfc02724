from django import template
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe

from committees.documents import decision_heading, inline_markup, item_heading, meeting_when, text_blocks

register = template.Library()


@register.filter
def agenda_text(text: str) -> SafeString:
    """A section's plain text as HTML: paragraphs, lists and subheadings, everything escaped."""
    parts = []
    for block in text_blocks(text or ""):
        lines = [mark_safe(inline_markup(line)) for line in block.lines]  # noqa: S308 - inline_markup escapes
        if block.kind == "heading":
            parts.append(format_html_join("", '<p class="agenda-subheading"><strong>{}</strong></p>', [lines]))
        elif block.kind in ("bullets", "numbers"):
            tag = "ul" if block.kind == "bullets" else "ol"
            items = format_html_join("", "<li>{}</li>", ((line,) for line in lines))
            parts.append(mark_safe(f"<{tag}>{items}</{tag}>"))  # noqa: S308 - items are escaped
        else:
            parts.append(mark_safe(f"<p>{'<br>'.join(lines)}</p>"))  # noqa: S308 - lines are escaped
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above


register.filter("item_heading", item_heading)
register.filter("decision_heading", decision_heading)
register.filter("meeting_when", meeting_when)
