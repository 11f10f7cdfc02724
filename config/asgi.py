"""ASGI entry point: Django for HTTP, Channels for the WebSockets."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django_asgi_app = get_asgi_application()

from django.conf import settings  # noqa: E402

# The server refuses to start without a secret key: Django raises ImproperlyConfigured on reading an empty one.
settings.SECRET_KEY  # noqa: B018

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402 - needs Django set up first
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from config.routing import websocket_urlpatterns  # noqa: E402
from core.bodies import BodyLimitMiddleware  # noqa: E402
from core.channels import SessionUserMiddleware  # noqa: E402
from core.queue import warm_up  # noqa: E402

warm_up()

application = ProtocolTypeRouter(
    {
        "http": BodyLimitMiddleware(django_asgi_app),
        "websocket": AllowedHostsOriginValidator(SessionUserMiddleware(URLRouter(websocket_urlpatterns))),
    }
)
