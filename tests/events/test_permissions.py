"""Who may see and do what, on every door: the pages, the API, the calendar files and the services.

404 for what a role may not know: an unpublished event (for all but its organising staff), the staff pages of
a public event, and the internal planning."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from accounts.models import PersonalDataAccess
from events import services
from events.models import Participant
from tests.events.conftest import shift

pytestmark = pytest.mark.django_db

STAFF_PAGES = ["events:edit", "events:attendance", "events:report"]


@pytest.fixture
def draft(make_event):
    return make_event(title="Workshop under forberedelse", is_published=False)


@pytest.fixture
def planned(event, organiser, secretary):
    services.add_participant(actor=organiser, event=event, user=secretary, role=Participant.Role.COUNCILLOR)
    return event


def page_status(client, user, name: str, event_id: int) -> int:
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(reverse(name, args=[event_id])).status_code


def test_the_public_reads_published_events_but_not_drafts(client, api, event, draft):
    assert client.get(reverse("events:detail", args=[event.id])).status_code == 200
    assert client.get(reverse("events:detail", args=[draft.id])).status_code == 404
    listed = [item["id"] for item in api().get("/api/events/").json()["results"]]
    assert listed == [event.id]
    assert api().get(f"/api/events/{event.id}/").status_code == 200
    assert api().get(f"/api/events/{draft.id}/").status_code == 404
    assert client.get(f"/events/{draft.id}.ics").status_code == 404
    assert "Workshop under forberedelse" not in client.get("/events/feed.ics").content.decode()
    assert "Workshop under forberedelse" not in client.get(reverse("events:list")).content.decode()


@pytest.mark.parametrize("who", ["anonymous", "citizen", "other_caseworker", "secretary"])
def test_a_draft_is_404_for_everyone_but_its_organisers(client, api, draft, who, request):
    user = None if who == "anonymous" else request.getfixturevalue(who)
    assert page_status(client, user, "events:detail", draft.id) == 404
    if user is not None:
        assert api(user).get(f"/api/events/{draft.id}/").status_code == 404
        assert api(user).post(f"/api/events/{draft.id}/registration/").status_code == 404


@pytest.mark.parametrize("who", ["organiser", "administrator"])
def test_organisers_and_administrators_see_a_draft_and_its_staff_pages(client, draft, who, request):
    user = request.getfixturevalue(who)
    assert page_status(client, user, "events:detail", draft.id) == 200
    for name in STAFF_PAGES:
        assert page_status(client, user, name, draft.id) == 200, name
    assert page_status(client, user, "events:planning", draft.id) == 200


@pytest.mark.parametrize("who", ["anonymous", "citizen", "other_caseworker", "secretary"])
def test_the_staff_pages_of_a_public_event_are_404_for_others(client, event, who, request):
    user = None if who == "anonymous" else request.getfixturevalue(who)
    for name in STAFF_PAGES:
        status = page_status(client, user, name, event.id)
        assert status == (302 if user is None else 404), name


def test_the_planning_is_seen_by_its_organisers_and_the_planned_only(
    client, api, planned, organiser, secretary, citizen, other_caseworker
):
    assert page_status(client, organiser, "events:planning", planned.id) == 200
    page = client.get(reverse("events:planning", args=[planned.id])).content.decode()
    assert "Karen Munk" in page and "Tilføj en deltager" in page
    assert page_status(client, secretary, "events:planning", planned.id) == 200
    assert "Tilføj en deltager" not in client.get(reverse("events:planning", args=[planned.id])).content.decode()
    assert client.post(reverse("events:planning", args=[planned.id]), {"user": secretary.id}).status_code == 404
    for user in (citizen, other_caseworker):
        assert page_status(client, user, "events:planning", planned.id) == 404
    # Never on a public door: the page, the API and the calendar files do not name the planned.
    client.logout()
    for body in (
        client.get(reverse("events:detail", args=[planned.id])).content.decode(),
        api().get(f"/api/events/{planned.id}/").content.decode(),
        client.get(f"/events/{planned.id}.ics").content.decode(),
        client.get("/events/feed.ics").content.decode(),
    ):
        assert "Karen Munk" not in body


def test_services_refuse_what_the_role_may_not_do(event, draft, citizen, other_caseworker, family, secretary):
    with pytest.raises(PermissionDenied):
        services.create_event(actor=citizen, department=family, title="X", kind="debate")
    with pytest.raises(PermissionDenied):
        services.create_event(actor=other_caseworker, department=family, title="X", kind="debate")
    with pytest.raises(PermissionDenied):
        services.update_event(actor=other_caseworker, event=event, title="Overtaget")
    with pytest.raises(PermissionDenied):
        services.register(user=citizen, event=draft)
    with pytest.raises(PermissionDenied):
        services.mark_attendance(actor=citizen, event=event, code="ABCDEF")
    with pytest.raises(PermissionDenied):
        services.write_report(actor=other_caseworker, event=event, report="Noter")
    with pytest.raises(PermissionDenied):
        services.add_participant(actor=citizen, event=event, user=secretary, role="councillor")
    event.refresh_from_db()
    assert event.title == "Borgermøde om den nye dialogmodel"


def test_a_citizen_registers_and_cancels_herself_through_the_api(api, event, citizen):
    assert api().post(f"/api/events/{event.id}/registration/").status_code in (401, 403)
    created = api(citizen).post(f"/api/events/{event.id}/registration/")
    assert created.status_code == 201
    assert created.json()["status"] == "confirmed" and len(created.json()["code"]) == 6
    assert api(citizen).get(f"/api/events/{event.id}/registration/").json()["code"] == created.json()["code"]
    assert api(citizen).get(f"/api/events/{event.id}/").json()["seats_left"] == 1
    cancelled = api(citizen).delete(f"/api/events/{event.id}/registration/")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    assert api(citizen).get(f"/api/events/{event.id}/registration/").status_code == 404


def test_the_pages_register_and_cancel_without_javascript(client, event, citizen):
    assert client.post(reverse("events:register", args=[event.id])).status_code == 302  # to the login
    client.force_login(citizen)
    page = client.post(reverse("events:register", args=[event.id]), follow=True).content.decode()
    code = event.registrations.get(user=citizen).code
    assert code in page and "Afmeld mig" in page
    mine = client.get(reverse("events:mine")).content.decode()
    assert event.title in mine and code in mine
    page = client.post(reverse("events:cancel", args=[event.id]), {"next": "mine"}, follow=True).content.decode()
    assert "Du er afmeldt." in page
    assert event.registrations.get(user=citizen).status == "cancelled"


def test_the_attendance_list_logs_each_read_of_a_citizens_registration(client, event, organiser, citizen):
    services.register(user=citizen, event=event)
    shift(event, days=-10)
    client.force_login(organiser)
    page = client.get(reverse("events:attendance", args=[event.id])).content.decode()
    assert citizen.full_name in page
    assert PersonalDataAccess.objects.filter(viewer=organiser, subject=citizen).count() == 1
    code = event.registrations.get().code
    client.post(reverse("events:attendance", args=[event.id]), {"code": code.lower()})
    assert event.registrations.get().attended_at is not None


def test_the_report_is_on_the_public_page_after_the_event(client, make_event, organiser):
    event = shift(make_event(), days=-20)
    client.force_login(organiser)
    response = client.post(reverse("events:report", args=[event.id]), {"report": "Vi talte om **bænke**."})
    assert response.status_code == 302
    client.logout()
    page = client.get(reverse("events:detail", args=[event.id])).content.decode()
    assert "<strong>bænke</strong>" in page


def test_staff_create_an_event_on_the_page_for_their_own_department_only(client, organiser, family, nature):
    client.force_login(organiser)
    form = client.get(reverse("events:create")).content.decode()
    assert "Familiecentret" in form and "Natur- og Miljøafdelingen" not in form
    response = client.post(
        reverse("events:create"),
        {
            "title": "Workshop om samskabelse",
            "kind": "workshop",
            "department": family.id,
            "starts_at": "2030-05-01T17:00",
            "ends_at": "2030-05-01T19:00",
            "address": "Kanalstræde 2, 4300 Holbæk",
            "partners": "Frivilligcenter Holbæk\nFælles-skaberne",
            "capacity": "30",
            "registration_opens_at": "2030-04-01T08:00",
            "registration_closes_at": "2030-04-30T12:00",
            "is_published": "on",
        },
    )
    assert response.status_code == 302
    event = family.events.get()
    assert list(event.contributors.values_list("name", flat=True)) == ["Frivilligcenter Holbæk", "Fælles-skaberne"]
    assert event.starts_at.isoformat() == "2030-05-01T15:00:00+00:00"  # 17:00 Danish summer time
    assert client.post(reverse("events:create"), {"department": nature.id}).status_code == 400


def test_the_home_page_and_the_menu_lead_to_the_events(client):
    page = client.get("/").content.decode()
    menu, main = page.split('<main id="main"', 1)
    link = f'href="{reverse("events:list")}"'
    assert link in menu and link in main
