"""What every door's forms share: a service's ValidationError shown on the form that sent the input."""

import datetime

from django import forms
from django.core.exceptions import ValidationError


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """The errors at the fields they name when the user sees those fields, the rest at the top of the form."""
    named = error.message_dict.items() if hasattr(error, "error_dict") else [(None, error.messages)]
    for field, messages in named:
        shown = field in form.fields and not form.fields[field].widget.is_hidden
        form.add_error(field if shown else None, messages)


class DayMonthYearWidget(forms.MultiWidget):
    """DKFDS's date field: day, month and year in three boxes, for a date a person knows (the date on a letter)
    rather than one she picks from a calendar. Gives a forms.DateField "YYYY-M-D" to parse; its own error
    message answers a date that does not exist."""

    template_name = "core/widgets/day_month_year.html"
    use_fieldset = True

    def __init__(self, attrs=None):
        box = {"inputmode": "numeric", "class": "form-input"}
        super().__init__(
            {
                "day": forms.TextInput({**box, "maxlength": 2, "autocomplete": "off"}),
                "month": forms.TextInput({**box, "maxlength": 2, "autocomplete": "off"}),
                "year": forms.TextInput({**box, "maxlength": 4, "autocomplete": "off"}),
            },
            attrs,
        )

    def decompress(self, value):
        if isinstance(value, str):
            try:
                value = datetime.date.fromisoformat(value)
            except ValueError:
                return [None, None, None]
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def value_from_datadict(self, data, files, name):
        day, month, year = (part.strip() if part else "" for part in super().value_from_datadict(data, files, name))
        if not (day or month or year):
            return None
        return f"{year}-{month}-{day}"


class ListFilterForm(forms.Form):
    """A list page's search and filters (a GET form). Bound only when the query names one of its fields, so a page
    asked with other parameters (a page number, the live inbox's fragment) is the list unfiltered, not a search."""

    @classmethod
    def from_query(cls, query) -> "ListFilterForm":
        return cls(query if any(name in query for name in cls.base_fields) else None)
