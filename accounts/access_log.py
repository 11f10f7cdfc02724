"""The one hook that writes the personal-data access log (who among the staff was shown whose data).

The selectors that hand a citizen's data to a door call it, so a page, an API, a socket or an admin page that
uses them cannot forget: `log_reads` for one object, `logged_reads` for a queryset, which writes one entry per
row it actually fetches (a page of a list, not the whole list; a count or an `exists()` shows nobody).
The log is append-only in the database (a trigger on PersonalDataAccess refuses UPDATE and DELETE).
"""

from collections.abc import Callable, Iterable

from django.db.models import QuerySet
from django.db.models.query import ModelIterable

from accounts.models import PersonalDataAccess, User

WHAT_MAX_LENGTH = PersonalDataAccess._meta.get_field("what").max_length


def log_reads(*, viewer: User, reads: Iterable[tuple[int | None, str]]) -> int:
    """Write one entry per (subject id, what); nobody's look at her own data, and no subject (None), is logged."""
    if not viewer.is_authenticated:
        return 0
    rows = sorted({(subject_id, what[:WHAT_MAX_LENGTH]) for subject_id, what in reads if subject_id})
    entries = [PersonalDataAccess(viewer=viewer, subject_id=s, what=what) for s, what in rows if s != viewer.id]
    PersonalDataAccess.objects.bulk_create(entries)
    return len(entries)


class _LoggedReads:
    """Mixed into a queryset's own class: after fetching rows, log who was shown to the viewer."""

    _read_log: tuple[User, Callable] | None = None

    def _clone(self):
        clone = super()._clone()
        clone._read_log = self._read_log
        return clone

    def _fetch_all(self):
        fresh = self._result_cache is None
        super()._fetch_all()
        if fresh and self._read_log is not None and self._iterable_class is ModelIterable:
            viewer, read = self._read_log
            log_reads(viewer=viewer, reads=[read(row) for row in self._result_cache])

    def iterator(self, chunk_size=None):
        # Rows streamed past the result cache would leave no entry: fetch them through it instead.
        yield from self._chain()


_logged_classes: dict[type, type] = {}


def logged_reads(queryset: QuerySet, *, viewer: User, read: Callable[[object], tuple[int | None, str]]) -> QuerySet:
    """The queryset, which logs `read(row)` -> (subject id or None, what) for each row it fetches for the viewer."""
    cls = type(queryset)
    if cls not in _logged_classes:
        _logged_classes[cls] = type(f"Logged{cls.__name__}", (_LoggedReads, cls), {})
    clone = queryset._chain()
    clone.__class__ = _logged_classes[cls]
    clone._read_log = (viewer, read)
    return clone
