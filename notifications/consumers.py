"""The per-user event socket: new tasks and notices reach open pages live."""

from channels.generic.websocket import AsyncJsonWebsocketConsumer

from notifications.services import user_group_name

CLOSE_UNAUTHENTICATED = 4401


class UserEventsConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        self.group = user_group_name(user.id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        """The socket only listens; the client has nothing to say on it."""

    async def user_event(self, message):
        await self.send_json(message["event"])
