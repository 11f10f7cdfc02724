"""The events as iCalendar (RFC 5545), written with the `icalendar` package: one file per event, and a feed.

Times are written in UTC (the `Z` form), so no VTIMEZONE is needed and every calendar shows them in its own
zone. A UID stays the same for an event forever, so a calendar that imports the file again, or follows the
feed, updates the event instead of adding a second one; LAST-MODIFIED says when it changed.
"""

from collections.abc import Iterable
from datetime import UTC
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar, vCalAddress, vText
from icalendar import Event as CalendarEvent

from events.models import Event
from notifications.services import absolute_url

PRODUCT_ID = "-//Borgerdialog//Arrangementer//DA"


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def uid(event: Event) -> str:
    return f"event-{event.id}@{urlsplit(settings.SITE_URL).hostname or 'borgerdialog'}"


def _component(event: Event) -> CalendarEvent:
    url = absolute_url(event.get_absolute_url())
    component = CalendarEvent()
    component.add("uid", uid(event))
    component.add("dtstamp", event.updated_at.astimezone(UTC))
    component.add("last-modified", event.updated_at.astimezone(UTC))
    component.add("dtstart", event.starts_at.astimezone(UTC))
    component.add("dtend", event.ends_at.astimezone(UTC))
    component.add("summary", event.title)
    component.add("description", "\n\n".join(part for part in (event.description, url) if part))
    component.add("location", ", ".join(part for part in (event.address, event.online_url) if part))
    component.add("url", url)
    component.add("categories", [str(event.get_kind_display())])
    component.add("status", "CONFIRMED")
    if event.department.email:
        organiser = vCalAddress(f"mailto:{event.department.email}")
        organiser.params["cn"] = vText(event.organiser_name)
        component.add("organizer", organiser)
    return component


def event_calendar(event: Event) -> bytes:
    calendar = _calendar(event.title)
    calendar.add_component(_component(event))
    return calendar.to_ical()


def feed_calendar(events: Iterable[Event]) -> bytes:
    calendar = _calendar(_("%(municipality)s: arrangementer") % {"municipality": settings.MUNICIPALITY_NAME})
    for event in events:
        calendar.add_component(_component(event))
    return calendar.to_ical()
