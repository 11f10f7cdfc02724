"""The demo: Borgerservice's complaint for a phone citizen, claimable with the known demo code; idempotent."""

import io

import pytest
from django.core.management import call_command

from accounts.models import User
from accounts.services import claim_with_code
from complaints.demo import DEMO_CLAIM_CODE, SUBJECT
from complaints.models import Complaint
from ideas.demo import IDEA_SHOWN_AS
from ideas.models import Idea

pytestmark = pytest.mark.django_db


def test_borgerservice_has_filed_for_a_phone_citizen_and_mette_claims_it(demo_municipality):
    complaint = Complaint.objects.get(subject=SUBJECT)
    assert complaint.filed_by.email == "borgerservice@example.dk"
    assert complaint.citizen.stand_in.identified_by == "phone_only"
    out = io.StringIO()
    call_command("seed_demo", stdout=out)  # again: nothing new, and the code is printed
    assert Complaint.objects.filter(subject=SUBJECT).count() == 1
    assert DEMO_CLAIM_CODE in out.getvalue()
    mette = User.objects.get(email="borger@example.dk")
    claim_with_code(user=mette, code=DEMO_CLAIM_CODE, address=None)
    assert Complaint.objects.get(id=complaint.id).citizen == mette


def test_demo_ideas_show_people_as_they_chose(demo_municipality):
    for title, shown_as in IDEA_SHOWN_AS.items():
        idea = Idea.objects.get(title=title)
        assert idea.shown_as == shown_as
        assert idea.author.full_name not in idea.author_display_name or idea.association_id
