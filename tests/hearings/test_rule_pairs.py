"""Who sees and writes which hearing is written once, in hearings.permissions: each predicate has its queryset
filter beside it. Here they are asked about hearings of two departments, published or drafts, for every kind of
person, so the hearing's own pages (access_hearing_by_id, access_managed_hearing_by_id) and the lists (the public
list, the staff's list) cannot drift apart."""

import pytest

from hearings import selectors
from hearings.models import Hearing
from hearings.permissions import (
    can_manage_hearing,
    can_view_hearing,
    hearing_is_published,
    managed_hearings_q,
    published_hearings_q,
    visible_hearings_q,
)
from tests.rule_pairs import Pair, allowed, assert_pairs_agree


@pytest.fixture
def hearings(make_hearing, nature, other_committee):
    """Published hearings and drafts of Familiecentret (for the committee) and of Natur- og Miljø (for another
    committee)."""
    ours = [make_hearing(publish=True, sections=1), make_hearing(publish=False, sections=1)]
    theirs = []
    for publish in (True, False):
        hearing = make_hearing(publish=publish, sections=1, title=f"Naturplan {publish}")
        Hearing.objects.filter(id=hearing.id).update(department=nature, committee=other_committee)
        theirs.append(Hearing.objects.get(id=hearing.id))
    return ours + theirs


@pytest.fixture
def other_committee(db):
    from accounts.models import Committee

    return Committee.objects.create(name="Økonomiudvalget", slug="okonomiudvalget", short_name="Økonomiudvalget")


@pytest.fixture
def people(everyone, staff):
    return {**everyone, "the department's staff": staff}


def test_each_predicate_and_its_filter_say_the_same_for_everyone(hearings, people):
    assert_pairs_agree(
        hearings,
        people,
        Pair(can_manage_hearing, managed_hearings_q, [lambda user: selectors.hearings_managed_by(user=user)]),
        Pair(can_view_hearing, visible_hearings_q),
        Pair(hearing_is_published, lambda user: published_hearings_q(), [lambda user: selectors.published_hearings()]),
    )


def test_the_rule_itself(hearings, people):
    ours_published, ours_draft, theirs_published, theirs_draft = (h.id for h in hearings)

    def seen(who):
        return allowed(can_view_hearing, people[who], hearings)

    assert seen("anonymous") == seen("citizen") == {ours_published, theirs_published}
    assert seen("the department's staff") == {ours_published, ours_draft, theirs_published}
    assert seen("staff of Natur- og Miljø") == {ours_published, theirs_published, theirs_draft}
    assert seen("the committee's secretary") == {ours_published, ours_draft, theirs_published}
    assert seen("administrator") == {h.id for h in hearings}
