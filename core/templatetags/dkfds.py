"""Django form fields in the markup of Det Fælles Designsystem (templates/includes/field.html uses these).

`dkfds_widget` renders a field's widget with DKFDS's class for its kind (form-input, form-select, ...) and an
aria-describedby naming its hint, error and character-limit message. A long text field gets DKFDS's
character limit instead of the browser's maxlength, which cuts a pasted text off without a word; the form's
own max_length check still refuses a text that is too long, with an error at the field. A select's empty
choice, Django's "---------", reads "Vælg <the field's label>" (every form's select passes here).
"""

import copy

from django import forms, template
from django.db.models.fields import BLANK_CHOICE_DASH
from django.utils.translation import gettext

register = template.Library()

# Every text area with a maximum gets the counter, a one-line field only from this long (a phone number, a
# title keep maxlength).
CHARACTER_LIMIT_FROM = 500

CLASSES = {
    forms.CheckboxInput: "form-checkbox",
    forms.RadioSelect: "form-radio",
    forms.CheckboxSelectMultiple: "form-checkbox",
    forms.Select: "form-select",
    forms.FileInput: "",  # DKFDS styles input[type=file] itself
}


def _widget_class(widget) -> str:
    for kind, css_class in CLASSES.items():
        if isinstance(widget, kind):
            return css_class
    return "form-input"


@register.filter
def character_limit(bound_field) -> int | None:
    """The number of characters the field takes, when the field is long enough for DKFDS's counter."""
    limit = getattr(bound_field.field, "max_length", None)
    widget = bound_field.field.widget
    long_line = isinstance(widget, forms.TextInput) and limit and limit >= CHARACTER_LIMIT_FROM
    if limit and (isinstance(widget, forms.Textarea) or long_line):
        return limit
    return None


def choose_label(label: str) -> str:
    """ "Vælg udvalg" for the field "Udvalg" (an abbreviation such as "KLE-emne" keeps its capitals)."""
    label = str(label)
    if len(label) > 1 and not label[1].isupper():
        label = label[:1].lower() + label[1:]
    return gettext("Vælg %(field)s") % {"field": label}


def without_dashes(bound_field, widget):
    """The widget with Django's "---------" empty choice (a ModelChoiceField's empty_label, a model field's
    blank choice) worded for a person; a label the form chose itself ("Alle afdelinger") is kept. A model
    field's choices are read once, when the widget is drawn (no query of their own here)."""
    dash = BLANK_CHOICE_DASH[0][1]
    field = bound_field.field
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label != dash:
            return widget
        field = copy.copy(field)
        field.empty_label = choose_label(bound_field.label)
        widget = copy.copy(widget)
        widget.choices = field.choices
        return widget
    choices = list(widget.choices)
    if not any(value == "" and label == dash for value, label in choices):
        return widget
    widget = copy.copy(widget)
    widget.choices = [
        (value, choose_label(bound_field.label) if value == "" and label == dash else label) for value, label in choices
    ]
    return widget


@register.simple_tag
def dkfds_widget(bound_field):
    widget = bound_field.field.widget
    if isinstance(widget, forms.Select):
        widget = without_dashes(bound_field, widget)
    attrs = {}
    own_class = widget.attrs.get("class", "")
    attrs["class"] = f"{_widget_class(widget)} {own_class}".strip()
    described_by = []
    if bound_field.help_text:
        described_by.append(f"{bound_field.auto_id}_helptext")
    if bound_field.errors:
        described_by.append(f"{bound_field.auto_id}_error")
    if character_limit(bound_field):
        described_by.append(f"{bound_field.auto_id}_limit")
        widget = copy.copy(widget)
        widget.attrs = {name: value for name, value in widget.attrs.items() if name != "maxlength"}
    if described_by and not widget.attrs.get("aria-describedby"):
        attrs["aria-describedby"] = " ".join(described_by)
    return bound_field.as_widget(widget=widget, attrs=attrs)


# A state's DKFDS badge colour; the badge always says the state in words too. Unlisted states are neutral.
BADGE_VARIANTS = {
    "success": {
        "closed",
        "resolved_in_dialogue",
        "decision_changed",
        "done",
        "active",
        "decided",
        "implemented",
        "concluded",
        "held",
        "minutes_published",
        "published",
        "confirmation",
        "accepted",
    },
    "warning": {"contact_pending", "pending", "awaiting_start", "awaiting_conclusion", "correction", "warning"},
    "error": {"overdue", "declined", "revoked", "expired", "cancelled", "hidden", "rejected"},
    "info": {"received", "in_dialogue", "open", "collecting", "reviewing", "proposed", "on_agenda", "planned"},
}
VARIANT_OF = {state: variant for variant, states in BADGE_VARIANTS.items() for state in states}


@register.filter
def badge(state) -> str:
    """The classes of a DKFDS badge for a state value: class="{{ complaint.status|badge }}"."""
    variant = VARIANT_OF.get(str(state))
    return f"badge badge-{variant}" if variant else "badge"


class AlertNode(template.Node):
    def __init__(self, nodelist, variant, options):
        self.nodelist, self.variant, self.options = nodelist, variant, options

    def render(self, context):
        values = {name: value.resolve(context) for name, value in self.options.items()}
        values.update(variant=self.variant.resolve(context), body=self.nodelist.render(context))
        return template.loader.render_to_string("includes/alert.html", values)


@register.tag
def alert(parser, token):
    """DKFDS's alert around the caller's own body, with its icon:
    {% alert "warning" role="note" heading=_("Bemærk") %}<p class="alert-text">…</p>{% endalert %}.
    One markup for every alert (templates/includes/alert.html), so none lacks the icon or the body's classes."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% alert %} takes the variant: info, success, warning or error")
    variant = parser.compile_filter(bits[1])
    options = template.base.token_kwargs(bits[2:], parser)
    if len(options) != len(bits) - 2:
        raise template.TemplateSyntaxError("{% alert %} takes name=value options after the variant")
    nodelist = parser.parse(("endalert",))
    parser.delete_first_token()
    return AlertNode(nodelist, variant, options)
