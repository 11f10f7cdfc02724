"""The live thread socket, ws/threads/<id>/ (the protocol is in dialogue/PROTOCOL.md).

Thin: it authenticates, asks dialogue.permissions, calls the services and
relays the thread's events. Messages reach a socket in the thread's order
with none skipped or repeated: it remembers the last one it delivered, skips
what it already has and fetches a gap from the database before going on.
"""

import json
import logging
import re
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import parse_qs

import rules
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from channels.layers import get_channel_layer
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.models import User
from core.channels import best_effort
from core.fanout import LiveSocket
from core.parsers import json_problem
from core.ratelimit import RateLimited
from dialogue import live, services
from dialogue.models import Thread
from dialogue.selectors import (
    access_thread_by_id,
    message_in_thread,
    messages_after,
    names_of_users,
    thread_messages,
)
from dialogue.serializers import MessageSerializer, message_payload, visible_payload

logger = logging.getLogger(__name__)

CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN = 4403
CLOSE_FLOODING = 4429
TYPING_INTERVAL_SECONDS = 2
REPLAY_BATCH = 200
# `?after=` as the client may write it: a message id (ids are bigints, so at most 19 digits) or 0.
AFTER_PATTERN = re.compile(r"^[0-9]{1,19}$")
CLIENT_ID_ECHO = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")

# The sockets' database calls run on threads of their own, not on the one thread Channels gives every
# thread-sensitive call of a process (where, under load, each message queued behind every other). A socket
# awaits each call before its next, so its own order holds; the thread's row lock orders the messages
# between sockets. Each thread takes a connection from the process's pool while it works.
_DATABASE_THREADS = ThreadPoolExecutor(max_workers=settings.SOCKET_DATABASE_THREADS, thread_name_prefix="socket-db")


def in_database(function):
    return database_sync_to_async(function, thread_sensitive=False, executor=_DATABASE_THREADS)


def read_frame(text_data: str | None) -> tuple[dict, str]:
    """The client's frame as a dict, or an empty one and what is wrong with it (for an `invalid_json` frame)."""
    if text_data is None:
        return {}, _("Send tekst: binære beskeder forstås ikke.")
    try:
        frame = json.loads(text_data)
    except (ValueError, RecursionError):
        return {}, _("En besked til serveren skal være et JSON-objekt.")
    if not isinstance(frame, dict):
        return {}, _("En besked til serveren skal være et JSON-objekt.")
    return frame, json_problem(frame)


def open_thread(*, user: User, thread_id: int) -> tuple[Thread, bool, tuple[int, int]] | None:
    """The thread, whether the user moderates it, and its latest message's (seq, id); None when refused."""
    try:
        thread = access_thread_by_id(user=user, thread_id=thread_id, what="Samtale (live)")
    except Http404:
        return None
    latest = thread_messages(thread=thread).values_list("seq", "id").last() or (0, 0)
    return thread, bool(rules.has_perm("dialogue.moderate", user, thread)), latest


def message_batch(*, thread: Thread, after: object, can_moderate: bool) -> tuple[list[dict], tuple[int, int]]:
    """Up to REPLAY_BATCH messages after `after` for this reader, and the (seq, id) replay has reached."""
    if after == 0 or isinstance(after, bool):
        reached = (0, 0)
    else:
        start = message_in_thread(thread=thread, message_id=after, field="after")
        reached = (start.seq, start.id)
    messages = list(messages_after(thread=thread, after=after)[:REPLAY_BATCH])
    if messages:
        reached = (messages[-1].seq, messages[-1].id)
    return MessageSerializer(messages, many=True, context={"can_moderate": can_moderate}).data, reached


def post_message(**fields) -> tuple[dict, bool]:
    """Store the message (dialogue.services) and give its payload for the author's own socket."""
    message, created = services.post_message(**fields)
    return message_payload(message), created


def echo_client_id(frame: object) -> dict:
    """An error about a message names its client_id, so the client knows which of its messages failed (only a
    well-formed one is echoed: the answer must itself be a frame the client can read)."""
    client_id = frame.get("client_id") if isinstance(frame, dict) else None
    return {"client_id": client_id} if isinstance(client_id, str) and CLIENT_ID_ECHO.match(client_id) else {}


def after_from_query(query_string: bytes) -> object:
    """The `?after=` of the address: an int when it is one, else the text (which replay answers as invalid)."""
    after = parse_qs(query_string.decode("latin-1")).get("after")
    if not after:
        return None
    return int(after[0]) if AFTER_PATTERN.match(after[0]) else after[0]


async def announce(thread_id: int, user_id: int, user_name: str, *, online: bool) -> None:
    event = {"type": "thread.presence", "user": user_id, "user_name": user_name, "online": online}
    await best_effort(get_channel_layer().group_send(services.thread_group(thread_id), event), "presence")


async def announce_gone(thread_id: int, user_ids) -> None:
    if user_ids:
        names = await in_database(names_of_users)(user_ids=user_ids)
        for user_id in user_ids:
            await announce(thread_id, user_id, names.get(user_id, ""), online=False)


# Every socket's presence in this process, renewed on one heartbeat; people whose sockets vanished with a dead
# process are announced as gone.
HEARTBEAT = live.Heartbeat(on_gone=announce_gone)


class ThreadConsumer(LiveSocket, AsyncWebsocketConsumer):
    thread: Thread | None = None
    closing = False

    async def connect(self):
        self.user = self.scope.get("user")
        if self.user is None or not self.user.is_authenticated:
            await self.refuse(CLOSE_UNAUTHENTICATED)
            return
        thread_id = self.scope["url_route"]["kwargs"]["thread_id"]
        # Join the thread's group before the snapshot of its latest message, and accept only then: whatever is
        # stored after the client's handshake completes is newer than the snapshot and reaches this socket
        # through the group (a fan-out of an older one is skipped as delivered).
        self.group = services.thread_group(thread_id)
        await self.join_live_group(self.group)
        opened = await in_database(open_thread)(user=self.user, thread_id=thread_id)
        if opened is None:
            await self.leave_live_groups()
            await self.refuse(CLOSE_FORBIDDEN)
            return
        self.thread, self.can_moderate, (self.delivered_seq, self.delivered_id) = opened
        self.last_typing = 0.0
        await self.accept()
        with translation.override(self.user.language):
            after = after_from_query(self.scope.get("query_string", b""))
            if after is not None:
                await self.answering_errors(self.replay, after)
            await self.join_presence()

    async def refuse(self, code: int):
        """A refusal's close code reaches the client only on an open socket: accept, then close with it."""
        await self.accept()
        await self.close(code=code)

    async def close(self, code=None, reason=None):
        """Close once; after it nothing more is sent (group events still queued for this socket are dropped)."""
        if self.closing:
            return
        self.closing = True
        await super().close(code=code, reason=reason)

    async def send(self, text_data=None, bytes_data=None, close=False):
        if not self.closing:
            await super().send(text_data=text_data, bytes_data=bytes_data, close=close)

    async def disconnect(self, code):
        if self.thread is None:
            return
        self.gone()  # off the heartbeat first, or a beat could renew the presence that leaving takes away
        change = await best_effort(
            live.update_presence(
                op="leave", thread_id=self.thread.id, user_id=self.user.id, channel_name=self.channel_name
            ),
            "presence: leave",
        )
        if change:
            await self.announce_gone(change.gone)

    def gone(self):
        if self.thread is not None:
            HEARTBEAT.remove(thread_id=self.thread.id, user_id=self.user.id, channel_name=self.channel_name)

    # Frames from the client

    async def receive(self, text_data=None, bytes_data=None):
        if self.thread is None or self.closing:
            return  # refused, or closing
        with translation.override(self.user.language):
            frame, problem = read_frame(text_data)
            if problem:
                await self.send_error("invalid_json", problem)
                return
            kind = frame.get("type")
            handler = {
                "message": self.on_message,
                "typing": self.on_typing,
                "read": self.on_read,
                "sync": self.on_sync,
            }.get(kind if isinstance(kind, str) else None)
            if handler is None:
                await self.send_error("unknown_type", _("Ukendt type: brug message, typing, read eller sync."))
                return
            await self.answering_errors(handler, frame)

    async def answering_errors(self, handler, frame):
        """Bad input gets an error frame and changes nothing; the socket stays open."""
        try:
            await handler(frame)
        except RateLimited as error:
            await self.send_error("rate_limited", " ".join(error.messages), **echo_client_id(frame))
            await self.close(code=CLOSE_FLOODING)
        except ValidationError as error:
            fields = error.message_dict if hasattr(error, "error_dict") else {}
            await self.send_error("invalid", " ".join(error.messages), fields=fields, **echo_client_id(frame))
        except PermissionDenied:
            await self.send_error("forbidden", _("Du kan ikke længere deltage i samtalen."))
            await self.close(code=CLOSE_FORBIDDEN)

    async def on_message(self, frame: dict):
        kind = frame.get("kind", "text")  # post_message refuses what a client may not post
        payload, created = await in_database(post_message)(
            author=self.user,
            thread=self.thread,
            body=frame.get("body"),
            client_id=frame.get("client_id"),
            kind=kind,
            reply_to_id=frame.get("reply_to"),
        )
        if created:
            # The acknowledgement is delivered here, not only by the fan-out (which may be down with Redis):
            # the group's copy, when it comes, is skipped as delivered.
            await self.thread_message({"message": payload})
        else:  # a resend: answer with the stored message; the others have it already
            await self.deliver(payload)

    async def on_typing(self, frame: dict):
        now = time.monotonic()
        if now - self.last_typing < TYPING_INTERVAL_SECONDS:
            return
        self.last_typing = now
        event = {"type": "thread.typing", "user": self.user.id, "user_name": self.user.full_name}
        await best_effort(get_channel_layer().group_send(self.group, event), "typing")

    async def on_read(self, frame: dict):
        await in_database(services.mark_read)(user=self.user, thread=self.thread, up_to=frame.get("up_to"))

    async def on_sync(self, frame: dict):
        if "after" not in frame:
            raise ValidationError({"after": _("Angiv id'et på den sidste besked, du har (0 for alle).")})
        await self.replay(frame["after"])

    # Events from the thread's group

    async def thread_message(self, event):
        payload = event["message"]
        if payload["seq"] <= self.delivered_seq:
            return  # delivered already (by a replay or a gap fill)
        if payload["seq"] > self.delivered_seq + 1:
            await self.replay(self.delivered_id)  # a fan-out arrived before an earlier one: fill the gap in order
            return
        await self.deliver(payload)
        self.delivered_seq, self.delivered_id = payload["seq"], payload["id"]

    async def live_restored(self, event):
        """Redis is back after an outage: what was fanned out meanwhile is fetched from the database, in order,
        and this socket is present again."""
        with translation.override(self.user.language):
            await self.replay(self.delivered_id)
            await self.join_presence()

    async def thread_update(self, event):
        await self.deliver(event["message"])

    async def thread_read(self, event):
        await self.send_frame({"type": "read", "user": event["user"], "up_to": event["up_to"]})

    async def thread_access(self, event):
        """Someone's access may have ended (a representation revoked or run out): her sockets ask the rules
        again, and one that is refused now closes as a refused one would."""
        if event["user"] != self.user.id:
            return
        if await in_database(open_thread)(user=self.user, thread_id=self.thread.id) is None:
            with translation.override(self.user.language):
                await self.send_error("forbidden", _("Du kan ikke længere deltage i samtalen."))
            await self.close(code=CLOSE_FORBIDDEN)

    async def thread_typing(self, event):
        if event["user"] != self.user.id:
            await self.send_frame({"type": "typing", "user": event["user"], "user_name": event["user_name"]})

    async def thread_presence(self, event):
        if event["user"] == self.user.id:
            return  # her own presence came with the list of who is online when she connected
        await self.send_frame(
            {"type": "presence", "user": event["user"], "user_name": event["user_name"], "online": event["online"]}
        )

    # Helpers

    async def replay(self, after: object):
        """Send every message after `after`, in order; then live delivery goes on from the last one sent."""
        while True:
            payloads, reached = await in_database(message_batch)(
                thread=self.thread, after=after, can_moderate=self.can_moderate
            )
            for payload in payloads:
                await self.send_frame({"type": "message", **payload})
            if reached[0] > self.delivered_seq:
                self.delivered_seq, self.delivered_id = reached
            if len(payloads) < REPLAY_BATCH:
                return
            after = reached[1]

    async def deliver(self, payload: dict):
        await self.send_frame({"type": "message", **visible_payload(payload, can_moderate=self.can_moderate)})

    async def join_presence(self):
        change = await best_effort(
            live.update_presence(
                op="join", thread_id=self.thread.id, user_id=self.user.id, channel_name=self.channel_name
            ),
            "presence: join",
        )
        # Renewed from now on by the process's heartbeat (also while Redis is away: it is back at the next beat).
        HEARTBEAT.add(thread_id=self.thread.id, user_id=self.user.id, channel_name=self.channel_name)
        if not change:
            return
        names = await in_database(names_of_users)(user_ids=change.online | change.gone)
        for user_id in sorted(change.online):
            await self.send_frame(
                {"type": "presence", "user": user_id, "user_name": names.get(user_id, ""), "online": True}
            )
        if change.came_online:
            await self.announce(self.user.id, self.user.full_name, online=True)
        for user_id in change.gone:
            await self.announce(user_id, names.get(user_id, ""), online=False)

    async def announce_gone(self, user_ids):
        await announce_gone(self.thread.id, user_ids)

    async def announce(self, user_id: int, user_name: str, *, online: bool):
        await announce(self.thread.id, user_id, user_name, online=online)

    async def send_frame(self, frame: dict):
        await self.send(text_data=json.dumps(frame, ensure_ascii=False))

    async def send_error(self, code: str, detail: str, **extra):
        await self.send_frame({"type": "error", "code": code, "detail": detail, **extra})
