"""The demo (seed_demo): made-up KLE imported, an access request near its deadline with a neighbour's name to
redact, retention periods, one old case anonymised with its log line and one left for the beat job."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from access_requests.models import AccessDocument, AccessRequest
from classification.models import DepartmentClassification, KleNumber
from complaints.models import Complaint
from retention.demo import OLD_CASES
from retention.models import AnonymisationLog, RetentionPeriod
from retention.services import anonymise_expired_cases

pytestmark = pytest.mark.django_db


def test_the_demo_shows_aktindsigt_kle_and_retention(demo_municipality):
    call_command("seed_demo", stdout=io.StringIO())  # a second run changes nothing
    assert KleNumber.objects.filter(number="91.01.05", title__startswith="Opdigtet").exists()
    assert DepartmentClassification.objects.count() == 4
    access_request = AccessRequest.objects.get(requester__email="borger@example.dk")
    assert access_request.status == "open" and access_request.due_at - timezone.now() < timedelta(days=2)
    complaint_text = access_request.documents.get(kind=AccessDocument.Kind.COMPLAINT).released_text
    assert "Hans Jensen" in access_request.complaint.description and "Hans Jensen" not in complaint_text
    assert RetentionPeriod.objects.filter(kle_subject__number="91.01.05", years=10).exists()
    assert AnonymisationLog.objects.count() == 1
    assert Complaint.objects.filter(subject=OLD_CASES[1][0], anonymised_at__isnull=True).exists()
    assert anonymise_expired_cases() == 1  # the one left for the beat job
    assert AnonymisationLog.objects.count() == 2
