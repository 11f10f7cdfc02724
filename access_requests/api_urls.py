from django.urls import path

from access_requests import api

urlpatterns = [
    path("access-requests/", api.AccessRequestCreateApi.as_view(), name="api-access-requests"),
    path("access-requests/<int:access_request_id>/", api.AccessRequestDetailApi.as_view(), name="api-access-request"),
]
