"""The complaint pages' writes say what happened (a success message on the page they lead to): citizen service's
new code and "done", the KLE subject, a paper fuldmagt (sent twice with one key: the same message), a contact
summary shared, and a fuldmagt given (twice with one key), answered yes or no, and ended.

Sending a complaint (the steps' last "Send") and filing one for a citizen lead to a receipt that is itself a success
alert ("Tak – vi har modtaget din klage", "Klagen er oprettet for …"): they set no message."""

import pytest
from django.urls import reverse
from django.utils import timezone

from complaints.models import Complaint, ContactLog, ContactTask
from complaints.services import log_contact
from tests.classification.test_kle import kle  # noqa: F401 (fixture)
from tests.complaints.representation_helpers import days, grant, pdf, today
from tests.complaints.test_double_submit_doors import ASSISTED_FORM
from tests.idempotency_keys import hidden_key
from tests.success_messages import alerts, assert_told

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_storage(tmp_path, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "attachments": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}},
    }


def test_citizen_service_files_then_makes_a_new_code_and_is_done(client, clerk, family):
    client.force_login(clerk)
    response = client.post(
        reverse("complaints:assisted-create"), {**ASSISTED_FORM, "department": family.id}, follow=True
    )
    assert ("success", "Klagen er oprettet for Inger Madsen") not in alerts(response)  # the receipt says it
    assert "Klagen er oprettet for Inger Madsen" in response.text
    complaint = Complaint.objects.get()
    done = client.post(reverse("complaints:assisted-done", args=[complaint.id]), follow=True)
    assert_told(done, f"Koden til {complaint.reference} er glemt og vises ikke igen.")
    renewed = client.post(reverse("complaints:assisted-new-code", args=[complaint.id]), follow=True)
    assert_told(renewed, "Der er lavet en ny kode. Den gamle kode virker ikke længere.")


def test_the_caseworker_changes_the_kle_subject(kle, client, routed_complaint, caseworker):  # noqa: F811
    client.force_login(caseworker)
    url = reverse("complaints:classify", args=[routed_complaint.id])
    assert_told(client.post(url, {"kle_subject": kle["97.20.05"].id}, follow=True), "KLE-emnet er gemt.")


def test_a_paper_fuldmagt_recorded_and_sent_again(client, caseworker, relative, routed_complaint):
    client.force_login(caseworker)
    page = client.get(reverse("complaints:detail", args=[routed_complaint.id])).text
    form = {
        "representative_email": relative.email,
        "valid_from": today().isoformat(),
        "valid_until": "",
        "title": "Underskrevet fuldmagt",
        "idempotency_key": hidden_key(page.split("record-representation", 1)[1]),
    }
    url = reverse("complaints:record-representation", args=[routed_complaint.id])
    for _ in range(2):
        assert_told(client.post(url, {**form, "file": pdf()}, follow=True), "Fuldmagten er registreret for klagen.")


def test_a_contact_summary_shared(client, routed_complaint, caseworker):
    log = log_contact(
        actor=caseworker,
        task=routed_complaint.tasks.get(kind=ContactTask.Kind.EARLY_CONTACT),
        channel=ContactLog.Channel.PHONE,
        contacted_at=timezone.now(),
        summary="Vi gennemgik afslaget.",
        citizen_understood_decision=ContactLog.Understood.YES,
    )
    client.force_login(caseworker)
    response = client.post(reverse("complaints:contact-share", args=[routed_complaint.id, log.id]), follow=True)
    assert_told(response, "Resuméet er delt med borgeren i samtalen. Borgeren kan bekræfte eller rette det.")


def test_a_fuldmagt_given_twice_with_one_key_answered_and_ended(client, citizen, relative, routed_complaint):
    client.force_login(citizen)
    form = {
        "representative_email": relative.email,
        "scope": str(routed_complaint.id),
        "valid_from": today().isoformat(),
        "valid_until": days(14).isoformat(),
        "idempotency_key": hidden_key(client.get("/fuldmagter/").text),
    }
    for _ in range(2):
        told = "Fuldmagten er sendt til Susanne Hansen. Den gælder, når Susanne Hansen har sagt ja."
        assert_told(client.post(reverse("complaints:representations"), form, follow=True), told)
    representation = routed_complaint.citizen.representations_given.get()
    client.force_login(relative)
    url = reverse("complaints:representation-answer", args=[representation.id])
    told = "Du har sagt ja til fuldmagten, og Mette Hansen har fået besked."
    assert_told(client.post(url, {"answer": "accept"}, follow=True), told)
    url = reverse("complaints:representation-end", args=[representation.id])
    assert_told(client.post(url, follow=True), "Fuldmagten er afsluttet og gælder ikke længere.")


def test_a_fuldmagt_declined(client, citizen, relative):
    representation = grant(citizen, relative)
    client.force_login(relative)
    url = reverse("complaints:representation-answer", args=[representation.id])
    told = "Du har sagt nej til fuldmagten, og Mette Hansen har fået besked."
    assert_told(client.post(url, {"answer": "decline"}, follow=True), told)
