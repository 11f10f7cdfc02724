"""Every complaint has its thread: created with it, joined by the caseworker, a place to share contact summaries."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from complaints.models import Complaint, ContactLog, ContactTask
from complaints.services import log_contact, reassign_task, share_contact_summary
from dialogue.models import Message, Participant

pytestmark = pytest.mark.django_db


@pytest.fixture
def complaint(routed_complaint) -> Complaint:
    return routed_complaint


@pytest.fixture
def contact_log(complaint, caseworker) -> ContactLog:
    task = complaint.tasks.get(kind=ContactTask.Kind.EARLY_CONTACT)
    return log_contact(
        actor=caseworker,
        task=task,
        channel=ContactLog.Channel.PHONE,
        contacted_at=timezone.now(),
        summary="Vi gennemgik afslaget. Borgeren søger igen med ny dokumentation.",
        citizen_understood_decision=ContactLog.Understood.YES,
        next_steps="Borgeren sender kvitteringen inden fredag.",
    )


def participants(thread):
    return dict(thread.participants.values_list("user__email", "role"))


def test_filing_creates_the_thread_with_the_citizen_and_routing_adds_the_caseworker(complaint, family):
    thread = complaint.thread
    assert thread.department == family
    assert thread.title == "Afslag på aflastning"
    assert thread.subject_url == reverse("complaints:detail", args=[complaint.id])
    assert participants(thread) == {"borger@example.dk": "citizen", "sagsbehandler@example.dk": "staff"}


def test_reassigning_moves_the_thread_to_the_new_caseworker(complaint, lead, second_caseworker):
    task = complaint.tasks.get(kind=ContactTask.Kind.EARLY_CONTACT)
    reassign_task(actor=lead, task=task, assignee=second_caseworker)
    assert participants(complaint.thread) == {"borger@example.dk": "citizen", "sagsbehandler3@example.dk": "staff"}


def test_the_complaint_api_names_its_thread(api, complaint, citizen):
    assert api(citizen).get(f"/api/complaints/{complaint.id}/").data["thread"] == complaint.thread_id


def test_the_complaint_page_leads_to_the_thread(client, complaint, citizen):
    client.force_login(citizen)
    text = client.get(reverse("complaints:detail", args=[complaint.id])).text
    assert reverse("dialogue:thread", args=[complaint.thread_id]) in text


def test_a_contact_summary_is_shared_once(contact_log, caseworker, complaint):
    message = share_contact_summary(actor=caseworker, contact_log=contact_log)
    assert share_contact_summary(actor=caseworker, contact_log=contact_log) == message
    assert (message.kind, message.thread_id) == (Message.Kind.CONTACT_SUMMARY, complaint.thread_id)
    assert message.body == (
        "Vi gennemgik afslaget. Borgeren søger igen med ny dokumentation.\n\n"
        "Aftalte næste skridt:\nBorgeren sender kvitteringen inden fredag."
    )
    contact_log.refresh_from_db()
    assert contact_log.shared_message == message


def test_only_department_staff_share_a_summary(contact_log, citizen, other_caseworker):
    for outsider in (citizen, other_caseworker):
        with pytest.raises(PermissionDenied):
            share_contact_summary(actor=outsider, contact_log=contact_log)
    assert not Message.objects.exists()


def test_sharing_on_the_complaint_page_and_the_citizens_answer_shows_there(
    client, api, complaint, contact_log, caseworker, citizen
):
    client.force_login(caseworker)
    detail = reverse("complaints:detail", args=[complaint.id])
    assert "Del resuméet med borgeren i samtalen" in client.get(detail).text
    share = reverse("complaints:contact-share", args=[complaint.id, contact_log.id])
    assert client.post(share)["Location"] == f"{detail}#contact-{contact_log.id}"
    assert "Venter på borgerens svar." in client.get(detail).text
    summary = Message.objects.get(kind=Message.Kind.CONTACT_SUMMARY)
    answered = api(citizen).post(
        f"/api/threads/{complaint.thread_id}/messages/",
        {"client_id": "c1", "kind": "correction", "reply_to": summary.id, "body": "Det var inden mandag."},
        format="json",
    )
    assert answered.status_code == 201
    text = client.get(detail).text
    assert "Borgeren har rettet resuméet." in text
    assert "Det var inden mandag." in text
    client.force_login(citizen)
    assert client.post(share).status_code == 403


def test_the_share_api(api, complaint, contact_log, caseworker, other_caseworker):
    url = f"/api/complaints/{complaint.id}/contacts/{contact_log.id}/share/"
    assert api(other_caseworker).post(url).status_code == 404
    response = api(caseworker).post(url)
    assert response.status_code == 200
    assert response.data["kind"] == "contact_summary"
    assert Participant.objects.filter(thread=complaint.thread, user=caseworker).exists()
