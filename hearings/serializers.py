"""Hearings in the API: what the public may read, and an answer coming in. Never an answerer's e-mail."""

from rest_framework import serializers

from hearings.models import ANSWER_MAX, Answer, Hearing, Section


class SectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Section
        fields = ["id", "number", "title", "body"]


class HearingSerializer(serializers.ModelSerializer):
    committee = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    department = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    status = serializers.CharField(read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    sections = SectionSerializer(many=True, read_only=True)
    invited = serializers.SerializerMethodField()
    themes = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = Hearing
        fields = [
            "id",
            "title",
            "summary",
            "committee",
            "department",
            "starts_on",
            "ends_on",
            "status",
            "status_display",
            "kle_number",
            "case_number",
            "answers_public_at_once",
            "themes",
            "sections",
            "invited",
            "published_at",
            "concluded_at",
            "agenda_url",
        ]

    def get_invited(self, obj: Hearing) -> list[str]:
        return [str(invitation.party) for invitation in obj.invitations.select_related("council", "association")]


class AnswerSerializer(serializers.ModelSerializer):
    sender = serializers.CharField(source="sender_name", read_only=True)
    on_behalf_of = serializers.SerializerMethodField()
    section = serializers.IntegerField(source="section.number", read_only=True, allow_null=True)
    hidden = serializers.BooleanField(source="is_hidden", read_only=True)
    body = serializers.SerializerMethodField()
    file_url = serializers.CharField(source="get_file_url", read_only=True)

    class Meta:
        model = Answer
        fields = [
            "id",
            "sender",
            "on_behalf_of",
            "section",
            "body",
            "file_url",
            "contains_sensitive",
            "hidden",
            "hidden_reason",
            "created_at",
        ]

    def get_on_behalf_of(self, obj: Answer) -> str:
        return "council" if obj.council_id else "association" if obj.association_id else "self"

    def get_body(self, obj: Answer) -> str:
        """A hidden answer's text only for those who may see it (its author, the department)."""
        return "" if obj.hidden_from(show_hidden=bool(self.context.get("show_hidden"))) else obj.body


class AnswerCreateSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=ANSWER_MAX)
    section = serializers.IntegerField(required=False, allow_null=True, help_text="The section's number, or none.")
    council = serializers.SlugField(required=False, allow_blank=True, help_text="On behalf of this council (slug).")
    association = serializers.SlugField(required=False, allow_blank=True, help_text="On behalf of this association.")
    file = serializers.FileField(required=False, allow_null=True)
    contains_sensitive = serializers.BooleanField(default=False)
    notify_about_decision = serializers.BooleanField(default=False)


class SectionNoteSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField()
    comment = serializers.CharField()
    changes_draft = serializers.BooleanField()


class NoteSerializer(serializers.Serializer):
    hearing = serializers.IntegerField()
    general = serializers.CharField()
    answers_total = serializers.IntegerField()
    answers_sensitive = serializers.IntegerField()
    sections = SectionNoteSerializer(many=True)
    pdf_url = serializers.CharField()
    concluded_at = serializers.DateTimeField()
