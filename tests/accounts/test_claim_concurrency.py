"""Two claims of the same code at once, each in its own transaction and connection: exactly one wins."""

import pytest
from django.core.exceptions import ValidationError

from accounts import services
from accounts.models import StandIn
from complaints.models import Complaint
from tests.complaints.test_routing_concurrency import in_threads
from tests.conftest import make_user

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_claims_of_one_code_at_once_one_wins(clerk, family, citizen, other_citizen):
    # Made without file_complaint's commit hooks, so no Celery worker on this Redis acts behind the test's back.
    stand_in = services.create_stand_in(
        actor=clerk, full_name="Inger Madsen", identified_by="known", consent=True, phone="22 33 44 55"
    )
    complaint = Complaint.objects.create(
        citizen=stand_in.user, kind="other", department=family, subject="Ventetid",
        description="Jeg har ventet længe.", contact_channel="phone", phone="22 33 44 55",
        filed_by=clerk, filed_by_department=stand_in.department,
    )  # fmt: skip
    code = services.issue_claim_code(actor=clerk, stand_in=stand_in)
    third = make_user("borger3@example.dk", "Jens Jensen")

    results = in_threads(
        lambda person: services.claim_with_code(user=person, code=code, address=None), [citizen, other_citizen, third]
    )

    winners = [r for r in results if isinstance(r, StandIn)]
    losers = [r for r in results if isinstance(r, ValidationError)]
    assert len(winners) == 1 and len(losers) == 2, results
    assert all(e.message_dict["code"] == ["Koden er allerede brugt og kan ikke bruges igen."] for e in losers)
    owner = Complaint.objects.get(id=complaint.id).citizen_id
    assert owner == winners[0].claimed_by_id == StandIn.objects.get().claimed_by_id
