"""Live threads against the real ASGI server (uvicorn), the real Redis channel layer and PostgreSQL,
with the `websockets` client library: nothing lost, nothing twice, across drops and a server restart."""

import asyncio
import json
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import websockets

from dialogue.models import Message
from tests.e2e.sessions import session_cookie

pytestmark = pytest.mark.django_db(transaction=True)

WAIT = 10  # seconds a frame that must come may take


@pytest.fixture
def thread(routed_complaint):
    return routed_complaint.thread


class Person:
    """Someone with a browser session who opens sockets on a thread of the live server."""

    def __init__(self, stack, user, thread):
        self.stack, self.thread, self.cookie = stack, thread, session_cookie(user)

    def connect(self, after: int | None = None):
        query = f"?after={after}" if after is not None else ""
        return websockets.connect(
            f"{self.stack.ws_url}/ws/threads/{self.thread.id}/{query}",
            origin=self.stack.url,
            additional_headers={"Cookie": f"sessionid={self.cookie}"},
            open_timeout=WAIT,
        )


async def send_message(socket, body: str, client_id: str | None = None) -> str:
    client_id = client_id or uuid.uuid4().hex
    await socket.send(json.dumps({"type": "message", "client_id": client_id, "body": body}))
    return client_id


async def next_message(socket) -> dict:
    while True:
        frame = json.loads(await asyncio.wait_for(socket.recv(), WAIT))
        if frame["type"] == "message":
            return frame


async def no_more_messages(socket) -> None:
    """No further message frame within a moment (presence and read frames may come)."""
    try:
        while True:
            frame = json.loads(await asyncio.wait_for(socket.recv(), 0.5))
            assert frame["type"] != "message", frame
    except TimeoutError:
        pass


def run(scenario):
    """Run a client scenario in its own thread and event loop (a browser test may own this thread's loop)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, scenario).result()


def stored_ids(thread) -> list[int]:
    return list(Message.objects.filter(thread=thread).order_by("seq").values_list("id", flat=True))


def test_a_sends_and_b_receives(live_stack, thread, citizen, caseworker):
    alice, bob = Person(live_stack, citizen, thread), Person(live_stack, caseworker, thread)

    async def scenario():
        async with alice.connect() as a, bob.connect() as b:
            await send_message(a, "Hvornår kommer rollatoren?")
            ack, received = await next_message(a), await next_message(b)
            return ack, received

    ack, received = run(scenario())
    assert ack == received
    assert received["body"] == "Hvornår kommer rollatoren?"
    assert stored_ids(thread) == [received["id"]]


def test_b_reconnects_with_after_and_gets_exactly_what_she_missed(live_stack, thread, citizen, caseworker):
    alice, bob = Person(live_stack, citizen, thread), Person(live_stack, caseworker, thread)

    async def scenario():
        async with alice.connect() as a:
            async with bob.connect() as b:
                await send_message(a, "Før afbrydelsen")
                seen = await next_message(b)
            await send_message(a, "Mens du var væk (1)")
            await send_message(a, "Mens du var væk (2)")
            await next_message(a)
            await next_message(a)
            async with bob.connect(after=seen["id"]) as b:
                missed = [await next_message(b), await next_message(b)]
                await no_more_messages(b)
        return missed

    missed = run(scenario())
    assert [frame["body"] for frame in missed] == ["Mens du var væk (1)", "Mens du var væk (2)"]
    assert [frame["id"] for frame in missed] == stored_ids(thread)[1:]


def test_a_resend_with_the_same_client_id_is_one_message_with_one_id(live_stack, thread, citizen, caseworker):
    alice, bob = Person(live_stack, citizen, thread), Person(live_stack, caseworker, thread)

    async def scenario():
        async with bob.connect() as b:
            async with alice.connect() as a:
                client_id = await send_message(a, "Sendt to gange")
                first = await next_message(a)
            # The acknowledgement was "lost" with the connection: the client sends again on a new one.
            async with alice.connect() as a:
                await send_message(a, "Sendt to gange", client_id)
                second = await next_message(a)
            received = await next_message(b)
            await no_more_messages(b)
        return first, second, received

    first, second, received = run(scenario())
    assert first["id"] == second["id"] == received["id"]
    assert stored_ids(thread) == [first["id"]]


def test_a_server_restart_between_messages_loses_nothing(live_stack, thread, citizen, caseworker):
    alice, bob = Person(live_stack, citizen, thread), Person(live_stack, caseworker, thread)

    async def before_restart():
        async with alice.connect() as a, bob.connect() as b:
            await send_message(a, "Før genstart")
            return await next_message(b)

    async def after_restart(seen_id):
        async with alice.connect() as a:
            await send_message(a, "Efter genstart")
            await next_message(a)
        async with bob.connect(after=seen_id) as b:
            missed = await next_message(b)
            await no_more_messages(b)
            return missed

    seen = run(before_restart())
    live_stack.stop_server()
    try:
        live_stack.start_server()
    finally:
        if live_stack.server is None:
            live_stack.start_server()
    missed = run(after_restart(seen["id"]))
    assert missed["body"] == "Efter genstart"
    assert stored_ids(thread) == [seen["id"], missed["id"]]


def test_an_idle_socket_stays_open(live_stack, thread, citizen, caseworker):
    """The channel layer's 5-second blocking pop outlasts no Redis read timeout (redis-py 8 defaults to 5 s)."""
    alice, bob = Person(live_stack, citizen, thread), Person(live_stack, caseworker, thread)

    async def scenario():
        async with bob.connect() as b:
            await asyncio.sleep(7)  # idle, longer than the blocking pop and the client's default read timeout
            async with alice.connect() as a:
                await send_message(a, "Efter en stille stund")
                await next_message(a)  # acknowledged: stored and sent on
            return await next_message(b)

    assert run(scenario())["body"] == "Efter en stille stund"
