"""The intake's answer: complaints.serializers.complaint_summary_payload writes ComplaintSummarySerializer's fields out
by hand (the answer's CPU), and must say exactly what the serializer's declared fields say, which are the API's
schema: compared here field by field, for every kind and status, in both languages and another time zone."""

import pytest
from django.utils import timezone, translation

from complaints.models import Complaint
from complaints.serializers import ComplaintSummarySerializer, complaint_summary_payload
from tests.complaints.payloads import VALID_PAYLOAD

pytestmark = pytest.mark.django_db


def test_the_payload_is_what_the_serializer_fields_render(file_complaint):
    complaints = [file_complaint(kind=kind) for kind in Complaint.Kind.values]
    for complaint, status in zip(complaints, Complaint.Status.values[:3], strict=False):
        Complaint.objects.filter(id=complaint.id).update(status=status)
    assert len(complaints) == 3
    for complaint in Complaint.objects.select_related("department"):
        for language in ("da", "en"):
            for zone in ("Europe/Copenhagen", "UTC"):
                with translation.override(language), timezone.override(zone):
                    assert complaint_summary_payload(complaint) == ComplaintSummarySerializer(complaint).data


def test_the_intake_answers_what_the_serializer_renders_of_the_stored_complaint(api, citizen, family):
    response = api(citizen).post("/api/complaints/", VALID_PAYLOAD, format="json")
    assert response.status_code == 201
    stored = Complaint.objects.get(id=response.json()["id"])
    assert response.json() == ComplaintSummarySerializer(stored).data
