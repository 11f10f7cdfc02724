"""A double click or a resent request files one complaint (API; the intake pages send a draft once), logs one
contact, answers one survey — and the second click never errors; past the rate limit the API answers 429."""

import re
import threading

import pytest
from django.db import connection
from django.urls import reverse

from complaints import services
from complaints.models import Complaint, ContactLog, ContactTask, Survey
from core.models import IdempotencyKey
from notifications.models import Email
from tests.idempotency_keys import hidden_key

from .payloads import VALID_PAYLOAD

pytestmark = pytest.mark.django_db

CONTACT = {
    "action": "contact",
    "channel": "phone",
    "contacted_at": "2026-11-26T10:00",
    "summary": "Talte med borgeren om sagen.",
    "citizen_understood_decision": "yes",
}


def test_the_api_with_the_same_idempotency_key_answers_the_first_complaint_again(api, citizen, other_citizen, family):
    client = api(citizen)
    first = client.post("/api/complaints/", VALID_PAYLOAD, format="json", HTTP_IDEMPOTENCY_KEY="intake-1")
    again = client.post("/api/complaints/", VALID_PAYLOAD, format="json", HTTP_IDEMPOTENCY_KEY="intake-1")
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    # The key is the person's own: another citizen's identical key files her own complaint.
    other = api(other_citizen).post("/api/complaints/", VALID_PAYLOAD, format="json", HTTP_IDEMPOTENCY_KEY="intake-1")
    assert other.json()["id"] != first.json()["id"]
    assert Complaint.objects.count() == 2
    # Without a key every request files (as before); a malformed key is a 400, not a 500.
    bad = client.post("/api/complaints/", VALID_PAYLOAD, format="json", HTTP_IDEMPOTENCY_KEY="æ" * 80)
    assert bad.status_code == 400 and "idempotency_key" in bad.json()


@pytest.mark.django_db(transaction=True)
def test_two_requests_with_one_key_at_the_same_moment_file_one_complaint(api, citizen, family):
    answers = []
    start = threading.Barrier(2)

    def post():
        client = api(citizen)
        start.wait()
        answers.append(client.post("/api/complaints/", VALID_PAYLOAD, format="json", HTTP_IDEMPOTENCY_KEY="race-1"))
        connection.close()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answer.status_code for answer in answers) == [201, 201]
    assert answers[0].json()["id"] == answers[1].json()["id"]
    assert Complaint.objects.count() == 1


def test_the_contact_log_form_sent_twice_logs_one_contact_and_never_500s(client, routed_complaint, caseworker):
    task = ContactTask.objects.get(complaint=routed_complaint)
    client.force_login(caseworker)
    page = client.get(reverse("complaints:task", args=[task.id])).content.decode()
    form = {**CONTACT, "idempotency_key": hidden_key(page)}
    first = client.post(reverse("complaints:task", args=[task.id]), form)
    second = client.post(reverse("complaints:task", args=[task.id]), form)
    assert first.status_code == second.status_code == 302
    assert ContactLog.objects.filter(task=task).count() == 1
    # A second contact form (another key) on the finished task is refused (400), not a 500.
    third = client.post(reverse("complaints:task", args=[task.id]), {**CONTACT, "idempotency_key": "another"})
    assert third.status_code == 400
    assert ContactLog.objects.filter(task=task).count() == 1


def test_the_survey_sent_twice_thanks_twice_and_stores_one_answer(client, routed_complaint, caseworker, citizen):
    services.close_complaint(actor=caseworker, complaint=routed_complaint, outcome="decision_changed", note="Medhold.")
    body = Email.objects.get(recipient=citizen, subject__contains="afsluttet").body
    path = re.search(r"https?://[^/\s]+(/undersoegelse/[^\s]+/)", body).group(1)
    key = hidden_key(client.get(path).content.decode())
    form = {"rating": "4", "understood_decision": "yes", "idempotency_key": key}
    first = client.post(path, form)
    second = client.post(path, form)
    assert first.status_code == second.status_code == 200
    assert "complaints/survey_thanks.html" in [template.name for template in second.templates]
    assert Survey.objects.get(complaint=routed_complaint).rating == 4
    # A form with errors keeps its key (nothing was kept for it); the used link with another form is closed.
    refused = client.post(path, {"rating": "9", "understood_decision": "yes", "idempotency_key": "k-2"})
    assert refused.status_code == 410
    assert IdempotencyKey.objects.filter(key="k-2").count() == 0
    assert client.post(path, {**form, "idempotency_key": "other"}).status_code == 410


def test_past_the_rate_limit_the_api_answers_429_with_the_seconds_to_wait(api, citizen, family, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "complaints.file": (3, 600)}
    client = api(citizen)
    for _ in range(3):
        assert client.post("/api/complaints/", VALID_PAYLOAD, format="json").status_code == 201
    refused = client.post("/api/complaints/", VALID_PAYLOAD, format="json")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "Du har sendt for mange på kort tid." in refused.json()["detail"]
    assert Complaint.objects.count() == 3
