"""The report after an event links the answers to the event's hearing made there, beside its ideas: only
published ones (never a sensitive or hidden answer, nor another hearing's), only answers the writer may read,
and on the event's page only once the hearing makes them public."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from events import services
from events.models import Event
from hearings import services as hearing_services
from hearings.models import Hearing
from tests.conftest import make_user
from tests.events.conftest import shift


def publish(organiser, committee, family, title: str, **fields) -> Hearing:
    today = timezone.localdate()
    hearing = hearing_services.create_hearing(
        actor=organiser,
        committee=committee,
        department=family,
        title=title,
        summary="Kommunen foreslår en ny måde at tale med borgerne på.",
        starts_on=today - timedelta(days=1),
        ends_on=today + timedelta(days=20),
        **fields,
    )
    hearing_services.add_section(actor=organiser, hearing=hearing, title="Tidlig kontakt", body="Udkastets tekst.")
    return hearing_services.publish_hearing(actor=organiser, hearing=hearing)


def deadline_passes(hearing: Hearing) -> None:
    today = timezone.localdate()
    Hearing.objects.filter(id=hearing.id).update(
        starts_on=today - timedelta(days=20), ends_on=today - timedelta(days=1)
    )


@pytest.fixture
def setting(organiser, moderator, committee, family, citizen, other_citizen, make_event):
    """A borgermøde about an open hearing, held; answers given there: a citizen's on section 1, a sensitive
    one, one a moderator hid; and an answer to another hearing."""
    hearing = publish(organiser, committee, family, "Forslag til ny dialogmodel")
    other = publish(organiser, committee, family, "Forslag til ny parkeringspolitik")
    section = hearing.sections.get()
    answer = lambda author, **fields: hearing_services.answer_hearing(author=author, **fields)  # noqa: E731
    mine = answer(citizen, hearing=hearing, section=section, body="Ring til borgeren, før I skriver.")
    sensitive = answer(other_citizen, hearing=hearing, body="Om min sygdom.", contains_sensitive=True)
    hidden = answer(make_user("tredje@example.dk", "Tredje Borger"), hearing=hearing, body="Noget grimt her.")
    hearing_services.hide_answer(actor=moderator, answer=hidden, reason="Personangreb i svaret.")
    elsewhere = answer(other_citizen, hearing=other, body="Parkering er for dyr.")
    event = shift(make_event(hearing=hearing), days=-20)
    return {"hearing": hearing, "event": event, "mine": mine, "sensitive": sensitive, "hidden": hidden,
            "elsewhere": elsewhere}  # fmt: skip


def test_the_report_links_an_answer_and_the_page_shows_it_once_the_hearing_makes_it_public(
    client, api, organiser, citizen, setting
):
    event, mine = setting["event"], setting["mine"]
    services.write_report(actor=organiser, event=event, report="30 kom.", answer_ids=[mine.id])
    assert list(Event.objects.get(id=event.id).report_answers.all()) == [mine]
    page = client.get(reverse("events:detail", args=[event.id])).content.decode()
    assert "Ring til borgeren" not in page, "the hearing is open: its answers are not public yet"
    assert api().get(f"/api/events/{event.id}/").json()["report_answers"] == []

    deadline_passes(setting["hearing"])
    page = client.get(reverse("events:detail", args=[event.id])).content.decode()
    assert "Høringssvar fra arrangementet" in page and "Ring til borgeren, før I skriver." in page
    assert citizen.full_name in page and "Afsnit 1" in page
    assert f'href="/hoeringer/{setting["hearing"].id}/"' in page
    data = api().get(f"/api/events/{event.id}/").json()
    assert data["report_answers"] == [mine.id] and data["hearing"] == setting["hearing"].id


def test_an_answer_hidden_after_the_report_leaves_the_page(client, organiser, moderator, setting):
    event, mine = setting["event"], setting["mine"]
    deadline_passes(setting["hearing"])
    services.write_report(actor=organiser, event=event, report="30 kom.", answer_ids=[mine.id])
    hearing_services.hide_answer(actor=moderator, answer=mine, reason="Skjult efter en klage.")
    page = client.get(reverse("events:detail", args=[event.id])).content.decode()
    assert "Ring til borgeren" not in page and "Høringssvar fra arrangementet" not in page


@pytest.mark.parametrize("which", ["sensitive", "hidden", "elsewhere"])
def test_a_sensitive_hidden_or_other_hearings_answer_is_refused_and_nothing_changes(organiser, setting, which):
    event = setting["event"]
    services.write_report(actor=organiser, event=event, report="Først.", answer_ids=[setting["mine"].id])
    with pytest.raises(ValidationError) as refused:
        services.write_report(actor=organiser, event=event, report="Igen.", answer_ids=[setting[which].id])
    assert refused.value.message_dict["answers"] == ["Vælg kun offentliggjorte høringssvar til arrangementets høring."]
    event.refresh_from_db()
    assert event.report == "Først." and list(event.report_answers.all()) == [setting["mine"]]


def test_an_event_without_a_hearing_links_no_answers(organiser, make_event, setting):
    event = shift(make_event(), days=-20)
    with pytest.raises(ValidationError) as refused:
        services.write_report(actor=organiser, event=event, report="Noter.", answer_ids=[setting["mine"].id])
    assert "answers" in refused.value.message_dict


def test_staff_who_may_not_read_the_answers_yet_cannot_link_them(other_caseworker, nature, setting, make_event):
    """The event of another department about the same hearing: before the deadline its staff read no answers."""
    event = services.create_event(
        actor=other_caseworker,
        department=nature,
        title="Dialogmøde i Natur og Miljø",
        kind=Event.Kind.WORKSHOP,
        starts_at=timezone.now() + timedelta(days=3),
        ends_at=timezone.now() + timedelta(days=3, hours=1),
        address="Holbæk Bibliotek",
        hearing=setting["hearing"],
        is_published=True,
    )
    event = shift(event, days=-10)
    with pytest.raises(ValidationError):
        services.write_report(actor=other_caseworker, event=event, report="Noter.", answer_ids=[setting["mine"].id])
    deadline_passes(setting["hearing"])  # now everyone may read it, so may she
    services.write_report(actor=other_caseworker, event=event, report="Noter.", answer_ids=[setting["mine"].id])


def test_the_report_page_offers_the_published_answers_and_links_the_chosen(client, organiser, setting):
    event, mine = setting["event"], setting["mine"]
    client.force_login(organiser)
    form = client.get(reverse("events:report", args=[event.id])).content.decode()
    assert "Høringssvar fra arrangementet" in form and "Ring til borgeren" in form and "(afsnit 1)" in form
    assert "Om min sygdom" not in form and "Noget grimt" not in form and "Parkering" not in form
    response = client.post(reverse("events:report", args=[event.id]), {"report": "30 kom.", "answers": [mine.id]})
    assert response.status_code == 302
    assert list(Event.objects.get(id=event.id).report_answers.all()) == [mine]
    bad = client.post(
        reverse("events:report", args=[event.id]), {"report": "Igen.", "answers": [setting["sensitive"].id]}
    )
    assert bad.status_code == 400 and "gyldig valgmulighed" in bad.content.decode()
