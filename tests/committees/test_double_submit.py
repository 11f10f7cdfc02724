"""The secretary's creating doors sent twice (the form's hidden key, the API's Idempotency-Key) make one meeting, one
agenda item, one Bilag and place a proposal once — the second gets the first's page or answer, never "already on
an agenda" or a 500."""

import re

import pytest
from django.urls import reverse

from committees.models import AgendaItem, Attachment, Meeting
from tests.committees.conftest import pdf_upload
from tests.committees.test_proposals import board, idea  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

KEY = re.compile(r'name="idempotency_key" value="([0-9a-f]{32})"')
ITEM = {
    "title": "Første sag",
    "case_number": "13/37262",
    "item_type": "decision",
    "recommendation": "Godkend.",
    "description": "Sagen.",
    "is_public": "on",
}


def hidden_key(html: str) -> str:
    return KEY.search(html).group(1)


def test_the_meeting_item_and_bilag_forms_sent_twice_make_one_each(client, secretary, committee):
    client.force_login(secretary)
    url = reverse("committees:meeting-create", args=[committee.slug])
    form = {
        "start": "2030-01-07T17:00",
        "place": "lokale 1.D",
        "idempotency_key": hidden_key(client.get(url).content.decode()),
    }
    first, second = client.post(url, form), client.post(url, form)
    assert first.status_code == second.status_code == 302 and first["Location"] == second["Location"]
    meeting = Meeting.objects.get()

    url = reverse("committees:item-create", args=[meeting.id])
    form = {**ITEM, "idempotency_key": hidden_key(client.get(url).content.decode())}
    first, second = client.post(url, form), client.post(url, form)
    assert first.status_code == second.status_code == 302 and first["Location"] == second["Location"]
    item = AgendaItem.objects.get()

    keys = KEY.findall(client.get(first["Location"]).content.decode())  # the item's form, then the Bilag's
    for _ in range(2):
        form = {"title": "Notat", "file": pdf_upload(), "idempotency_key": keys[1]}
        assert client.post(reverse("committees:attachment-add", args=[item.id]), form).status_code == 302
    assert Attachment.objects.filter(item=item).count() == 1


def test_placing_a_proposal_twice_places_it_once_on_the_page_and_the_api(client, api, idea, planned_meeting, secretary):  # noqa: F811
    slug = planned_meeting.committee.slug
    client.force_login(secretary)
    key = hidden_key(client.get(f"/udvalg/{slug}/forslag/").content.decode())
    data = {"kind": "idea", "object_id": idea.id, "meeting": planned_meeting.id, "idempotency_key": key}
    first = client.post(f"/udvalg/{slug}/forslag/placer/", data)
    second = client.post(f"/udvalg/{slug}/forslag/placer/", data)
    assert first.status_code == second.status_code == 302 and first["Location"] == second["Location"]
    assert AgendaItem.objects.filter(sources__object_id=idea.id).count() == 1
    # The API with its own key, for the same (placed) proposal: the service's refusal (400), as before.
    payload = {"kind": "idea", "object_id": idea.id}
    url = f"/api/meetings/{planned_meeting.id}/proposals/"
    assert api(secretary).post(url, payload, HTTP_IDEMPOTENCY_KEY="p-1").status_code == 400


def test_the_api_makes_one_meeting_one_item_and_one_bilag_per_key(api, secretary, committee, planned_meeting):
    client = api(secretary)
    body = {"committee": committee.slug, "start": "2030-01-01T17:00:00+01:00", "place": "Rådhuset"}
    sent = [client.post("/api/meetings/", body, format="json", HTTP_IDEMPOTENCY_KEY="m-1") for _ in range(2)]
    assert [response.status_code for response in sent] == [201, 201]
    assert sent[0].json() == sent[1].json()
    assert Meeting.objects.count() == 2  # planned_meeting and this one
    items_url = f"/api/meetings/{planned_meeting.id}/items/"
    body = {"title": "Ny sag", "item_type": "discussion", "recommendation": "Drøft.", "description": "Sagen."}
    sent = [client.post(items_url, body, format="json", HTTP_IDEMPOTENCY_KEY="i-1") for _ in range(2)]
    assert [response.status_code for response in sent] == [201, 201]
    assert sent[0].json()["id"] == sent[1].json()["id"]
    assert planned_meeting.items.filter(title="Ny sag").count() == 1
    item_id = sent[0].json()["id"]
    sent = [
        client.post(
            f"/api/agenda-items/{item_id}/attachments/",
            {"title": "Notat", "file": pdf_upload()},
            HTTP_IDEMPOTENCY_KEY="b-1",
        )
        for _ in range(2)
    ]
    assert [response.status_code for response in sent] == [201, 201]
    assert Attachment.objects.filter(item_id=item_id).count() == 1


def test_a_warning_overridden_twice_is_overridden_once(client, secretary, planned_meeting):
    from committees import services
    from committees.models import WarningOverride

    item = planned_meeting.items.first()
    services.update_item(actor=secretary, item=item, description="Kontonummer 150585 4321 i kommunens bank.")
    client.force_login(secretary)
    page = client.get(reverse("committees:meeting", args=[planned_meeting.id])).content.decode()
    url = reverse("committees:item-override-warning", args=[item.id])
    form = {
        "code": "cpr-number",
        "reason": "Et kontonummer, ikke CPR.",
        "idempotency_key": hidden_key(page.split(url, 1)[1]),
    }
    for _ in range(2):
        response = client.post(url, form)
        assert response.status_code == 302
    assert WarningOverride.objects.filter(item=item).count() == 1
