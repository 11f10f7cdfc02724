from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from casework.models import TEXT_MAX, Decision, Hearing, Reassessment
from complaints.serializers import ComplaintAttachmentSerializer


class HearingCreateSerializer(serializers.Serializer):
    facts = serializers.CharField(max_length=TEXT_MAX)
    deadline = serializers.DateField(
        required=False, allow_null=True, default=None, help_text="Default: HEARING_WORKING_DAYS working days."
    )
    kind = serializers.ChoiceField(choices=Hearing.Kind.choices, required=False, default=Hearing.Kind.PARTSHOERING)


@extend_schema_serializer(component_name="CaseHearing")  # the partshøring: "Hearing" is the public høring's
class HearingSerializer(serializers.ModelSerializer):
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    extension_pending = serializers.BooleanField(read_only=True)
    answer_attachments = ComplaintAttachmentSerializer(many=True, read_only=True)

    class Meta:
        model = Hearing
        fields = [
            "id",
            "complaint",
            "kind",
            "facts",
            "sent_at",
            "deadline",
            "first_deadline",
            "status",
            "status_display",
            "answer",
            "answered_at",
            "answer_attachments",
            "extension_requested_at",
            "extension_reason",
            "extension_wanted_until",
            "extension_pending",
            "extension_granted",
            "extension_refusal",
        ]


class HearingAnswerSerializer(serializers.Serializer):
    answer = serializers.CharField(max_length=TEXT_MAX, required=False, allow_blank=True, default="")
    files = serializers.ListField(child=serializers.FileField(allow_empty_file=True), required=False, default=list)


class ExtensionRequestSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)
    wanted_until = serializers.DateField(required=False, allow_null=True, default=None)


class ExtensionDecisionSerializer(serializers.Serializer):
    grant = serializers.BooleanField()
    deadline = serializers.DateField(required=False, allow_null=True, default=None)
    refusal = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class ComplaintDecisionSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=Decision.Kind.choices, required=False, default=Decision.Kind.NEW)
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    pdf_url = serializers.CharField(source="get_pdf_url", read_only=True)

    class Meta:
        model = Decision
        fields = [
            "id",
            "kind",
            "kind_display",
            "decision",
            "legal_rules",
            "considerations",
            "facts",
            "complaint_guidance",
            "full_agreement",
            "hearing_override_reason",
            "lix",
            "sent_at",
            "pdf_url",
        ]
        read_only_fields = ["id", "lix", "sent_at"]
        extra_kwargs = {
            name: {"required": False, "allow_blank": True}
            for name in ("legal_rules", "considerations", "facts", "complaint_guidance", "hearing_override_reason")
        }


class ForwardSerializer(serializers.Serializer):
    grounds = serializers.CharField(max_length=TEXT_MAX)
    appeals_body = serializers.CharField(max_length=200)


class ReassessmentSerializer(serializers.ModelSerializer):
    klagepakke_url = serializers.CharField(source="get_pdf_url", read_only=True)

    class Meta:
        model = Reassessment
        fields = [
            "id",
            "complaint",
            "decision",
            "grounds",
            "appeals_body",
            "forwarded_at",
            "klagepakke_url",
            "klagepakke_sha1",
        ]
