from django.urls import path

from dialogue.consumers import ThreadConsumer
from notifications.consumers import UserEventsConsumer

websocket_urlpatterns = [
    path("ws/events/", UserEventsConsumer.as_asgi()),
    path("ws/threads/<int:thread_id>/", ThreadConsumer.as_asgi()),
]
