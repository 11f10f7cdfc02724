"""The secretary's writes on the meeting pages say what happened (a success message on the page they lead to);
a create sent twice with the form's key hears the same the second time."""

import pytest
from django.urls import reverse

from committees.models import AgendaItem, Meeting
from tests.idempotency_keys import hidden_key
from tests.success_messages import assert_told

pytestmark = pytest.mark.django_db

ITEM = {
    "title": "Første sag",
    "case_number": "13/37262",
    "item_type": "decision",
    "recommendation": "Godkend.",
    "description": "Sagen.",
    "is_public": "on",
}


def test_a_meeting_and_an_item_created_and_sent_again(client, secretary, committee):
    client.force_login(secretary)
    url = reverse("committees:meeting-create", args=[committee.slug])
    form = {"start": "2030-01-07T17:00", "place": "lokale 1.D", "idempotency_key": hidden_key(client.get(url).text)}
    for _ in range(2):
        assert_told(client.post(url, form, follow=True), "Mødet er oprettet. Sæt nu punkter på dagsordenen.")
    meeting = Meeting.objects.get()
    url = reverse("committees:item-create", args=[meeting.id])
    form = {**ITEM, "idempotency_key": hidden_key(client.get(url).text)}
    for _ in range(2):
        told = "Punktet er tilføjet dagsordenen. Du kan tilføje bilag herunder."
        assert_told(client.post(url, form, follow=True), told)
    assert AgendaItem.objects.count() == 1


def test_a_meeting_and_an_item_edited_and_moved(client, secretary, planned_meeting):
    client.force_login(secretary)
    url = reverse("committees:meeting-edit", args=[planned_meeting.id])
    assert_told(client.post(url, {"start": "2030-01-08T17:00", "place": "lokale 2"}, follow=True), "Mødet er gemt.")
    first = planned_meeting.items.order_by("order").first()
    url = reverse("committees:item-edit", args=[first.id])
    assert_told(client.post(url, {**ITEM, "title": "Rettet titel"}, follow=True), "Punktet er gemt.")
    url = reverse("committees:item-move", args=[first.id])
    assert_told(client.post(url, {"direction": "down"}, follow=True), "Punktet er flyttet ned.")
    assert_told(client.post(url, {"direction": "up"}, follow=True), "Punktet er flyttet op.")


def test_a_decision(client, secretary, held_meeting):
    client.force_login(secretary)
    item = held_meeting.items.order_by("order").first()
    url = reverse("committees:item-decision", args=[item.id])
    assert_told(
        client.post(url, {"decision": "Udvalget tog orienteringen til efterretning."}, follow=True),
        "Beslutningen er gemt.",
    )
