"""Routing, contact, outcome and follow-up: the services and the tasks that call them."""

import base64
import json
from datetime import timedelta

import pytest
import redis
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from complaints import services, tasks
from complaints.deadlines import add_working_days
from complaints.models import Complaint, ComplaintEvent, ContactTask, Survey
from notifications.models import Email
from tests.complaints.payloads import VALID_PAYLOAD

pytestmark = pytest.mark.django_db


def early_task(complaint) -> ContactTask:
    return complaint.tasks.get(kind=ContactTask.Kind.EARLY_CONTACT)


def test_routing_creates_the_early_contact_task_with_a_working_day_deadline(file_complaint, caseworker):
    complaint = file_complaint()

    task = services.route_complaint(complaint_id=complaint.id)

    complaint.refresh_from_db()
    assert task.assignee == caseworker
    assert task.due_at == add_working_days(start=complaint.created_at, days=2)
    assert complaint.status == Complaint.Status.CONTACT_PENDING
    assert complaint.caseworker == caseworker
    assert Email.objects.filter(recipient=caseworker, subject__contains=complaint.reference).count() == 1


def test_routing_picks_the_caseworker_with_fewest_open_tasks(file_complaint, caseworker, second_caseworker):
    first = file_complaint()
    services.route_complaint(complaint_id=first.id)
    second = file_complaint()
    services.route_complaint(complaint_id=second.id)

    assert {early_task(first).assignee, early_task(second).assignee} == {caseworker, second_caseworker}


def test_routing_without_caseworkers_leaves_the_task_unassigned_and_tells_the_lead(file_complaint, lead):
    complaint = file_complaint()
    task = services.route_complaint(complaint_id=complaint.id)
    assert task.assignee is None
    assert Email.objects.filter(recipient=lead).exists()


def test_route_task_run_twice_creates_one_task_and_one_email(file_complaint, caseworker):
    complaint = file_complaint()

    tasks.route_complaint.apply(args=[complaint.id])
    tasks.route_complaint.apply(args=[complaint.id])

    assert complaint.tasks.count() == 1
    assert Email.objects.filter(recipient=caseworker).count() == 1
    assert complaint.events.filter(kind=ComplaintEvent.Kind.ASSIGNED).count() == 1


def test_route_task_for_a_vanished_complaint_does_nothing(db):
    tasks.route_complaint.apply(args=[999_999])
    assert not ContactTask.objects.exists()


def sent_for(complaint_id: int) -> list[tuple[str, str]]:
    """(queue, task name) of each complaints task the test process's broker holds for the complaint (never read
    here; other apps' tasks, such as an e-mail's delivery, take ids of their own)."""
    broker = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    sent = []
    for queue in ("routing", "default", "heavy"):
        for raw in broker.lrange(queue, 0, -1):
            message = json.loads(raw)
            name = message["headers"]["task"]
            if name.startswith("complaints.") and json.loads(base64.b64decode(message["body"]))[0] == [complaint_id]:
                sent.append((queue, name))
    return sorted(sent)


def test_intake_sends_one_message_and_routing_sends_the_receipt_and_the_suggestion_on_their_queues(
    api, citizen, family, caseworker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complaint_id = api(citizen).post("/api/complaints/", VALID_PAYLOAD, format="json").json()["id"]
    assert sent_for(complaint_id) == [("routing", "complaints.tasks.route_complaint")]

    for _redelivery in range(2):  # the second run routes nothing and sends nothing again
        with django_capture_on_commit_callbacks(execute=True):
            tasks.route_complaint.apply(args=[complaint_id])
    assert sent_for(complaint_id) == [
        ("default", "complaints.tasks.acknowledge_complaint"),
        ("heavy", "complaints.tasks.suggest_themes_for_complaint"),
        ("routing", "complaints.tasks.route_complaint"),
    ]


def test_receipt_sweeper_sends_the_receipt_routing_never_sent_once(file_complaint, citizen, caseworker):
    complaint = file_complaint()
    services.route_complaint(complaint_id=complaint.id)  # its after-commit sends never run in this test
    later = timezone.now() + timedelta(minutes=5)

    assert services.sweep_unacknowledged_complaints(now=timezone.now()) == 0  # within the grace period
    assert services.sweep_unacknowledged_complaints(now=later) == 1
    assert services.sweep_unacknowledged_complaints(now=later) == 0
    tasks.acknowledge_complaint.apply(args=[complaint.id])  # the lost message arrives after all: nothing new

    assert Email.objects.filter(recipient=citizen, dedupe_key=f"complaint-ack-{complaint.id}").count() == 1
    complaint.refresh_from_db()
    assert complaint.acknowledged_at is not None


def test_sweeper_creates_the_task_a_lost_message_never_created(file_complaint, caseworker):
    complaint = file_complaint()  # the routing message is never delivered in this test
    Complaint.objects.filter(id=complaint.id).update(created_at=timezone.now() - timedelta(minutes=2))
    fresh = file_complaint(subject="Endnu en klage")

    tasks.sweep_missing_early_contact.apply()
    tasks.sweep_missing_early_contact.apply()

    assert early_task(complaint).assignee == caseworker
    assert not fresh.tasks.exists()  # still within the grace period: its own message may be on the way


def test_log_contact_completes_the_task_and_moves_the_complaint_into_dialogue(routed_complaint, caseworker):
    task = early_task(routed_complaint)

    services.log_contact(
        actor=caseworker,
        task=task,
        channel="phone",
        contacted_at=timezone.now(),
        summary="Talte med borgeren om afslaget og mulige alternativer.",
        citizen_understood_decision="partly",
        next_steps="Vi mødes i næste uge.",
    )

    task.refresh_from_db()
    routed_complaint.refresh_from_db()
    assert task.status == ContactTask.Status.DONE
    assert routed_complaint.status == Complaint.Status.IN_DIALOGUE
    assert routed_complaint.events.filter(kind=ComplaintEvent.Kind.CONTACTED).exists()


def test_logging_twice_on_the_same_task_is_refused(routed_complaint, caseworker):
    task = early_task(routed_complaint)
    contact = {
        "channel": "phone",
        "contacted_at": timezone.now(),
        "summary": "Talte med borgeren.",
        "citizen_understood_decision": "yes",
    }
    services.log_contact(actor=caseworker, task=task, **contact)
    with pytest.raises(ValidationError):
        services.log_contact(actor=caseworker, task=task, **contact)
    assert routed_complaint.contact_logs.count() == 1


def test_close_records_outcome_creates_follow_up_and_sends_the_survey(routed_complaint, caseworker, citizen):
    services.close_complaint(
        actor=caseworker,
        complaint=routed_complaint,
        outcome=Complaint.Outcome.RESOLVED_IN_DIALOGUE,
        note="Vi fandt en løsning med aflastning hver anden weekend.",
    )

    routed_complaint.refresh_from_db()
    assert routed_complaint.status == Complaint.Status.CLOSED
    assert routed_complaint.outcome == "resolved_in_dialogue"
    follow_up = routed_complaint.tasks.get(kind=ContactTask.Kind.FOLLOW_UP)
    assert follow_up.assignee == caseworker
    assert follow_up.due_at == add_working_days(start=routed_complaint.closed_at, days=10)
    assert early_task(routed_complaint).status == ContactTask.Status.CANCELLED
    survey_mail = Email.objects.get(recipient=citizen, subject__contains="afsluttet")
    assert "/undersoegelse/" in survey_mail.body
    assert Survey.objects.filter(complaint=routed_complaint).exists()


def test_upheld_and_forwarded_records_when_it_was_forwarded(routed_complaint, caseworker):
    services.close_complaint(
        actor=caseworker, complaint=routed_complaint, outcome="upheld_and_forwarded", note="Sendt til Ankestyrelsen."
    )
    routed_complaint.refresh_from_db()
    assert routed_complaint.forwarded_at == routed_complaint.closed_at
    assert routed_complaint.forwarded_at <= routed_complaint.genvurdering_due


@pytest.mark.parametrize(
    ("outcome", "note", "field"),
    [("maybe", "En besked", "outcome"), ("withdrawn", "   ", "note"), ("withdrawn", "x" * 4001, "note")],
)
def test_close_with_bad_input_changes_nothing(routed_complaint, caseworker, outcome, note, field):
    with pytest.raises(ValidationError) as error:
        services.close_complaint(actor=caseworker, complaint=routed_complaint, outcome=outcome, note=note)
    assert field in error.value.message_dict
    routed_complaint.refresh_from_db()
    assert routed_complaint.status == Complaint.Status.CONTACT_PENDING
    assert not Survey.objects.exists()


def test_closing_twice_is_refused(routed_complaint, caseworker):
    services.close_complaint(actor=caseworker, complaint=routed_complaint, outcome="withdrawn", note="Trukket.")
    with pytest.raises(ValidationError):
        services.close_complaint(actor=caseworker, complaint=routed_complaint, outcome="withdrawn", note="Igen.")
    assert routed_complaint.tasks.filter(kind=ContactTask.Kind.FOLLOW_UP).count() == 1


def test_follow_up_contact_is_logged_on_the_follow_up_task(routed_complaint, caseworker):
    services.close_complaint(actor=caseworker, complaint=routed_complaint, outcome="withdrawn", note="Trukket.")
    follow_up = routed_complaint.tasks.get(kind=ContactTask.Kind.FOLLOW_UP)
    services.log_contact(
        actor=caseworker,
        task=follow_up,
        channel="phone",
        contacted_at=timezone.now(),
        summary="Borgeren var tilfreds med forløbet.",
        citizen_understood_decision="yes",
    )
    assert routed_complaint.events.filter(kind=ComplaintEvent.Kind.FOLLOWED_UP).exists()


def test_a_caseworker_of_another_department_may_not_close(routed_complaint, other_caseworker):
    with pytest.raises(PermissionDenied):
        services.close_complaint(actor=other_caseworker, complaint=routed_complaint, outcome="withdrawn", note="x")


def test_reminder_goes_once_when_due_within_24_hours(routed_complaint, caseworker):
    task = early_task(routed_complaint)
    now = task.due_at - timedelta(hours=3)

    assert services.remind_due_tasks(now=now) == 1
    assert services.remind_due_tasks(now=now) == 0
    assert Email.objects.filter(recipient=caseworker, subject__startswith="Påmindelse").count() == 1


def test_no_reminder_while_the_deadline_is_far(routed_complaint):
    task = early_task(routed_complaint)
    assert services.remind_due_tasks(now=task.due_at - timedelta(hours=30)) == 0


def test_overdue_task_is_escalated_to_the_leads_once(routed_complaint, lead):
    task = early_task(routed_complaint)
    later = task.due_at + timedelta(minutes=1)

    assert services.escalate_overdue_tasks(now=later) == 1
    assert services.escalate_overdue_tasks(now=later) == 0
    assert Email.objects.filter(recipient=lead, subject__startswith="Overskredet").count() == 1


def test_beat_tasks_run_twice_send_one_reminder(routed_complaint, caseworker):
    task = early_task(routed_complaint)
    ContactTask.objects.filter(id=task.id).update(due_at=timezone.now() + timedelta(hours=2))

    tasks.remind_due_tasks.apply()
    tasks.remind_due_tasks.apply()

    assert Email.objects.filter(recipient=caseworker, subject__startswith="Påmindelse").count() == 1


def test_lead_reassigns_and_the_new_assignee_is_told(routed_complaint, lead, second_caseworker):
    task = early_task(routed_complaint)
    services.reassign_task(actor=lead, task=task, assignee=second_caseworker)

    task.refresh_from_db()
    routed_complaint.refresh_from_db()
    assert task.assignee == second_caseworker
    assert routed_complaint.caseworker == second_caseworker
    assert Email.objects.filter(recipient=second_caseworker).count() == 1


def test_a_caseworker_may_not_reassign(routed_complaint, caseworker, second_caseworker):
    with pytest.raises(PermissionDenied):
        services.reassign_task(actor=caseworker, task=early_task(routed_complaint), assignee=second_caseworker)


def test_reassigning_to_someone_outside_the_department_is_refused(routed_complaint, lead, other_caseworker):
    with pytest.raises(ValidationError):
        services.reassign_task(actor=lead, task=early_task(routed_complaint), assignee=other_caseworker)


def test_the_lead_who_moves_a_task_is_told_it_moved(client, routed_complaint, lead, second_caseworker):
    task = early_task(routed_complaint)
    client.force_login(lead)
    page = client.get(f"/opgaver/{task.id}/").content.decode()
    assert f'action="/opgaver/{task.id}/flyt/"' in page  # the reassign form posts to its own door
    answer = client.post(f"/opgaver/{task.id}/flyt/", {"assignee": second_caseworker.id}, follow=True)
    assert answer.redirect_chain[-1][0] == "/opgaver/"
    told = f"Opgaven på {routed_complaint.reference} er givet til {second_caseworker.full_name}, som har fået besked."
    assert told in answer.content.decode()
    assert ContactTask.objects.get(id=task.id).assignee == second_caseworker


def test_each_form_of_the_task_page_has_its_own_door(client, routed_complaint, lead, caseworker, second_caseworker):
    """The contact door logs contacts only, the reassign door only moves; a GET of the task page writes nothing
    but the access log; a GET of the reassign door moves nothing, and it refuses who is not the lead."""
    task = early_task(routed_complaint)
    client.force_login(lead)
    before = (ContactTask.objects.get(id=task.id).assignee_id, ComplaintEvent.objects.count(), Email.objects.count())
    assert client.get(f"/opgaver/{task.id}/").status_code == 200
    # A GET of the reassign door is sent back to the task page (core.middleware: a POST door's page above it).
    assert client.get(f"/opgaver/{task.id}/flyt/")["Location"] == f"/opgaver/{task.id}/"
    # The old way (the task page with action=reassign) moves nothing: it is the contact form, and that is invalid.
    wrong = client.post(f"/opgaver/{task.id}/", {"action": "reassign", "assignee": second_caseworker.id})
    assert wrong.status_code == 400
    after = (ContactTask.objects.get(id=task.id).assignee_id, ComplaintEvent.objects.count(), Email.objects.count())
    assert after == before
    invalid = client.post(f"/opgaver/{task.id}/flyt/", {"assignee": 0})
    assert invalid.status_code == 400 and "Flyt opgaven" in invalid.content.decode()
    client.force_login(caseworker)
    assert client.post(f"/opgaver/{task.id}/flyt/", {"assignee": second_caseworker.id}).status_code == 403
    assert ContactTask.objects.get(id=task.id).assignee_id == before[0]
