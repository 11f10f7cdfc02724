"""The demo shows the legal track: guidance templates per department, a complaint waiting in partshøring, and
one upheld and forwarded with its klagepakke; seed_demo again changes nothing."""

import io

import pytest
from django.core.management import call_command

from casework.demo import FORWARDED_SUBJECT, HEARING_SUBJECT
from casework.models import Decision, GuidanceTemplate, Hearing, Reassessment
from complaints.models import Complaint
from tests.documents.reading import all_bookmarks

pytestmark = pytest.mark.django_db


def test_the_demo_has_the_legal_track(demo_municipality):
    waiting = Complaint.objects.get(subject=HEARING_SUBJECT)
    assert waiting.hearings.get().status == Hearing.Status.OPEN
    assert waiting.attachments.filter(kind="decision").exists()
    forwarded = Complaint.objects.get(subject=FORWARDED_SUBJECT)
    assert forwarded.outcome == Complaint.Outcome.UPHELD_AND_FORWARDED
    reassessment = Reassessment.objects.get(complaint=forwarded)
    assert reassessment.appeals_body == "Ankestyrelsen"
    assert "Genvurdering" in all_bookmarks(reassessment.klagepakke.open("rb").read())
    assert set(GuidanceTemplate.objects.values_list("department__slug", flat=True)) >= {
        "familiecentret",
        "natur-og-miljo",
        "jobcenter",
    }


def test_seed_demo_twice_changes_nothing(demo_municipality):
    counts = (Hearing.objects.count(), Decision.objects.count(), Reassessment.objects.count())
    call_command("seed_demo", stdout=io.StringIO())
    assert (Hearing.objects.count(), Decision.objects.count(), Reassessment.objects.count()) == counts
    assert GuidanceTemplate.objects.filter(department__slug="familiecentret").count() == 1
