"""The calendar files (RFC 5545) parsed back with `icalendar`: one per event, and the feed of public events."""

from datetime import UTC, datetime

import pytest
from icalendar import Calendar

from events import services

pytestmark = pytest.mark.django_db


def parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_an_event_as_its_own_calendar_file(client, make_event, organiser, family, settings):
    family.email = "familiecentret@holbaek.example.dk"
    family.save()
    event = make_event(
        title="Velfærd og samskabelse",
        kind="folkemode",
        starts_at=datetime(2030, 6, 13, 12, 0, tzinfo=UTC),
        ends_at=datetime(2030, 6, 13, 13, 0, tzinfo=UTC),
        address="Mandag Morgens telt, Allinge",
        online_url="https://example.dk/live",
        registration_opens_at=None,
        registration_closes_at=None,
        capacity=None,
    )

    calendar = parse(client.get(f"/events/{event.id}.ics"))

    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    (component,) = calendar.walk("VEVENT")
    assert str(component["SUMMARY"]) == "Velfærd og samskabelse"
    assert component.decoded("DTSTART") == datetime(2030, 6, 13, 12, 0, tzinfo=UTC)
    assert component.decoded("DTEND") == datetime(2030, 6, 13, 13, 0, tzinfo=UTC)
    assert str(component["LOCATION"]) == "Mandag Morgens telt, Allinge, https://example.dk/live"
    assert str(component["UID"]) == f"event-{event.id}@127.0.0.1" or str(component["UID"]).startswith(
        f"event-{event.id}@"
    )
    assert str(component["URL"]).endswith(f"/arrangementer/{event.id}/")
    assert "dialogmodellen" in str(component["DESCRIPTION"])
    assert str(component["ORGANIZER"]) == "mailto:familiecentret@holbaek.example.dk"
    assert component["ORGANIZER"].params["CN"] == "Familiecentret"
    assert "DTSTAMP" in component


def test_the_uid_stays_when_the_event_changes(client, event, organiser):
    before = parse(client.get(f"/events/{event.id}.ics")).walk("VEVENT")[0]
    services.update_event(actor=organiser, event=event, title="Borgermøde om dialogmodellen – flyttet")
    after = parse(client.get(f"/events/{event.id}.ics")).walk("VEVENT")[0]
    assert str(after["UID"]) == str(before["UID"])
    assert str(after["SUMMARY"]) == "Borgermøde om dialogmodellen – flyttet"
    assert after.decoded("LAST-MODIFIED") >= before.decoded("LAST-MODIFIED")


def test_the_feed_holds_every_public_event_and_no_draft(client, make_event):
    published = [make_event(title="Borgermøde"), make_event(title="Workshop", kind="workshop")]
    make_event(title="Kladde", is_published=False)

    calendar = parse(client.get("/events/feed.ics"))

    components = calendar.walk("VEVENT")
    assert sorted(str(c["SUMMARY"]) for c in components) == ["Borgermøde", "Workshop"]
    assert sorted(str(c["UID"]) for c in components) == sorted(
        f"event-{e.id}@{str(components[0]['UID']).split('@')[1]}" for e in published
    )
    assert "arrangementer" in str(calendar["X-WR-CALNAME"])
