"""The demo relative holds a power of attorney for Mette Hansen's complaint (as `make run` says she does)."""

import io

import pytest
from django.core.management import call_command

from accounts.models import User
from complaints.models import Representation
from complaints.permissions import can_view_complaint
from dialogue.permissions import can_take_part

pytestmark = pytest.mark.django_db


def test_the_demo_relative_acts_for_mette_hansen_in_her_complaint(demo_municipality, settings):
    relative = User.objects.get(email="paaroerende@example.dk")
    representation = Representation.objects.get(representative=relative)
    assert representation.principal.full_name == "Mette Hansen"
    assert representation.status == Representation.Status.ACTIVE and representation.complaint is not None
    assert can_view_complaint(relative, representation.complaint)
    assert can_take_part(relative, representation.complaint.thread)
    assert representation.complaint.thread.messages.filter(author=relative, on_behalf_of=representation.principal)

    settings.DEMO = True
    call_command("seed_demo", stdout=io.StringIO())  # idempotent
    assert Representation.objects.filter(representative=relative).count() == 1
