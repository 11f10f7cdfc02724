from rest_framework import serializers

from accounts.selectors import departments_accepting_complaints


class FiguresQuerySerializer(serializers.Serializer):
    year = serializers.IntegerField(required=False, min_value=1900, max_value=9999)
    department = serializers.SlugRelatedField(
        slug_field="slug", queryset=departments_accepting_complaints(), required=False
    )
