"""Each person sees only their own: the complaint and its tasks across roles, on every door."""

import pytest
from django.urls import reverse
from django.utils import timezone

from complaints.models import Complaint, ContactTask

pytestmark = pytest.mark.django_db

CONTACT = {
    "channel": "phone",
    "contacted_at": "2026-11-26T10:00:00+01:00",
    "summary": "Talte med borgeren om sagen.",
    "citizen_understood_decision": "yes",
}


@pytest.fixture
def people(citizen, other_citizen, caseworker, other_caseworker, lead, secretary):
    return {
        "citizen": citizen,
        "other_citizen": other_citizen,
        "caseworker": caseworker,
        "other_caseworker": other_caseworker,
        "lead": lead,
        "secretary": secretary,
    }


SEES_COMPLAINT = {"citizen", "caseworker", "lead"}


@pytest.mark.parametrize("role", ["citizen", "other_citizen", "caseworker", "other_caseworker", "lead", "secretary"])
def test_complaint_detail_api_is_404_for_anyone_who_may_not_see_it(api, people, routed_complaint, role):
    response = api(people[role]).get(f"/api/complaints/{routed_complaint.id}/")
    assert response.status_code == (200 if role in SEES_COMPLAINT else 404)


@pytest.mark.parametrize("role", ["citizen", "other_citizen", "caseworker", "other_caseworker", "lead", "secretary"])
def test_complaint_page_is_404_for_anyone_who_may_not_see_it(client, people, routed_complaint, role):
    client.force_login(people[role])
    response = client.get(reverse("complaints:detail", args=[routed_complaint.id]))
    assert response.status_code == (200 if role in SEES_COMPLAINT else 404)


def test_anonymous_gets_401_from_the_api_and_a_login_redirect_from_the_page(api, client, routed_complaint):
    assert api().get(f"/api/complaints/{routed_complaint.id}/").status_code == 401
    response = client.get(reverse("complaints:detail", args=[routed_complaint.id]))
    assert response.status_code == 302


def test_a_complaint_that_does_not_exist_is_also_404(api, citizen):
    assert api(citizen).get("/api/complaints/999999/").status_code == 404


def test_complaint_list_holds_only_what_the_user_may_see(api, people, routed_complaint, file_complaint):
    other = file_complaint(citizen=people["other_citizen"], subject="En anden borgers klage")
    seen = {role: {c["id"] for c in api(user).get("/api/complaints/").json()} for role, user in people.items()}
    assert seen["citizen"] == {routed_complaint.id}
    assert seen["other_citizen"] == {other.id}
    assert seen["caseworker"] == seen["lead"] == {routed_complaint.id, other.id}
    assert seen["other_caseworker"] == seen["secretary"] == set()


def test_citizen_view_has_status_and_timeline_but_not_the_staff_notes(api, citizen, routed_complaint):
    body = api(citizen).get(f"/api/complaints/{routed_complaint.id}/").json()
    assert body["status"] == "contact_pending"
    assert [e["kind"] for e in body["events"]] == ["received", "assigned"]
    assert "contact_logs" not in body


def test_inbox_api_shows_own_and_unassigned_tasks_and_the_lead_sees_the_department(
    api, people, routed_complaint, file_complaint
):
    unassigned = file_complaint(subject="Endnu ikke fordelt")
    ContactTask.objects.create(
        complaint=unassigned,
        kind=ContactTask.Kind.EARLY_CONTACT,
        department=unassigned.department,
        assignee=None,
        due_at=timezone.now(),
    )
    tasks = {role: api(user).get("/api/tasks/").json()["results"] for role, user in people.items()}

    assert {t["complaint"] for t in tasks["caseworker"]} == {routed_complaint.id, unassigned.id}
    assert tasks["caseworker"][0]["complaint"] == unassigned.id  # soonest due first
    assert {t["complaint"] for t in tasks["lead"]} == {routed_complaint.id, unassigned.id}
    assert tasks["other_caseworker"] == tasks["citizen"] == tasks["secretary"] == []
    assert set(tasks["caseworker"][0]) >= {"id", "kind", "complaint", "assignee", "due_at", "status", "is_overdue"}


@pytest.mark.parametrize(
    ("role", "status"), [("citizen", 404), ("other_citizen", 404), ("other_caseworker", 404), ("lead", 201)]
)
def test_only_department_staff_may_log_a_contact(api, people, routed_complaint, role, status):
    task = routed_complaint.tasks.get()
    response = api(people[role]).post(f"/api/tasks/{task.id}/contacts/", CONTACT, format="json")
    assert response.status_code == status
    assert routed_complaint.contact_logs.count() == (1 if status == 201 else 0)


def test_caseworker_logs_a_contact_through_the_api(api, caseworker, routed_complaint):
    task = routed_complaint.tasks.get()
    response = api(caseworker).post(f"/api/tasks/{task.id}/contacts/", CONTACT, format="json")
    assert response.status_code == 201
    routed_complaint.refresh_from_db()
    assert routed_complaint.status == Complaint.Status.IN_DIALOGUE


@pytest.mark.parametrize(
    ("field", "value"),
    [("channel", "pigeon"), ("contacted_at", "yesterday"), ("summary", ""), ("citizen_understood_decision", "maybe")],
)
def test_bad_contact_input_is_refused_and_the_task_stays_open(api, caseworker, routed_complaint, field, value):
    task = routed_complaint.tasks.get()
    response = api(caseworker).post(f"/api/tasks/{task.id}/contacts/", {**CONTACT, field: value}, format="json")
    assert response.status_code == 400
    assert field in response.json()
    task.refresh_from_db()
    assert task.status == ContactTask.Status.OPEN


def test_a_contact_in_the_future_is_refused(api, caseworker, routed_complaint):
    task = routed_complaint.tasks.get()
    future = {**CONTACT, "contacted_at": "2099-01-01T10:00:00+01:00"}
    response = api(caseworker).post(f"/api/tasks/{task.id}/contacts/", future, format="json")
    assert response.status_code == 400
    assert "contacted_at" in response.json()


@pytest.mark.parametrize(
    ("role", "status"),
    [("citizen", 403), ("other_caseworker", 404), ("caseworker", 200), ("lead", 200)],
)
def test_only_department_staff_may_close(api, people, routed_complaint, role, status):
    response = api(people[role]).post(
        f"/api/complaints/{routed_complaint.id}/close/", {"outcome": "withdrawn", "note": "Trukket."}, format="json"
    )
    assert response.status_code == status


def test_close_with_a_bad_outcome_is_a_field_error(api, caseworker, routed_complaint):
    response = api(caseworker).post(
        f"/api/complaints/{routed_complaint.id}/close/", {"outcome": "won", "note": ""}, format="json"
    )
    assert response.status_code == 400
    assert {"outcome", "note"} <= set(response.json())


@pytest.mark.parametrize(("role", "status"), [("caseworker", 403), ("other_caseworker", 404), ("lead", 200)])
def test_only_the_lead_may_reassign(api, people, second_caseworker, routed_complaint, role, status):
    task = routed_complaint.tasks.get()
    response = api(people[role]).post(
        f"/api/tasks/{task.id}/reassign/", {"assignee": second_caseworker.id}, format="json"
    )
    assert response.status_code == status


def test_inbox_page_is_for_employees_only(client, citizen, caseworker, routed_complaint):
    client.force_login(citizen)
    assert client.get(reverse("complaints:inbox")).status_code == 403
    client.force_login(caseworker)
    page = client.get(reverse("complaints:inbox"))
    assert page.status_code == 200
    assert routed_complaint.reference in page.content.decode()


def test_overdue_tasks_are_marked_in_words(client, caseworker, routed_complaint):
    ContactTask.objects.filter(complaint=routed_complaint).update(due_at=timezone.now() - timezone.timedelta(hours=1))
    client.force_login(caseworker)
    assert "Overskredet" in client.get(reverse("complaints:inbox")).content.decode()


def test_task_page_logs_a_contact_without_javascript(client, caseworker, routed_complaint):
    task = routed_complaint.tasks.get()
    client.force_login(caseworker)
    form = {"action": "contact", **CONTACT, "contacted_at": "2026-11-26T10:00"}
    response = client.post(reverse("complaints:task", args=[task.id]), form)
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == ContactTask.Status.DONE


def test_task_page_shows_errors_and_changes_nothing(client, caseworker, routed_complaint):
    task = routed_complaint.tasks.get()
    client.force_login(caseworker)
    response = client.post(reverse("complaints:task", args=[task.id]), {"action": "contact", "summary": ""})
    assert response.status_code == 400
    assert 'id="error-summary"' in response.content.decode()
    task.refresh_from_db()
    assert task.status == ContactTask.Status.OPEN


def test_close_page_closes_and_a_citizen_cannot(client, citizen, caseworker, routed_complaint):
    url = reverse("complaints:close", args=[routed_complaint.id])
    client.force_login(citizen)
    assert client.post(url, {"outcome": "withdrawn", "note": "x"}).status_code == 403
    client.force_login(caseworker)
    assert client.post(url, {"outcome": "withdrawn", "note": "Trukket tilbage.", "confirm": "1"}).status_code == 302
    routed_complaint.refresh_from_db()
    assert routed_complaint.status == Complaint.Status.CLOSED


def test_a_near_genvurdering_deadline_is_warned_about_in_the_inbox(client, caseworker, routed_complaint):
    client.force_login(caseworker)
    assert "Genvurderingsfristen er nær" not in client.get(reverse("complaints:inbox")).content.decode()
    Complaint.objects.filter(id=routed_complaint.id).update(
        genvurdering_due=timezone.now() + timezone.timedelta(days=2)
    )
    assert "Genvurderingsfristen er nær" in client.get(reverse("complaints:inbox")).content.decode()
