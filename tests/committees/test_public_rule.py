"""What the public sees of a committee is written once, in committees.permissions: each predicate has its queryset
filter beside it, and here they are asked about every meeting state × open/closed item × internal/public
attachment, so the object door (access_item_by_id, access_attachment_by_id) and the lists (public_items, OParl,
public_attachments, public_meeting_files) cannot drift apart."""

import itertools
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from committees import selectors
from committees.models import AgendaItem, Attachment, Location, Meeting
from committees.permissions import (
    agenda_is_published,
    attachment_is_public,
    can_view_attachment,
    can_view_item,
    item_is_public_on_published_agenda,
    minutes_are_published,
    public_attachment_q,
    public_item_q,
    published_agenda_q,
    published_minutes_q,
)

STATES = list(Meeting.Status)


@pytest.fixture
def world(committee):
    """A meeting in each state; in each an open and a closed item; on each item an internal and a public
    attachment (stored file names only: no file is read)."""
    location = Location.objects.create(description="Rådhuset, mødelokale 1")
    now = timezone.now()
    meetings, items, attachments = [], [], []
    for day, status in enumerate(STATES, start=1):
        meeting = Meeting.objects.create(
            committee=committee,
            start=now + timedelta(days=day),
            location=location,
            status=status,
            agenda_published_at=None if status == Meeting.Status.PLANNED else now,
            minutes_published_at=now if status == Meeting.Status.MINUTES_PUBLISHED else None,
        )
        meetings.append(meeting)
        for order, is_public in enumerate([True, False]):
            item = AgendaItem.objects.create(
                meeting=meeting,
                committee=committee,
                order=order,
                title=f"Punkt {order}",
                item_type="discussion",
                recommendation="Udvalget drøfter sagen.",
                description="Beskrivelse.",
                is_public=is_public,
            )
            items.append(item)
            for is_internal in (True, False):
                attachments.append(
                    Attachment.objects.create(
                        item=item,
                        title="Bilag",
                        file=f"attachments/rule-{item.id}-{int(is_internal)}.pdf",
                        file_name="bilag.pdf",
                        mime_type="application/pdf",
                        size=1,
                        sha1="0" * 40,
                        is_internal=is_internal,
                    )
                )
    return {"meetings": meetings, "items": items, "attachments": attachments}


def ids(queryset) -> set[int]:
    return set(queryset.values_list("id", flat=True))


@pytest.fixture(params=["anonymous", "citizen"])
def outsider(request, citizen):
    """Who is no member of the committee: what the predicates allow them is what the filters list."""
    return AnonymousUser() if request.param == "anonymous" else citizen


def test_the_world_has_every_combination(world):
    cases = {(i.meeting.status, i.is_public) for i in world["items"]}
    assert cases == set(itertools.product(STATES, [True, False]))
    assert len(world["attachments"]) == len(STATES) * 4


def test_a_published_agenda_and_published_minutes_mean_the_same_as_their_filters(world, outsider):
    meetings = world["meetings"]
    assert ids(Meeting.objects.filter(published_agenda_q())) == {
        m.id for m in meetings if agenda_is_published(outsider, m)
    }
    assert ids(selectors.meetings_with_public_agenda()) == {m.id for m in meetings if agenda_is_published(outsider, m)}
    assert ids(Meeting.objects.filter(published_minutes_q())) == {
        m.id for m in meetings if minutes_are_published(outsider, m)
    }
    assert len(ids(Meeting.objects.filter(published_agenda_q()))) == len(STATES) - 1


def test_a_public_item_means_the_same_as_public_items(world, outsider):
    allowed = {i.id for i in world["items"] if item_is_public_on_published_agenda(outsider, i)}
    assert ids(AgendaItem.objects.filter(public_item_q())) == allowed
    assert ids(selectors.public_items()) == allowed
    # The object door says the same: an outsider reads an item exactly when it is listed.
    assert {i.id for i in world["items"] if can_view_item(outsider, i)} == allowed
    assert len(allowed) == len(STATES) - 1  # the open item of every meeting past planning


def test_a_public_attachment_means_the_same_as_public_attachments(world, outsider):
    allowed = {a.id for a in world["attachments"] if attachment_is_public(outsider, a)}
    assert ids(Attachment.objects.filter(public_attachment_q())) == allowed
    assert ids(selectors.public_attachments()) == allowed
    assert {a.id for a in world["attachments"] if can_view_attachment(outsider, a)} == allowed
    assert len(allowed) == len(STATES) - 1  # the public attachment of each such open item


def test_a_member_reads_every_item_the_public_reads_and_more(world, member):
    public = ids(selectors.public_items())
    member_reads = {i.id for i in world["items"] if can_view_item(member, i)}
    assert public < member_reads
