"""Every door that shows a citizen's personal data to staff leaves an entry, through the selectors' one hook; the
log is append-only in the database, whoever asks (raw SQL, the ORM, the admin)."""

import pytest
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.db import ProgrammingError, connection, transaction
from django.urls import reverse

from accounts.models import PersonalDataAccess
from complaints.models import Complaint
from config.routing import websocket_urlpatterns
from tests.conftest import make_user


def entries(viewer, subject) -> list[str]:
    return list(PersonalDataAccess.objects.filter(viewer=viewer, subject=subject).values_list("what", flat=True))


def doors(complaint: Complaint) -> dict[str, tuple[str, str]]:
    """Each door that shows the complaint's citizen to staff: (page or api, path)."""
    task = complaint.tasks.get()
    return {
        "thread page": ("page", reverse("dialogue:thread", args=[complaint.thread_id])),
        "thread api": ("api", f"/api/threads/{complaint.thread_id}/"),
        "messages api": ("api", f"/api/threads/{complaint.thread_id}/messages/"),
        "task page": ("page", reverse("complaints:task", args=[task.id])),
        "inbox page": ("page", reverse("complaints:inbox")),
        "inbox api": ("api", "/api/tasks/"),
        "complaint list api": ("api", "/api/complaints/"),
        "complaint page": ("page", reverse("complaints:detail", args=[complaint.id])),
        "complaint api": ("api", f"/api/complaints/{complaint.id}/"),
    }


DOORS = [
    "thread page",
    "thread api",
    "messages api",
    "task page",
    "inbox page",
    "inbox api",
    "complaint list api",
    "complaint page",
    "complaint api",
]


@pytest.mark.django_db
@pytest.mark.parametrize("door", DOORS)
def test_each_door_logs_the_staff_look_and_not_the_citizens_own(
    client, api, citizen, caseworker, routed_complaint, door
):
    kind, path = doors(routed_complaint)[door]
    for user in (citizen, caseworker):  # the citizen's own look (where she may look at all) is not logged
        if kind == "page":
            client.force_login(user)
            response = client.get(path)
        else:
            response = api(user).get(path)
        assert user == citizen or response.status_code == 200, door
    assert len(entries(caseworker, citizen)) == 1, door
    assert not PersonalDataAccess.objects.filter(viewer=citizen).exists()


@pytest.mark.django_db
def test_a_list_logs_the_rows_it_shows_and_a_count_logs_none(api, caseworker, citizen, other_citizen, file_complaint):
    from complaints import services

    for person in (citizen, other_citizen):
        complaint = file_complaint(citizen=person)
        services.route_complaint(complaint_id=complaint.id)
    page = api(caseworker).get("/api/tasks/?limit=1").json()
    assert page["count"] == 2 and len(page["results"]) == 1
    assert PersonalDataAccess.objects.filter(viewer=caseworker).count() == 1  # the page's one row, not both


@pytest.mark.django_db
def test_the_admins_change_page_is_logged(client, citizen, routed_complaint):
    admin = make_user("admin@kommune.dk", "Ada Admin", is_staff=True, is_superuser=True)
    client.force_login(admin)
    for path in (
        reverse("admin:complaints_complaint_change", args=[routed_complaint.id]),
        reverse("admin:accounts_user_change", args=[citizen.id]),
        reverse("admin:complaints_contacttask_change", args=[routed_complaint.tasks.get().id]),
    ):
        assert client.get(path).status_code == 200
    assert len(entries(admin, citizen)) == 3


@pytest.mark.django_db(transaction=True)
async def test_the_socket_and_its_replay_log_the_staff_look(citizen, caseworker, routed_complaint):
    from channels.db import database_sync_to_async
    from channels.layers import channel_layers

    channel_layers.backends.clear()
    for user in (citizen, caseworker):
        communicator = WebsocketCommunicator(
            URLRouter(websocket_urlpatterns), f"/ws/threads/{routed_complaint.thread_id}/?after=0"
        )
        communicator.scope["user"] = user
        connected, _ = await communicator.connect(timeout=5)
        assert connected
        await communicator.disconnect()
    channel_layers.backends.clear()
    logged = await database_sync_to_async(entries)(caseworker, citizen)
    assert len(logged) == 1 and logged[0].startswith("Samtale (live)")


@pytest.mark.django_db
def test_the_log_refuses_update_and_delete_in_the_database(client, citizen, caseworker, routed_complaint):
    client.force_login(caseworker)
    client.get(reverse("complaints:detail", args=[routed_complaint.id]))
    access = PersonalDataAccess.objects.get()
    for sql in (
        f"UPDATE accounts_personaldataaccess SET what = 'intet' WHERE id = {access.id}",  # noqa: S608
        f"DELETE FROM accounts_personaldataaccess WHERE id = {access.id}",  # noqa: S608
    ):
        with (
            pytest.raises(ProgrammingError, match="Cannot update or delete"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql)
    with pytest.raises(ProgrammingError), transaction.atomic():
        PersonalDataAccess.objects.all().delete()
    with pytest.raises(ProgrammingError), transaction.atomic():
        PersonalDataAccess.objects.update(what="intet")

    admin = make_user("admin@kommune.dk", "Ada Admin", is_staff=True, is_superuser=True)
    client.force_login(admin)
    assert (
        client.post(reverse("admin:accounts_personaldataaccess_delete", args=[access.id]), {"post": "yes"}).status_code
        == 403
    )
    changelist = reverse("admin:accounts_personaldataaccess_changelist")
    client.post(changelist, {"action": "delete_selected", "_selected_action": [access.id], "post": "yes"})
    access.refresh_from_db()
    assert access.what == routed_complaint.reference
