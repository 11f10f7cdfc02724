from knox.models import AuthToken
from rest_framework import serializers
from rest_framework.authtoken.serializers import AuthTokenSerializer

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


class TokenLoginSerializer(AuthTokenSerializer):
    """E-mail and password (through authenticate(), so django-axes counts a failure), and the device's name."""

    device = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")


class ApiTokenSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="device.public_id", read_only=True)
    device = serializers.CharField(source="device.name", read_only=True)
    current = serializers.SerializerMethodField()

    class Meta:
        model = AuthToken
        fields = ["id", "device", "created", "expiry", "current"]

    def get_current(self, token) -> bool:
        return token.pk == getattr(self.context.get("auth"), "pk", None)


class IssuedTokenSerializer(ApiTokenSerializer):
    token = serializers.CharField(read_only=True, help_text="Shown once: keep it secret.")

    class Meta(ApiTokenSerializer.Meta):
        fields = ["token", *ApiTokenSerializer.Meta.fields]
