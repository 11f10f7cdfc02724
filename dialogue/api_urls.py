from django.urls import path

from dialogue import api

urlpatterns = [
    path("threads/<int:thread_id>/", api.ThreadApi.as_view(), name="api-thread"),
    path("threads/<int:thread_id>/messages/", api.MessageListCreateApi.as_view(), name="api-thread-messages"),
    path("threads/<int:thread_id>/read/", api.ReadApi.as_view(), name="api-thread-read"),
]
