"""Who sees and manages which event is written once, in events.permissions: each predicate has its queryset
filter beside it. Here they are asked about events of two departments, published or not, for every kind of
person, so the event's own pages (access_event_by_id, access_managed_event_by_id) and the lists (public
events, the calendar feed, the staff's list) cannot drift apart."""

import pytest

from accounts.models import DepartmentMembership
from events import selectors
from events.models import Event
from events.permissions import (
    can_manage_event,
    can_see_event,
    is_published,
    managed_events_q,
    published_q,
    visible_events_q,
)
from tests.conftest import make_user
from tests.rule_pairs import Pair, allowed, assert_pairs_agree


@pytest.fixture
def events(make_event, administrator, nature):
    """Published and unpublished events of Familiecentret (through the service) and of Natur- og Miljø."""
    mine = [make_event(is_published=True), make_event(is_published=False)]
    theirs = []
    for published in (True, False):
        other = make_event(is_published=published, title=f"Naturvandring {published}")
        Event.objects.filter(id=other.id).update(department=nature)
        theirs.append(Event.objects.get(id=other.id))
    return mine + theirs


@pytest.fixture
def people(everyone, organiser, family):
    lead = make_user("leder-events@example.dk", "Lene Leder")
    DepartmentMembership.objects.create(user=lead, department=family, role=DepartmentMembership.Role.LEAD)
    return {**everyone, "organiser": organiser, "lead of the department": lead}


def test_each_predicate_and_its_filter_say_the_same_for_everyone(events, people):
    assert_pairs_agree(
        events,
        people,
        Pair(can_manage_event, managed_events_q, [lambda user: selectors.managed_events(user=user)]),
        Pair(can_see_event, visible_events_q),
        # all four are upcoming, so the public list is every published one
        Pair(
            is_published,
            lambda user: published_q(),
            [lambda user: selectors.feed_events(), lambda user: selectors.public_events()],
        ),
    )


def test_the_rule_itself(events, people):
    """What the pairs agree on is the rule of events.permissions' docstring."""
    mine_published, mine_draft, theirs_published, theirs_draft = (e.id for e in events)

    def managed(who):
        return allowed(can_manage_event, people[who], events)

    def seen(who):
        return allowed(can_see_event, people[who], events)

    assert managed("anonymous") == managed("citizen") == set()
    assert managed("organiser") == managed("lead of the department") == {mine_published, mine_draft}
    assert managed("staff of Natur- og Miljø") == {theirs_published, theirs_draft}
    assert managed("administrator") == {e.id for e in events}
    assert seen("citizen") == {mine_published, theirs_published}
    assert seen("organiser") == {mine_published, mine_draft, theirs_published}
