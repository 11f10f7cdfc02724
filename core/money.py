"""Money in øre (integers, never floats): shown the Danish way (75.000 kr.) and read from what people type.

Every amount in the product is a whole number of øre in the database; this module is the one place that
turns it into text and back. ``KronerField`` is the form field for an amount typed in kroner.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ORE_PER_KRONE = 100
# 75000, 75.000, 75 000, 75.000,50, 75000,5 (a trailing "kr." or "kr" is allowed)
AMOUNT_PATTERN = re.compile(r"^(?P<kroner>\d{1,3}(?:[. ]\d{3})+|\d+)(?:,(?P<ore>\d{1,2}))?$")
NOT_AN_AMOUNT = _("Skriv et beløb i hele kroner, fx 75.000, eventuelt med øre efter et komma (75.000,50).")


def format_kroner(ore: int | None) -> str:
    """75.000 kr., 1.250,50 kr., -300 kr.; an empty string for None."""
    if ore is None:
        return ""
    sign = "-" if ore < 0 else ""
    kroner, rest = divmod(abs(int(ore)), ORE_PER_KRONE)
    grouped = f"{kroner:,}".replace(",", ".")
    return f"{sign}{grouped},{rest:02d} kr." if rest else f"{sign}{grouped} kr."


def format_kroner_plain(ore: int | None) -> str:
    """The amount as a form shows it for editing: 75.000 or 75.000,50 (no "kr.")."""
    return format_kroner(ore).removesuffix(" kr.")


def parse_kroner(text: str) -> int:
    """What someone typed, in kroner, as øre; ValidationError (in her language) when it is not an amount."""
    cleaned = (text or "").strip().removesuffix(".").removesuffix("kr").strip()
    match = AMOUNT_PATTERN.match(cleaned)
    if not match:
        raise ValidationError(NOT_AN_AMOUNT, code="invalid")
    kroner = int(re.sub(r"[. ]", "", match["kroner"]))
    ore = int((match["ore"] or "0").ljust(2, "0"))
    return kroner * ORE_PER_KRONE + ore


class KronerField(forms.Field):
    """An amount typed in kroner (75.000 or 75.000,50); cleaned to øre."""

    widget = forms.TextInput

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "inputmode": "decimal", "autocomplete": "off", "maxlength": "20"}

    def prepare_value(self, value):
        return format_kroner_plain(value) if isinstance(value, int) else value

    def to_python(self, value):
        value = (value or "").strip() if isinstance(value, str) else value
        if value in self.empty_values:
            return None
        if isinstance(value, int):
            return value
        return parse_kroner(value)
