"""Offentlighedsloven § 36 on fixed dates: seven working days, the day-5 reminder, the fristbrev's expected date."""

from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from access_requests import services
from access_requests.models import AccessRequest
from accounts.models import PersonalDataAccess
from complaints.deadlines import COPENHAGEN
from notifications.models import Email, Notice
from tests.documents.reading import catalog, pages, structure_tags

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("received", "reminder_day", "deadline_day", "expected"),
    [
        # Easter 2026: skærtorsdag 2/4, langfredag 3/4, 2. påskedag 6/4 are not working days.
        (date(2026, 3, 31), date(2026, 4, 10), date(2026, 4, 14), date(2026, 4, 23)),
        # Christmas 2026: juleaftensdag, juledag, nytårsaftensdag and nytårsdag are not.
        (date(2026, 12, 21), date(2026, 12, 30), date(2027, 1, 5), date(2027, 1, 14)),
        # Grundlovsdag, Friday 5 June 2026, is not.
        (date(2026, 6, 1), date(2026, 6, 9), date(2026, 6, 11), date(2026, 6, 22)),
    ],
)
def test_seven_working_days_and_the_reminder_on_the_fifth(received, reminder_day, deadline_day, expected):
    remind_at, due_at = services.deadlines_for(
        datetime.combine(received, datetime.min.time(), COPENHAGEN) + timedelta(hours=10)
    )
    assert remind_at == datetime(reminder_day.year, reminder_day.month, reminder_day.day, tzinfo=COPENHAGEN)
    assert due_at == datetime(deadline_day.year, deadline_day.month, deadline_day.day, 23, 59, 59, tzinfo=COPENHAGEN)
    assert services.expected_date_after(due_at) == expected


def _received_on(access_request: AccessRequest, received: datetime) -> AccessRequest:
    remind_at, due_at = services.deadlines_for(received)
    AccessRequest.objects.filter(id=access_request.id).update(received_at=received, remind_at=remind_at, due_at=due_at)
    access_request.refresh_from_db()
    return access_request


EASTER = datetime(2026, 3, 31, 10, 0, tzinfo=COPENHAGEN)


def at(day: int, month: int = 4, hour: int = 9) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=COPENHAGEN)


def test_the_caseworker_is_reminded_on_the_fifth_working_day_once(own_request, caseworker, outbox):
    access_request = _received_on(own_request, EASTER)
    assert services.watch_deadlines(now=at(9, hour=23))["reminded"] == 0  # day 4
    assert services.watch_deadlines(now=at(10))["reminded"] == 1
    assert services.watch_deadlines(now=at(10, hour=10))["reminded"] == 0  # the second run does nothing
    access_request.refresh_from_db()
    assert access_request.reminded_at is not None
    reminders = Email.objects.filter(recipient=caseworker, subject__startswith="Påmindelse: aktindsigt")
    assert reminders.count() == 1


def test_the_fristbrev_is_drafted_when_the_deadline_day_begins_and_sent_when_it_has_passed(own_request, citizen):
    access_request = _received_on(own_request, EASTER)
    assert services.watch_deadlines(now=at(13, hour=23)) == {"reminded": 1, "drafted": 0, "sent": 0}
    assert services.watch_deadlines(now=at(14, hour=8)) == {"reminded": 0, "drafted": 1, "sent": 0}
    access_request.refresh_from_db()
    assert access_request.expected_by == date(2026, 4, 23)
    assert "syv arbejdsdage" in access_request.late_letter_reason
    assert access_request.late_letter_sent_at is None
    assert services.watch_deadlines(now=at(15, hour=0))["sent"] == 1
    assert services.watch_deadlines(now=at(15, hour=1)) == {"reminded": 0, "drafted": 0, "sent": 0}  # twice: nothing
    access_request.refresh_from_db()
    assert access_request.late_letter_sent_at is not None
    letter = Email.objects.get(recipient=citizen, subject__contains="tager længere tid")
    assert "23. april 2026" in letter.body and "syv arbejdsdage" in letter.body
    assert access_request.get_late_letter_url() in letter.body
    assert Notice.objects.filter(user=citizen, title__startswith="Fristbrev").count() == 1
    # The fristbrev as a PDF in the case: the reason and the expected date, tagged, in her language.
    content = access_request.late_letter_pdf.open("rb").read()
    text = "\n".join(pages(content))
    assert f"Fristbrev: din anmodning om aktindsigt {access_request.reference}" in text
    assert "syv arbejdsdage" in text and "23. april 2026" in text and citizen.full_name in text
    assert catalog(content)["/Lang"] == "da" and "H1" in structure_tags(content)


def test_the_fristbrev_pdf_is_served_to_the_requester_and_her_caseworkers_only(
    api, client, own_request, citizen, other_citizen, caseworker, other_caseworker
):
    access_request = _received_on(own_request, EASTER)
    url = access_request.get_late_letter_url()
    client.force_login(citizen)
    assert client.get(url).status_code == 404  # not sent yet
    services.watch_deadlines(now=at(15, hour=0))
    page = client.get(reverse("access_requests:detail", args=[access_request.id])).content.decode()
    assert url in page
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    assert api(citizen).get(f"/api/access-requests/{access_request.id}/").json()["late_letter_pdf_url"] == url
    client.force_login(caseworker)
    assert client.get(url).status_code == 200
    assert PersonalDataAccess.objects.filter(viewer=caseworker, what__endswith=": fristbrev").exists()
    for person in [other_citizen, other_caseworker]:
        client.force_login(person)
        assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 404


def test_a_decided_request_gets_no_reminder_and_no_fristbrev(own_request, caseworker):
    access_request = _received_on(own_request, EASTER)
    choices = {
        d.id: services.DocumentChoice(release=True, text=d.released_text) for d in access_request.documents.all()
    }
    services.decide_access_request(actor=caseworker, access_request=access_request, choices=choices)
    assert services.watch_deadlines(now=at(20)) == {"reminded": 0, "drafted": 0, "sent": 0}


def test_the_caseworker_revises_the_fristbrev_before_it_is_sent(own_request, caseworker, other_caseworker):
    access_request = _received_on(own_request, EASTER)
    with pytest.raises(ValidationError, match="efter fristen"):
        services.revise_late_letter(
            actor=caseworker, access_request=access_request, reason="Mange sider", expected_by=date(2026, 4, 14)
        )
    with pytest.raises(PermissionDenied):
        services.revise_late_letter(
            actor=other_caseworker, access_request=access_request, reason="x", expected_by=date(2026, 4, 20)
        )
    services.revise_late_letter(
        actor=caseworker, access_request=access_request, reason="Sagen har mange bilag.", expected_by=date(2026, 4, 20)
    )
    services.watch_deadlines(now=at(15, hour=0))
    access_request.refresh_from_db()
    assert access_request.late_letter_reason == "Sagen har mange bilag." and access_request.expected_by == date(
        2026, 4, 20
    )
    assert access_request.late_letter_sent_at is not None
