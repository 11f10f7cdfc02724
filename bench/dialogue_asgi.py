"""The product's ASGI application plus a bare echo socket, for the dialogue benchmark only.

`ws/bench/echo/<room>/` is the baseline: behind the same origin check and
session authentication, it sends every frame it receives to everyone in the
room over the same Redis channel layer — no database, no checks, no storing.
"""

from channels.consumer import get_handler_name
from channels.generic.websocket import AsyncWebsocketConsumer
from channels.routing import ProtocolTypeRouter, URLRouter
from channels.security.websocket import AllowedHostsOriginValidator
from django.urls import path

import bench.asgi  # noqa: F401 - the bare insert route (and the complaint commit notes) for the other benches
from config.asgi import django_asgi_app
from config.routing import websocket_urlpatterns
from core.channels import SessionUserMiddleware


class EchoConsumer(AsyncWebsocketConsumer):
    async def dispatch(self, message):
        """Without channels' per-message database clean-up hop: the echo never touches the database."""
        await getattr(self, get_handler_name(message))(message)

    async def connect(self):
        self.group = f"bench-echo-{self.scope['url_route']['kwargs']['room']}"
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        await self.channel_layer.group_send(self.group, {"type": "echo.frame", "text": text_data})

    async def echo_frame(self, event):
        await self.send(text_data=event["text"])


application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(
            SessionUserMiddleware(
                URLRouter([*websocket_urlpatterns, path("ws/bench/echo/<str:room>/", EchoConsumer.as_asgi())])
            )
        ),
    }
)
