"""What every door's forms share: a service's ValidationError shown on the form that sent the input."""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """The errors at the fields they name when the user sees those fields, the rest at the top of the form."""
    named = error.message_dict.items() if hasattr(error, "error_dict") else [(None, error.messages)]
    for field, messages in named:
        shown = field in form.fields and not form.fields[field].widget.is_hidden
        form.add_error(field if shown else None, messages)


# Hours and minutes at the start of a time: "14:30", "9:05", "14:30:00+01:00" (a whole ISO value); not "24:00".
CLOCK = re.compile(r"([01]?\d|2[0-3]):[0-5]\d\b")


class DayMonthYearWidget(forms.MultiWidget):
    """DKFDS's date field: day, month and year in three boxes, for a date a person knows (the date on a letter)
    rather than one she picks from a calendar (the browser's own date input shows "mm/dd/yyyy" and AM/PM, not
    Danish). Gives a forms.DateField "YYYY-M-D" to parse, which refuses a date that does not exist (31-02)."""

    template_name = "core/widgets/day_month_year.html"
    use_fieldset = True
    # (box, its label, its maxlength); DayMonthYearTimeWidget adds the time box to the same list.
    parts = (("day", _("Dag"), 2), ("month", _("Måned"), 2), ("year", _("År"), 4))

    def __init__(self, attrs=None):
        super().__init__({part: self._box(part, size) for part, _label, size in self.parts}, attrs)

    def _box(self, part: str, size: int) -> forms.TextInput:
        return forms.TextInput(
            {"inputmode": "numeric", "class": "form-input", "maxlength": size, "autocomplete": "off"}
        )

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for box, (part, label, _size) in zip(context["widget"]["subwidgets"], self.parts, strict=True):
            box["part"], box["label"] = part, label
        return context

    def decompress(self, value) -> list:
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        if isinstance(value, str):
            # Her own text back in the boxes when the form comes back with an error ("2026-2-31"), or an ISO value.
            year, _sep, rest = value.split(" ")[0].split("T")[0].partition("-")
            month, _sep, day = rest.partition("-")
            return [str(int(part)) if part.isascii() and part.isdigit() else part for part in (day, month, year)]
        return [None, None, None]

    def value_from_datadict(self, data, files, name):
        parts = [str(part or "").strip() for part in super().value_from_datadict(data, files, name)]
        if not any(parts):
            # A page rendered before the boxes came (a tab left open over a deploy, a draft saved from it, a
            # script) posts the date whole under the field's own name, "2026-12-23": take it, so nothing she
            # sent is lost and the field's own parsing still decides.
            return data.get(name) or None
        return self.join(parts)

    def value_omitted_from_data(self, data, files, name):
        return super().value_omitted_from_data(data, files, name) and name not in data

    def join(self, parts: list[str]) -> str:
        day, month, year = parts
        return f"{year}-{month}-{day}"


class DayMonthYearTimeWidget(DayMonthYearWidget):
    """The date field's three boxes and a time box (Klokkeslæt, "14.30" or "14:30"), for a moment in the past or
    the future (a meeting, an event, a phone call). Gives a DateAndTimeField "YYYY-M-D HH:MM"."""

    parts = (*DayMonthYearWidget.parts, ("time", _("Klokkeslæt"), 5))
    time_hint = _("fx 14.30")

    def _box(self, part: str, size: int) -> forms.TextInput:
        if part != "time":
            return super()._box(part, size)
        return forms.TextInput({"class": "form-input input-char-8", "maxlength": size, "autocomplete": "off"})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        time = context["widget"]["subwidgets"][-1]
        time["hint"] = self.time_hint
        if time["attrs"].get("id"):
            time["hint_id"] = f"{time['attrs']['id']}_hint"
            time["attrs"]["aria-describedby"] = time["hint_id"]
        return context

    def decompress(self, value) -> list:
        if isinstance(value, datetime.datetime):
            shown = timezone.localtime(value) if timezone.is_aware(value) else value
            return [*super().decompress(shown.date()), shown.strftime("%H.%M")]
        if isinstance(value, str):
            clock = re.split("[ T]", value, maxsplit=1)[1] if re.search("[ T]", value) else ""
            match = re.match(r"(\d{1,2}):(\d{2})", clock)
            return [*super().decompress(value), f"{int(match[1]):02}.{match[2]}" if match else clock]
        return [*super().decompress(value), None]

    def join(self, parts: list[str]) -> str:
        match = re.fullmatch(r"(\d{1,2})[.:](\d{2})", parts[3])
        return f"{super().join(parts[:3])} {f'{match[1]}:{match[2]}' if match else parts[3]}".strip()


class DateAndTimeField(forms.DateTimeField):
    """A date and a time in DKFDS's boxes (DayMonthYearTimeWidget), made aware in Europe/Copenhagen as any
    DateTimeField; the error says which half is wrong, instead of Django's "Indtast gyldig dato/tidspunkt"."""

    widget = DayMonthYearTimeWidget
    default_error_messages = {
        "invalid_date": _("Skriv en dato, der findes: dag, måned og år med tal, fx 3 12 2026."),
        "invalid_time": _("Skriv et klokkeslæt med timer og minutter, fx 14.30."),
    }

    def to_python(self, value):
        if not isinstance(value, str) or not value.strip():
            return super().to_python(value)
        _date, _sep, clock = value.strip().replace("T", " ", 1).partition(" ")
        # Checked before parsing: Django would take a date without a time as midnight.
        if not CLOCK.match(clock):
            raise ValidationError(self.error_messages["invalid_time"], code="invalid_time")
        try:
            return super().to_python(value)
        except ValidationError:
            raise ValidationError(self.error_messages["invalid_date"], code="invalid_date") from None


class ListFilterForm(forms.Form):
    """A list page's search and filters (a GET form). Bound only when the query names one of its fields, so a page
    asked with other parameters (a page number, the live inbox's fragment) is the list unfiltered, not a search."""

    @classmethod
    def from_query(cls, query) -> "ListFilterForm":
        return cls(query if any(name in query for name in cls.base_fields) else None)
