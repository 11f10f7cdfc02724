"""Erasure of all of a citizen's data (GDPR art. 17): every case of hers anonymised with retention's machinery,
then her account (name, e-mail, phone, CPR hash, login), her e-mails and notices; the figures the same before and
after. A case the law keeps stays with its reason, and so does the account that case names. Who may ask, see and
decide."""

import html

import pytest
from allauth.socialaccount.models import SocialAccount
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from knox.models import AuthToken

from access_requests import services as access_services
from access_requests.models import AccessRequest
from accounts.models import CitizenIdentity, StandIn, User
from accounts.services import claim_with_code, issue_api_token, store_cpr
from complaints import services as complaint_services
from complaints.models import Complaint
from complaints.selectors import complaint_facts
from notifications.models import Email, Notice
from notifications.services import notify, queue_email
from retention import services
from retention.models import AnonymisationLog, ErasureRequest
from tests.conftest import make_user

from .conftest import figures

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(db):
    return make_user("admin@example.dk", "Anne Admin", is_staff=True)


@pytest.fixture
def second_closed_case(file_complaint, caseworker):
    complaint = file_complaint(subject="Ventetid på aflastning", description="Vi har ventet i tre måneder.")
    complaint_services.route_complaint(complaint_id=complaint.id)
    complaint_services.close_complaint(
        actor=caseworker, complaint=complaint, outcome="resolved_in_dialogue", note="Aftalt en dato."
    )
    return Complaint.objects.get(id=complaint.id)


@pytest.fixture
def her_traces(citizen):
    """What the account holds beside her cases: the CPR number's hash, a MitID login, an API token, an e-mail
    and a notice."""
    assert store_cpr(user=citizen, cpr="0101901234")
    SocialAccount.objects.create(user=citizen, provider="mitid", uid="pseudonym-123")
    issue_api_token(user=citizen, device="Telefon")
    User.objects.filter(id=citizen.id).update(phone="12345678", postcode="4300")
    queue_email(
        recipient=citizen,
        template="retention/email/erasure_decided.txt",
        context={"erasure_request": ErasureRequest(reference="K-1", status="kept"), "url": "/"},
        dedupe_key="earlier-mail",
    )
    notify(user=citizen, title="Din klage er modtaget", url="/klager/1/", dedupe_key="earlier-notice")


def test_all_her_data_go_and_the_figures_stay(
    client, closed_case, second_closed_case, her_traces, citizen, administrator, family
):
    now = timezone.now()
    facts_before, figures_before = list(complaint_facts()), figures(now)
    about_others = access_services.request_access(
        requester=citizen, description="Sager om træfældning i 2026", department=family
    )
    her_browser = Client()
    her_browser.force_login(citizen)
    assert her_browser.get(reverse("retention:overview")).status_code == 200
    client.force_login(citizen)
    assert reverse("retention:erasure-create-all") in client.get(reverse("access-log")).content.decode()  # Mine data
    response = client.post(reverse("retention:erasure-create-all"), {"reason": "Slet mig helt."})
    assert response.status_code == 302
    erasure = ErasureRequest.objects.get(scope="all")
    assert erasure.complaint is None
    client.force_login(administrator)
    url = reverse("retention:erasure-detail", args=[erasure.id])
    page = html.unescape(client.get(url).content.decode())
    assert closed_case.reference in page and second_closed_case.reference in page  # one field per case
    assert client.post(url, {"decision": "erase", "grounds": ""}).status_code == 302
    erasure.refresh_from_db()
    assert erasure.status == ErasureRequest.Status.ERASED and erasure.kept_cases == []
    # Every case, with retention's machinery and log.
    assert set(AnonymisationLog.objects.values_list("complaint_id", "reason")) == {
        (closed_case.id, "erasure"),
        (second_closed_case.id, "erasure"),
    }
    assert not Complaint.objects.filter(citizen=citizen).exists()
    # The account.
    account = User.objects.get(id=citizen.id)
    assert account.full_name == account.phone == account.postcode == ""
    assert "borger@example.dk" not in account.email and account.email.endswith("@borgerdialog.invalid")
    assert not account.is_active and not account.has_usable_password()
    assert not CitizenIdentity.objects.filter(user=account).exists()
    assert (
        not SocialAccount.objects.filter(user=account).exists() and not AuthToken.objects.filter(user=account).exists()
    )
    # Her e-mails and notices; only the one telling her of the erasure still goes to her.
    emails = Email.objects.filter(recipient=account)
    told = emails.get(subject__startswith="Din anmodning om sletning (Alle dine oplysninger)")
    assert told.to_address == "borger@example.dk" and "også din konto" in told.body
    assert all(e.subject == "[anonymiseret]" and e.body == "" for e in emails.exclude(id=told.id))
    assert all(e.to_address == account.email for e in emails.exclude(id=told.id))
    assert all(n.title == "[anonymiseret]" and n.url == "" for n in Notice.objects.filter(user=account))
    # What she asked about other people's cases.
    assert AccessRequest.objects.get(id=about_others.id).description == "[anonymiseret]"
    # The anonymous facts behind the figures, and the figures, are the same.
    assert list(complaint_facts()) == facts_before
    assert figures(now) == figures_before
    # The session she had open is over.
    assert her_browser.get(reverse("retention:overview")).status_code == 302


def test_a_case_the_law_keeps_stays_with_its_reason_and_so_does_the_account(
    client, closed_case, routed_complaint, citizen, administrator, caseworker
):
    earlier = services.request_erasure(citizen=citizen, complaint_id=closed_case.id)
    services.decide_erasure(
        actor=caseworker, erasure_request=earlier, erase=False, grounds="Arkivloven § 5: sagen skal afleveres."
    )
    erasure = services.request_erasure(citizen=citizen, complaint_id=None)
    client.force_login(administrator)
    url = reverse("retention:erasure-detail", args=[erasure.id])
    form = client.get(url).context["form"]
    assert form.fields[f"keep_{closed_case.id}"].initial == "Arkivloven § 5: sagen skal afleveres."  # it stands
    # The open case cannot go, and says so on its own field.
    response = client.post(url, {"decision": "erase", f"keep_{closed_case.id}": ""})
    assert response.status_code == 400
    assert f"keep_{routed_complaint.id}" in response.context["form"].errors
    assert not AnonymisationLog.objects.exists()
    response = client.post(
        url,
        {
            "decision": "erase",
            f"keep_{closed_case.id}": "",
            f"keep_{routed_complaint.id}": "Sagen behandles stadig (forvaltningsloven).",
        },
    )
    assert response.status_code == 302
    erasure.refresh_from_db()
    assert erasure.status == ErasureRequest.Status.PARTLY
    assert erasure.kept_cases == [
        {"reference": routed_complaint.reference, "grounds": "Sagen behandles stadig (forvaltningsloven)."}
    ]
    assert Complaint.objects.get(id=closed_case.id).anonymised_at is not None
    kept = Complaint.objects.get(id=routed_complaint.id)
    assert kept.anonymised_at is None and kept.citizen_id == citizen.id
    account = User.objects.get(id=citizen.id)
    assert account.is_active and account.full_name == "Mette Hansen"  # the kept case names her
    client.force_login(citizen)
    page = html.unescape(client.get(url).content.decode())
    assert "Delvist slettet" in page and "Sagen behandles stadig (forvaltningsloven)." in page
    email = Email.objects.get(recipient=citizen, subject__contains="Alle dine oplysninger")
    assert routed_complaint.reference in email.body and "forvaltningsloven" in email.body


def test_who_asks_sees_and_decides(
    client, closed_case, citizen, other_citizen, caseworker, other_caseworker, administrator, secretary
):
    with pytest.raises(ValidationError, match="medarbejders konto"):
        services.request_erasure(citizen=caseworker, complaint_id=None)
    client.force_login(caseworker)
    assert client.get(reverse("retention:erasure-create-all")).status_code == 404
    erasure = services.request_erasure(citizen=citizen, complaint_id=None)
    with pytest.raises(ValidationError, match="allerede bedt"):
        services.request_erasure(citizen=citizen, complaint_id=None)
    url = reverse("retention:erasure-detail", args=[erasure.id])
    for person, status in [(citizen, 200), (caseworker, 200), (administrator, 200)]:
        client.force_login(person)
        assert client.get(url).status_code == status
    for person in [other_citizen, other_caseworker, secretary]:
        client.force_login(person)
        assert client.get(url).status_code == 404
        assert client.post(url, {"decision": "erase"}).status_code == 404
    for person in [citizen, caseworker]:  # her caseworker sees it; all her data is the administrators' to decide
        client.force_login(person)
        assert client.post(url, {"decision": "erase"}).status_code == 403
    for person in [citizen, caseworker, other_caseworker, other_citizen]:
        with pytest.raises(PermissionDenied):
            services.decide_erasure(actor=person, erasure_request=erasure, erase=True)
    client.logout()
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(caseworker)
    assert erasure.label in html.unescape(client.get(reverse("retention:overview")).content.decode())
    services.decide_erasure(actor=administrator, erasure_request=erasure, erase=True)
    with pytest.raises(ValidationError, match="allerede afgjort"):
        services.decide_erasure(actor=administrator, erasure_request=erasure, erase=True)
    assert AnonymisationLog.objects.count() == 1


def test_what_citizen_service_noted_for_her_goes_with_her_account(file_for_citizen, citizen, caseworker, administrator):
    complaint, code = file_for_citizen()
    claimed = claim_with_code(user=citizen, code=code, address=None)
    complaint_services.route_complaint(complaint_id=complaint.id)
    complaint_services.close_complaint(
        actor=caseworker, complaint=Complaint.objects.get(id=complaint.id), outcome="withdrawn", note="Trukket."
    )
    erasure = services.request_erasure(citizen=citizen, complaint_id=None)
    services.decide_erasure(actor=administrator, erasure_request=erasure, erase=True)
    stand_in = StandIn.objects.select_related("user").get(id=claimed.id)
    assert stand_in.postal_address == stand_in.contact_phone == stand_in.cpr_hash == ""
    assert stand_in.user.full_name == "" and not stand_in.user.is_active
    assert Complaint.objects.get(id=complaint.id).anonymised_at is not None
