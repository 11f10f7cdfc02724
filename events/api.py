"""The events' REST API: a door like the pages, calling the same services, selectors and permissions.

Published events are public (an unpublished one is a 404 for anyone but its organising staff). A logged-in
person registers herself (POST), reads her registration (GET) and cancels it (DELETE).
"""

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.idempotency import IDEMPOTENCY_HEADER, request_once
from events import services
from events.models import Event, Registration
from events.selectors import PAST, UPCOMING, access_event_by_id, public_events, registration_of
from events.serializers import EventSerializer, RegistrationSerializer


@extend_schema(
    parameters=[
        OpenApiParameter(
            "when", OpenApiTypes.STR, enum=[UPCOMING, PAST], description="Kommende (standard) eller tidligere"
        ),
        OpenApiParameter("kind", OpenApiTypes.STR, enum=Event.Kind.values),
    ]
)
class EventListApi(ListAPIView):
    """Published events: upcoming ones soonest first, or (`when=past`) past ones latest first."""

    permission_classes = [AllowAny]
    serializer_class = EventSerializer

    def get_queryset(self):
        when = PAST if self.request.query_params.get("when") == PAST else UPCOMING
        kind = self.request.query_params.get("kind", "")
        return public_events(when=when, kind=kind if kind in Event.Kind.values else "")


class EventDetailApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema(responses=EventSerializer)
    def get(self, request, event_id: int):
        return Response(EventSerializer(access_event_by_id(user=request.user, event_id=event_id)).data)


class EventRegistrationApi(APIView):
    """The caller's own registration for the event."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=RegistrationSerializer)
    def get(self, request, event_id: int):
        registration = registration_of(
            user=request.user, event=access_event_by_id(user=request.user, event_id=event_id)
        )
        if registration is None:
            raise Http404
        return Response(RegistrationSerializer(registration).data)

    @extend_schema(request=None, responses={201: RegistrationSerializer}, parameters=[IDEMPOTENCY_HEADER])
    def post(self, request, event_id: int):
        """Register. Sent again with the same `Idempotency-Key`, the answer is the registration made first."""
        event = access_event_by_id(user=request.user, event_id=event_id)
        registration = request_once(
            request,
            action="events.register",
            model=Registration,
            create=lambda: services.register(user=request.user, event=event),
        )
        return Response(RegistrationSerializer(registration).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=RegistrationSerializer)
    def delete(self, request, event_id: int):
        event = access_event_by_id(user=request.user, event_id=event_id)
        registration = services.cancel_registration(user=request.user, event=event)
        return Response(RegistrationSerializer(registration).data)
