from django.urls import path

from events import api

urlpatterns = [
    path("events/", api.EventListApi.as_view(), name="api-events"),
    path("events/<int:event_id>/", api.EventDetailApi.as_view(), name="api-event"),
    path("events/<int:event_id>/registration/", api.EventRegistrationApi.as_view(), name="api-event-registration"),
]
