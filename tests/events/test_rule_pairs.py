"""Who sees and manages which event is written once, in events.permissions: each predicate has its queryset
filter beside it. Here they are asked about events of two departments, published or not, for every kind of
person, so the event's own pages (access_event_by_id, access_managed_event_by_id) and the lists (public
events, the calendar feed, the staff's list) cannot drift apart."""

import pytest
from django.contrib.auth.models import AnonymousUser

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
def people(organiser, other_caseworker, administrator, citizen, family):
    lead = make_user("leder-events@example.dk", "Lene Leder")
    DepartmentMembership.objects.create(user=lead, department=family, role=DepartmentMembership.Role.LEAD)
    return {
        "anonymous": AnonymousUser(),
        "citizen": citizen,
        "organiser": organiser,
        "lead of the department": lead,
        "staff of another department": other_caseworker,
        "administrator": administrator,
    }


def ids(queryset) -> set[int]:
    return set(queryset.values_list("id", flat=True))


def test_each_predicate_and_its_filter_say_the_same_for_everyone(events, people):
    everything = Event.objects.filter(id__in=[e.id for e in events])
    for who, user in people.items():
        managed = {e.id for e in events if can_manage_event(user, e)}
        assert ids(everything.filter(managed_events_q(user))) == managed, who
        assert ids(selectors.managed_events(user=user)) == managed, who
        seen = {e.id for e in events if can_see_event(user, e)}
        assert ids(everything.filter(visible_events_q(user))) == seen, who
        published = {e.id for e in events if is_published(user, e)}
        assert ids(everything.filter(published_q())) == published, who
        assert ids(selectors.feed_events()) == published, who
        assert ids(selectors.public_events()) == published, who  # all four are upcoming


def test_the_rule_itself(events, people):
    """What the pairs agree on is the rule of events.permissions' docstring."""
    mine_published, mine_draft, theirs_published, theirs_draft = (e.id for e in events)

    def managed(who):
        return {e.id for e in events if can_manage_event(people[who], e)}

    def seen(who):
        return {e.id for e in events if can_see_event(people[who], e)}

    assert managed("anonymous") == managed("citizen") == set()
    assert managed("organiser") == managed("lead of the department") == {mine_published, mine_draft}
    assert managed("staff of another department") == {theirs_published, theirs_draft}
    assert managed("administrator") == {e.id for e in events}
    assert seen("citizen") == {mine_published, theirs_published}
    assert seen("organiser") == {mine_published, mine_draft, theirs_published}
