"""Filing a complaint through the API and the page: receipt, acknowledgement, validation."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from complaints import tasks
from complaints.models import Complaint, ComplaintEvent
from notifications.models import Email
from tests.complaints.intake_pages import file_through_pages
from tests.complaints.payloads import VALID_PAYLOAD

pytestmark = pytest.mark.django_db


def test_api_intake_answers_201_with_reference_and_stores_the_complaint(api, citizen, family):
    response = api(citizen).post("/api/complaints/", VALID_PAYLOAD, format="json")

    assert response.status_code == 201, response.json()
    body = response.json()
    complaint = Complaint.objects.get(id=body["id"])
    year = timezone.localdate().year
    assert body["reference"] == f"K-{year}-{complaint.id:05d}"
    assert body["status"] == "received"
    assert "created_at" in body
    assert complaint.citizen == citizen
    assert complaint.case_number == "13/37262"
    assert complaint.events.get().kind == ComplaintEvent.Kind.RECEIVED
    assert abs(complaint.genvurdering_due - (complaint.created_at + timedelta(weeks=4))) < timedelta(seconds=1)


def test_intake_stores_an_acknowledgement_email_in_the_citizens_outbox_after_commit(
    api, citizen, family, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as after_commit:
        response = api(citizen).post("/api/complaints/", VALID_PAYLOAD, format="json")
    assert not Email.objects.exists()  # not part of the intake's transaction
    assert len(after_commit) == 1  # one message after commit: routing, whose run queues the receipt and themes

    tasks.acknowledge_complaint.apply(args=[response.json()["id"]])
    tasks.acknowledge_complaint.apply(args=[response.json()["id"]])  # a redelivery changes nothing

    email = Email.objects.get(recipient=citizen)
    assert email.to_address == "borger@example.dk"
    assert response.json()["reference"] in email.subject
    assert "Familiecentret" in email.body
    assert "&quot;" not in email.body


def test_intake_writes_only_the_complaints_own_rows_in_few_statements(api, citizen, family):
    """The complaint, its thread with the citizen in it, its timeline event: nothing else before commit (besides
    one read of who acts for her in all her complaints, who take part in the new thread too)."""
    client = api(citizen)
    client.post("/api/complaints/", VALID_PAYLOAD, format="json")  # the token's first use, caches warm
    with CaptureQueriesContext(connection) as queries:
        response = client.post("/api/complaints/", VALID_PAYLOAD, format="json")

    assert response.status_code == 201
    statements = [query["sql"].split()[0].upper() for query in queries.captured_queries]
    writes = [sql for query in queries.captured_queries if (sql := query["sql"]).split()[0] in {"INSERT", "UPDATE"}]
    tables = sorted({sql.split('"')[1] for sql in writes})
    assert tables == ["complaints_complaint", "complaints_complaintevent", "dialogue_participant", "dialogue_thread"]
    # The service's one transaction (a savepoint only because the test runs inside a transaction of its own)
    assert statements.count("SAVEPOINT") == 1, [query["sql"][:80] for query in queries.captured_queries]
    assert not any("MAX(" in query["sql"] for query in queries.captured_queries)
    assert len(statements) <= 10, [query["sql"][:80] for query in queries.captured_queries]


def test_old_decision_is_accepted_and_the_receipt_warns_about_the_deadline(api, citizen, family):
    old = (timezone.localdate() - timedelta(weeks=6)).isoformat()
    response = api(citizen).post("/api/complaints/", {**VALID_PAYLOAD, "decision_date": old}, format="json")
    assert response.status_code == 201
    complaint = Complaint.objects.get(id=response.json()["id"])
    assert complaint.decision_deadline_may_have_passed

    client = pytest.importorskip("django.test").Client()
    client.force_login(citizen)
    page = client.get(reverse("complaints:receipt", args=[complaint.id]))
    assert "klagefristen kan være overskredet" in page.content.decode()


def test_recent_decision_gives_no_deadline_warning(api, citizen, family):
    response = api(citizen).post("/api/complaints/", VALID_PAYLOAD, format="json")
    assert not Complaint.objects.get(id=response.json()["id"]).decision_deadline_may_have_passed


def test_anonymous_intake_is_refused(api, family):
    response = api().post("/api/complaints/", VALID_PAYLOAD, format="json")
    assert response.status_code == 401
    assert not Complaint.objects.exists()


TOMORROW = (timezone.localdate() + timedelta(days=1)).isoformat()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("kind", "complaint"),
        ("kind", ""),
        ("department", "no-such-department"),
        ("department", ""),
        ("subject", ""),
        ("subject", "x" * 201),
        ("subject", "ab"),
        ("description", ""),
        ("description", "for kort"),
        ("description", "x" * 10001),
        ("case_number", "13-37262"),
        ("case_number", "x" * 21),
        ("decision_date", "24-03-2015"),
        ("decision_date", TOMORROW),
        ("desired_outcome", "x" * 4001),
        ("contact_channel", "pigeon"),
        ("phone", "12ab"),
        ("phone", ""),
        ("contact_time", "x" * 201),
    ],
)
def test_bad_input_on_every_field_gets_a_field_error_and_saves_nothing(api, citizen, family, field, value):
    response = api(citizen).post("/api/complaints/", {**VALID_PAYLOAD, field: value}, format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert not Complaint.objects.exists()
    assert not Email.objects.exists()


@pytest.mark.parametrize("field", ["kind", "department", "subject", "description", "contact_channel"])
def test_missing_required_field_is_named(api, citizen, family, field):
    payload = {k: v for k, v in VALID_PAYLOAD.items() if k != field}
    response = api(citizen).post("/api/complaints/", payload, format="json")
    assert response.status_code == 400
    assert field in response.json()


def test_wrong_types_are_refused(api, citizen, family):
    response = api(citizen).post(
        "/api/complaints/", {**VALID_PAYLOAD, "subject": ["a", "list"], "decision_date": 42}, format="json"
    )
    assert response.status_code == 400
    assert {"subject", "decision_date"} <= set(response.json())


def test_errors_are_danish_by_default_and_english_for_an_english_user(api, citizen, english_citizen, family):
    payload = {**VALID_PAYLOAD, "phone": ""}
    danish = api(citizen).post("/api/complaints/", payload, format="json").json()
    english = api(english_citizen).post("/api/complaints/", payload, format="json").json()

    assert danish["phone"] == ["Skriv dit telefonnummer, når du vil kontaktes på telefon."]
    assert english["phone"] == ["Enter your phone number when you want to be contacted by phone."]


def test_email_channel_needs_no_phone(api, citizen, family):
    payload = {**VALID_PAYLOAD, "contact_channel": "email", "phone": ""}
    assert api(citizen).post("/api/complaints/", payload, format="json").status_code == 201


def test_intake_page_files_and_shows_a_receipt(client, citizen, family):
    client.force_login(citizen)
    form = {**VALID_PAYLOAD, "department": family.id}

    response = file_through_pages(client, form)

    complaint = Complaint.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("complaints:receipt", args=[complaint.id])
    receipt = client.get(response["Location"]).content.decode()
    assert complaint.reference in receipt
    assert "Tak – vi har modtaget din klage" in receipt


def test_intake_page_shows_an_error_summary_and_saves_nothing(client, citizen, family):
    client.force_login(citizen)
    contact = {"contact_channel": "phone", "phone": ""}
    response = client.post(reverse("complaints:create-step", args=["kontakt"]), contact)

    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="error-summary"' in html
    assert "Skriv dit telefonnummer" in html
    assert not Complaint.objects.exists()


def test_intake_page_requires_login(client, family):
    response = client.get(reverse("complaints:create"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_department_list_is_public(api, family, nature):
    response = api().get("/api/departments/")
    assert response.status_code == 200
    assert [d["slug"] for d in response.json()] == ["familiecentret", "natur-og-miljo"]
