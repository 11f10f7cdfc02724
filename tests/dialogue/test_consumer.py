"""The thread socket through channels' WebsocketCommunicator, on the real Redis channel layer and database."""

import asyncio
import json

import pytest
from channels.db import database_sync_to_async
from channels.layers import channel_layers, get_channel_layer
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser

from config.asgi import application
from config.routing import websocket_urlpatterns
from dialogue.models import Message, Participant
from dialogue.services import hide_message, message_payload, thread_group
from tests.e2e.sessions import session_cookie

from .conftest import say

pytestmark = pytest.mark.django_db(transaction=True)

ROUTER = URLRouter(websocket_urlpatterns)
WAIT = 5  # seconds to wait for a frame that must come


@pytest.fixture(autouse=True)
def fresh_channel_layer():
    """Each test runs in its own event loop; a channel layer's receive lock belongs to the loop that made it."""
    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


async def open_socket(user, thread_id, query=""):
    communicator = WebsocketCommunicator(ROUTER, f"/ws/threads/{thread_id}/{query}")
    communicator.scope["user"] = user or AnonymousUser()
    connected, _ = await communicator.connect(timeout=WAIT)
    assert connected
    return communicator


async def open_joined(user, thread_id):
    """A socket that has joined the thread's group: its own presence frame has come back.

    `connect()` returns at the accept, before the consumer has joined the group; a
    message from elsewhere in between reaches a real client through its `?after=` replay.
    """
    communicator = await open_socket(user, thread_id)
    await next_frame(communicator, "presence")
    return communicator


async def next_frame(communicator, kind=None):
    """The next frame (of type `kind`, skipping others)."""
    while True:
        frame = await communicator.receive_json_from(timeout=WAIT)
        if kind is None or frame["type"] == kind:
            return frame


async def message_frames(communicator, count):
    return [await next_frame(communicator, "message") for _ in range(count)]


async def no_more_messages(communicator):
    """No message frame arrives for a moment (presence and read frames may)."""
    while not await communicator.receive_nothing(timeout=0.3):
        frame = await communicator.receive_json_from()
        assert frame["type"] != "message", frame


async def closed_with(communicator, code):
    output = await communicator.receive_output(timeout=WAIT)
    while output["type"] == "websocket.send":
        output = await communicator.receive_output(timeout=WAIT)
    assert output == {"type": "websocket.close", "code": code}
    # As the server does once the client has answered the close: the application hears of it and ends (leaving
    # nothing behind, such as its presence on the process's heartbeat, for the tests that follow).
    await communicator.disconnect(code=code, timeout=WAIT)


stored = database_sync_to_async(lambda **filters: list(Message.objects.filter(**filters).order_by("seq")))


# Refusals


async def test_anonymous_is_closed_with_4401(thread):
    communicator = await open_socket(None, thread.id)
    await closed_with(communicator, 4401)


async def test_outsiders_are_closed_with_4403_as_if_there_were_no_thread(people, thread):
    for user, thread_id in [
        (people["other_citizen"], thread.id),
        (people["other_caseworker"], thread.id),
        (people["citizen"], thread.id + 1000),  # no such thread
    ]:
        communicator = await open_socket(user, thread_id)
        await closed_with(communicator, 4403)


async def test_the_citizen_the_caseworker_and_department_staff_are_let_in(people, thread):
    for who in ["citizen", "caseworker", "second_caseworker", "lead"]:
        communicator = await open_socket(people[who], thread.id)
        assert (await next_frame(communicator, "presence"))["online"] is True
        await communicator.disconnect()


# Each frame type


async def test_a_message_is_stored_then_sent_to_everyone_the_sender_included(thread, citizen, caseworker):
    alice, bob = await open_joined(citizen, thread.id), await open_joined(caseworker, thread.id)
    await alice.send_json_to({"type": "message", "client_id": "m-1", "body": "Hvornår kommer rollatoren?"})
    ack, received = await next_frame(alice, "message"), await next_frame(bob, "message")
    assert ack == received
    assert ack["client_id"] == "m-1"
    assert ack["author"] == citizen.id
    assert ack["author_name"] == "Mette Hansen"
    assert ack["body"] == "Hvornår kommer rollatoren?"
    assert ack["kind"] == "text"
    assert ack["created_at"]
    (message,) = await stored(thread=thread)
    assert message.id == ack["id"]
    await alice.disconnect()
    await bob.disconnect()


async def test_typing_reaches_the_others_only(thread, citizen, caseworker):
    alice, bob = await open_joined(citizen, thread.id), await open_joined(caseworker, thread.id)
    await alice.send_json_to({"type": "typing"})
    assert await next_frame(bob, "typing") == {"type": "typing", "user": citizen.id, "user_name": "Mette Hansen"}
    await bob.send_json_to({"type": "message", "client_id": "after-typing", "body": "Hej"})
    assert (await next_frame(alice, "message"))["body"] == "Hej"  # and no typing frame of her own came first
    await alice.disconnect()
    await bob.disconnect()


async def test_read_marks_are_stored_and_shown_to_everyone(thread, citizen, caseworker):
    message = await database_sync_to_async(say)(citizen, thread, "Læs mig")
    alice, bob = await open_joined(citizen, thread.id), await open_joined(caseworker, thread.id)
    await bob.send_json_to({"type": "read", "up_to": message.id})
    expected = {"type": "read", "user": caseworker.id, "up_to": message.id}
    assert await next_frame(alice, "read") == expected
    assert await next_frame(bob, "read") == expected
    participant = await database_sync_to_async(Participant.objects.get)(thread=thread, user=caseworker)
    assert participant.last_read_id == message.id
    await alice.disconnect()
    await bob.disconnect()


async def test_presence_says_who_comes_and_goes(thread, citizen, caseworker):
    alice = await open_socket(citizen, thread.id)
    assert await next_frame(alice, "presence") == {
        "type": "presence",
        "user": citizen.id,
        "user_name": "Mette Hansen",
        "online": True,
    }
    bob = await open_socket(caseworker, thread.id)
    came = await next_frame(alice, "presence")
    assert (came["user"], came["online"]) == (caseworker.id, True)
    await bob.disconnect()
    went = await next_frame(alice, "presence")
    assert (went["user"], went["online"]) == (caseworker.id, False)
    await alice.disconnect()


async def test_a_second_tab_of_the_same_person_does_not_make_her_go_offline(thread, citizen, caseworker):
    alice = await open_socket(citizen, thread.id)
    bob_tab_1, bob_tab_2 = await open_socket(caseworker, thread.id), await open_socket(caseworker, thread.id)
    # A socket is accepted before it joins the presence set: wait until tab 2 has joined (it is told who is
    # online, herself included) before tab 1 goes, or tab 1 would rightly be the last of her sockets.
    while (await next_frame(bob_tab_2, "presence"))["user"] != caseworker.id:
        pass
    await bob_tab_1.disconnect()
    await bob_tab_2.send_json_to({"type": "message", "client_id": "still-here", "body": "Stadig her"})
    frames = []
    while (frame := await next_frame(alice))["type"] != "message":
        frames.append(frame)
    assert {"type": "presence", "user": caseworker.id, "user_name": "Tina Jepsen", "online": False} not in frames
    await alice.disconnect()
    await bob_tab_2.disconnect()


async def test_one_heartbeat_renews_every_socket_of_the_process_and_announces_a_dead_process(
    thread, citizen, caseworker
):
    """No task per socket: the process's heartbeat renews its sockets' presence in one call per thread, and
    says who is gone when her sockets' process died (her member expired unrenewed)."""
    import redis.asyncio
    from django.conf import settings

    from dialogue.consumers import HEARTBEAT
    from dialogue.live import PRESENCE_TTL_SECONDS, member_of, presence_key

    alice = await open_joined(citizen, thread.id)
    key = presence_key(thread.id)
    client = redis.asyncio.Redis.from_url(settings.REDIS_URL)
    (now, _micro) = await client.time()
    await client.zadd(key, {member_of(user_id=caseworker.id, channel_name="dead-process!1"): now - 1})
    (mine,) = HEARTBEAT.sockets[thread.id]
    await client.zadd(key, {mine: now + 5})  # about to expire
    await HEARTBEAT.beat()
    went = await next_frame(alice, "presence")
    assert (went["user"], went["user_name"], went["online"]) == (caseworker.id, "Tina Jepsen", False)
    assert await client.zscore(key, mine) >= now + PRESENCE_TTL_SECONDS
    assert mine.startswith(f"{citizen.id}:")
    await alice.disconnect()
    assert thread.id not in HEARTBEAT.sockets and HEARTBEAT.task is None
    await client.aclose()


async def test_sync_replays_every_message_after_an_id_in_order(thread, citizen, caseworker):
    first, second, third = [await database_sync_to_async(say)(citizen, thread, body) for body in ("1", "2", "3")]
    bob = await open_socket(caseworker, thread.id)
    await bob.send_json_to({"type": "sync", "after": first.id})
    assert [frame["id"] for frame in await message_frames(bob, 2)] == [second.id, third.id]
    await bob.send_json_to({"type": "sync", "after": 0})
    assert [frame["body"] for frame in await message_frames(bob, 3)] == ["1", "2", "3"]
    await no_more_messages(bob)
    await bob.disconnect()


async def test_connecting_with_after_replays_what_was_missed_then_goes_on_live(thread, citizen, caseworker):
    first, second = [await database_sync_to_async(say)(citizen, thread, body) for body in ("1", "2")]
    bob = await open_socket(caseworker, thread.id, f"?after={first.id}")
    assert [frame["id"] for frame in await message_frames(bob, 1)] == [second.id]
    third = await database_sync_to_async(say)(citizen, thread, "3")
    assert (await next_frame(bob, "message"))["id"] == third.id
    await no_more_messages(bob)
    await bob.disconnect()


async def test_a_resend_is_acknowledged_with_the_stored_message_and_not_sent_twice(thread, citizen, caseworker):
    alice, bob = await open_joined(citizen, thread.id), await open_joined(caseworker, thread.id)
    frame = {"type": "message", "client_id": "resend-me", "body": "Er du der?"}
    await alice.send_json_to(frame)
    first_ack = await next_frame(alice, "message")
    await alice.send_json_to(frame)
    second_ack = await next_frame(alice, "message")
    assert second_ack["id"] == first_ack["id"]
    assert len(await stored(thread=thread)) == 1
    await next_frame(bob, "message")
    await no_more_messages(bob)
    await alice.disconnect()
    await bob.disconnect()


async def test_a_fan_out_that_overtakes_an_earlier_one_is_delivered_in_order(thread, citizen, caseworker):
    bob = await open_joined(caseworker, thread.id)  # in the group before the fan-out below is sent

    def two_messages_without_fan_out():
        Message.objects.create(thread=thread, seq=1, author=citizen, body="først", client_id="o-1")
        second = Message.objects.create(thread=thread, seq=2, author=citizen, body="så", client_id="o-2")
        return message_payload(second)

    late = await database_sync_to_async(two_messages_without_fan_out)()
    await get_channel_layer().group_send(thread_group(thread.id), {"type": "thread.message", "message": late})
    assert [frame["body"] for frame in await message_frames(bob, 2)] == ["først", "så"]
    await no_more_messages(bob)
    await bob.disconnect()


async def test_hiding_a_message_updates_it_for_everyone_and_only_staff_keep_the_text(thread, citizen, caseworker):
    message = await database_sync_to_async(say)(citizen, thread, "Mit CPR-nummer er ...")
    alice, bob = await open_joined(citizen, thread.id), await open_joined(caseworker, thread.id)
    await database_sync_to_async(hide_message)(actor=caseworker, message=message, reason="CPR-nummer")
    seen_by_citizen, seen_by_staff = await next_frame(alice, "message"), await next_frame(bob, "message")
    assert seen_by_citizen["id"] == seen_by_staff["id"] == message.id
    assert (seen_by_citizen["hidden"], seen_by_citizen["body"], seen_by_citizen["hidden_reason"]) == (
        True,
        "",
        "CPR-nummer",
    )
    assert seen_by_staff["body"] == "Mit CPR-nummer er ..."
    await alice.disconnect()
    await bob.disconnect()


async def test_the_citizen_answers_a_summary_over_the_socket(thread, citizen, caseworker):
    summary = await database_sync_to_async(say)(caseworker, thread, "Resumé", kind=Message.Kind.CONTACT_SUMMARY)
    alice = await open_socket(citizen, thread.id)
    await alice.send_json_to(
        {"type": "message", "client_id": "yes", "body": "", "kind": "confirmation", "reply_to": summary.id}
    )
    ack = await next_frame(alice, "message")
    assert (ack["kind"], ack["reply_to"]) == ("confirmation", summary.id)
    await alice.disconnect()


# Bad frames: an error frame, nothing stored, the socket stays open


def _other_thread_message_id(other_thread, other_citizen):
    return say(other_citizen, other_thread, "Fremmed").id


BAD_FRAMES = [
    ("not json", "invalid_json"),
    ("[1, 2]", "invalid_json"),
    ('"message"', "invalid_json"),
    ('{"body": "no type"}', "unknown_type"),
    ('{"type": "shout"}', "unknown_type"),
    ('{"type": 5}', "unknown_type"),
    ('{"type": "message", "client_id": "a", "body": ""}', "invalid"),
    ('{"type": "message", "client_id": "a", "body": "   "}', "invalid"),
    ('{"type": "message", "client_id": "a", "body": "' + "x" * 4001 + '"}', "invalid"),
    ('{"type": "message", "client_id": "a", "body": 12}', "invalid"),
    ('{"type": "message", "client_id": "a", "body": ["x"]}', "invalid"),
    ('{"type": "message", "client_id": "a"}', "invalid"),
    ('{"type": "message", "body": "no client id"}', "invalid"),
    ('{"type": "message", "client_id": 12, "body": "x"}', "invalid"),
    ('{"type": "message", "client_id": "a", "body": "x", "kind": "contact_summary"}', "invalid"),
    ('{"type": "message", "client_id": "a", "body": "x", "kind": "confirmation", "reply_to": "OTHER"}', "invalid"),
    ('{"type": "read", "up_to": "12"}', "invalid"),
    ('{"type": "read"}', "invalid"),
    ('{"type": "read", "up_to": 999999999}', "invalid"),
    ('{"type": "read", "up_to": OTHER}', "invalid"),
    ('{"type": "sync"}', "invalid"),
    ('{"type": "sync", "after": "x"}', "invalid"),
    ('{"type": "sync", "after": -3}', "invalid"),
    ('{"type": "sync", "after": OTHER}', "invalid"),
    ('{"type": "sync", "after": 999999999}', "invalid"),
]


async def test_bad_frames_get_an_error_change_nothing_and_leave_the_socket_open(
    thread, other_thread, citizen, other_citizen
):
    other_id = await database_sync_to_async(_other_thread_message_id)(other_thread, other_citizen)
    alice = await open_socket(citizen, thread.id)
    for text, code in BAD_FRAMES:
        await alice.send_to(text_data=text.replace("OTHER", str(other_id)))
        error = await next_frame(alice, "error")
        assert (error["code"], bool(error["detail"])) == (code, True), text
    await alice.send_to(bytes_data=b"\x00\x01")
    assert (await next_frame(alice, "error"))["code"] == "invalid_json"
    assert await stored(thread=thread) == []
    # Still open: a good message goes through.
    await alice.send_json_to({"type": "message", "client_id": "good", "body": "Nu virker det"})
    assert (await next_frame(alice, "message"))["body"] == "Nu virker det"
    await alice.disconnect()


async def test_an_error_about_a_message_names_its_client_id_in_the_readers_language(thread, english_citizen):
    await database_sync_to_async(Participant.objects.create)(thread=thread, user=english_citizen, role="citizen")
    emma = await open_socket(english_citizen, thread.id)
    await emma.send_json_to({"type": "message", "client_id": "empty-1", "body": ""})
    error = await next_frame(emma, "error")
    assert error["client_id"] == "empty-1"
    assert error["fields"] == {"body": ["Write a message."]}
    await emma.disconnect()


async def test_staff_may_not_post_a_contact_summary_through_the_socket(thread, caseworker):
    """post_message refuses the kind (the consumer has no check of its own): an error frame, nothing stored."""
    socket = await open_socket(caseworker, thread.id)
    frame = {"type": "message", "client_id": "s-1", "body": "Vi talte sammen.", "kind": "contact_summary"}
    await socket.send_json_to(frame)
    error = await next_frame(socket, "error")
    assert (error["code"], error["client_id"], list(error["fields"])) == ("invalid", "s-1", ["kind"])
    assert await stored(thread=thread) == []
    await socket.disconnect()


# Flooding


async def test_more_than_20_messages_in_10_seconds_get_an_error_and_close_4429(thread, citizen):
    alice = await open_socket(citizen, thread.id)
    for number in range(20):
        await alice.send_json_to({"type": "message", "client_id": f"flood-{number}", "body": f"{number}"})
        await next_frame(alice, "message")
    await alice.send_json_to({"type": "message", "client_id": "flood-20", "body": "one too many"})
    error = await next_frame(alice, "error")
    assert (error["code"], error["client_id"]) == ("rate_limited", "flood-20")
    await closed_with(alice, 4429)
    assert len(await stored(thread=thread)) == 20


async def test_the_flood_limit_counts_all_sockets_of_a_person(thread, citizen):
    tabs = [await open_socket(citizen, thread.id) for _ in range(2)]
    for number in range(20):
        tab = tabs[number % 2]
        await tab.send_json_to({"type": "message", "client_id": f"tab-{number}", "body": "x"})
        while (await next_frame(tab, "message"))["client_id"] != f"tab-{number}":
            pass  # the other tab's messages come here too; wait for this one's acknowledgement
    await tabs[0].send_json_to({"type": "message", "client_id": "tab-20", "body": "x"})
    assert (await next_frame(tabs[0], "error"))["code"] == "rate_limited"
    await closed_with(tabs[0], 4429)
    await tabs[1].disconnect()


# Through the real ASGI application: origin check, session cookie (core.channels.SessionUserMiddleware)


async def test_the_real_application_authenticates_by_session_and_checks_the_origin(thread, citizen):
    cookie = await database_sync_to_async(session_cookie)(citizen)
    headers = [(b"origin", b"http://127.0.0.1:8000"), (b"cookie", f"sessionid={cookie}".encode())]
    communicator = WebsocketCommunicator(application, f"/ws/threads/{thread.id}/", headers=headers)
    connected, _ = await communicator.connect(timeout=WAIT)
    assert connected
    assert json.loads((await communicator.receive_output(timeout=WAIT))["text"])["user"] == citizen.id
    await communicator.disconnect()

    foreign = [(b"origin", b"http://evil.example"), (b"cookie", f"sessionid={cookie}".encode())]
    communicator = WebsocketCommunicator(application, f"/ws/threads/{thread.id}/", headers=foreign)
    connected, _ = await communicator.connect(timeout=WAIT)
    assert not connected

    anonymous = WebsocketCommunicator(application, f"/ws/threads/{thread.id}/", headers=headers[:1])
    await anonymous.connect(timeout=WAIT)
    await closed_with(anonymous, 4401)
    await asyncio.sleep(0)
