"""A double click on "Send høringssvaret" (the form's hidden key) or a retried API call (the Idempotency-Key
header) files one answer and answers the first again; the department's creates (hearing, section, file,
invitation) are made once too, and the second click never errors."""

import re
import threading

import pytest
from django.db import connection
from django.urls import reverse

from core.models import IdempotencyKey
from hearings.models import Answer, Hearing, HearingFile, Invitation, Section
from tests.committees.conftest import pdf_upload
from tests.idempotency_keys import hidden_key

pytestmark = pytest.mark.django_db

ANSWER = {"section": "", "on_behalf": "self", "body": "Jeg bakker op om forslaget til en ny dialogmodel."}


def answers_url(hearing) -> str:
    return f"/api/hearings/{hearing.id}/answers/"


def test_the_answer_form_sent_twice_files_one_answer(client, open_hearing, citizen, other_citizen):
    client.force_login(citizen)
    url = reverse("hearings:answer", args=[open_hearing.id])
    form = {**ANSWER, "idempotency_key": hidden_key(client.get(url).content.decode())}
    first, second = client.post(url, form), client.post(url, form)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Answer.objects.filter(author=citizen).count() == 1
    # Another person's identical key is her own; without a key every post answers (as before).
    client.force_login(other_citizen)
    assert client.post(url, form).status_code == 302
    assert client.post(url, ANSWER).status_code == 302
    assert Answer.objects.filter(author=other_citizen).count() == 2


def test_the_answer_form_with_a_file_sent_twice_stores_one_file(client, open_hearing, citizen):
    client.force_login(citizen)
    url = reverse("hearings:answer", args=[open_hearing.id])
    for _ in range(2):
        form = {**ANSWER, "idempotency_key": "answer-with-file", "file": pdf_upload("bilag.pdf")}
        assert client.post(url, form).status_code == 302
    assert Answer.objects.exclude(file="").count() == 1


def test_the_api_answers_a_repeated_key_with_the_first_answer(api, open_hearing, citizen, other_citizen):
    client = api(citizen)
    body = {"body": "Mit svar via API'et, sendt to gange."}
    first = client.post(answers_url(open_hearing), body, format="json", HTTP_IDEMPOTENCY_KEY="answer-1")
    again = client.post(answers_url(open_hearing), body, format="json", HTTP_IDEMPOTENCY_KEY="answer-1")
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    other = api(other_citizen).post(answers_url(open_hearing), body, format="json", HTTP_IDEMPOTENCY_KEY="answer-1")
    assert other.status_code == 201 and other.json()["id"] != first.json()["id"]
    assert client.post(answers_url(open_hearing), body, format="json").status_code == 201
    assert Answer.objects.count() == 3
    bad = client.post(answers_url(open_hearing), body, format="json", HTTP_IDEMPOTENCY_KEY="æ" * 80)
    assert bad.status_code == 400 and "idempotency_key" in bad.json()


def test_a_refused_answer_keeps_no_key_so_the_corrected_one_goes_through(api, open_hearing, citizen):
    client = api(citizen)
    refused = client.post(answers_url(open_hearing), {"body": "Kort"}, format="json", HTTP_IDEMPOTENCY_KEY="a-2")
    assert refused.status_code == 400
    assert not IdempotencyKey.objects.filter(key="a-2").exists()
    body = {"body": "Nu med et ordentligt langt svar."}
    assert client.post(answers_url(open_hearing), body, format="json", HTTP_IDEMPOTENCY_KEY="a-2").status_code == 201


@pytest.mark.django_db(transaction=True)
def test_two_answers_with_one_key_at_the_same_moment_file_one_answer(api, open_hearing, citizen):
    answers = []
    start = threading.Barrier(2)

    def post():
        client = api(citizen)
        start.wait()
        answers.append(
            client.post(
                answers_url(open_hearing),
                {"body": "Samme svar, sendt to gange på én gang."},
                format="json",
                HTTP_IDEMPOTENCY_KEY="race-answer",
            )
        )
        connection.close()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answer.status_code for answer in answers) == [201, 201]
    assert answers[0].json()["id"] == answers[1].json()["id"]
    assert Answer.objects.count() == 1


def test_the_departments_creates_sent_twice_make_one_each(client, staff, committee, family, elder_council):
    client.force_login(staff)
    create = reverse("hearings:create")
    form = {
        "title": "Ny ældrepolitik",
        "summary": "Kommunen vil skrive en ny ældrepolitik.",
        "committee": committee.id,
        "department": family.id,
        "starts_on": "2030-01-01",
        "ends_on": "2030-02-01",
        "idempotency_key": hidden_key(client.get(create).content.decode()),
    }
    first, second = client.post(create, form), client.post(create, form)
    assert first.status_code == second.status_code == 302 and first["Location"] == second["Location"]
    hearing = Hearing.objects.get()
    manage = client.get(reverse("hearings:manage", args=[hearing.id])).content.decode()
    section_key, file_key, invite_key = re.findall(r'name="idempotency_key" value="([0-9a-f]{32})"', manage)

    section = {"title": "Formål", "body": "Politikkens formål.", "idempotency_key": section_key}
    for _ in range(2):
        assert client.post(reverse("hearings:section-add", args=[hearing.id]), section).status_code == 302
    assert Section.objects.filter(hearing=hearing).count() == 1

    for _ in range(2):
        stored = {"title": "Udkast", "file": pdf_upload("udkast.pdf"), "idempotency_key": file_key}
        assert client.post(reverse("hearings:file-add", args=[hearing.id]), stored).status_code == 302
    assert HearingFile.objects.filter(hearing=hearing).count() == 1
    # Removed since, the same key again is a 400 that says so (there is no first file to answer with), not a 500.
    stored_file = HearingFile.objects.get(hearing=hearing)
    assert client.post(reverse("hearings:file-remove", args=[hearing.id, stored_file.id])).status_code == 302
    stored = {"title": "Udkast", "file": pdf_upload("udkast.pdf"), "idempotency_key": file_key}
    response = client.post(reverse("hearings:file-add", args=[hearing.id]), stored)
    assert response.status_code == 400
    assert "Det her er allerede sendt én gang og siden fjernet." in response.content.decode()

    # The second invitation's form no longer offers the invited council; with the same key it is the first again.
    invite = {"party": f"council-{elder_council.id}", "idempotency_key": invite_key}
    for _ in range(2):
        assert client.post(reverse("hearings:invite", args=[hearing.id]), invite).status_code == 302
    assert Invitation.objects.filter(hearing=hearing).count() == 1
    # Another key for the same council is the form's refusal, as before (400, not 500).
    again = {**invite, "idempotency_key": "another"}
    assert client.post(reverse("hearings:invite", args=[hearing.id]), again).status_code == 400
