"""DKFDS's date field on a page (issue 9): the boxes a person fills in, as a POST names them, and the check that a
page draws them (core.forms.DayMonthYearWidget, DayMonthYearTimeWidget) instead of the browser's own date input."""

import datetime
import re


def boxes(name: str, value: datetime.date, *, time: str | None = None) -> dict[str, str]:
    """What the boxes post for `value` as a person types it: "3", "12", "2026" (no leading zeros), and the time."""
    typed = {f"{name}_day": str(value.day), f"{name}_month": str(value.month), f"{name}_year": str(value.year)}
    return typed if time is None else {**typed, f"{name}_time": time}


def assert_boxes(page: str, name: str, *, shows: datetime.date | None = None, time: str | None = None) -> None:
    """The page draws the field as DKFDS's date field inside a fieldset, never `type="date"`/`datetime-local`;
    `shows`/`time` are the values the boxes hold (a pre-filled form)."""
    assert 'type="date"' not in page and 'type="datetime-local"' not in page
    assert '<div class="date-group mt-3">' in page
    for part in ("day", "month", "year") + (("time",) if time else ()):
        assert re.search(rf'<input type="text" name="{name}_{part}"', page), f"{name}_{part} missing"
    if shows:
        for part, expected in (("day", shows.day), ("month", shows.month), ("year", shows.year)):
            assert re.search(rf'name="{name}_{part}" value="{expected}"', page), (part, expected)
    if time:
        assert re.search(rf'name="{name}_time" value="{re.escape(time)}"', page), time
