from django.urls import reverse
from rest_framework import serializers

from access_requests.models import AccessDocument, AccessRequest
from access_requests.selectors import released_attachment_files, released_documents_of
from accounts.selectors import departments_accepting_complaints


class AccessRequestCreateSerializer(serializers.Serializer):
    complaint = serializers.IntegerField(required=False, allow_null=True, default=None, help_text="Your own case's id.")
    description = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")
    department = serializers.SlugRelatedField(
        slug_field="slug", queryset=departments_accepting_complaints(), required=False, allow_null=True, default=None
    )


class AccessDocumentSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display")
    text = serializers.CharField(source="released_text")
    file_url = serializers.SerializerMethodField(help_text="The released file (attachments only), else null.")

    class Meta:
        model = AccessDocument
        fields = ["id", "kind", "kind_display", "dated_at", "released", "text", "withheld_grounds", "file_url"]

    def get_file_url(self, document) -> str | None:
        file = self.context["files"].get(document.id)
        if file is None:
            return None
        return reverse("access_requests:released-file", args=[document.request_id, document.id, file.file_name])


class AccessRequestSerializer(serializers.ModelSerializer):
    department = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    status_display = serializers.CharField(source="get_status_display")
    documents = serializers.SerializerMethodField()
    late_letter_pdf_url = serializers.SerializerMethodField(help_text="The fristbrev as sent (PDF), once sent.")
    documents_pdf_url = serializers.SerializerMethodField(help_text="The released documents as one PDF, once decided.")

    class Meta:
        model = AccessRequest
        fields = [
            "id", "reference", "complaint", "department", "description", "is_party", "status", "status_display",
            "received_at", "due_at", "late_letter_sent_at", "late_letter_reason", "expected_by", "late_letter_pdf_url",
            "decision", "grounds", "decided_at", "documents", "documents_pdf_url",
        ]  # fmt: skip

    def get_documents(self, access_request) -> list[dict]:
        """The released documents, once decided (for the requester and the caseworker alike)."""
        if access_request.status != AccessRequest.Status.DECIDED:
            return []
        files = released_attachment_files(access_request=access_request)
        return AccessDocumentSerializer(access_request.documents.all(), many=True, context={"files": files}).data

    def get_late_letter_pdf_url(self, access_request) -> str | None:
        return access_request.get_late_letter_url() if access_request.late_letter_pdf else None

    def get_documents_pdf_url(self, access_request) -> str | None:
        if not released_documents_of(access_request=access_request).exists():
            return None
        return reverse("access_requests:released-pdf", args=[access_request.id])

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if instance.late_letter_sent_at is None:  # a draft is the caseworker's, not yet the requester's
            data["late_letter_reason"], data["expected_by"] = "", None
        return data
