"""The legal track's doors sent twice (a double click: the form's hidden key; a retry: the API's Idempotency-Key)
make one partshøring, one answer, one request for more time, one decision letter and one genvurdering — and the
second gets the first's answer, never "already answered" or a 500."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from casework import services
from casework.models import Decision, Hearing, Reassessment
from notifications.models import Email
from tests.casework.conftest import GROUNDS, pdf

pytestmark = pytest.mark.django_db

FACTS = "Lægen skriver den 3. november, at jeres søn sover godt om natten."
UPHELD = {"kind": "upheld", "decision": "Vi fastholder afgørelsen om afslag på aflastning.", **GROUNDS}
KEY = re.compile(r'name="idempotency_key" value="([0-9a-f]{32})"')


def hidden_key(html: str) -> str:
    return KEY.search(html).group(1)


def future(days=30) -> str:
    return (timezone.localdate() + timedelta(days=days)).isoformat()


def test_the_hearing_and_its_answer_sent_twice_on_the_pages_are_made_once(
    client, citizen, caseworker, routed_complaint
):
    client.force_login(caseworker)
    url = reverse("casework:hearing-create", args=[routed_complaint.id])
    form = {
        "kind": "partshoering",
        "facts": FACTS,
        "deadline": future(),
        "idempotency_key": hidden_key(client.get(url).content.decode()),
    }
    first, second = client.post(url, form), client.post(url, form)
    assert first.status_code == second.status_code == 302 and first["Location"] == second["Location"]
    hearing = Hearing.objects.get()

    client.force_login(citizen)
    page = reverse("casework:hearing", args=[hearing.id])
    keys = KEY.findall(client.get(page).content.decode())
    extension = {
        "action": "extension",
        "reason": "Jeg venter på lægen.",
        "wanted_until": "",
        "idempotency_key": keys[1],
    }
    for _ in range(2):
        response = client.post(page, extension, follow=True)
        assert response.status_code == 200
        assert "Din anmodning om mere tid er sendt til sagsbehandleren." in response.content.decode()
    client.force_login(caseworker)
    new = (hearing.deadline + timedelta(days=10)).date().isoformat()
    decide = {
        "action": "decide",
        "grant": "yes",
        "deadline": new,
        "idempotency_key": hidden_key(client.get(page).content.decode().split('value="decide"', 1)[1]),
    }
    for _ in range(2):
        response = client.post(page, decide, follow=True)
        assert "Borgeren har fået svar på sin anmodning om mere tid." in response.content.decode()
    hearing.refresh_from_db()
    assert not hearing.extension_pending
    client.force_login(citizen)
    for _ in range(2):
        answer = {"action": "answer", "answer": "Han vågner hver nat.", "files": [pdf()], "idempotency_key": keys[0]}
        response = client.post(page, answer, follow=True)
        assert response.status_code == 200
        assert "Tak for dit svar. Din sagsbehandler har fået besked." in response.content.decode()
    hearing.refresh_from_db()
    assert hearing.status == "answered" and hearing.answer_attachments.count() == 1
    # Another key is refused as before (she may no longer answer: 403), not a 500.
    again = {**answer, "files": [], "idempotency_key": "another"}
    assert client.post(page, again).status_code == 403


def test_the_api_answers_repeated_keys_with_the_first_hearing_and_answer(api, citizen, caseworker, routed_complaint):
    url = f"/api/complaints/{routed_complaint.id}/hearings/"
    body = {"facts": FACTS, "deadline": future()}
    sent = [api(caseworker).post(url, body, format="json", HTTP_IDEMPOTENCY_KEY="hear-1") for _ in range(2)]
    assert [response.status_code for response in sent] == [201, 201]
    assert sent[0].json() == sent[1].json()
    assert Hearing.objects.count() == 1
    hearing_id = sent[0].json()["id"]
    answers = [
        api(citizen).post(
            f"/api/complaint-hearings/{hearing_id}/answer/",
            {"answer": "Det passer ikke.", "files": [pdf("svar.pdf")]},
            format="multipart",
            HTTP_IDEMPOTENCY_KEY="answer-1",
        )
        for _ in range(2)
    ]
    assert [response.status_code for response in answers] == [200, 200]
    assert len(answers[1].json()["answer_attachments"]) == 1
    # No key: the repeat is refused as before (403: she may no longer answer), not a 500.
    refused = api(citizen).post(
        f"/api/complaint-hearings/{hearing_id}/answer/", {"answer": "Igen."}, format="multipart"
    )
    assert refused.status_code == 403


def test_the_decision_letter_sent_twice_is_sent_once(client, caseworker, routed_complaint):
    client.force_login(caseworker)
    url = reverse("casework:decision-create", args=[routed_complaint.id])
    form = {**UPHELD, "action": "send", "idempotency_key": hidden_key(client.get(url).content.decode())}
    first, second = client.post(url, form), client.post(url, form)
    assert first.status_code == second.status_code == 302 and first["Location"] == second["Location"]
    assert Decision.objects.count() == 1
    assert Email.objects.filter(subject__icontains="afgørelse").count() == 1
    # Another key: the second letter is refused as before (one final decision), a 400, not a 500.
    assert client.post(url, {**form, "idempotency_key": "another"}).status_code == 400


def test_the_api_sends_one_decision_letter_per_key(api, caseworker, routed_complaint):
    url = f"/api/complaints/{routed_complaint.id}/decisions/"
    sent = [api(caseworker).post(url, UPHELD, format="json", HTTP_IDEMPOTENCY_KEY="decide-1") for _ in range(2)]
    assert [response.status_code for response in sent] == [201, 201]
    assert sent[0].json() == sent[1].json()
    assert Decision.objects.count() == 1
    assert api(caseworker).post(url, UPHELD, format="json").status_code == 400


def test_the_genvurdering_sent_twice_forwards_once(client, api, caseworker, with_original):
    services.send_decision(actor=caseworker, complaint=with_original, **UPHELD)
    client.force_login(caseworker)
    url = reverse("casework:forward", args=[with_original.id])
    form = {
        "grounds": "Vi har set på sagen igen. Lægens nye udtalelse ændrer ikke, at behovet er dækket.",
        "appeals_body": "Ankestyrelsen",
        "idempotency_key": hidden_key(client.get(url).content.decode()),
    }
    first, second = client.post(url, form), client.post(url, form)
    assert first.status_code == second.status_code == 302 and first["Location"] == second["Location"]
    assert Reassessment.objects.count() == 1
    page = client.get(second["Location"]).content.decode()
    assert "Klagen er sendt til klageinstansen, og borgeren har fået besked." in page


def test_the_api_forwards_once_per_key(api, caseworker, with_original):
    services.send_decision(actor=caseworker, complaint=with_original, **UPHELD)
    url = f"/api/complaints/{with_original.id}/forward/"
    body = {"grounds": "Vi har set på sagen igen, og afgørelsen står ved magt.", "appeals_body": "Ankestyrelsen"}
    sent = [api(caseworker).post(url, body, format="json", HTTP_IDEMPOTENCY_KEY="forward-1") for _ in range(2)]
    assert [response.status_code for response in sent] == [201, 201]
    assert sent[0].json() == sent[1].json()
    assert Reassessment.objects.count() == 1
    assert api(caseworker).post(url, body, format="json").status_code in (400, 403)
