from rest_framework import serializers

from escalations.models import Escalation
from figures.selectors import FigureRow
from themes.selectors import active_themes
from themes.serializers import ThemeRefSerializer


class EscalationSerializer(serializers.ModelSerializer):
    theme = ThemeRefSerializer(read_only=True)
    reason_display = serializers.CharField(source="get_reason_display")
    status_display = serializers.CharField(source="get_status_display")

    class Meta:
        model = Escalation
        fields = [
            "id",
            "theme",
            "window_start",
            "window_days",
            "detected_at",
            "new_items",
            "complaints",
            "ideas",
            "previous",
            "reason",
            "reason_display",
            "status",
            "status_display",
            "dismissed_reason",
            "merged_into",
        ]


class DismissSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class MergeSerializer(serializers.Serializer):
    into = serializers.PrimaryKeyRelatedField(queryset=Escalation.objects.select_related("committee"))


class SettingsSerializer(serializers.Serializer):
    threshold = serializers.IntegerField(min_value=1, max_value=1000)
    window_days = serializers.IntegerField(min_value=1, max_value=365)
    rise_factor = serializers.FloatField(min_value=1.1, max_value=100)
    themes = serializers.PrimaryKeyRelatedField(queryset=active_themes(), many=True)


class ThemeOverviewSerializer(serializers.Serializer):
    """A theme's figures for the committee: counts, shares and redacted excerpts; never a person."""

    themes = ThemeRefSerializer(many=True)
    since = serializers.DateTimeField()
    until = serializers.DateTimeField()
    computed_at = serializers.DateTimeField(allow_null=True)
    weeks = serializers.SerializerMethodField()
    departments = serializers.SerializerMethodField()
    complaints = serializers.SerializerMethodField()
    ideas = serializers.IntegerField()
    top_ideas = serializers.ListField(child=serializers.DictField())
    complaint_excerpts = serializers.ListField(child=serializers.DictField())
    idea_excerpts = serializers.ListField(child=serializers.DictField())

    def get_weeks(self, overview) -> list[dict]:
        return [{"week": week, "complaints": c, "ideas": i} for week, c, i in overview.weeks]

    def get_departments(self, overview) -> list[dict]:
        return [
            {"department": name, "complaints": None if m.suppressed else m.value, "suppressed": m.suppressed}
            for name, m in overview.departments
        ]

    def get_complaints(self, overview) -> dict:
        row: FigureRow = overview.complaints
        return row.export()
