"""Every door of the committees app, knocked on by everyone: the anonymous visitor, a citizen, a member,
the chair, the committee's secretary and the secretary of another committee.

Only the committee's secretary writes; members read drafts, closed items and internal attachments;
the public reads published agendas and minutes. A refused attempt changes nothing."""

import pytest
from django.test import Client

from committees.models import AgendaItem, Attachment, Meeting
from tests.committees.conftest import pdf_upload
from tests.meetings import let_the_meeting_begin

pytestmark = pytest.mark.django_db

EVERYONE = ["anonymous", "citizen", "member", "chair", "secretary", "other_secretary"]
MEMBERS = {"member", "chair", "secretary"}
REFUSED = {302, 403, 404}


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def snapshot() -> list:
    return [
        list(Meeting.objects.order_by("id").values_list("status", "start", "updated_at")),
        list(AgendaItem.objects.order_by("id").values()),
        list(Attachment.objects.order_by("id").values_list("id", "title")),
    ]


def open_item(meeting):
    return meeting.items.get(is_public=True)


READS = {
    # door: (path from the fixture meetings, who may read it)
    "committee list": (lambda p, m: "/udvalg/", set(EVERYONE)),
    "published agenda page": (lambda p, m: f"/moeder/{p.id}/", set(EVERYONE)),
    "published agenda pdf": (lambda p, m: f"/moeder/{p.id}/dokument.pdf", set(EVERYONE)),
    "draft agenda pdf": (lambda p, m: f"/moeder/{m.id}/dokument.pdf", MEMBERS),
    "public attachment": (
        lambda p, m: open_item(p).attachments.get(is_internal=False).get_absolute_url(),
        set(EVERYONE),
    ),
    "internal attachment": (lambda p, m: open_item(p).attachments.get(is_internal=True).get_absolute_url(), MEMBERS),
    "internal attachment download": (
        lambda p, m: open_item(p).attachments.get(is_internal=True).get_download_url(),
        MEMBERS,
    ),
    "new meeting form": (lambda p, m: f"/udvalg/{p.committee.slug}/moeder/nyt/", {"secretary"}),
    "meeting edit form": (lambda p, m: f"/moeder/{m.id}/rediger/", {"secretary"}),
    "new item form": (lambda p, m: f"/moeder/{m.id}/punkter/nyt/", {"secretary"}),
    "item edit form": (lambda p, m: f"/punkter/{m.items.first().id}/rediger/", {"secretary"}),
    "closed item edit form": (lambda p, m: f"/punkter/{p.items.get(is_public=False).id}/rediger/", {"secretary"}),
    "decision form": (lambda p, m: f"/punkter/{open_item(p).id}/beslutning/", {"secretary"}),
    "api meeting": (lambda p, m: f"/api/meetings/{p.id}/", set(EVERYONE)),
    "api draft item": (lambda p, m: f"/api/agenda-items/{m.items.first().id}/", MEMBERS),
    "api closed item": (lambda p, m: f"/api/agenda-items/{p.items.get(is_public=False).id}/", MEMBERS),
}


@pytest.mark.parametrize("door", READS)
def test_reading_doors(door, roles, published_meeting, planned_meeting):
    path_for, allowed = READS[door]
    path = path_for(published_meeting, planned_meeting)
    for role in EVERYONE:
        response = client_for(roles[role]).get(path)
        if role in allowed:
            assert response.status_code == 200, (door, role)
        else:
            assert response.status_code in REFUSED, (door, role, response.status_code)


def test_drafts_closed_items_and_internal_attachments_show_only_to_members(roles, published_meeting, planned_meeting):
    for role in EVERYONE:
        draft = client_for(roles[role]).get(f"/moeder/{planned_meeting.id}/").content.decode()
        published = client_for(roles[role]).get(f"/moeder/{published_meeting.id}/").content.decode()
        api = client_for(roles[role]).get(f"/api/meetings/{published_meeting.id}/").content.decode()
        api_items = client_for(roles[role]).get(f"/api/meetings/{published_meeting.id}/items/").content.decode()
        for text in (published, api, api_items):
            assert "Offentligt bilag" in text
            assert ("Lukket sag om en medarbejder" in text) == (role in MEMBERS), role
            assert ("Internt notat" in text) == (role in MEMBERS), role
        # The item on its own lists the same attachments (issue 10: it listed internal ones to everyone).
        item = client_for(roles[role]).get(f"/api/agenda-items/{open_item(published_meeting).id}/").json()
        titles = [attachment["title"] for attachment in item["attachments"]]
        assert titles == (["Offentligt bilag", "Internt notat"] if role in MEMBERS else ["Offentligt bilag"]), role
        oparl = client_for(roles[role]).get(f"/oparl/v1.1/meeting/{published_meeting.id}/").content.decode()
        assert "Offentligt bilag" in oparl and "Internt notat" not in oparl and "Lukket sag" not in oparl, role
        assert ("Punkt 1" in draft) == (role in MEMBERS), role
        assert ("Offentliggør dagsordenen" in draft) == (role == "secretary"), role


def _post(path, data=None, **extra):
    return lambda client: client.post(path, data or {}, **extra)


def writes(published, planned):
    item = planned.items.order_by("order").last()
    published_item = open_item(published)
    internal = published_item.attachments.get(is_internal=True)
    return {
        "create meeting": _post(
            f"/udvalg/{published.committee.slug}/moeder/nyt/", {"start": "2030-01-01T17:00", "place": "Rådhuset"}
        ),
        "edit meeting": _post(f"/moeder/{planned.id}/rediger/", {"start": "2030-01-01T17:00", "place": "Rådhuset"}),
        "add item": _post(
            f"/moeder/{planned.id}/punkter/nyt/",
            {"title": "Nyt", "item_type": "decision", "recommendation": "Godkend.", "description": "Sagen."},
        ),
        "edit item": _post(
            f"/punkter/{item.id}/rediger/",
            {"title": "Ny titel", "item_type": "decision", "recommendation": "Godkend.", "description": "Sagen."},
        ),
        "move item": _post(f"/punkter/{item.id}/flyt/", {"direction": "up"}),
        "remove item": _post(f"/punkter/{item.id}/fjern/"),
        "add attachment": lambda client: client.post(
            f"/punkter/{published_item.id}/bilag/", {"title": "Nyt bilag", "file": pdf_upload()}
        ),
        "remove attachment": _post(f"/bilag/{internal.id}/fjern/"),
        "publish agenda": _post(f"/moeder/{planned.id}/offentliggoer-dagsorden/", {"confirm": "1"}),
        "mark held": _post(f"/moeder/{published.id}/afholdt/", {"confirm": "1"}),
        "api create item": lambda client: client.post(
            f"/api/meetings/{planned.id}/items/",
            {"title": "Nyt", "item_type": "decision", "recommendation": "Godkend.", "description": "Sagen."},
            content_type="application/json",
        ),
        "api edit item": lambda client: client.patch(
            f"/api/agenda-items/{item.id}/", {"title": "Ny titel"}, content_type="application/json"
        ),
        "api delete item": lambda client: client.delete(f"/api/agenda-items/{item.id}/"),
        "api publish agenda": _post(f"/api/meetings/{planned.id}/publish-agenda/"),
        "api create meeting": lambda client: client.post(
            "/api/meetings/",
            {"committee": published.committee.slug, "start": "2030-01-01T17:00:00+01:00", "place": "Rådhuset"},
            content_type="application/json",
        ),
    }


WRITE_DOORS = [
    "create meeting",
    "edit meeting",
    "add item",
    "edit item",
    "move item",
    "remove item",
    "add attachment",
    "remove attachment",
    "publish agenda",
    "mark held",
    "api create item",
    "api edit item",
    "api delete item",
    "api publish agenda",
    "api create meeting",
]


@pytest.mark.parametrize("door", WRITE_DOORS)
def test_writing_doors_open_only_to_the_committees_secretary(door, roles, published_meeting, planned_meeting):
    let_the_meeting_begin(published_meeting)  # so the secretary may mark it held
    knock = writes(published_meeting, planned_meeting)[door]
    before = snapshot()
    for role in [r for r in EVERYONE if r != "secretary"]:
        response = knock(client_for(roles[role]))
        assert response.status_code in REFUSED | {401}, (door, role, response.status_code)
        assert snapshot() == before, (door, role)
    response = knock(client_for(roles["secretary"]))
    assert response.status_code in {200, 201, 204, 302}, (door, response.status_code)
    assert snapshot() != before, door


def test_decision_and_minutes_doors(roles, held_meeting):
    item = open_item(held_meeting)
    for role in [r for r in EVERYONE if r != "secretary"]:
        client = client_for(roles[role])
        assert client.post(f"/punkter/{item.id}/beslutning/", {"decision": "Nej"}).status_code in REFUSED
        assert client.post(f"/api/agenda-items/{item.id}/decision/", {"decision": "Nej"}).status_code in REFUSED | {401}
        assert client.post(f"/moeder/{held_meeting.id}/offentliggoer-referat/", {"confirm": "1"}).status_code in REFUSED
    item.refresh_from_db()
    assert item.decision == ""
    secretary = client_for(roles["secretary"])
    for each in held_meeting.items.all():
        assert secretary.post(f"/punkter/{each.id}/beslutning/", {"decision": "Godkendt."}).status_code == 302
    assert secretary.post(f"/moeder/{held_meeting.id}/offentliggoer-referat/", {"confirm": "1"}).status_code == 302
    held_meeting.refresh_from_db()
    assert held_meeting.status == Meeting.Status.MINUTES_PUBLISHED


def test_api_tokens_work_for_the_secretary(api, secretary, member, planned_meeting):
    response = api(member).post(f"/api/meetings/{planned_meeting.id}/publish-agenda/")
    assert response.status_code == 403
    response = api(secretary).post(f"/api/meetings/{planned_meeting.id}/publish-agenda/")
    assert response.status_code == 200
    assert [item["number"] for item in response.json()["items"]] == [1, 2]
    assert api().get(f"/api/meetings/{planned_meeting.id}/items/").json()[0]["title"] == "Punkt 1"


def test_the_admin_only_reads_meetings_items_and_attachments(published_meeting, django_user_model):
    """An admin edit would skip the services (numbers, stored agenda PDF, OParl tombstones): it is refused."""
    admin = django_user_model.objects.create_superuser("admin@example.dk", None, full_name="Admin")
    client = client_for(admin)
    item = open_item(published_meeting)
    before = snapshot()
    change = f"/admin/committees/agendaitem/{item.id}/change/"
    assert client.get(change).status_code == 200  # to look at
    assert client.post(change, {"title": "Ændret i admin", "is_public": ""}).status_code == 403
    assert client.post(f"/admin/committees/agendaitem/{item.id}/delete/", {"post": "yes"}).status_code == 403
    assert client.post(f"/admin/committees/meeting/{published_meeting.id}/delete/", {"post": "yes"}).status_code == 403
    assert snapshot() == before
