"""The whole complaint flow against a real ASGI server, a real Celery worker and Redis.

A citizen files through the HTTP API; the worker routes the complaint and the
caseworker's open socket hears about the new task; the caseworker logs the call
and closes; the worker delivers the survey e-mail and its link works once.
"""

import json
import re
import urllib.request

import pytest
from django.utils import timezone
from websockets.sync.client import connect

from complaints.models import Complaint, ContactTask
from complaints.services import sweep_missing_early_contact, sweep_unacknowledged_complaints
from notifications.models import Email
from tests.e2e.live import LiveStack, free_port, wait_until
from tests.e2e.sessions import session_cookie

pytestmark = pytest.mark.django_db(transaction=True)

PAYLOAD = {
    "kind": "decision",
    "department": "familiecentret",
    "subject": "Afslag på aflastning",
    "description": "Vi har fået afslag på aflastning og forstår ikke begrundelsen.",
    "contact_channel": "phone",
    "phone": "12345678",
}


def test_complaint_to_survey_through_server_worker_and_socket(live_stack, citizen, caseworker, lead):
    with connect(
        f"{live_stack.ws_url}/ws/events/",
        origin=live_stack.url,
        additional_headers={"Cookie": f"sessionid={session_cookie(caseworker)}"},
    ) as inbox_socket:
        status, body = live_stack.call("POST", "/api/complaints/", citizen, PAYLOAD)
        assert status == 201, body
        complaint_id = body["id"]

        event = json.loads(inbox_socket.recv(timeout=20))
        assert event["kind"] == "task"

    task = ContactTask.objects.get(complaint_id=complaint_id)
    assert task.kind == "early_contact"
    assert task.assignee == caseworker
    wait_until(lambda: Email.objects.filter(recipient=caseworker, status=Email.Status.SENT).exists())
    wait_until(lambda: Email.objects.filter(recipient=citizen, status=Email.Status.SENT).exists())

    status, tasks = live_stack.call("GET", "/api/tasks/", caseworker)
    assert [t["id"] for t in tasks["results"]] == [task.id]

    contact = {
        "channel": "phone",
        "contacted_at": "2026-11-26T10:00:00+01:00",
        "summary": "Ringede til borgeren og fandt en løsning.",
        "citizen_understood_decision": "yes",
    }
    assert live_stack.call("POST", f"/api/tasks/{task.id}/contacts/", caseworker, contact)[0] == 201
    status, closed = live_stack.call(
        "POST",
        f"/api/complaints/{complaint_id}/close/",
        caseworker,
        {"outcome": "resolved_in_dialogue", "note": "Aflastning hver anden weekend."},
    )
    assert status == 200, closed
    assert closed["status"] == "closed"
    assert [e["kind"] for e in closed["events"]] == ["received", "assigned", "contacted", "closed"]
    assert Complaint.objects.get(id=complaint_id).tasks.filter(kind="follow_up", status="open").exists()

    survey_mail = wait_until(
        lambda: Email.objects.filter(recipient=citizen, subject__contains="afsluttet", status=Email.Status.SENT).first()
    )
    survey_path = re.search(r"(/undersoegelse/[^\s]+/)", survey_mail.body).group(1)
    with urllib.request.urlopen(live_stack.url + survey_path, timeout=10) as page:
        assert page.status == 200


def test_nothing_is_lost_while_the_worker_is_down(live_stack, citizen, caseworker):
    """With no worker the complaint is stored and answered; when a worker returns, it is routed. Slow: it waits
    for a new Celery worker process to start."""
    live_stack.stop_worker()
    try:
        status, body = live_stack.call("POST", "/api/complaints/", citizen, PAYLOAD)
        assert status == 201
        assert not ContactTask.objects.filter(complaint_id=body["id"]).exists()
    finally:
        live_stack.start_worker()
    wait_until(lambda: ContactTask.objects.filter(complaint_id=body["id"]).exists(), timeout=90)
    # Routing queued the receipt and the theme suggestion; both write the complaint's row, so the test ends when
    # they are done (a worker still writing it deadlocked with the flush after the test).
    done = Complaint.objects.filter(id=body["id"], acknowledged_at__isnull=False, themes_suggested_at__isnull=False)
    wait_until(done.exists, timeout=90)


def test_nothing_is_lost_while_redis_is_down(live_stack, citizen, caseworker):
    """A server whose Redis is unreachable still stores the complaint; the beat sweepers route it and send its
    receipt later (routing queues the receipt too, so the worker and the sweeper may both try: it is sent once)."""
    cut_off = LiveStack({**live_stack.env, "REDIS_URL": f"redis://127.0.0.1:{free_port()}/0"})
    cut_off.start_server()
    try:
        status, body = cut_off.call("POST", "/api/complaints/", citizen, PAYLOAD)
    finally:
        cut_off.stop_server()
    assert status == 201, body
    complaint = Complaint.objects.get(id=body["id"])
    assert not complaint.tasks.exists()
    assert not Email.objects.filter(recipient=citizen).exists()  # the acknowledgement is a task after commit

    Complaint.objects.filter(id=complaint.id).update(created_at=complaint.created_at - timezone.timedelta(minutes=5))
    sweep_missing_early_contact()
    sweep_unacknowledged_complaints()
    assert complaint.tasks.get().assignee == caseworker
    assert Email.objects.filter(recipient=citizen, dedupe_key=f"complaint-ack-{complaint.id}").count() == 1
