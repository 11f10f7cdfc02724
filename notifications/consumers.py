"""The per-user event socket, ws/events/: new tasks and notices reach open pages live.

The socket only listens: the client has nothing to say on it. Any frame it sends anyway (text, binary,
JSON or not) is answered with one `{"type": "error", "code": "unknown_type", "detail": …}` frame and the
socket stays open. Not logged in: closed with 4401.
"""

import json

from channels.generic.websocket import AsyncWebsocketConsumer
from django.utils import translation
from django.utils.translation import gettext as _

from core.fanout import LiveSocket
from notifications.services import user_group_name

CLOSE_UNAUTHENTICATED = 4401


class UserEventsConsumer(LiveSocket, AsyncWebsocketConsumer):
    async def connect(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        await self.join_live_group(user_group_name(user.id))
        await self.accept()

    async def receive(self, text_data=None, bytes_data=None):
        with translation.override(self.scope["user"].language):
            detail = _("Denne forbindelse tager ikke imod beskeder.")
        await self.send(text_data=json.dumps({"type": "error", "code": "unknown_type", "detail": detail}))

    async def user_event(self, message):
        await self.send(text_data=json.dumps(message["event"], ensure_ascii=False))
