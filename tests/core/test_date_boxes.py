"""The date field and the date-and-time field of every form (issue 9): three boxes Dag / Måned / År, and Klokkeslæt,
parsed to a date or an aware time in Europe/Copenhagen; a date that does not exist and a time that is not a time get
a Danish error; a value sent whole under the field's own name (a page rendered before the boxes) still counts."""

import datetime
import zoneinfo

import pytest
from django import forms
from django.template import Context, Template
from django.utils import translation

from core.forms import DateAndTimeField, DayMonthYearWidget
from tests.date_boxes import assert_boxes, boxes

COPENHAGEN = zoneinfo.ZoneInfo("Europe/Copenhagen")
NO_DATE = "Skriv en dato, der findes: dag, måned og år med tal, fx 3 12 2026."
NO_TIME = "Skriv et klokkeslæt med timer og minutter, fx 14.30."


class Letter(forms.Form):
    on = forms.DateField(label="Dato på brevet", widget=DayMonthYearWidget, help_text="Står øverst på brevet.")
    meeting = DateAndTimeField(label="Mødet begynder", required=False)


def render(form) -> str:
    fields = "".join(f'{{% include "includes/field.html" with field=form.{name} %}}' for name in ("on", "meeting"))
    return Template(fields).render(Context({"form": form}))


def test_the_boxes_give_a_date_and_an_aware_time():
    form = Letter(
        {**boxes("on", datetime.date(2026, 12, 3)), **boxes("meeting", datetime.date(2026, 7, 1), time="14.30")}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["on"] == datetime.date(2026, 12, 3)
    assert form.cleaned_data["meeting"] == datetime.datetime(2026, 7, 1, 14, 30, tzinfo=COPENHAGEN)
    colon = Letter(
        {**boxes("on", datetime.date(2026, 12, 3)), **boxes("meeting", datetime.date(2026, 1, 5), time="9:05")}
    )
    assert colon.is_valid() and colon.cleaned_data["meeting"] == datetime.datetime(2026, 1, 5, 9, 5, tzinfo=COPENHAGEN)


@pytest.mark.parametrize(
    ("field", "day", "month", "clock", "error"),
    [
        ("on", "", "12", None, "Indtast en gyldig dato."),
        ("on", "31", "2", None, "Indtast en gyldig dato."),
        ("meeting", "31", "2", "14.30", NO_DATE),
        ("meeting", "", "2", "14.30", NO_DATE),
        ("meeting", "3", "2", "25.00", NO_TIME),
        ("meeting", "3", "2", "kl. 14", NO_TIME),
        # Without a time Django would read the date as midnight; she is asked for the time instead.
        ("meeting", "3", "2", "", NO_TIME),
    ],
)
def test_a_missing_part_a_date_that_does_not_exist_and_a_bad_time_are_refused(field, day, month, clock, error):
    typed = {f"{field}_day": day, f"{field}_month": month, f"{field}_year": "2026"}
    if clock is not None:
        typed[f"{field}_time"] = clock
    data = {**boxes("on", datetime.date(2026, 12, 3)), **typed}
    form = Letter(data)
    assert not form.is_valid()
    assert form.errors[field] == [error]
    page = render(form)
    assert f'id="id_{field}_error"' in page and 'aria-invalid="true"' in page
    # What she typed comes back in the boxes, to correct rather than retype.
    for name, value in typed.items():
        assert f'name="{name}" value="{value}"' in page or not value


def test_the_english_errors_are_translated():
    with translation.override("en"):
        form = Letter(
            {**boxes("on", datetime.date(2026, 12, 3)), **boxes("meeting", datetime.date(2026, 2, 3), time="x")}
        )
        assert form.errors["meeting"] == ["Enter a time in hours and minutes, e.g. 14.30."]
        assert "<label" in render(form) and ">Time</label>" in render(form)


def test_a_value_sent_whole_under_the_fields_own_name_still_counts():
    # The single field of a page rendered before the boxes: the date input's ISO date, datetime-local's value.
    form = Letter({"on": "2026-12-23", "meeting": "2026-12-23T14:30"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["on"] == datetime.date(2026, 12, 23)
    assert form.cleaned_data["meeting"] == datetime.datetime(2026, 12, 23, 14, 30, tzinfo=COPENHAGEN)
    assert not Letter({"on": "2026-02-31"}).is_valid()


def test_the_label_is_the_legend_the_hint_is_kept_and_a_time_shows_in_copenhagen():
    utc = datetime.datetime(2026, 7, 1, 12, 30, tzinfo=datetime.UTC)
    page = render(Letter(initial={"on": datetime.date(2026, 12, 3), "meeting": utc}))
    assert '<fieldset aria-describedby="id_on_helptext">' in page
    assert '<legend class="form-label">Dato på brevet</legend>' in page
    assert '<span class="form-hint" id="id_on_helptext">Står øverst på brevet.</span>' in page
    assert '<label class="form-label" for="id_on_0">Dag</label>' in page
    assert_boxes(page, "on", shows=datetime.date(2026, 12, 3))
    assert_boxes(page, "meeting", shows=datetime.date(2026, 7, 1), time="14.30")  # 12.30 UTC is 14.30 in summer
    assert '<label class="form-label" for="id_meeting_3">Klokkeslæt</label>' in page
    assert 'id="id_meeting_3_hint">fx 14.30</span>' in page and 'aria-describedby="id_meeting_3_hint"' in page


def test_the_error_summary_links_to_the_first_box():
    form = Letter({"on_day": "31", "on_month": "2", "on_year": "2026"})
    page = Template('{% include "includes/error_summary.html" %}').render(Context({"form": form}))
    assert 'href="#id_on_0"' in page
