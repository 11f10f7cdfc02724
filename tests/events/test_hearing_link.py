"""An event can belong to a hearing (a borgermøde about a draft): only a published hearing, shown on the event."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from events import services
from hearings import services as hearing_services


@pytest.fixture
def hearing(committee, family, organiser):
    today = timezone.localdate()
    draft = hearing_services.create_hearing(
        actor=organiser,
        committee=committee,
        department=family,
        title="Forslag til ny dialogmodel",
        summary="Kommunen foreslår en ny måde at tale med borgerne på.",
        starts_on=today - timedelta(days=1),
        ends_on=today + timedelta(days=20),
    )
    hearing_services.add_section(actor=organiser, hearing=draft, title="Formål", body="Udkastets tekst.")
    return draft


def test_an_event_links_to_a_published_hearing_and_its_page_says_so(client, make_event, hearing, organiser):
    published = hearing_services.publish_hearing(actor=organiser, hearing=hearing)
    event = make_event(hearing=published)
    page = client.get(f"/arrangementer/{event.id}/").content.decode()
    assert f'href="/hoeringer/{published.id}/"' in page
    assert "Høringen ”Forslag til ny dialogmodel”" in page


def test_an_unpublished_hearing_cannot_be_linked_and_nothing_changes(make_event, event, hearing, organiser):
    with pytest.raises(ValidationError) as refused:
        services.update_event(actor=organiser, event=event, hearing=hearing)
    assert refused.value.message_dict["hearing"] == ["Vælg en offentliggjort høring."]
    event.refresh_from_db()
    assert event.hearing is None
