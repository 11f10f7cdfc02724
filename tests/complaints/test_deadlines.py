"""Working-day deadlines: weekends and Danish public holidays are skipped."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from complaints.deadlines import add_working_days, is_working_day

CPH = ZoneInfo("Europe/Copenhagen")


def at(year, month, day, hour=10):
    return datetime(year, month, day, hour, tzinfo=CPH)


@pytest.mark.parametrize(
    ("start", "days", "due_date"),
    [
        (at(2026, 11, 26), 2, date(2026, 11, 30)),  # Thursday + 2: Friday, (weekend), Monday
        (at(2026, 11, 27), 1, date(2026, 11, 30)),  # Friday + 1 skips the weekend
        (at(2026, 11, 28), 1, date(2026, 11, 30)),  # received on a Saturday
        (at(2026, 4, 1), 1, date(2026, 4, 7)),  # Easter 2026: Maundy Thu 2/4 .. Easter Monday 6/4
        (at(2026, 4, 1), 2, date(2026, 4, 8)),
        (at(2025, 4, 16), 1, date(2025, 4, 22)),  # Easter 2025: 17/4 .. 21/4
        (at(2026, 12, 23), 1, date(2026, 12, 28)),  # 24, 25, 26 (Sat), 27 (Sun)
        (at(2026, 12, 30), 1, date(2027, 1, 4)),  # 31/12 and 1/1 closed, then the weekend
        (at(2026, 12, 30), 2, date(2027, 1, 5)),
        (at(2026, 5, 13), 1, date(2026, 5, 15)),  # Ascension Day 14/5
        (at(2026, 6, 4), 1, date(2026, 6, 8)),  # Grundlovsdag 5/6 is a day off for the municipality
        (at(2026, 4, 30), 1, date(2026, 5, 1)),  # 1 May is not a general day off
    ],
)
def test_add_working_days_skips_weekends_and_holidays(start, days, due_date):
    due = add_working_days(start=start, days=days)
    assert due.date() == due_date
    assert (due.hour, due.minute) == (23, 59)
    assert due.tzinfo == CPH


def test_late_evening_utc_counts_from_the_copenhagen_day():
    # 23:30 UTC on Friday 27 Nov is already Saturday in Copenhagen.
    start = datetime(2026, 11, 27, 23, 30, tzinfo=ZoneInfo("UTC"))
    assert add_working_days(start=start, days=1).date() == date(2026, 11, 30)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 1, 1), False),
        (date(2026, 4, 3), False),  # Good Friday
        (date(2026, 5, 25), False),  # Whit Monday
        (date(2026, 12, 24), False),
        (date(2026, 12, 21), True),
        (date(2026, 11, 29), False),  # Sunday
    ],
)
def test_is_working_day(day, working):
    assert is_working_day(day) is working
