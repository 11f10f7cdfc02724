"""Live events for the sockets of a process: one channel-layer subscription per process and group (issue 15).

Channels gives every consumer a channel of its own, and with it channels_redis's receive queue for that
channel and a task waiting on it for the socket's whole life, about 9 KiB of every idle socket. Here the
sockets of an event loop share one `Hub`: one channel from the layer, one task receiving on it, and a map
of group → the loop's sockets in it. The hub's channel joins a layer group when the loop's first socket
joins it and leaves when its last one goes; a message sent to a group reaches the hub once and is handed
to each of its sockets there.

A message must say which group it was sent to, and channels_redis's group_send does not (the one channel's
messages all look alike): `GroupNamingChannelLayer`, the product's channel layer, adds it ("group").

Each socket gets its events in order from a small queue of its own, drained by a task that exists only while
the queue has something (no permanent task per socket): a slow socket delays only itself. An event's dict is
shared by every socket of the group, so a handler reads it and never changes it.

While Redis is away the hub's one receive loop waits and retries (0.5 s up to 5 s apart); when Redis answers
it joins its groups again (a restarted Redis has forgotten them) and gives every socket a `live.restored`
event, in order with the rest, to catch up from the database with.

A hub belongs to one event loop (each test has its own), and its receive task runs only while a socket is in
a group, so a loop whose sockets are gone has no task of the hub's left.
"""

import asyncio
import collections
import itertools
import logging
import time
from weakref import WeakKeyDictionary

from channels.consumer import get_handler_name
from channels.exceptions import StopConsumer
from channels.layers import get_channel_layer
from channels_redis.core import RedisChannelLayer
from uvicorn.protocols.utils import ClientDisconnected

from core.channels import LIVE_ERRORS

logger = logging.getLogger(__name__)

RESTORED = {"type": "live.restored"}
CLOSE_INTERNAL_ERROR = 1011


def end(task: asyncio.Task) -> None:
    """Cancel the task, and again until it has ended. Python 3.11's asyncio.wait_for, which redis-py awaits each
    write with, loses a cancellation that comes as the write completes (fixed in 3.12): a receive cancelled
    as it starts went on receiving, and a test's loop waited for it at its close for ever."""
    if not task.done():
        task.cancel()
        task.get_loop().call_later(0.05, end, task)


class GroupNamingChannelLayer(RedisChannelLayer):
    """channels_redis's layer; a group's message carries the group's name, which the receiving hub hands on by."""

    async def group_send(self, group, message):
        await super().group_send(group, {**message, "group": group})


class Hub:
    """The live subscriptions of one event loop's sockets (see the module's docstring)."""

    def __init__(self, layer, channel: str) -> None:
        self.layer = layer
        self.channel = channel
        self.groups: dict[str, set] = {}  # group -> the sockets in it
        # The groups the hub's channel is in, as far as the hub knows, with when it joined (time.monotonic()).
        self.in_layer: dict[str, float] = {}
        self.changing: dict[str, asyncio.Task] = {}  # group -> its layer join or leave under way
        self.task: asyncio.Task | None = None  # the receive loop, while a socket is in a group
        self.ending: set[asyncio.Task] = set()  # receive loops told to end (the next one waits for their end)
        # The loop's sockets' own tasks, held while they run, as uvicorn holds them: a task that only its socket's
        # receive queue refers to (a test's dropped communicator) would be collected while it waits.
        self.running: set[asyncio.Task] = set()
        self.restoring = False  # Redis failed: the receive loop joins every group again before it receives
        self.numbers = itertools.count(1)

    def socket_name(self) -> str:
        """A name of its own for a socket (its presence member): unique across processes, as the hub's channel."""
        return f"{self.channel}#{next(self.numbers)}"

    async def join(self, socket, group: str) -> bool:
        """Put `socket` in `group`; once this returns True, every message sent to the group reaches it. False:
        Redis did not answer (the hub joins again when it does, and the socket gets `live.restored`)."""
        self.groups.setdefault(group, set()).add(socket)
        if self.task is None:
            self._start_receiving()
        return await self._settle(group)

    async def leave(self, socket, group: str) -> None:
        if self._drop(socket, group):
            await self._settle(group)

    def forget(self, socket) -> None:
        """The socket is gone: out of its groups at once and its queued events dropped. The hub's channel stays in
        a layer group that the socket was the last of until a later join and leave of it (its messages are
        dropped here) — the awaited `leave` is what a socket that disconnects does first."""
        for group in socket.live_groups:
            self._drop(socket, group)
        socket.live_groups = ()
        if socket.delivering is not None:
            end(socket.delivering)

    def _drop(self, socket, group: str) -> bool:
        """Out of the group locally; True when it was the group's last socket here."""
        sockets = self.groups.get(group)
        if sockets is None or socket not in sockets:
            return False
        sockets.discard(socket)
        if sockets:
            return False
        del self.groups[group]
        if not self.groups and self.task is not None:
            self._stop_receiving()  # no socket in any group: no task of the hub's is left on the loop
            self.restoring = False
        return True

    async def _settle(self, group: str) -> bool:
        """Make the layer's membership of the group what the local sockets need, one change at a time per
        group (a join and a leave sent at once could reach Redis in either order)."""
        while (change := self.changing.get(group)) is not None:
            await asyncio.shield(change)
        wanted = group in self.groups
        if wanted == (group in self.in_layer) and not (wanted and self._joined_long_ago(group)):
            return True
        change = self.changing[group] = asyncio.get_running_loop().create_task(self._change(group, wanted))
        return await asyncio.shield(change)  # a socket cancelled meanwhile does not cancel the others' join

    async def _change(self, group: str, wanted: bool) -> bool:
        try:
            if wanted:
                await self.layer.group_add(group, self.channel)
                self.in_layer[group] = time.monotonic()
            else:
                await self.layer.group_discard(group, self.channel)
                self.in_layer.pop(group, None)
            return True
        except LIVE_ERRORS:
            logger.warning("Live step skipped (Redis unavailable): %s %s", "join" if wanted else "leave", group)
            if wanted:
                self._restore_soon()
            else:
                self.in_layer.pop(group, None)  # its layer entry expires; messages for it are dropped here
            return False
        finally:
            del self.changing[group]

    def _joined_long_ago(self, group: str) -> bool:
        """channels_redis forgets a group's member `group_expiry` after it was added (a day by default), and a
        group that always has a socket here is never left and joined again: a join after half of that adds the
        hub's channel anew, so a busy group does not go quiet."""
        return time.monotonic() - self.in_layer[group] > self.layer.group_expiry / 2

    def _restore_soon(self) -> None:
        """A join failed: the receive loop starts over by joining every group again once Redis answers."""
        if self.restoring or self.task is None:
            return
        self.restoring = True
        self._stop_receiving()  # waiting in the layer's receive, which a cancellation leaves consistent
        self._start_receiving()

    def _stop_receiving(self) -> None:
        end(self.task)
        self.ending = {task for task in self.ending if not task.done()} | {self.task}
        self.task = None

    def _start_receiving(self) -> None:
        self.task = asyncio.get_running_loop().create_task(self._receive(after=self.ending))
        self.ending = set()

    async def _receive(self, after: set[asyncio.Task]) -> None:
        if after:
            # One receive at a time on the channel: channels_redis's layer, receiving twice on one channel, fails
            # an assertion when one of the two is cancelled.
            await asyncio.wait(after)
        while True:
            if self.restoring:
                await self._restore()
            try:
                message = await self.layer.receive(self.channel)
            except LIVE_ERRORS:
                if asyncio.current_task().cancelling():
                    raise asyncio.CancelledError from None  # stopped while Redis failed: stop, do not retry
                logger.warning("Channel layer unavailable; the sockets wait for Redis")
                self.restoring = True
                continue
            for socket in self.groups.get(message.pop("group", None), ()):
                socket.live_event(message)

    async def _restore(self) -> None:
        delay = 0.5
        while True:
            await asyncio.sleep(delay)
            delay = min(delay * 2, 5)
            self.in_layer.clear()  # a restarted Redis has forgotten every group
            if all([await self._settle(group) for group in list(self.groups)]):
                break
        self.restoring = False
        for socket in {socket for sockets in self.groups.values() for socket in sockets}:
            socket.live_event(RESTORED)


_hubs: WeakKeyDictionary = WeakKeyDictionary()


async def hub() -> Hub:
    """The running event loop's hub (made on first use)."""
    loop = asyncio.get_running_loop()
    found = _hubs.get(loop)
    if found is None:
        layer = get_channel_layer()
        found = _hubs[loop] = Hub(layer, await layer.new_channel())
    return found


class LiveSocket:
    """For socket consumers (before channels' AsyncWebsocketConsumer in the bases): live events through the
    loop's `Hub` instead of a channel of the socket's own, and one task per socket, the one awaiting the
    client's frames (channels' AsyncConsumer.__call__ would make a channel, its receive queue, and a task
    for each of the two sources).

    A consumer joins its groups with `join_live_group` (True once it gets the group's messages; False while
    Redis is away, and then a `live.restored` event follows when it is back). Its events and its client's
    frames are handled one at a time, as channels does. `channel_name` is the socket's own name (presence
    keeps it); nothing can send to it."""

    groups = ()  # channels' own group handling, unused: no list made for each socket
    live_groups: tuple[str, ...] = ()
    pending: collections.deque | None = None  # events waiting for this socket, while there are any
    delivering: asyncio.Task | None = None  # the task handing them over, while there are any
    turn: asyncio.Lock | None = None  # one message at a time: an event or a client's frame

    async def __call__(self, scope, receive, send):
        self.scope = scope
        self.base_send = send
        self.hub = await hub()
        self.channel_name = self.hub.socket_name()
        task = asyncio.current_task()
        self.hub.running.add(task)
        try:
            while True:
                await self.dispatch_in_turn(await receive())
        except StopConsumer:
            pass
        finally:
            self.hub.running.discard(task)
            self.hub.forget(self)
            self.gone()

    async def join_live_group(self, group: str) -> bool:
        self.live_groups = (*self.live_groups, group)
        return await self.hub.join(self, group)

    async def leave_live_groups(self) -> None:
        groups, self.live_groups = self.live_groups, ()
        for group in groups:
            await self.hub.leave(self, group)

    async def websocket_disconnect(self, message):
        """As channels', without its database clean-up hop (the sockets' database calls clean up around
        themselves); out of the hub's groups however disconnect() ends."""
        try:
            await self.disconnect(message["code"])
        finally:
            await self.leave_live_groups()
        raise StopConsumer()

    def live_event(self, event: dict) -> None:
        """From the hub: queue the event for this socket (on the loop)."""
        if self.pending is None:
            self.pending = collections.deque((event,))
            self.delivering = asyncio.get_running_loop().create_task(self._deliver_pending())
        else:
            self.pending.append(event)

    async def _deliver_pending(self) -> None:
        try:
            while self.pending:
                await self.dispatch_in_turn(self.pending.popleft())
        except ClientDisconnected:
            pass  # the client went: its websocket.disconnect, next in line, ends the socket
        except Exception:
            # As an error in a handler ends a channels socket: logged, and the socket closed.
            logger.exception("A live event failed; the socket is closed")
            self.pending = None
            await self.close(code=CLOSE_INTERNAL_ERROR)
        finally:
            self.pending = self.delivering = None

    async def dispatch_in_turn(self, message: dict) -> None:
        if self.turn is None:
            self.turn = asyncio.Lock()
        async with self.turn:
            await self.dispatch(message)

    async def dispatch(self, message):
        """As channels' own dispatch, without its per-message database clean-up hop: every database call of the
        sockets goes through database_sync_to_async, which cleans up around itself, and under load that hop
        queued each event behind the one thread a process has for such calls."""
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    def gone(self) -> None:
        """The socket has ended, whether by its disconnect or cancelled (a server that stops, a test's loop that
        closes): a consumer drops here what its process keeps of it."""

    async def live_restored(self, event):
        """Redis is back; a consumer that keeps live state catches up here."""
