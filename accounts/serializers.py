from rest_framework import serializers

from accounts.models import Department


class DepartmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Department
        fields = ["slug", "name", "working_days_to_first_contact"]


class ClaimSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=40)
