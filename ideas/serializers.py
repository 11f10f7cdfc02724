from rest_framework import serializers

from accounts.models import Committee, PublicName
from accounts.serializers import StandInSerializer
from ideas.models import Association, Board, Comment, Idea, Report
from themes.selectors import active_themes
from themes.serializers import ThemeSuggestionSerializer


class BoardSerializer(serializers.ModelSerializer):
    committee = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    committee_name = serializers.CharField(source="committee.name", read_only=True)
    phase_display = serializers.CharField(source="get_phase_display", read_only=True)
    is_collecting = serializers.BooleanField(read_only=True)

    class Meta:
        model = Board
        fields = [
            "slug",
            "title",
            "description",
            "committee",
            "committee_name",
            "opens_on",
            "closes_on",
            "support_threshold",
            "phase",
            "phase_display",
            "is_collecting",
        ]


class BoardCreateSerializer(serializers.Serializer):
    """Text is checked by the service (one rule, one message); only types are checked here."""

    committee = serializers.SlugRelatedField(slug_field="slug", queryset=Committee.objects.all())
    title = serializers.CharField(allow_blank=True)
    slug = serializers.CharField(allow_blank=True)
    description = serializers.CharField(allow_blank=True, required=False, default="")
    opens_on = serializers.DateField()
    closes_on = serializers.DateField()
    support_threshold = serializers.IntegerField()
    phase = serializers.ChoiceField(choices=Board.Phase.choices, required=False, default=Board.Phase.COLLECTING)


class BoardUpdateSerializer(serializers.Serializer):
    title = serializers.CharField(allow_blank=True, required=False)
    description = serializers.CharField(allow_blank=True, required=False)
    opens_on = serializers.DateField(required=False)
    closes_on = serializers.DateField(required=False)
    support_threshold = serializers.IntegerField(required=False)
    phase = serializers.ChoiceField(choices=Board.Phase.choices, required=False)


class _HidesTextMixin:
    """Hidden text is replaced by the moderator's reason, unless the reader is staff (context["show_hidden"])."""

    def _visible(self, obj, value: str) -> str | None:
        return None if obj.hidden_from(show_hidden=bool(self.context.get("show_hidden"))) else value


class IdeaSerializer(_HidesTextMixin, serializers.ModelSerializer):
    board = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    title = serializers.SerializerMethodField()
    body = serializers.SerializerMethodField()
    is_hidden = serializers.BooleanField(read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    author_name = serializers.CharField(source="author_display_name", read_only=True)
    association = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    support_count = serializers.IntegerField(read_only=True)
    comment_count = serializers.IntegerField(read_only=True)
    supported_by_me = serializers.BooleanField(read_only=True)

    class Meta:
        model = Idea
        fields = [
            "id",
            "board",
            "title",
            "body",
            "is_hidden",
            "hidden_reason",
            "status",
            "status_display",
            "author_name",
            "association",
            "support_count",
            "comment_count",
            "supported_by_me",
            "proposed_at",
            "proposal_source",
            "agenda_url",
            "decision",
            "decision_url",
            "decided_at",
            "created_at",
            "updated_at",
        ]

    def get_title(self, obj) -> str:
        return obj.title_for(show_hidden=bool(self.context.get("show_hidden")))

    def get_body(self, obj) -> str | None:
        return self._visible(obj, obj.body)


class IdeaCreateSerializer(serializers.Serializer):
    board = serializers.SlugRelatedField(slug_field="slug", queryset=Board.objects.all())
    title = serializers.CharField(allow_blank=True)
    body = serializers.CharField(allow_blank=True)
    association = serializers.SlugRelatedField(
        slug_field="slug", queryset=Association.objects.all(), required=False, allow_null=True, default=None
    )
    notify_about_decisions = serializers.BooleanField(required=False, default=False)
    shown_as = serializers.CharField(required=False, default=PublicName.FULL, help_text="full, short or anonymous")


class AssistedIdeaCreateSerializer(StandInSerializer):
    """Citizen service writes an idea for a citizen who is not online."""

    board = serializers.SlugRelatedField(slug_field="slug", queryset=Board.objects.all())
    title = serializers.CharField(allow_blank=True)
    body = serializers.CharField(allow_blank=True)
    notify_about_decisions = serializers.BooleanField(required=False, default=False)
    shown_as = serializers.CharField(required=False, default=PublicName.FULL, help_text="full, short or anonymous")


class IdeaThemesSerializer(serializers.Serializer):
    """The idea's confirmed themes (staff set them) and what was suggested from its text."""

    themes = serializers.PrimaryKeyRelatedField(queryset=active_themes(), many=True)
    suggested = ThemeSuggestionSerializer(many=True, read_only=True)


class IdeaUpdateSerializer(serializers.Serializer):
    title = serializers.CharField(allow_blank=True, required=False)
    body = serializers.CharField(allow_blank=True, required=False)


class SupportStateSerializer(serializers.Serializer):
    supported = serializers.BooleanField()
    support_count = serializers.IntegerField()
    status = serializers.CharField()


class CommentSerializer(_HidesTextMixin, serializers.ModelSerializer):
    author_name = serializers.CharField(source="author_public_name", read_only=True)
    body = serializers.SerializerMethodField()
    is_hidden = serializers.BooleanField(read_only=True)

    class Meta:
        model = Comment
        fields = [
            "id",
            "idea",
            "parent",
            "author_name",
            "body",
            "is_hidden",
            "hidden_reason",
            "created_at",
            "edited_at",
        ]

    def get_body(self, obj) -> str | None:
        return self._visible(obj, obj.body)


class CommentCreateSerializer(serializers.Serializer):
    body = serializers.CharField(allow_blank=True)
    parent = serializers.PrimaryKeyRelatedField(
        queryset=Comment.objects.all(), required=False, allow_null=True, default=None
    )
    shown_as = serializers.CharField(required=False, default=PublicName.FULL, help_text="full, short or anonymous")


class SupportCreateSerializer(serializers.Serializer):
    shown_as = serializers.CharField(required=False, default=PublicName.FULL, help_text="full, short or anonymous")


class CommentUpdateSerializer(serializers.Serializer):
    body = serializers.CharField(allow_blank=True)


class ReportCreateSerializer(serializers.Serializer):
    idea = serializers.PrimaryKeyRelatedField(
        queryset=Idea.objects.all(), required=False, allow_null=True, default=None
    )
    comment = serializers.PrimaryKeyRelatedField(
        queryset=Comment.objects.all(), required=False, allow_null=True, default=None
    )
    reason = serializers.CharField(allow_blank=True)


class ReportSerializer(serializers.ModelSerializer):
    class Meta:
        model = Report
        fields = ["id", "idea", "comment", "reason", "created_at"]


class ModerationReportSerializer(ReportSerializer):
    """For staff: the report with the reporter and the reported text as written."""

    reporter_name = serializers.CharField(source="reporter.full_name")
    text = serializers.SerializerMethodField()

    class Meta(ReportSerializer.Meta):
        fields = [*ReportSerializer.Meta.fields, "reporter_name", "text"]

    def get_text(self, obj) -> str:
        return obj.comment.body if obj.comment_id else f"{obj.idea.title}\n\n{obj.idea.body}"


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(allow_blank=True)
