from rest_framework import serializers

from accounts.models import User
from accounts.selectors import departments_accepting_complaints
from accounts.serializers import StandInSerializer
from complaints.models import (
    Complaint,
    ComplaintAttachment,
    ComplaintEvent,
    ContactLog,
    ContactTask,
    Representation,
)
from core.serializers import FieldsBuiltOnce
from themes.selectors import active_themes
from themes.serializers import ThemeRefSerializer, ThemeSuggestionSerializer


class ComplaintCreateSerializer(FieldsBuiltOnce):
    kind = serializers.ChoiceField(choices=Complaint.Kind.choices)
    department = serializers.SlugRelatedField(slug_field="slug", queryset=departments_accepting_complaints())
    subject = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=10000)
    case_number = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    decision_date = serializers.DateField(required=False, allow_null=True, default=None)
    desired_outcome = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")
    contact_channel = serializers.ChoiceField(choices=Complaint.ContactChannel.choices)
    phone = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")
    contact_time = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    notify_about_decisions = serializers.BooleanField(required=False, default=False)
    decision_file = serializers.FileField(
        required=False, allow_null=True, default=None, allow_empty_file=True, help_text="The decision complained about."
    )
    documents = serializers.ListField(
        child=serializers.FileField(allow_empty_file=True), required=False, default=list, help_text="Other documents."
    )


class ComplaintAttachmentSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    url = serializers.CharField(source="get_absolute_url", read_only=True)
    file = serializers.FileField(write_only=True, allow_empty_file=True)

    class Meta:
        model = ComplaintAttachment
        fields = [
            "id",
            "kind",
            "kind_display",
            "title",
            "file",
            "file_name",
            "mime_type",
            "size",
            "added_by_staff",
            "created_at",
            "url",
        ]
        read_only_fields = ["id", "file_name", "mime_type", "size", "added_by_staff", "created_at"]
        extra_kwargs = {"kind": {"required": False}}


class AssistedComplaintCreateSerializer(StandInSerializer, ComplaintCreateSerializer):
    """Citizen service files for a citizen who is not online; her phone is the complaint's."""

    receipt_by_letter = serializers.BooleanField(required=False, default=False)
    receipt_by_email = serializers.BooleanField(required=False, default=False)


class ComplaintEventSerializer(serializers.ModelSerializer):
    label = serializers.CharField(source="get_kind_display")
    representative_name = serializers.CharField(
        source="representation.representative.full_name", allow_null=True, read_only=True
    )
    on_behalf_of_name = serializers.CharField(
        source="representation.principal.full_name", allow_null=True, read_only=True
    )

    class Meta:
        model = ComplaintEvent
        fields = ["kind", "label", "note", "representation", "representative_name", "on_behalf_of_name", "created_at"]


_CREATED_AT = serializers.DateTimeField()  # DRF's own rendering of a time (ISO 8601, the current time zone)


def complaint_summary_payload(complaint: Complaint) -> dict:
    """ComplaintSummarySerializer's fields, written out: the intake answers with it, as DRF's field machinery
    took 1.5 ms of CPU per answer for these eight fields, this 0.13 ms (tests/complaints/test_intake_answer.py
    keeps the two the same, field by field; the serializer stays the schema)."""
    return {
        "id": complaint.id,
        "reference": complaint.reference,
        "kind": str(complaint.kind),
        "department": complaint.department.slug,
        "subject": complaint.subject,
        "status": str(complaint.status),
        "status_display": str(complaint.get_status_display()),
        "created_at": _CREATED_AT.to_representation(complaint.created_at),
    }


# A complaint in a list, and the schema of the intake's answer (complaint_summary_payload). A comment, not a
# docstring: drf-spectacular would put a docstring into the OpenAPI schema.
class ComplaintSummarySerializer(serializers.ModelSerializer):
    department = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    status_display = serializers.CharField(source="get_status_display")

    class Meta:
        model = Complaint
        fields = ["id", "reference", "kind", "department", "subject", "status", "status_display", "created_at"]


class ComplaintDetailSerializer(ComplaintSummarySerializer):
    events = ComplaintEventSerializer(many=True, read_only=True)
    filed_for_citizen = serializers.CharField(source="filed_for_citizen_label", read_only=True)
    caseworker = serializers.CharField(source="caseworker.full_name", default=None, allow_null=True)
    decision_deadline_may_have_passed = serializers.BooleanField()
    genvurdering_near = serializers.BooleanField()
    themes = ThemeRefSerializer(many=True, read_only=True)

    class Meta(ComplaintSummarySerializer.Meta):
        fields = [
            *ComplaintSummarySerializer.Meta.fields,
            "description",
            "case_number",
            "decision_date",
            "desired_outcome",
            "contact_channel",
            "contact_time",
            "caseworker",
            "outcome",
            "outcome_note",
            "closed_at",
            "genvurdering_due",
            "genvurdering_near",
            "decision_deadline_may_have_passed",
            "notify_about_decisions",
            "filed_for_citizen",
            "themes",
            "thread",
            "events",
        ]


class ContactTaskSerializer(serializers.ModelSerializer):
    complaint_reference = serializers.CharField(source="complaint.reference")
    assignee_name = serializers.CharField(source="assignee.full_name", default=None)
    is_overdue = serializers.BooleanField()
    suggested_themes = ThemeSuggestionSerializer(source="complaint.theme_suggestions", many=True, read_only=True)

    class Meta:
        model = ContactTask
        fields = [
            "id",
            "kind",
            "complaint",
            "complaint_reference",
            "assignee",
            "assignee_name",
            "due_at",
            "status",
            "is_overdue",
            "suggested_themes",
        ]


class ContactLogSerializer(serializers.ModelSerializer):
    themes = serializers.PrimaryKeyRelatedField(
        queryset=active_themes(), many=True, required=False, write_only=True, help_text="Confirmed theme ids."
    )

    class Meta:
        model = ContactLog
        fields = ["id", "channel", "contacted_at", "summary", "citizen_understood_decision", "next_steps", "themes"]
        read_only_fields = ["id"]
        extra_kwargs = {"next_steps": {"required": False}}


class CloseComplaintSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(
        choices=[c for c in Complaint.Outcome.choices if c[0] not in Complaint.DECISION_OUTCOMES],
        help_text="A changed or upheld decision is sent through /api/complaints/<id>/decisions/.",
    )
    note = serializers.CharField(max_length=4000)


class ReassignSerializer(serializers.Serializer):
    assignee = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(is_active=True))


class RepresentationSerializer(serializers.ModelSerializer):
    principal_name = serializers.CharField(source="principal.full_name", read_only=True)
    representative_name = serializers.CharField(source="representative.full_name", read_only=True)
    complaint_reference = serializers.CharField(source="complaint.reference", allow_null=True, read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    document_url = serializers.CharField(
        read_only=True, help_text="The paper fuldmagt (empty when given in the product)."
    )

    class Meta:
        model = Representation
        fields = [
            "id",
            "principal",
            "principal_name",
            "representative",
            "representative_name",
            "complaint",
            "complaint_reference",
            "valid_from",
            "valid_until",
            "status",
            "status_display",
            "source",
            "accepted_at",
            "ended_at",
            "document_url",
        ]


class GrantRepresentationSerializer(serializers.Serializer):
    representative_email = serializers.CharField(
        max_length=254, help_text="The e-mail of the representative's account."
    )
    complaint_id = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text="One of your complaints; null: all of them."
    )
    valid_from = serializers.DateField()
    valid_until = serializers.DateField(required=False, allow_null=True, default=None, help_text="Null: until revoked.")


class PaperRepresentationSerializer(serializers.Serializer):
    representative_email = serializers.CharField(max_length=254)
    valid_from = serializers.DateField()
    valid_until = serializers.DateField(required=False, allow_null=True, default=None)
    title = serializers.CharField(max_length=200)
    file = serializers.FileField(allow_empty_file=True)
