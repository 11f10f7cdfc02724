"""A double click on "Gem og fortsæt" of the first step (the form's hidden key) or a retried API call (the
Idempotency-Key header) starts one application and answers the first again; an attachment, a reviewer's question
and the applicant's answer sent twice are made once, and the second click never errors."""

import re
import threading

import pytest
from django.db import connection
from django.urls import reverse

from grants.models import Application, ApplicationAttachment, InformationRequest
from tests.committees.conftest import pdf_upload
from tests.grants.conftest import GROUNDS
from tests.idempotency_keys import hidden_key

pytestmark = pytest.mark.django_db

PROJECT = {
    "title": "Stemmeskole for nydanskere",
    "description": "To aftener på sprogskolen, hvor vi viser, hvordan man stemmer.",
    "target_groups": ["new_danes"],
}
API_BODY = {"title": "Valgfest for unge", "description": "En aften med kandidaterne.", "target_groups": ["young"]}


def applications_url(pool) -> str:
    return f"/api/grant-pools/{pool.id}/applications/"


def test_the_first_step_sent_twice_starts_one_application(client, round, citizen, other_citizen):
    client.force_login(citizen)
    url = reverse("grants:start", args=["valgfremme"])
    form = {**PROJECT, "idempotency_key": hidden_key(client.get(url).content.decode())}
    first, second = client.post(url, form), client.post(url, form)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Application.objects.filter(applicant=citizen).count() == 1
    # Another person's identical key is her own; without a key every post starts one (as before).
    client.force_login(other_citizen)
    assert client.post(url, form).status_code == 302
    assert client.post(url, PROJECT).status_code == 302
    assert Application.objects.filter(applicant=other_citizen).count() == 2


def test_the_api_answers_a_repeated_key_with_the_first_application(api, pool, round, citizen, other_citizen):
    client = api(citizen)
    first = client.post(applications_url(pool), API_BODY, format="json", HTTP_IDEMPOTENCY_KEY="apply-1")
    again = client.post(applications_url(pool), API_BODY, format="json", HTTP_IDEMPOTENCY_KEY="apply-1")
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    other = api(other_citizen).post(applications_url(pool), API_BODY, format="json", HTTP_IDEMPOTENCY_KEY="apply-1")
    assert other.status_code == 201 and other.json()["id"] != first.json()["id"]
    assert client.post(applications_url(pool), API_BODY, format="json").status_code == 201
    assert Application.objects.count() == 3
    bad = client.post(applications_url(pool), API_BODY, format="json", HTTP_IDEMPOTENCY_KEY="æ" * 80)
    assert bad.status_code == 400 and "idempotency_key" in bad.json()


@pytest.mark.django_db(transaction=True)
def test_two_applications_with_one_key_at_the_same_moment_start_one(api, pool, round, citizen):
    answers = []
    start = threading.Barrier(2)

    def post():
        client = api(citizen)
        start.wait()
        answers.append(client.post(applications_url(pool), API_BODY, format="json", HTTP_IDEMPOTENCY_KEY="race-apply"))
        connection.close()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answer.status_code for answer in answers) == [201, 201]
    assert answers[0].json()["id"] == answers[1].json()["id"]
    assert Application.objects.count() == 1


def test_an_attachment_sent_twice_is_attached_once(client, draft, citizen):
    client.force_login(citizen)
    url = reverse("grants:step", args=[draft.id, 3])
    key = hidden_key(client.get(url).content.decode())
    for _ in range(2):
        form = {"title": "Støtteerklæring", "file": pdf_upload("stoette.pdf"), "idempotency_key": key}
        response = client.post(url, form)
        assert response.status_code == 302 and response["Location"] == url
    assert ApplicationAttachment.objects.filter(application=draft).count() == 1
    for attachment in ApplicationAttachment.objects.all():
        attachment.file.delete(save=False)


def test_the_question_and_its_answer_sent_twice_are_asked_and_answered_once(client, submitted, reviewer, citizen):
    page = reverse("grants:application", args=[submitted.id])
    client.force_login(reviewer)
    keys = re.findall(r'name="idempotency_key" value="([0-9a-f]{32})"', client.get(page).content.decode())
    question = {"question": "Hvor mange deltagere regner I med?", "idempotency_key": keys[0]}
    for _ in range(2):
        response = client.post(reverse("grants:question", args=[submitted.id]), question)
        assert response.status_code == 302 and response["Location"] == page
    assert InformationRequest.objects.filter(application=submitted).count() == 1
    # Without a key the second question is refused as before (400: she has one to answer), not a 500.
    refused = client.post(reverse("grants:question", args=[submitted.id]), {"question": "Og hvornår?"})
    assert refused.status_code == 400

    client.force_login(citizen)
    key = hidden_key(client.get(page).content.decode())
    answer = {"answer": "Cirka 40 fra sprogskolen.", "idempotency_key": key}
    for _ in range(2):
        response = client.post(reverse("grants:answer", args=[submitted.id]), answer)
        assert response.status_code == 302 and response["Location"] == page
    submitted.refresh_from_db()
    assert submitted.status == Application.Status.SUBMITTED
    assert InformationRequest.objects.get(application=submitted).answer == "Cirka 40 fra sprogskolen."


def test_send_clicked_twice_lands_on_the_receipt_both_times(client, api, draft, citizen):
    client.force_login(citizen)
    url = reverse("grants:submit", args=[draft.id])
    first, second = client.post(url), client.post(url)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == reverse("grants:receipt", args=[draft.id])
    draft.refresh_from_db()
    assert draft.status == Application.Status.SUBMITTED
    again = api(citizen).post(f"/api/grant-applications/{draft.id}/submit/")
    assert again.status_code == 200 and again.json()["status"] == "submitted"


def test_a_decision_sent_twice_is_made_once_on_the_page_and_the_api(client, api, submitted, reviewer, round):
    page = reverse("grants:application", args=[submitted.id])
    client.force_login(reviewer)
    assert "idempotency_key" in client.get(page).content.decode()  # the decision form carries its key
    decision = {"outcome": "partly_granted", "amount_granted": "9.000", **GROUNDS, "idempotency_key": "decide-1"}
    for _ in range(2):
        response = client.post(reverse("grants:decide", args=[submitted.id]), decision)
        assert response.status_code == 302 and response["Location"] == page
    submitted.refresh_from_db()
    assert submitted.status == Application.Status.PARTLY_GRANTED
    # The API with its own key: the first call decides nothing new (decided), so it is refused as before (400).
    url = f"/api/grant-applications/{submitted.id}/decision/"
    body = {"outcome": "refused", **GROUNDS}
    assert api(reviewer).post(url, body, format="json", HTTP_IDEMPOTENCY_KEY="dec-1").status_code == 400


def test_the_decision_api_decides_once_per_key(api, submitted, reviewer):
    url = f"/api/grant-applications/{submitted.id}/decision/"
    body = {"outcome": "partly_granted", "amount_granted": 9_000 * 100, **GROUNDS}
    sent = [api(reviewer).post(url, body, format="json", HTTP_IDEMPOTENCY_KEY="dec-2") for _ in "ab"]
    assert [response.status_code for response in sent] == [200, 200]
    assert sent[0].json()["status"] == sent[1].json()["status"] == "partly_granted"
