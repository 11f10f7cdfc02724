"""A meeting held in a test: the days until it pass (its start moves an hour into the past), then the secretary
marks it held, which the service allows only once a meeting has begun."""

from datetime import timedelta

from django.utils import timezone

from committees import services
from committees.models import Meeting


def let_the_meeting_begin(meeting: Meeting) -> None:
    begun = timezone.now() - timedelta(hours=1)
    Meeting.objects.filter(pk=meeting.pk).update(start=begun, end=None)
    meeting.start, meeting.end = begun, None


def hold_meeting(meeting: Meeting, *, by) -> Meeting:
    let_the_meeting_begin(meeting)
    return services.mark_meeting_held(actor=by, meeting=meeting)
