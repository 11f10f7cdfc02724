"""How a message looks on the wire: the same shape in the REST API and in the socket's message frame."""

from rest_framework import serializers

from dialogue.models import BODY_MAX_LENGTH, CLIENT_ID_MAX_LENGTH, CLIENT_KINDS, Message, Participant, Thread

# The kinds the schema and the page form offer; dialogue.services.post_message is the check.
CLIENT_KIND_CHOICES = [(kind, Message.Kind(kind).label) for kind in CLIENT_KINDS]


def visible_payload(payload: dict, *, can_moderate: bool) -> dict:
    """A hidden message's text is kept for the record and shown to staff only; others see the reason."""
    if payload["hidden"] and not can_moderate:
        return {**payload, "body": ""}
    return payload


_CREATED_AT = serializers.DateTimeField()  # DRF's own rendering of a time (ISO 8601, the current time zone)


def message_payload(message: Message) -> dict:
    """The whole message as the wire has it, hidden text included (visible_payload takes it out for a reader).

    Written out rather than left to the ModelSerializer's fields: every message's fan-out and acknowledgement
    builds it, and DRF's field machinery took about 1.5 ms of CPU each time (a third of what the server spent
    on a message); MessageSerializer answers with this too, so the API and the socket cannot drift apart."""
    on_behalf_of = message.on_behalf_of if message.on_behalf_of_id else None
    return {
        "id": message.id,
        "thread": message.thread_id,
        "seq": message.seq,
        "client_id": message.client_id,
        "kind": str(message.kind),
        "author": message.author_id,
        "author_name": message.author.full_name,
        "on_behalf_of": message.on_behalf_of_id,
        "on_behalf_of_name": on_behalf_of.full_name if on_behalf_of else None,
        "body": message.body,
        "created_at": _CREATED_AT.to_representation(message.created_at),
        "reply_to": message.reply_to_id,
        "hidden": message.is_hidden,
        "hidden_reason": message.hidden_reason,
    }


class MessageSerializer(serializers.ModelSerializer):
    """The API's message: the fields are its schema; the data is message_payload's."""

    author_name = serializers.CharField(source="author.full_name")
    on_behalf_of_name = serializers.CharField(source="on_behalf_of.full_name", allow_null=True, read_only=True)
    hidden = serializers.BooleanField(source="is_hidden")

    class Meta:
        model = Message
        fields = [
            "id",
            "thread",
            "seq",
            "client_id",
            "kind",
            "author",
            "author_name",
            "on_behalf_of",
            "on_behalf_of_name",
            "body",
            "created_at",
            "reply_to",
            "hidden",
            "hidden_reason",
        ]

    def to_representation(self, instance):
        return visible_payload(message_payload(instance), can_moderate=self.context.get("can_moderate", False))


class MessagePostSerializer(serializers.Serializer):
    client_id = serializers.CharField(max_length=CLIENT_ID_MAX_LENGTH, trim_whitespace=False)
    body = serializers.CharField(max_length=BODY_MAX_LENGTH, allow_blank=True, trim_whitespace=False)
    kind = serializers.ChoiceField(choices=CLIENT_KIND_CHOICES, default=Message.Kind.TEXT)
    reply_to = serializers.IntegerField(required=False, allow_null=True, default=None)


class AfterSerializer(serializers.Serializer):
    after = serializers.IntegerField(min_value=0, default=0)


class ReadSerializer(serializers.Serializer):
    up_to = serializers.IntegerField()


class ParticipantSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="user.full_name")
    on_behalf_of_name = serializers.CharField(source="on_behalf_of.full_name", allow_null=True, read_only=True)

    class Meta:
        model = Participant
        fields = ["user", "name", "role", "on_behalf_of", "on_behalf_of_name", "last_read_id"]


class ThreadSerializer(serializers.ModelSerializer):
    participants = ParticipantSerializer(many=True, read_only=True)

    class Meta:
        model = Thread
        fields = ["id", "title", "subject_url", "created_at", "participants"]
