"""A message on the wire: dialogue.serializers.message_payload writes it out by hand (every message's fan-out
and acknowledgement builds it), and must say exactly what MessageSerializer's declared fields say, which are
the API's schema: compared here for every kind of message, field by field."""

import pytest
from rest_framework import serializers

from dialogue.models import Message
from dialogue.serializers import MessageSerializer, message_payload
from dialogue.services import hide_message, set_representative

from .conftest import say

pytestmark = pytest.mark.django_db


class FieldByField(MessageSerializer):
    """MessageSerializer as DRF renders its declared fields, without message_payload."""

    def to_representation(self, instance):
        return dict(serializers.ModelSerializer.to_representation(self, instance))


def test_message_payload_is_what_the_serializer_fields_render(thread, citizen, caseworker, other_citizen):
    set_representative(thread=thread, user=other_citizen, on_behalf_of=citizen, valid_from=None, valid_until=None)
    summary = say(caseworker, thread, "Vi aftalte et hjemmebesøg.", kind=Message.Kind.CONTACT_SUMMARY)
    confirmation = say(citizen, thread, "", kind=Message.Kind.CONFIRMATION, reply_to_id=summary.id)
    for_her = say(other_citizen, thread, "Jeg skriver for Mette")
    hidden = say(citizen, thread, "Mit telefonnummer er 12 34 56 78")
    hide_message(actor=caseworker, message=hidden, reason="Personoplysninger")
    messages = Message.objects.filter(thread=thread).select_related("author", "on_behalf_of").order_by("seq")
    assert len(messages) == 4
    for message in messages:
        assert message_payload(message) == FieldByField(message).data
    by_id = {message.id: message_payload(message) for message in messages}
    assert by_id[for_her.id]["on_behalf_of"] == citizen.id
    assert by_id[for_her.id]["on_behalf_of_name"] == citizen.full_name
    assert by_id[confirmation.id]["reply_to"] == summary.id
    assert (by_id[hidden.id]["hidden"], by_id[hidden.id]["body"]) == (True, "Mit telefonnummer er 12 34 56 78")
    assert isinstance(by_id[hidden.id]["created_at"], str)


def test_the_serializer_hides_a_hidden_text_from_who_may_not_moderate(thread, citizen, caseworker):
    hidden = say(citizen, thread, "Hemmeligt")
    hide_message(actor=caseworker, message=hidden, reason="Personoplysninger")
    hidden.refresh_from_db()
    assert MessageSerializer(hidden).data["body"] == ""
    assert MessageSerializer(hidden, context={"can_moderate": True}).data["body"] == "Hemmeligt"
