"""Form fields in DKFDS markup that need more than the widget Django renders."""

from copy import copy

from django import template
from django.forms import BoundField

register = template.Library()


@register.filter
def limit_message_id(field: BoundField) -> str:
    return f"{field.auto_id}-limit-message"


@register.filter
def character_limited(field: BoundField) -> str:
    """A long text field under DKFDS's character limit: no `maxlength` (the browser would cut what she pastes
    without a word), the limit told beside the field and counted down by DKFDS's script; the form says in words
    when the text is too long."""
    widget = copy(field.field.widget)
    widget.attrs = {key: value for key, value in widget.attrs.items() if key != "maxlength"}
    described_by = " ".join(
        part for part in (widget.attrs.get("aria-describedby", ""), limit_message_id(field)) if part
    )
    classes = " ".join(part for part in (widget.attrs.get("class", ""), "form-input") if part)
    return field.as_widget(widget=widget, attrs={"aria-describedby": described_by, "class": classes})
