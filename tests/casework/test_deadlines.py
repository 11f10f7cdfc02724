"""Partshøring deadlines in Danish working days on fixed dates (counted by hand against the calendar):
Easter, Christmas and Grundlovsdag; a deadline on a closed day runs to the next working day; § 21 extensions."""

from datetime import date, datetime

import pytest

from casework import services
from complaints.deadlines import COPENHAGEN


def at(year, month, day, hour=10):
    return datetime(year, month, day, hour, tzinfo=COPENHAGEN)


def day_of(moment: datetime) -> date:
    return moment.astimezone(COPENHAGEN).date()


@pytest.mark.parametrize(
    ("start", "deadline"),
    [
        # Easter 2026: skærtorsdag 2/4, langfredag 3/4, 2. påskedag 6/4 are closed: 31/3, 1/4, then 7/4 … 22/4.
        (at(2026, 3, 30), date(2026, 4, 22)),
        # Christmas 2026: 24/12, 25/12 (and 26/12, a Saturday), 31/12 and 1/1 are closed: 13 January 2027.
        (at(2026, 12, 18), date(2027, 1, 13)),
        # Grundlovsdag, Friday 5 June 2026, is closed: 2, 3, 4, 8 … 22 June.
        (at(2026, 6, 1), date(2026, 6, 22)),
        # Kristi himmelfartsdag, Thursday 14 May 2026, and 2. pinsedag, Monday 25 May: 4 June.
        (at(2026, 5, 12), date(2026, 6, 3)),
    ],
)
def test_the_default_deadline_is_14_working_days(settings, start, deadline):
    settings.HEARING_WORKING_DAYS = 14
    due = services.default_hearing_deadline(start=start)
    assert day_of(due) == deadline
    assert (due.astimezone(COPENHAGEN).hour, due.astimezone(COPENHAGEN).minute) == (23, 59)


def test_the_number_of_days_is_a_setting(settings):
    settings.HEARING_WORKING_DAYS = 3
    # Thursday 2 April 2026 (skærtorsdag): 7, 8, 9 April.
    assert day_of(services.default_hearing_deadline(start=at(2026, 4, 2))) == date(2026, 4, 9)


@pytest.mark.parametrize(
    ("chosen", "runs_to"),
    [
        (date(2026, 6, 5), date(2026, 6, 8)),  # Grundlovsdag → Monday
        (date(2026, 12, 24), date(2026, 12, 28)),  # juleaftensdag, juledag, the weekend → Monday
        (date(2026, 4, 2), date(2026, 4, 7)),  # skærtorsdag → the Tuesday after 2. påskedag
        (date(2026, 12, 31), date(2027, 1, 4)),  # nytårsaftensdag, nytårsdag, the weekend
        (date(2026, 5, 1), date(2026, 5, 1)),  # 1 May is a working day for the municipality
        (date(2026, 6, 10), date(2026, 6, 10)),
    ],
)
def test_a_deadline_on_a_closed_day_runs_to_the_next_working_day(chosen, runs_to):
    assert day_of(services.end_of_working_day(chosen)) == runs_to
