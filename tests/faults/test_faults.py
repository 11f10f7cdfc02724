"""Faults with the real servers: Redis stopped during intake and dialogue, the worker killed during a burst,
PostgreSQL unreachable. Nothing is lost, messages are acknowledged, each task's effect happens once, and the
database's absence is a 503 page the product's way, gone within seconds of its return."""

import json
import time
import urllib.request
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone
from websockets.sync.client import connect

from complaints.models import Complaint, ContactTask
from complaints.services import (
    sweep_missing_early_contact,
    sweep_unacknowledged_complaints,
    sweep_unsuggested_themes,
)
from dialogue.models import Message
from notifications.models import Email
from tests.e2e.live import wait_until
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
LATER = timedelta(hours=1)  # the sweepers' view: the grace period for lost messages has passed


def thread_socket(stack, user, thread_id):
    return connect(
        f"{stack.ws_url}/ws/threads/{thread_id}/",
        origin=stack.url,
        additional_headers={"Cookie": f"sessionid={session_cookie(user)}"},
        open_timeout=10,
    )


def frame_of(socket, kind, timeout=15, **fields):
    """The next frame of `kind` (with these field values), skipping others."""
    deadline = time.monotonic() + timeout
    while True:
        frame = json.loads(socket.recv(timeout=max(0.1, deadline - time.monotonic())))
        if frame["type"] == kind and all(frame.get(name) == value for name, value in fields.items()):
            return frame


def send(socket, body):
    client_id = uuid.uuid4().hex
    socket.send(json.dumps({"type": "message", "client_id": client_id, "body": body}))
    return client_id


def get(stack, path, language="da"):
    request = urllib.request.Request(stack.url + path, headers={"Accept-Language": language})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def test_with_redis_stopped_a_message_is_stored_and_acknowledged_and_the_socket_catches_up_after(
    fault_stack, own_redis, routed_complaint, citizen, caseworker
):
    thread = routed_complaint.thread
    with thread_socket(fault_stack, citizen, thread.id) as socket:
        frame_of(socket, "presence")
        own_redis.stop()
        try:
            sent = send(socket, "Skrevet mens Redis var væk")
            assert frame_of(socket, "message", client_id=sent)["body"] == "Skrevet mens Redis var væk"
            status, body = fault_stack.call(
                "POST", f"/api/threads/{thread.id}/messages/", caseworker, {"client_id": "rest-1", "body": "Via API"}
            )
            assert status == 201, body
            with thread_socket(fault_stack, caseworker, thread.id) as second:  # a socket opens without Redis
                acknowledged = send(second, "Ny forbindelse uden Redis")
                assert frame_of(second, "message", client_id=acknowledged)
        finally:
            own_redis.start()
        # Redis is back: the first socket rejoins and replays what the lost fan-out never brought it.
        assert frame_of(socket, "message", timeout=20, client_id="rest-1")["body"] == "Via API"
        live = send(socket, "Efter Redis")
        assert frame_of(socket, "message", client_id=live)
    bodies = list(Message.objects.filter(thread=thread).order_by("seq").values_list("body", flat=True))
    assert bodies[-4:] == ["Skrevet mens Redis var væk", "Via API", "Ny forbindelse uden Redis", "Efter Redis"]


def test_with_redis_stopped_intake_stores_every_complaint_and_the_sweepers_do_what_was_lost(
    fault_stack, own_redis, citizen, caseworker, family
):
    own_redis.stop()
    try:
        answers = [fault_stack.call("POST", "/api/complaints/", citizen, PAYLOAD) for _ in range(3)]
    finally:
        own_redis.start()
    assert [status for status, _body in answers] == [201, 201, 201]
    ids = [body["id"] for _status, body in answers]
    assert Complaint.objects.filter(id__in=ids).count() == 3
    # Routing, the acknowledgement and the theme suggestion left with the broker that was down: the sweepers.
    sweep_missing_early_contact(now=timezone.now() + LATER)
    sweep_unacknowledged_complaints(now=timezone.now() + LATER)
    sweep_unsuggested_themes(now=timezone.now() + LATER)
    for complaint in Complaint.objects.filter(id__in=ids):
        assert complaint.tasks.filter(kind=ContactTask.Kind.EARLY_CONTACT).count() == 1
        assert complaint.themes_suggested_at is not None
    assert Email.objects.filter(recipient=citizen).count() == 3  # one acknowledgement each


def test_the_worker_killed_during_a_burst_leaves_each_complaint_routed_and_acknowledged_once(
    fault_stack, citizen, caseworker, family
):
    ids = []
    for number in range(20):
        if number == 8:
            fault_stack.worker.kill()  # kill -9, with messages taken and not yet acknowledged
            fault_stack.worker.wait()
        status, body = fault_stack.call("POST", "/api/complaints/", citizen, PAYLOAD)
        assert status == 201, body
        ids.append(body["id"])
    fault_stack.start_worker()
    sweep_missing_early_contact(now=timezone.now() + LATER)  # what the dead worker had taken
    sweep_unacknowledged_complaints(now=timezone.now() + LATER)  # receipts it had taken, or routed and not sent
    wait_until(
        lambda: ContactTask.objects.filter(complaint_id__in=ids, kind=ContactTask.Kind.EARLY_CONTACT).count() == 20,
        timeout=60,
    )
    for complaint_id in ids:
        assert ContactTask.objects.filter(complaint_id=complaint_id, kind=ContactTask.Kind.EARLY_CONTACT).count() == 1
    wait_until(lambda: Email.objects.filter(recipient=citizen).count() >= 20, timeout=60)
    assert Email.objects.filter(recipient=citizen).count() == 20  # each acknowledgement once


def test_with_postgresql_unreachable_pages_answer_503_and_recover_within_seconds(fault_stack, database_gate, family):
    assert get(fault_stack, "/healthz")[0] == 200
    database_gate.shut()
    try:
        started = time.monotonic()
        status, headers, page = get(fault_stack, "/healthz")
        waited = time.monotonic() - started
        assert status == 503 and headers["Retry-After"] == "5", page[:3000]
        assert "Borgerdialog er midlertidigt utilgængelig" in page
        status, _headers, page = get(fault_stack, "/healthz", language="en")
        assert status == 503 and "Borgerdialog is temporarily unavailable" in page
        status, headers, body = get(fault_stack, "/api/departments/")
        assert status == 503 and json.loads(body) == {
            "detail": "Tjenesten er midlertidigt utilgængelig. Prøv igen om lidt."
        }
    finally:
        database_gate.open()
    reopened = time.monotonic()
    wait_until(lambda: get(fault_stack, "/healthz")[0] == 200, timeout=10, interval=0.2)
    print(f"\nPostgreSQL unreachable: 503 after {waited:.1f} s; pages work {time.monotonic() - reopened:.1f} s after")
