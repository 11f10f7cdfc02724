import rules
from rest_framework import serializers

from accounts.models import Committee
from committees.models import AgendaItem, AgendaItemSource, Attachment, Meeting


class MeetingSerializer(serializers.ModelSerializer):
    committee = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    place = serializers.CharField(source="location.description")
    status_display = serializers.CharField(source="get_status_display")
    web_url = serializers.CharField(source="get_absolute_url")

    class Meta:
        model = Meeting
        fields = [
            "id",
            "committee",
            "start",
            "end",
            "place",
            "status",
            "status_display",
            "agenda_published_at",
            "minutes_published_at",
            "web_url",
        ]


class MeetingWriteSerializer(serializers.Serializer):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField(required=False, allow_null=True, default=None)
    place = serializers.CharField(max_length=200)


class MeetingCreateSerializer(MeetingWriteSerializer):
    committee = serializers.SlugRelatedField(slug_field="slug", queryset=Committee.objects.all())


class AttachmentSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url")

    class Meta:
        model = Attachment
        fields = ["id", "title", "file_name", "mime_type", "size", "is_internal", "url"]


class AgendaItemSerializer(serializers.ModelSerializer):
    """An item as the reader may see it: its decision only once the reader may see decisions."""

    attachments = AttachmentSerializer(many=True, read_only=True)
    decision = serializers.SerializerMethodField()
    item_type_display = serializers.CharField(source="get_item_type_display")

    class Meta:
        model = AgendaItem
        fields = [
            "id",
            "meeting",
            "number",
            "order",
            "title",
            "case_number",
            "item_type",
            "item_type_display",
            "procedure",
            "recommendation",
            "description",
            "is_public",
            "decision",
            "outcome",
            "attachments",
        ]

    def get_decision(self, item: AgendaItem) -> str:
        return (
            item.decision
            if rules.has_perm("committees.view_decisions", self.context["request"].user, item.meeting)
            else ""
        )


class MeetingDetailSerializer(MeetingSerializer):
    items = serializers.SerializerMethodField()

    class Meta(MeetingSerializer.Meta):
        fields = [*MeetingSerializer.Meta.fields, "items"]

    def get_items(self, meeting: Meeting) -> list[dict]:
        return AgendaItemSerializer(self.context["items"], many=True, context=self.context).data


class AgendaItemWriteSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    case_number = serializers.CharField(max_length=20, required=False, allow_blank=True)
    item_type = serializers.ChoiceField(choices=AgendaItem.ItemType.choices)
    procedure = serializers.CharField(max_length=200, required=False, allow_blank=True)
    recommendation = serializers.CharField(max_length=4000)
    description = serializers.CharField(max_length=30000)
    is_public = serializers.BooleanField(required=False)


class MoveSerializer(serializers.Serializer):
    direction = serializers.ChoiceField(choices=[("up", "up"), ("down", "down")])


class DecisionSerializer(serializers.Serializer):
    decision = serializers.CharField(max_length=10000)
    outcome = serializers.ChoiceField(choices=AgendaItem.Outcome.choices, required=False, allow_blank=True, default="")


class AttachmentUploadSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    file = serializers.FileField()
    is_internal = serializers.BooleanField(required=False, default=False)


class ProposalSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=AgendaItemSource.Kind.choices)
    object_id = serializers.IntegerField()
    title = serializers.CharField()
    text = serializers.CharField()
    support_count = serializers.IntegerField()
    source_title = serializers.CharField()
    proposed_at = serializers.DateTimeField()
    url = serializers.CharField()


class PlaceProposalSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=AgendaItemSource.Kind.choices)
    object_id = serializers.IntegerField(min_value=1)
