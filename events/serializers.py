"""Events in the API: what the public may know of a published event, and a person's own registration."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events.models import Contributor, Event, Registration
from events.selectors import report_answers_of, report_ideas_of, seats_left
from events.services import waiting_position
from notifications.services import absolute_url


class EventSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    organiser = serializers.CharField(source="organiser_name", read_only=True)
    department = serializers.CharField(source="department.name", read_only=True)
    partners = serializers.SerializerMethodField()
    speakers = serializers.SerializerMethodField()
    seats_left = serializers.SerializerMethodField()
    registration_open = serializers.SerializerMethodField()
    committee = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    board = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    budget = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    hearing = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    report_ideas = serializers.SerializerMethodField()
    report_answers = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    calendar_url = serializers.SerializerMethodField()

    class Meta:
        model = Event
        fields = [
            "id",
            "title",
            "kind",
            "kind_display",
            "starts_at",
            "ends_at",
            "address",
            "online_url",
            "organiser",
            "department",
            "partners",
            "speakers",
            "description",
            "capacity",
            "seats_left",
            "registration_opens_at",
            "registration_closes_at",
            "registration_open",
            "committee",
            "board",
            "budget",
            "hearing",
            "report",
            "reported_at",
            "report_ideas",
            "report_answers",
            "url",
            "calendar_url",
        ]

    def _names(self, event: Event, role: str) -> list[str]:
        return [contributor.name for contributor in event.contributors.all() if contributor.role == role]

    def get_partners(self, event: Event) -> list[str]:
        return self._names(event, Contributor.Role.PARTNER)

    def get_speakers(self, event: Event) -> list[str]:
        return self._names(event, Contributor.Role.SPEAKER)

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_seats_left(self, event: Event) -> int | None:
        return seats_left(event)

    def get_registration_open(self, event: Event) -> bool:
        return event.registration_is_open()

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_report_ideas(self, event: Event) -> list[int]:
        return list(report_ideas_of(event=event).values_list("id", flat=True)) if event.reported_at else []

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_report_answers(self, event: Event) -> list[int]:
        """The public answers to the event's hearing made there (GET /api/hearings/<id>/answers/ has them)."""
        return list(report_answers_of(event=event).values_list("id", flat=True)) if event.reported_at else []

    def get_url(self, event: Event) -> str:
        return absolute_url(event.get_absolute_url())

    def get_calendar_url(self, event: Event) -> str:
        return absolute_url(reverse("events:ics", args=[event.id]))


class RegistrationSerializer(serializers.ModelSerializer):
    """The caller's own registration: her code to show at the door, or her place on the waiting list."""

    event = serializers.PrimaryKeyRelatedField(read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    waiting_position = serializers.SerializerMethodField()

    class Meta:
        model = Registration
        fields = ["event", "status", "status_display", "code", "waiting_position", "created_at", "cancelled_at"]

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_waiting_position(self, registration: Registration) -> int | None:
        return waiting_position(registration)
