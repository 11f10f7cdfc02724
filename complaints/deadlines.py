"""Danish working days (Europe/Copenhagen) for contact deadlines.

Public holidays come from the `holidays` package. Municipal offices are also
closed on Grundlovsdag, juleaftensdag and nytårsaftensdag (the package's
optional category), but not on 1 May, which is not a day off for everyone.
"""

from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
_NOT_A_DAY_OFF = {(5, 1)}


@lru_cache(maxsize=64)
def _days_off(year: int) -> frozenset[date]:
    public = holidays.Denmark(years=year)
    optional = holidays.Denmark(years=year, categories=("optional",))
    return frozenset(day for day in [*public, *optional] if (day.month, day.day) not in _NOT_A_DAY_OFF)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _days_off(day.year)


def add_working_days(*, start: datetime, days: int) -> datetime:
    """The end (23:59:59, Copenhagen time) of the `days`-th working day after `start`'s day."""
    day = start.astimezone(COPENHAGEN).date()
    remaining = days
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return datetime.combine(day, time(23, 59, 59), tzinfo=COPENHAGEN)
