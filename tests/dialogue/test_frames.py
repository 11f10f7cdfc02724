"""Whatever a client sends on a socket, it gets an answer dialogue/PROTOCOL.md documents, and the socket stays
open (or closes with a documented code); nothing the consumer does raises. Frames are generated (Hypothesis):
malformed text, binary frames, JSON that is not an object, nesting past any limit, lone surrogates and NUL
bytes, types that are lists, numbers past a bigint, ids of nothing."""

import json
import logging
import uuid

import pytest
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from config.routing import websocket_urlpatterns
from dialogue.services import message_payload, thread_group
from notifications.services import user_group_name

from .conftest import say
from .test_consumer import WAIT, closed_with, fresh_channel_layer, next_frame, open_socket, stored  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)
post = database_sync_to_async(say)

ROUTER = URLRouter(websocket_urlpatterns)
ERROR_CODES = {"invalid_json", "unknown_type", "invalid", "rate_limited", "forbidden"}
SERVER_TYPES = {"message", "typing", "read", "presence", "error"}
FUZZ = hypothesis_settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture], database=None
)

# Text any field can keep (no NUL; Hypothesis makes no lone surrogates unless asked): such frames are read.
readable = st.characters(exclude_characters="\x00")
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(readable, max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(readable, max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
# Text and numbers a field may not take; no id here is a message's (every id of the test database is below 10**15).
awkward_text = st.sampled_from(["", "\x07bell", "٣", "1", "0"]) | st.text(readable, max_size=30)
awkward_numbers = st.sampled_from([-1, 2**63, 2**63 - 1, 10**30, 1.5, True, False]) | st.one_of(
    st.integers(max_value=0), st.integers(min_value=10**15)
)
awkward = awkward_numbers | awkward_text | json_values.filter(lambda value: not isinstance(value, int))


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def with_surrogate(frame: dict) -> str:
    """JSON text carrying a lone surrogate, as a client's own JSON encoder writes it (an escape)."""
    return json.dumps(frame)


# Frames that are wrong before their type is read: each gets one `invalid_json` error.
unreadable_frames = st.one_of(
    st.binary(max_size=50).map(lambda data: ("bytes", data)),
    st.text(max_size=40).filter(lambda text: not _is_json_object(text)).map(lambda text: ("text", text)),
    json_values.filter(lambda value: not isinstance(value, dict)).map(lambda value: ("text", json.dumps(value))),
    st.integers(min_value=33, max_value=5000).map(lambda depth: ("text", f'{{"type": "sync", "x": {nested(depth)}}}')),
    st.builds(
        lambda kind, text: ("text", with_surrogate({"type": kind, "body": text, "client_id": "c1"})),
        st.sampled_from(["message", "typing", "sync", "read"]),
        st.sampled_from(["\ud800", "a\udfffb", "\x00", "x\x00y"]),
    ),
)
# Frames with a type that is not one of the four (a list, a number, a surrogate, a near miss): `unknown_type`.
unknown_type_frames = st.one_of(
    st.just({}),
    st.builds(lambda value: {"type": value}, awkward.filter(lambda v: v not in ("message", "typing", "read", "sync"))),
    st.just({"type": ["message"]}),
    st.just({"type": {"message": 1}}),
).map(lambda frame: ("text", json.dumps(frame)))
# Frames of a known type with a wrong field: `invalid`, nothing stored.
invalid_field_frames = st.one_of(
    st.builds(
        lambda body: {"type": "message", "client_id": uuid.uuid4().hex, "body": body},
        st.sampled_from(["", "   ", "x" * 4001, "a\x01b"])
        | awkward_numbers
        | st.none()
        | st.lists(st.text(max_size=3)),
    ),
    st.builds(
        lambda client_id: {"type": "message", "client_id": client_id, "body": "Hej"},
        st.sampled_from(["", "x" * 65, "æøå", "a b", "a/b"]) | awkward_numbers | st.none(),
    ),
    st.builds(
        lambda kind: {"type": "message", "client_id": uuid.uuid4().hex, "body": "Hej", "kind": kind},
        st.sampled_from(["contact_summary", "nope", ["text"], {"k": 1}, 3]),
    ),
    st.builds(
        lambda reply_to: {"type": "message", "client_id": uuid.uuid4().hex, "body": "Hej", "reply_to": reply_to},
        awkward_numbers,
    ),
    st.builds(lambda up_to: {"type": "read", "up_to": up_to}, awkward),
    st.builds(lambda after: {"type": "sync", "after": after}, awkward.filter(lambda v: v is False or v != 0)),
    st.just({"type": "sync"}),
    st.just({"type": "read"}),
).map(lambda frame: ("text", json.dumps(frame)))


def _is_json_object(text: str) -> bool:
    try:
        return isinstance(json.loads(text), dict)
    except ValueError:
        return False


class ErrorRecords(logging.Handler):
    """Every record at ERROR or above, from any logger, while a test runs."""

    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def logged_errors():
    handler = ErrorRecords()
    logging.getLogger().addHandler(handler)
    yield handler.records
    logging.getLogger().removeHandler(handler)


@pytest.fixture
def no_flood_limit(settings):
    """The fuzzing sends more frames than a person may (bad ones count too); the limit has its own tests."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "dialogue.message": (100_000, 10)}


async def send_raw(communicator, frame):
    form, data = frame  # as the server hands it over (the communicator's send_to cannot send an empty frame)
    await communicator.send_input({"type": "websocket.receive", form: data})


async def still_works(communicator, thread):
    """The socket is open and serves: a good message is stored and acknowledged."""
    client_id = uuid.uuid4().hex
    await communicator.send_json_to({"type": "message", "client_id": client_id, "body": "Stadig her"})
    ack = await next_frame(communicator, "message")
    assert ack["client_id"] == client_id


@pytest.mark.parametrize(
    ("frames", "code"),
    [
        (unreadable_frames, "invalid_json"),
        (unknown_type_frames, "unknown_type"),
        (invalid_field_frames, "invalid"),
    ],
    ids=["unreadable", "unknown-type", "invalid-field"],
)
@FUZZ
@given(data=st.data())
async def test_every_bad_frame_gets_its_error_frame_and_the_socket_stays_open(
    thread, citizen, no_flood_limit, logged_errors, frames, code, data
):
    before = len(await stored(thread=thread))
    socket = await open_socket(citizen, thread.id)
    await next_frame(socket, "presence")
    for frame in data.draw(st.lists(frames, min_size=1, max_size=6)):
        await send_raw(socket, frame)
        answer = await next_frame(socket)
        assert answer["type"] == "error", (frame, answer)
        assert answer["code"] == code, (frame, answer)
        assert isinstance(answer["detail"], str) and answer["detail"]
    await still_works(socket, thread)
    assert len(await stored(thread=thread)) == before + 1  # only the good message
    assert logged_errors == []
    await socket.disconnect()


any_frame = st.one_of(
    unreadable_frames,
    unknown_type_frames,
    invalid_field_frames,
    st.builds(
        lambda fields, kind: ("text", json.dumps({**fields, "type": kind})),
        st.dictionaries(st.sampled_from(["body", "client_id", "kind", "reply_to", "up_to", "after"]), awkward),
        st.sampled_from(["message", "typing", "read", "sync"]),
    ),
)


@FUZZ
@given(batch=st.lists(any_frame, min_size=1, max_size=8))
async def test_any_frame_gets_only_documented_frames_back_and_never_ends_the_socket(
    thread, citizen, no_flood_limit, logged_errors, batch
):
    socket = await open_socket(citizen, thread.id)
    for frame in batch:
        await send_raw(socket, frame)
    while not await socket.receive_nothing(timeout=0.05):
        output = await socket.receive_output(timeout=WAIT)
        assert output["type"] == "websocket.send", output  # never a close
        answer = json.loads(output["text"])
        assert answer["type"] in SERVER_TYPES, answer
        if answer["type"] == "error":
            assert answer["code"] in ERROR_CODES - {"rate_limited", "forbidden"}, answer
    await still_works(socket, thread)
    assert logged_errors == []
    await socket.disconnect()


async def test_an_after_of_5000_digits_is_an_invalid_frame_not_a_dropped_socket(thread, citizen, logged_errors):
    await post(citizen, thread, "Første")
    for after in ["9" * 5000, "1" + "0" * 19, "-1", "1e3", "%00"]:
        socket = await open_socket(citizen, thread.id, f"?after={after}")
        error = await next_frame(socket, "error")
        assert (error["code"], list(error["fields"])) == ("invalid", ["after"])
        await still_works(socket, thread)
        await socket.disconnect()
    assert logged_errors == []


async def test_after_a_4429_close_queued_group_sends_are_dropped_without_an_error(
    thread, citizen, caseworker, logged_errors
):
    socket = await open_socket(citizen, thread.id)
    await next_frame(socket, "presence")
    for number in range(20):
        await socket.send_json_to({"type": "message", "client_id": f"f-{number}", "body": "x"})
        await next_frame(socket, "message")
    await socket.send_json_to({"type": "message", "client_id": "f-20", "body": "x"})
    # Events queue for the socket while it closes: a new message, typing, presence.
    layer = get_channel_layer()
    late = await database_sync_to_async(lambda: message_payload(say(caseworker, thread, "Sent efter lukningen")))()
    for event in [
        {"type": "thread.message", "message": late},
        {"type": "thread.typing", "user": 0, "user_name": "X"},
        {"type": "thread.presence", "user": 0, "user_name": "X", "online": True},
    ]:
        await layer.group_send(thread_group(thread.id), event)
    assert (await next_frame(socket, "error"))["code"] == "rate_limited"
    await closed_with(socket, 4429)
    assert await socket.receive_nothing(timeout=0.5)  # nothing is sent after the close
    assert logged_errors == []


async def test_the_events_socket_answers_any_frame_with_an_error_and_stays_open(citizen, logged_errors):
    socket = WebsocketCommunicator(ROUTER, "/ws/events/")
    socket.scope["user"] = citizen
    assert (await socket.connect(timeout=WAIT))[0]
    frames = [
        ("bytes", b"\x00\xff"),
        ("text", "not json"),
        ("text", json.dumps({"type": ["message"]})),
        ("text", nested(5000)),
        ("text", json.dumps({"body": "\ud800"})),
    ]
    for frame in frames:
        await send_raw(socket, frame)
        answer = await socket.receive_json_from(timeout=WAIT)
        assert (answer["type"], answer["code"]) == ("error", "unknown_type")
    await get_channel_layer().group_send(user_group_name(citizen.id), {"type": "user.event", "event": {"n": 1}})
    assert await socket.receive_json_from(timeout=WAIT) == {"n": 1}
    assert logged_errors == []
    await socket.disconnect()
