"""Journey 2 of issue 9: after sending, the citizen adds information (text and files) and may withdraw her
complaint; both go on the timeline, and her caseworker hears at once (a notice and a live push on the real
channel layer). Withdrawing is confirmed on a page of its own."""

import asyncio

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from complaints import services
from complaints.models import ComplaintEvent, ContactTask
from notifications.models import Notice
from notifications.services import user_group_name
from tests.files import PDF

pytestmark = pytest.mark.django_db


def pdf(name="laegeerklaering.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def live_events(user, action) -> list[dict]:
    """What `user`'s open pages are told while `action` runs and commits."""
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(user_group_name(user.id), channel)
    action()
    events = []

    async def drain():
        while True:
            try:
                message = await asyncio.wait_for(layer.receive(channel), 2)
            except TimeoutError:
                return
            events.append(message["event"])

    async_to_sync(drain)()
    return events


def test_the_citizen_adds_text_and_files_and_her_caseworker_hears_at_once(
    client, citizen, caseworker, routed_complaint, django_capture_on_commit_callbacks
):
    client.force_login(citizen)
    url = reverse("complaints:add-information", args=[routed_complaint.id])
    assert client.get(url).status_code == 200

    def add():
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, {"text": "Jeg har fået en ny lægeerklæring.", "documents": [pdf()]})
        assert response.status_code == 302

    events = live_events(caseworker, add)
    assert {"kind": "complaint", "complaint_id": routed_complaint.id} in events
    event = routed_complaint.events.get(kind=ComplaintEvent.Kind.INFO_ADDED)
    assert event.note == "Jeg har fået en ny lægeerklæring." and event.actor == citizen
    assert [a.file_name for a in event.attachments.all()] == ["laegeerklaering.pdf"]
    assert Notice.objects.filter(user=caseworker, url=reverse("complaints:detail", args=[routed_complaint.id])).exists()
    page = client.get(reverse("complaints:detail", args=[routed_complaint.id])).content.decode()
    assert "Jeg har fået en ny lægeerklæring." in page and "laegeerklaering.pdf" in page
    client.force_login(caseworker)
    staff_page = client.get(reverse("complaints:detail", args=[routed_complaint.id])).content.decode()
    assert "Der er kommet flere oplysninger til klagen" in staff_page


@pytest.mark.parametrize(
    ("posted", "message"),
    [({"text": ""}, "Skriv, hvad du vil tilføje"), ({"text": "x" * 4001}, "højst have 4000 tegn")],
)
def test_adding_nothing_or_too_much_is_refused_in_danish(client, citizen, routed_complaint, posted, message):
    client.force_login(citizen)
    response = client.post(reverse("complaints:add-information", args=[routed_complaint.id]), posted)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not routed_complaint.events.filter(kind=ComplaintEvent.Kind.INFO_ADDED).exists()


def test_a_bad_file_is_refused_and_nothing_is_added(citizen, routed_complaint):
    bad = SimpleUploadedFile("x.pdf", b"ikke en pdf", content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        services.add_complaint_information(actor=citizen, complaint=routed_complaint, text="Se filen", documents=[bad])
    assert "documents" in error.value.message_dict
    assert not routed_complaint.events.filter(kind=ComplaintEvent.Kind.INFO_ADDED).exists()


def test_only_the_citizen_or_her_representative_adds_or_withdraws(client, other_citizen, caseworker, routed_complaint):
    for person in (other_citizen, caseworker):
        client.force_login(person)
        for name in ("complaints:add-information", "complaints:withdraw"):
            assert client.get(reverse(name, args=[routed_complaint.id])).status_code in (403, 404)
    with pytest.raises(PermissionDenied):
        services.add_complaint_information(actor=caseworker, complaint=routed_complaint, text="Hej")
    with pytest.raises(PermissionDenied):
        services.withdraw_complaint(actor=caseworker, complaint=routed_complaint)


def test_withdrawing_is_confirmed_on_its_own_page_then_closes_without_a_survey(
    client, citizen, caseworker, routed_complaint, django_capture_on_commit_callbacks, outbox
):
    client.force_login(citizen)
    detail = reverse("complaints:detail", args=[routed_complaint.id])
    assert reverse("complaints:withdraw", args=[routed_complaint.id]) in client.get(detail).content.decode()
    page = client.get(reverse("complaints:withdraw", args=[routed_complaint.id])).content.decode()
    assert "Det kan ikke fortrydes" in page and "Ja, træk klagen tilbage" in page
    routed_complaint.refresh_from_db()
    assert routed_complaint.status != "closed"  # looking at the page changes nothing

    def withdraw():
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("complaints:withdraw", args=[routed_complaint.id]), {"reason": "Vi har fundet en løsning."}
            )
        assert response["Location"] == detail

    events = live_events(caseworker, withdraw)
    assert {"kind": "complaint", "complaint_id": routed_complaint.id} in events
    routed_complaint.refresh_from_db()
    assert (routed_complaint.status, routed_complaint.outcome) == ("closed", "withdrawn")
    assert not routed_complaint.tasks.filter(status=ContactTask.Status.OPEN).exists()
    assert not routed_complaint.tasks.filter(kind=ContactTask.Kind.FOLLOW_UP).exists()
    assert routed_complaint.events.get(kind=ComplaintEvent.Kind.WITHDRAWN).note == "Vi har fundet en løsning."
    assert Notice.objects.filter(user=caseworker, title__contains="trukket tilbage").exists()
    # Closed: no more adding, no second withdrawal.
    assert client.get(reverse("complaints:withdraw", args=[routed_complaint.id])).status_code == 403
    assert client.get(reverse("complaints:add-information", args=[routed_complaint.id])).status_code == 403
    with pytest.raises(PermissionDenied):
        services.withdraw_complaint(actor=citizen, complaint=routed_complaint)


def test_the_api_shows_the_new_events(api, citizen, routed_complaint):
    services.add_complaint_information(actor=citizen, complaint=routed_complaint, text="Mere")
    body = api(citizen).get(f"/api/complaints/{routed_complaint.id}/").json()
    assert "info_added" in [event["kind"] for event in body["events"]]
