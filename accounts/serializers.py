from rest_framework import serializers

from accounts.models import Department, StandIn


class DepartmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Department
        fields = ["slug", "name", "working_days_to_first_contact"]


class ClaimSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=40)


class StandInSerializer(serializers.Serializer):
    """The citizen's part of anything citizen service files for her; accounts.services.create_stand_in checks it."""

    full_name = serializers.CharField(max_length=200)
    identified_by = serializers.ChoiceField(choices=StandIn.IdentifiedBy.choices)
    consent = serializers.BooleanField(required=False, default=False)
    postal_address = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
    email = serializers.CharField(max_length=254, required=False, allow_blank=True, default="")
    phone = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")
    cpr = serializers.CharField(max_length=11, required=False, allow_blank=True, default="", write_only=True)
