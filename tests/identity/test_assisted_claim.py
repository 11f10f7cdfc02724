"""At a real MitID login through the local provider (HTTP, signed tokens), what Borgerservice filed for her
under her CPR number becomes hers: matched by the keyed hash, never by the number in clear."""

import pytest

from accounts.models import StandIn, User
from accounts.services import store_cpr
from complaints.models import Complaint
from tests.identity.test_oidc_login import log_in

pytestmark = pytest.mark.django_db


def test_a_new_citizen_finds_the_complaint_under_mine_klager_after_her_first_mitid_login(
    client, oidc, file_for_citizen
):
    complaint, _code = file_for_citizen(full_name="Ida Nybo", cpr="6509993333")
    log_in(client, oidc, sub="mitid-demo-ny")
    ida = User.objects.get(email="ny.borger@example.dk")
    assert int(client.session["_auth_user_id"]) == ida.id
    assert Complaint.objects.get(id=complaint.id).citizen == ida
    assert StandIn.objects.get().claimed_by == ida
    page = client.get("/klager/").content.decode()
    assert complaint.reference in page


def test_an_existing_account_gets_it_at_the_next_login(client, oidc, file_for_citizen):
    mette = User.objects.create_user("borger@example.dk", None, full_name="Mette Hansen")
    store_cpr(user=mette, cpr="6101801234")
    complaint, _code = file_for_citizen(full_name="Mette Hansen", cpr="6101801234")
    log_in(client, oidc, sub="mitid-demo-mette")
    assert Complaint.objects.get(id=complaint.id).citizen == mette


def test_a_low_level_login_claims_nothing(client, oidc, file_for_citizen):
    complaint, _code = file_for_citizen(full_name="Ida Nybo", cpr="6509993333")
    log_in(client, oidc, sub="mitid-demo-ny", level="low")
    assert Complaint.objects.get(id=complaint.id).citizen.email.endswith("@borger.invalid")
    assert StandIn.objects.get().claimed_by is None


def test_another_persons_cpr_claims_nothing(client, oidc, file_for_citizen):
    complaint, _code = file_for_citizen(full_name="Inger Madsen", cpr="6509993334")
    log_in(client, oidc, sub="mitid-demo-ny")
    assert StandIn.objects.get().claimed_by is None
    assert Complaint.objects.get(id=complaint.id).citizen.stand_in
