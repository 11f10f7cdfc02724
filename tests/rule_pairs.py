"""An access rule is written once: a predicate that decides for one object and the `*_q` filter beside it in the
same permissions.py that a list filters by. A test of an app's pairs builds a few objects in every state and a
table of people in every role, and asks `assert_pairs_agree`: for each person, the objects the predicate allows
are exactly those the filter (and each selector named with it) returns."""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import Model, Q, QuerySet


@dataclass(frozen=True)
class Pair:
    """A predicate `(user, obj) -> bool`, its filter `(user) -> Q`, and the selectors `(user) -> QuerySet` that
    list by it (over the test's objects they must return exactly what the predicate allows)."""

    predicate: Callable[[object, Model], bool]
    q: Callable[[object], Q]
    lists: Sequence[Callable[[object], QuerySet]] = field(default=())


def ids(objects: Iterable[Model] | QuerySet) -> set[int]:
    if isinstance(objects, QuerySet):
        return set(objects.values_list("pk", flat=True))
    return {obj.pk for obj in objects}


def allowed(predicate: Callable[[object, Model], bool], user, objects: Sequence[Model]) -> set[int]:
    """The objects' ids the predicate says yes to for this person."""
    return {obj.pk for obj in objects if predicate(user, obj)}


def assert_pairs_agree(objects: Sequence[Model], people: dict[str, object], *pairs: Pair) -> None:
    """Every pair says the same as its predicate, for every person (the assertion names who and which rule)."""
    everything = type(objects[0])._default_manager.filter(pk__in=ids(objects))
    for who, user in people.items():
        for pair in pairs:
            expected = allowed(pair.predicate, user, objects)
            rule = getattr(pair.predicate, "name", None) or pair.predicate.__name__
            assert ids(everything.filter(pair.q(user))) == expected, f"{rule}, {who}: the filter"
            for listing in pair.lists:
                assert ids(listing(user)) == expected, f"{rule}, {who}: {getattr(listing, '__name__', listing)}"
