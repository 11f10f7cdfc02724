"""The secretary's pages: bad input gets a clear answer on the page and changes nothing; the whole flow works
with plain forms (no JavaScript)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from committees.models import AgendaItem, Attachment, Meeting
from tests.committees.conftest import pdf_upload
from tests.meetings import let_the_meeting_begin

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretary_client(client, secretary):
    client.force_login(secretary)
    return client


def test_meeting_form_refuses_dates_in_the_wrong_order(secretary_client, committee):
    response = secretary_client.post(
        f"/udvalg/{committee.slug}/moeder/nyt/",
        {"start": "2030-01-01T17:00", "end": "2030-01-01T16:00", "place": "Rådhuset"},
    )
    assert response.status_code == 400
    assert "Mødet skal slutte efter, at det begynder." in response.content.decode()
    assert 'id="error-summary"' in response.content.decode()
    assert not Meeting.objects.exists()


def test_item_form_refuses_empty_sections(secretary_client, planned_meeting):
    item = planned_meeting.items.first()
    response = secretary_client.post(
        f"/punkter/{item.id}/rediger/",
        {"title": " ", "item_type": "discussion", "recommendation": "", "description": "Sagen."},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert page.count('class="form-error-message"') >= 2
    item.refresh_from_db()
    assert item.title == "Punkt 1"


def test_upload_of_the_wrong_type_is_refused_on_the_page(secretary_client, planned_meeting):
    item = planned_meeting.items.first()
    fake = SimpleUploadedFile("rapport.pdf", b"<html>not a pdf</html>" * 20, content_type="application/pdf")
    response = secretary_client.post(f"/punkter/{item.id}/bilag/", {"title": "Rapport", "file": fake})
    assert response.status_code == 400
    assert "Filen skal være en PDF" in response.content.decode()
    assert not Attachment.objects.exists()


def test_api_refuses_bad_input_with_field_errors(api, secretary, committee, planned_meeting):
    response = api(secretary).post(
        "/api/meetings/",
        {
            "committee": committee.slug,
            "start": "2030-01-01T17:00:00+01:00",
            "end": "2030-01-01T16:00:00+01:00",
            "place": "Rådhuset",
        },
        format="json",
    )
    assert response.status_code == 400 and "end" in response.json()
    item = planned_meeting.items.first()
    response = api(secretary).patch(f"/api/agenda-items/{item.id}/", {"description": "  "}, format="json")
    assert response.status_code == 400 and "description" in response.json()
    fake = SimpleUploadedFile("x.pdf", b"plain text" * 30, content_type="application/pdf")
    response = api(secretary).post(f"/api/agenda-items/{item.id}/attachments/", {"title": "X", "file": fake})
    assert response.status_code == 400 and "file" in response.json()
    assert Meeting.objects.count() == 1 and not Attachment.objects.exists()


def test_the_whole_agenda_flow_with_plain_forms(secretary_client, client, committee):
    response = secretary_client.post(
        f"/udvalg/{committee.slug}/moeder/nyt/", {"start": "2026-01-07T17:00", "place": "lokale 1.D, Kanalstræde 2"}
    )
    meeting = Meeting.objects.get()
    assert response.url == f"/moeder/{meeting.id}/"
    for title in ("Første sag", "Anden sag"):
        response = secretary_client.post(
            f"/moeder/{meeting.id}/punkter/nyt/",
            {
                "title": title,
                "case_number": "13/37262",
                "item_type": "decision",
                "recommendation": "Godkend.",
                "description": "Sagen.\n\n- et\n- to",
                "is_public": "on",
            },
        )
        assert response.status_code == 302
    second = AgendaItem.objects.get(title="Anden sag")
    assert second.procedure == "Demokratieksperimentariet - beslutning"
    secretary_client.post(f"/punkter/{second.id}/flyt/", {"direction": "up"})
    secretary_client.post(f"/punkter/{second.id}/bilag/", {"title": "Notat", "file": pdf_upload()})
    assert secretary_client.post(f"/moeder/{meeting.id}/offentliggoer-dagsorden/", {"confirm": "1"}).status_code == 302
    assert list(meeting.items.order_by("order").values_list("title", "number")) == [
        ("Anden sag", 1),
        ("Første sag", 2),
    ]
    public = client.get(f"/moeder/{meeting.id}/").content.decode()
    assert public.index("Punkt 1: Anden sag") < public.index("Punkt 2: Første sag")
    assert "Notat" in public
    assert secretary_client.post(f"/moeder/{meeting.id}/offentliggoer-referat/", {"confirm": "1"}).status_code == 400
    secretary_client.post(f"/moeder/{meeting.id}/afholdt/", {"confirm": "1"})
    for item in meeting.items.all():
        secretary_client.post(f"/punkter/{item.id}/beslutning/", {"decision": "Udvalget godkendte indstillingen."})
    assert secretary_client.post(f"/moeder/{meeting.id}/offentliggoer-referat/", {"confirm": "1"}).status_code == 302
    public = client.get(f"/moeder/{meeting.id}/").content.decode()
    assert "REFERAT" in public and "BESLUTNING I DEMOKRATIEKSPERIMENTARIET DEN 07-01-2026" in public


def test_pages_speak_english_to_english_readers(client, english_citizen, minutes_meeting):
    client.force_login(english_citizen)
    page = client.get(f"/moeder/{minutes_meeting.id}/").content.decode()
    assert "MINUTES" in page and "RECOMMENDATION" in page and "Description of the case" in page


def test_an_item_is_taken_off_a_published_agenda_until_the_meeting_is_held(secretary_client, published_meeting):
    item = published_meeting.items.get(is_public=True)
    page = secretary_client.get(f"/moeder/{published_meeting.id}/").content.decode()
    assert f"/punkter/{item.id}/fjern/" in page
    response = secretary_client.post(f"/punkter/{item.id}/fjern/")
    assert response.status_code == 302 and not AgendaItem.objects.filter(id=item.id).exists()
    let_the_meeting_begin(published_meeting)
    secretary_client.post(f"/moeder/{published_meeting.id}/afholdt/", {"confirm": "1"})
    other = published_meeting.items.get()
    held_page = secretary_client.get(f"/moeder/{published_meeting.id}/").content.decode()
    assert f"/punkter/{other.id}/fjern/" not in held_page
    response = secretary_client.post(f"/punkter/{other.id}/fjern/")
    assert response.status_code == 400 and "punkter kan ikke længere fjernes" in response.content.decode()
    assert AgendaItem.objects.filter(id=other.id).exists()


@pytest.mark.parametrize(
    ("fixture", "address", "question"),
    [
        ("planned_meeting", "offentliggoer-dagsorden", "Vil du offentliggøre dagsordenen?"),
        ("published_meeting", "afholdt", "Er mødet afholdt?"),
        ("held_meeting", "offentliggoer-referat", "Vil du offentliggøre referatet?"),
    ],
)
def test_each_step_that_cannot_be_undone_is_asked_on_a_page_of_its_own_first(
    request, secretary_client, fixture, address, question
):
    meeting = request.getfixturevalue(fixture)
    status = meeting.status
    asked = secretary_client.post(f"/moeder/{meeting.id}/{address}/")
    page = asked.content.decode()
    assert asked.status_code == 200
    assert f"<h1>{question}</h1>" in page and "Det kan ikke fortrydes." in page
    assert 'name="confirm" value="1"' in page and f'href="/moeder/{meeting.id}/"' in page  # yes, or back
    meeting.refresh_from_db()
    assert meeting.status == status  # asking changed nothing


def test_a_meeting_that_has_not_begun_cannot_be_marked_held(secretary_client, published_meeting):
    answer = secretary_client.post(f"/moeder/{published_meeting.id}/afholdt/", {"confirm": "1"})
    assert answer.status_code == 400
    assert "Det kan markeres som afholdt, når det er begyndt." in answer.content.decode()
    published_meeting.refresh_from_db()
    assert published_meeting.status == Meeting.Status.AGENDA_PUBLISHED
    let_the_meeting_begin(published_meeting)
    assert secretary_client.post(f"/moeder/{published_meeting.id}/afholdt/", {"confirm": "1"}).status_code == 302
