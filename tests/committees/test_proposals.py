"""Ideas reach the committee: the proposal queue, placing a proposal on a meeting, publishing the agenda
and the minutes, and telling every author and supporter once what was decided."""

import threading
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone

from accounts.models import User
from committees import services
from committees.models import AgendaItem, AgendaItemSource
from committees.selectors import proposal_queue
from ideas import services as idea_services
from ideas.models import Board, Idea
from notifications.models import Email, Notice
from tests.meetings import hold_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(committee) -> Board:
    today = timezone.localdate()
    return Board.objects.create(
        title="Valgfremme – flere skal stemme",
        slug="valgfremme",
        committee=committee,
        opens_on=today - timedelta(days=7),
        closes_on=today + timedelta(days=30),
        support_threshold=3,
    )


def supporters(n: int, start: int = 0) -> list[User]:
    return [
        User.objects.create_user(f"stoette-{start + i}@example.dk", None, full_name=f"Støtte {start + i}")
        for i in range(n)
    ]


def proposed_idea(board, author, title: str, people: list[User]) -> Idea:
    idea = idea_services.create_idea(
        author=author, board=board, title=title, body="Lad busserne køre gratis på valgdagen, så flere kan stemme."
    )
    for person in people:
        idea_services.support_idea(user=person, idea=idea)
    idea.refresh_from_db()
    assert idea.status == Idea.Status.PROPOSED
    return idea


@pytest.fixture
def idea(board, citizen) -> Idea:
    return proposed_idea(board, citizen, "Gratis bus til valgstederne", supporters(3))


def test_the_queue_holds_the_proposal_and_placing_it_drafts_an_item(idea, planned_meeting, secretary, committee):
    (proposal,) = proposal_queue(committee=committee)
    assert (proposal.kind, proposal.object_id, proposal.support_count) == ("idea", idea.id, 3)
    item = services.place_proposal(actor=secretary, meeting=planned_meeting, kind="idea", object_id=idea.id)
    assert item.title == "Gratis bus til valgstederne"
    assert item.order == 3 and item.number is None and item.is_public
    assert "»Valgfremme – flere skal stemme«" in item.description
    assert "støttet af 3 borgere" in item.description
    assert "»Lad busserne køre gratis på valgdagen, så flere kan stemme.«" in item.description
    assert f"/ideer/{idea.id}/" in item.description
    assert item.procedure == "Demokratieksperimentariet - drøftelse"
    assert AgendaItemSource.objects.get(item=item).object_id == idea.id
    assert proposal_queue(committee=committee) == []
    with pytest.raises(ValidationError):
        services.place_proposal(actor=secretary, meeting=planned_meeting, kind="idea", object_id=idea.id)
    services.remove_item(actor=secretary, item=item)  # taken off again, it is back in the queue
    assert [p.object_id for p in proposal_queue(committee=committee)] == [idea.id]


def test_only_the_secretary_places_proposals(idea, planned_meeting, member, chair, other_secretary, citizen):
    for user in (member, chair, other_secretary, citizen):
        with pytest.raises(PermissionDenied):
            services.place_proposal(actor=user, meeting=planned_meeting, kind="idea", object_id=idea.id)
    assert not AgendaItemSource.objects.exists()


def test_an_item_with_ideas_stays_open(idea, planned_meeting, secretary):
    item = services.place_proposal(actor=secretary, meeting=planned_meeting, kind="idea", object_id=idea.id)
    with pytest.raises(ValidationError) as error:
        services.update_item(actor=secretary, item=item, is_public=False)
    assert "is_public" in error.value.message_dict


def test_publishing_tells_contributors_and_minutes_tell_them_the_decision_once(
    board, idea, citizen, planned_meeting, secretary, outbox
):
    twice = supporters(3, start=10)
    second = proposed_idea(board, twice[0], "Stemmeboks på biblioteket", twice)
    contributors = {citizen.id, *Idea.objects.get(id=idea.id).supports.values_list("user_id", flat=True)}
    first_item = services.place_proposal(actor=secretary, meeting=planned_meeting, kind="idea", object_id=idea.id)
    second_item = services.place_proposal(actor=secretary, meeting=planned_meeting, kind="idea", object_id=second.id)
    meeting = services.publish_agenda(actor=secretary, meeting=planned_meeting)
    idea.refresh_from_db()
    assert idea.status == Idea.Status.ON_AGENDA
    assert idea.agenda_url.endswith(f"/moeder/{meeting.id}/#punkt-{first_item.id}")
    hold_meeting(meeting, by=secretary)
    for item in meeting.items.exclude(sources__isnull=False):
        services.record_decision(actor=secretary, item=item, decision="Taget til efterretning.")
    with pytest.raises(ValidationError) as error:
        services.record_decision(actor=secretary, item=first_item, decision="Udvalget anbefaler gratis bus.")
    assert "outcome" in error.value.message_dict
    services.record_decision(
        actor=secretary, item=first_item, decision="Udvalget anbefaler gratis bus.", outcome="implemented"
    )
    services.record_decision(actor=secretary, item=second_item, decision="Ikke muligt i år.", outcome="declined")
    before = set(Notice.objects.values_list("id", flat=True))
    services.publish_minutes(actor=secretary, meeting=meeting)
    idea.refresh_from_db()
    second.refresh_from_db()
    assert (idea.status, second.status) == (Idea.Status.IMPLEMENTED, Idea.Status.DECLINED)
    assert idea.decision == "Udvalget anbefaler gratis bus."
    decided = Notice.objects.exclude(id__in=before)
    for user_id in contributors:
        notices = decided.filter(user_id=user_id)
        assert notices.count() == 1, user_id
        assert notices.get().url.endswith(f"/moeder/{meeting.id}/#punkt-{first_item.id}")
    assert decided.filter(user__in=twice).count() == 3  # the second idea's author and supporters, once each
    assert decided.count() == len(contributors) + 3
    mails = Email.objects.filter(recipient_id__in=contributors, dedupe_key__startswith=f"idea-decided-{idea.id}-")
    assert sorted(mails.values_list("recipient_id", flat=True)) == sorted(contributors)


def test_the_queue_page_and_placing_through_the_pages(client, idea, planned_meeting, secretary, member, citizen):
    slug = planned_meeting.committee.slug
    assert client.get(f"/udvalg/{slug}/forslag/").status_code == 302  # to the login
    client.force_login(citizen)  # the queue is not known to exist outside the committee (issue 10, finding 16)
    assert client.get(f"/udvalg/{slug}/forslag/").status_code == 404
    client.force_login(member)
    page = client.get(f"/udvalg/{slug}/forslag/").content.decode()
    assert "Gratis bus til valgstederne" in page and "Sæt på mødets dagsorden" not in page
    data = {"kind": "idea", "object_id": idea.id, "meeting": planned_meeting.id}
    assert client.post(f"/udvalg/{slug}/forslag/placer/", data).status_code == 403
    client.force_login(secretary)
    page = client.get(f"/udvalg/{slug}/forslag/").content.decode()
    assert "Sæt på mødets dagsorden" in page
    response = client.post(f"/udvalg/{slug}/forslag/placer/", data)
    item = AgendaItem.objects.get(sources__object_id=idea.id)
    assert response.url == f"/punkter/{item.id}/rediger/"
    response = client.post(f"/udvalg/{slug}/forslag/placer/", data)
    assert response.status_code == 400 and "allerede sat på en dagsorden" in response.content.decode()


def test_the_proposals_api(api, idea, planned_meeting, secretary, member, citizen):
    slug = planned_meeting.committee.slug
    assert api(citizen).get(f"/api/committees/{slug}/proposals/").status_code == 404
    assert api(member).get(f"/api/committees/{slug}/proposals/").json()[0]["object_id"] == idea.id
    payload = {"kind": "idea", "object_id": idea.id}
    assert api(member).post(f"/api/meetings/{planned_meeting.id}/proposals/", payload).status_code == 403
    response = api(secretary).post(f"/api/meetings/{planned_meeting.id}/proposals/", payload)
    assert response.status_code == 201 and response.json()["title"] == idea.title
    response = api(secretary).post(f"/api/meetings/{planned_meeting.id}/proposals/", payload)
    assert response.status_code == 400 and "proposal" in response.json()


@pytest.mark.django_db(transaction=True)
def test_two_secretaries_placing_the_same_idea_at_once_make_one_item(board, citizen, committee, secretary):
    from tests.committees.conftest import join
    from tests.conftest import make_user

    idea = proposed_idea(board, citizen, "Gratis bus", supporters(3))
    colleague = join(make_user("sekretaer3@example.dk", "Hanne Vig"), committee, "secretary")
    meetings = [
        services.create_meeting(
            actor=secretary, committee=committee, start=timezone.now() + timedelta(days=n + 1), place="lokale 1.D"
        )
        for n in range(2)
    ]
    barrier, outcomes = threading.Barrier(2), []

    def place(actor, meeting):
        try:
            barrier.wait()
            services.place_proposal(actor=actor, meeting=meeting, kind="idea", object_id=idea.id)
            outcomes.append("placed")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=place, args=pair) for pair in ((secretary, meetings[0]), (colleague, meetings[1]))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["placed", "refused"]
    assert AgendaItemSource.objects.filter(object_id=idea.id).count() == 1
