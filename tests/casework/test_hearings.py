"""Partshøring (forvaltningsloven § 19) and more time (§ 21): on the service, the API and the page,
across roles, with bad input, and the expiry job run twice."""

from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.models import PersonalDataAccess
from casework import services, tasks
from casework.models import Hearing
from complaints import services as complaint_services
from complaints.deadlines import COPENHAGEN
from complaints.models import ComplaintAttachment, ComplaintEvent
from notifications.models import Email, Notice
from tests.casework.conftest import pdf

pytestmark = pytest.mark.django_db

FACTS = "Lægen skriver den 3. november, at jeres søn sover godt om natten."


def future(days=30) -> date:
    return timezone.localdate() + timedelta(days=days)


@pytest.fixture
def hearing(caseworker, routed_complaint):
    return services.send_hearing(actor=caseworker, complaint=routed_complaint, facts=FACTS, deadline=future())


def test_a_hearing_waits_for_the_citizen_and_tells_her(citizen, caseworker, routed_complaint, settings):
    settings.HEARING_WORKING_DAYS = 14
    hearing = services.send_hearing(actor=caseworker, complaint=routed_complaint, facts=FACTS)
    assert hearing.status == "open" and hearing.deadline == hearing.first_deadline
    assert hearing.deadline == services.default_hearing_deadline(start=hearing.sent_at)
    assert routed_complaint.events.filter(kind=ComplaintEvent.Kind.HEARING).exists()
    email = Email.objects.get(recipient=citizen, subject__contains="Svar os")
    assert reverse("casework:hearing", args=[hearing.id]) in email.body
    assert Notice.objects.filter(user=citizen, url=hearing.get_absolute_url()).exists()


def test_a_chosen_deadline_on_a_holiday_runs_to_the_next_working_day(caseworker, routed_complaint):
    christmas_eve = date(timezone.localdate().year + 1, 12, 24)
    hearing = services.send_hearing(actor=caseworker, complaint=routed_complaint, facts=FACTS, deadline=christmas_eve)
    assert hearing.deadline.astimezone(COPENHAGEN).date() > christmas_eve


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({"facts": " "}, {"facts"}),
        ({"facts": "x" * 8001}, {"facts"}),
        ({"deadline": date(2020, 1, 2)}, {"deadline"}),
        ({"kind": "rumour"}, {"kind"}),
    ],
)
def test_bad_hearings_are_refused_and_nothing_sent(caseworker, routed_complaint, fields, errors):
    with pytest.raises(ValidationError) as error:
        services.send_hearing(actor=caseworker, complaint=routed_complaint, **{"facts": FACTS, **fields})
    assert set(error.value.message_dict) == errors
    assert not Hearing.objects.exists() and not Email.objects.filter(subject__contains="Svar os").exists()


def test_one_hearing_waits_at_a_time(caseworker, routed_complaint, hearing):
    with pytest.raises(ValidationError) as error:
        services.send_hearing(actor=caseworker, complaint=routed_complaint, facts=FACTS, kind="question")
    assert "venter allerede" in error.value.message_dict["facts"][0]


@pytest.mark.parametrize("role", ["citizen", "other_citizen", "other_caseworker", "committee_member"])
def test_only_the_department_sends_hearings(people, routed_complaint, role):
    with pytest.raises(PermissionDenied):
        services.send_hearing(actor=people[role], complaint=routed_complaint, facts=FACTS)


def test_the_citizen_answers_with_text_and_documents(citizen, caseworker, hearing):
    answered = services.answer_hearing(
        actor=citizen, hearing=hearing, answer="Han vågner tre gange hver nat.", uploads=[pdf("dagbog.pdf")]
    )
    assert answered.status == "answered" and answered.ended_at == answered.answered_at
    document = answered.answer_attachments.get()
    assert document.complaint_id == hearing.complaint_id and not document.added_by_staff
    assert document.title == "Svar på høring: dagbog"
    assert Email.objects.filter(recipient=caseworker, subject__contains="har svaret").exists()
    with pytest.raises(PermissionDenied):
        services.answer_hearing(actor=citizen, hearing=answered, answer="Igen.")


@pytest.mark.parametrize(
    ("answer", "uploads", "field"),
    [("", [], "answer"), ("Svar", [pdf(content=b"not a pdf")], "files"), ("Svar", [pdf()] * 6, "files")],
)
def test_bad_answers_are_refused_and_the_hearing_stays_open(citizen, hearing, answer, uploads, field):
    with pytest.raises(ValidationError) as error:
        services.answer_hearing(actor=citizen, hearing=hearing, answer=answer, uploads=uploads)
    assert field in error.value.message_dict
    hearing.refresh_from_db()
    assert hearing.status == "open" and not ComplaintAttachment.objects.exists()


@pytest.mark.parametrize("role", ["other_citizen", "caseworker", "other_caseworker", "committee_member"])
def test_only_the_citizen_answers(people, hearing, role):
    with pytest.raises(PermissionDenied):
        services.answer_hearing(actor=people[role], hearing=hearing, answer="Svar")


# § 21: more time


def test_more_time_granted_to_the_date_she_asked_for(citizen, caseworker, hearing):
    wanted = (hearing.deadline + timedelta(days=14)).date()
    services.request_extension(actor=citizen, hearing=hearing, reason="Jeg venter på lægen.", wanted_until=wanted)
    assert Email.objects.filter(recipient=caseworker, subject__contains="mere tid").exists()
    granted = services.decide_extension(actor=caseworker, hearing=hearing, grant=True)
    assert granted.deadline == services.end_of_working_day(wanted)
    assert granted.first_deadline < granted.deadline and granted.status == "open"
    assert Email.objects.filter(recipient=citizen, subject__contains="Svar på din anmodning").exists()


def test_more_time_by_the_default_number_of_working_days(citizen, caseworker, hearing, settings):
    settings.HEARING_EXTENSION_WORKING_DAYS = 10
    # From Friday 18 December 2026: 21, 22, 23, 28, 29, 30 December, 4, 5, 6, 7 January.
    friday = datetime(2026, 12, 18, 23, 59, 59, tzinfo=COPENHAGEN)
    assert services.default_extension(deadline=friday).date() == date(2027, 1, 7)
    services.request_extension(actor=citizen, hearing=hearing, reason="Jeg er på hospitalet.")
    granted = services.decide_extension(actor=caseworker, hearing=hearing, grant=True)
    assert granted.deadline == services.default_extension(deadline=hearing.deadline)


def test_refusing_more_time_needs_reasons(citizen, caseworker, hearing):
    services.request_extension(actor=citizen, hearing=hearing, reason="Ferie.")
    with pytest.raises(ValidationError) as error:
        services.decide_extension(actor=caseworker, hearing=hearing, grant=False, refusal=" ")
    assert "refusal" in error.value.message_dict
    refused = services.decide_extension(actor=caseworker, hearing=hearing, grant=False, refusal="Sagen haster.")
    assert refused.deadline == refused.first_deadline and refused.extension_granted is False


def test_more_time_bad_requests(citizen, caseworker, other_citizen, hearing):
    with pytest.raises(ValidationError) as error:
        services.request_extension(actor=citizen, hearing=hearing, reason="")
    assert "reason" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.request_extension(
            actor=citizen, hearing=hearing, reason="Syg.", wanted_until=hearing.deadline.date() - timedelta(days=1)
        )
    assert "wanted_until" in error.value.message_dict
    with pytest.raises(ValidationError):  # nothing asked for yet
        services.decide_extension(actor=caseworker, hearing=hearing, grant=True)
    with pytest.raises(PermissionDenied):
        services.request_extension(actor=other_citizen, hearing=hearing, reason="Syg.")
    services.request_extension(actor=citizen, hearing=hearing, reason="Syg.")
    with pytest.raises(ValidationError):  # once per hearing
        services.request_extension(actor=citizen, hearing=hearing, reason="Stadig syg.")
    with pytest.raises(PermissionDenied):
        services.decide_extension(actor=citizen, hearing=hearing, grant=True)


def test_no_more_time_after_the_deadline(citizen, hearing):
    passed = timezone.now() - timedelta(hours=1)
    Hearing.objects.filter(id=hearing.id).update(deadline=passed, first_deadline=passed)
    hearing.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.request_extension(actor=citizen, hearing=hearing, reason="Syg.")
    assert "udløbet" in error.value.message_dict["reason"][0]


# The expiry job


def test_expiry_runs_twice_and_spares_a_hearing_whose_request_for_time_waits(
    citizen, caseworker, routed_complaint, file_complaint
):
    first = services.send_hearing(actor=caseworker, complaint=routed_complaint, facts=FACTS, deadline=future())
    other = file_complaint()
    complaint_services.route_complaint(complaint_id=other.id)
    second = services.send_hearing(actor=caseworker, complaint=other, facts=FACTS, deadline=future())
    services.request_extension(actor=citizen, hearing=second, reason="Syg.")
    passed = timezone.now() - timedelta(minutes=1)
    Hearing.objects.update(deadline=passed, first_deadline=passed)
    tasks.expire_hearings.apply()
    tasks.expire_hearings.apply()
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == "expired" and first.ended_at == first.deadline
    assert second.status == "open"
    assert Email.objects.filter(recipient=caseworker, subject__contains="udløbet").count() == 1
    assert services.expire_hearings(now=timezone.now()) == 0


# The API and the page


def test_api_sends_a_hearing_and_the_citizen_answers_by_multipart(api, citizen, caseworker, routed_complaint):
    response = api(caseworker).post(
        f"/api/complaints/{routed_complaint.id}/hearings/",
        {"facts": FACTS, "deadline": future().isoformat()},
        format="json",
    )
    assert response.status_code == 201, response.json()
    hearing_id = response.json()["id"]
    response = api(citizen).post(
        f"/api/complaint-hearings/{hearing_id}/answer/",
        {"answer": "Det passer ikke.", "files": [pdf("svar.pdf")]},
        format="multipart",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "answered" and len(response.json()["answer_attachments"]) == 1


def test_api_bad_input_is_400_with_field_errors(api, citizen, caseworker, routed_complaint, hearing):
    url = f"/api/complaints/{routed_complaint.id}/hearings/"
    assert "facts" in api(caseworker).post(url, {"facts": ""}, format="json").json()
    response = api(citizen).post(f"/api/complaint-hearings/{hearing.id}/answer/", {"answer": ""}, format="json")
    assert response.status_code == 400 and "answer" in response.json()


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("citizen", 200),
        ("caseworker", 200),
        ("other_citizen", 404),
        ("other_caseworker", 404),
        ("committee_member", 404),
    ],
)
def test_who_sees_a_hearing(api, client, people, citizen, hearing, role, status):
    assert api(people[role]).get(f"/api/complaint-hearings/{hearing.id}/").status_code == status
    client.force_login(people[role])
    assert client.get(reverse("casework:hearing", args=[hearing.id])).status_code == status
    logged = PersonalDataAccess.objects.filter(viewer=people[role], subject=citizen).exists()
    assert logged == (role == "caseworker")


@pytest.mark.parametrize(
    ("role", "status"), [("citizen", 403), ("other_citizen", 404), ("other_caseworker", 404), ("committee_member", 404)]
)
def test_who_may_not_send_a_hearing(api, client, people, routed_complaint, role, status):
    response = api(people[role]).post(
        f"/api/complaints/{routed_complaint.id}/hearings/", {"facts": FACTS}, format="json"
    )
    assert response.status_code == status
    client.force_login(people[role])
    assert client.get(reverse("casework:hearing-create", args=[routed_complaint.id])).status_code == status
    assert not Hearing.objects.exists()


@pytest.mark.parametrize("role", ["other_citizen", "other_caseworker", "committee_member", "caseworker"])
def test_answering_someone_elses_hearing(api, people, hearing, role):
    response = api(people[role]).post(
        f"/api/complaint-hearings/{hearing.id}/answer/", {"answer": "Svar"}, format="json"
    )
    assert response.status_code == (403 if role == "caseworker" else 404)


def test_the_page_sends_answers_and_extends(client, citizen, caseworker, routed_complaint):
    client.force_login(caseworker)
    url = reverse("casework:hearing-create", args=[routed_complaint.id])
    assert client.post(url, {"kind": "partshoering", "facts": "", "deadline": ""}).status_code == 400
    response = client.post(url, {"kind": "partshoering", "facts": FACTS, "deadline": future().isoformat()})
    hearing = Hearing.objects.get()
    assert response.url == reverse("casework:hearing", args=[hearing.id])
    page = reverse("casework:hearing", args=[hearing.id])
    client.force_login(citizen)
    detail = client.get(reverse("complaints:detail", args=[routed_complaint.id])).content.decode()
    assert "Vi venter på dit svar" in detail and page in detail
    response = client.post(page, {"action": "extension", "reason": "Jeg venter på lægen.", "wanted_until": ""})
    assert response.status_code == 302
    client.force_login(caseworker)
    assert "Giv borgeren mere tid?" in client.get(page).content.decode()
    new = (hearing.deadline + timedelta(days=10)).date().isoformat()
    assert client.post(page, {"action": "decide", "grant": "yes", "deadline": new}).status_code == 302
    client.force_login(citizen)
    response = client.post(page, {"action": "answer", "answer": "Han vågner hver nat.", "files": [pdf()]})
    assert response.status_code == 302
    hearing.refresh_from_db()
    assert hearing.status == "answered" and hearing.answer_attachments.count() == 1
    assert hearing.deadline.astimezone(COPENHAGEN).date() >= date.fromisoformat(new)


def test_the_page_shows_errors_and_refuses_unknown_actions(client, citizen, hearing):
    client.force_login(citizen)
    page = reverse("casework:hearing", args=[hearing.id])
    response = client.post(page, {"action": "answer", "answer": ""})
    assert response.status_code == 400 and "Skriv dit svar" in response.content.decode()
    assert client.post(page, {"action": "delete"}).status_code == 403


def test_hearings_never_move_the_genvurdering_deadline(citizen, caseworker, routed_complaint):
    due = routed_complaint.genvurdering_due
    hearing = services.send_hearing(actor=caseworker, complaint=routed_complaint, facts=FACTS, deadline=future())
    services.request_extension(actor=citizen, hearing=hearing, reason="Syg.")
    services.decide_extension(actor=caseworker, hearing=hearing, grant=True, deadline=future(60))
    routed_complaint.refresh_from_db()
    assert routed_complaint.genvurdering_due == due
    assert isinstance(due, datetime)


def test_the_task_page_links_to_the_forms(client, caseworker, routed_complaint):
    client.force_login(caseworker)
    page = client.get(reverse("complaints:task", args=[routed_complaint.tasks.get().id])).content.decode()
    assert reverse("casework:hearing-create", args=[routed_complaint.id]) in page
    assert reverse("casework:decision-create", args=[routed_complaint.id]) in page
