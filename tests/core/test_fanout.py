"""core.fanout: the sockets of a process share one channel-layer subscription per group (issue 15). Through the
real events socket (notifications.consumers.UserEventsConsumer) on the real Redis channel layer; the outage on a
redis-server of the test's own, stopped and started again."""

import asyncio
import json

import pytest
from channels.layers import channel_layers, get_channel_layer
from channels.testing import WebsocketCommunicator

from core import fanout
from notifications.consumers import UserEventsConsumer
from notifications.services import user_group_name
from tests.faults.conftest import RedisServer

pytestmark = pytest.mark.django_db(transaction=True)

WAIT = 5


@pytest.fixture(autouse=True)
def fresh_channel_layer():
    """Each test runs in its own event loop; a channel layer's connections belong to the loop that made them."""
    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


class SlowWhenAsked(UserEventsConsumer):
    """An events socket whose delivery waits while `held` is clear (a client that reads slowly)."""

    def __init__(self, held: asyncio.Event):
        super().__init__()
        self.held = held

    async def user_event(self, message):
        await self.held.wait()
        await super().user_event(message)


class SaysRestored(UserEventsConsumer):
    async def live_restored(self, event):
        await self.send(text_data=json.dumps({"restored": True}))


async def open_events(user, consumer=UserEventsConsumer, **initkwargs):
    socket = WebsocketCommunicator(consumer.as_asgi(**initkwargs), "/ws/events/")
    socket.scope["user"] = user
    connected, _ = await socket.connect(timeout=WAIT)
    assert connected
    return socket


async def events_of(socket) -> list:
    """Everything the socket has been sent until it is quiet for a moment."""
    frames = []
    while not await socket.receive_nothing(timeout=0.3):
        frames.append(await socket.receive_json_from(timeout=WAIT))
    return frames


async def push(user, number):
    await get_channel_layer().group_send(user_group_name(user.id), {"type": "user.event", "event": {"n": number}})


async def layer_members(group) -> set[str]:
    layer = get_channel_layer()
    return {member.decode() for member in await layer.connection(0).zrange(layer._group_key(group), 0, -1)}


async def nothing_left_running():
    """Every task of the loop but the test's own has ended (a loop's close would wait for any left)."""
    async with asyncio.timeout(WAIT):
        while others := [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]:
            await asyncio.wait(others, timeout=0.1)


async def test_a_group_event_reaches_every_socket_of_the_group_once_and_in_order(citizen, caseworker):
    tabs = [await open_events(citizen) for _ in range(3)]
    other = await open_events(caseworker)
    hub = await fanout.hub()
    # One subscription for the three tabs: the hub's one channel is the group's one member in the layer.
    assert await layer_members(user_group_name(citizen.id)) == {hub.channel}
    for number in range(1, 6):
        await push(citizen, number)
    for tab in tabs:
        assert await events_of(tab) == [{"n": n} for n in range(1, 6)]
    assert await events_of(other) == []
    for socket in [*tabs, other]:
        await socket.disconnect()


async def test_a_socket_that_goes_is_out_of_the_hub_and_the_last_one_takes_the_hub_out_of_the_group(
    citizen, caseworker
):
    first, second = await open_events(citizen), await open_events(citizen)
    other = await open_events(caseworker)
    hub = await fanout.hub()
    group = user_group_name(citizen.id)
    assert len(hub.groups[group]) == 2
    await first.disconnect()
    assert len(hub.groups[group]) == 1
    await push(citizen, 1)
    assert await events_of(second) == [{"n": 1}]
    await second.disconnect()
    assert group not in hub.groups
    assert await layer_members(group) == set()  # the layer no longer sends the group's messages here
    assert hub.task is not None  # the other user's socket still receives
    await other.disconnect()
    assert hub.groups == {} and hub.task is None and hub.running == set()
    await nothing_left_running()  # the hub's receive loop has ended, and no socket's task is left


async def test_a_group_that_always_has_a_socket_is_joined_anew_before_the_layer_forgets_it(citizen):
    """channels_redis drops a group member a day after it was added; the hub never leaves a group that always has
    a socket here, so a later join renews the hub's membership once half of that has passed."""
    layer = get_channel_layer()
    group = user_group_name(citizen.id)
    first = await open_events(citizen)
    hub = await fanout.hub()
    key = layer._group_key(group)
    await layer.connection(0).zadd(key, {hub.channel: 1})  # as if added long ago (the score is when)
    second = await open_events(citizen)  # a second tab, joined within the day: nothing to renew yet
    assert await layer.connection(0).zscore(key, hub.channel) == 1
    hub.in_layer[group] -= layer.group_expiry  # the hub joined a day ago
    third = await open_events(citizen)
    assert await layer.connection(0).zscore(key, hub.channel) > 1
    await push(citizen, 1)
    assert await events_of(third) == [{"n": 1}] and await events_of(first) == [{"n": 1}]
    for socket in (first, second, third):
        await socket.disconnect()


async def test_a_slow_socket_does_not_delay_another(citizen):
    held = asyncio.Event()
    slow = await open_events(citizen, SlowWhenAsked, held=held)
    fast = await open_events(citizen)
    for number in range(1, 4):
        await push(citizen, number)
    assert await events_of(fast) == [{"n": 1}, {"n": 2}, {"n": 3}]
    assert await slow.receive_nothing(timeout=0.3)
    held.set()
    assert await events_of(slow) == [{"n": 1}, {"n": 2}, {"n": 3}]
    await slow.disconnect()
    await fast.disconnect()


@pytest.fixture
def own_layer(settings):
    """The channel layer on a redis-server of the test's own, which it may stop."""
    server = RedisServer()
    server.start()
    layers = {**settings.CHANNEL_LAYERS, "default": {**settings.CHANNEL_LAYERS["default"]}}
    layers["default"]["CONFIG"] = {
        **layers["default"]["CONFIG"],
        "hosts": [{**layers["default"]["CONFIG"]["hosts"][0], "address": server.url}],
    }
    settings.CHANNEL_LAYERS = layers
    channel_layers.backends.clear()
    yield server
    server.stop()


async def test_after_an_outage_every_socket_is_told_and_the_groups_are_joined_again(own_layer, citizen, caseworker):
    first, second = await open_events(citizen, SaysRestored), await open_events(caseworker, SaysRestored)
    hub = await fanout.hub()
    own_layer.stop()
    async with asyncio.timeout(WAIT):
        while not hub.restoring:  # the hub's receive loop has seen Redis go
            await asyncio.sleep(0.05)
    during = await open_events(citizen, SaysRestored)  # a socket opens while Redis is away
    own_layer.start()  # empty: it has forgotten every group
    for socket in (first, second, during):
        assert await socket.receive_json_from(timeout=15) == {"restored": True}
    for user in (citizen, caseworker):
        assert await layer_members(user_group_name(user.id)) == {hub.channel}
    await push(citizen, 1)
    await push(caseworker, 2)
    assert await events_of(first) == [{"n": 1}]
    assert await events_of(during) == [{"n": 1}]
    assert await events_of(second) == [{"n": 2}]
    for socket in (first, second, during):
        await socket.disconnect()
    await nothing_left_running()
