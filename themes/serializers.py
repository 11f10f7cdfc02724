from rest_framework import serializers

from themes.models import Theme


class ThemeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = ["id", "name", "slug", "description", "active"]
        read_only_fields = ["id", "slug"]


class ThemeWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100)
    description = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    active = serializers.BooleanField(required=False, default=True)


class ThemeRefSerializer(serializers.ModelSerializer):
    """A theme as other apps show it on their items."""

    class Meta:
        model = Theme
        fields = ["id", "slug", "name"]


class ThemeSuggestionSerializer(serializers.Serializer):
    """A theme suggested for an item from its text, with the probability (0–1)."""

    id = serializers.IntegerField(source="theme.id")
    slug = serializers.CharField(source="theme.slug")
    name = serializers.CharField(source="theme.name")
    score = serializers.FloatField()
