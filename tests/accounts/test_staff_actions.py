"""The audit trail of staff actions is append-only in the database (whoever asks: raw SQL, the ORM, the
admin) and readable, never writable, in the admin."""

import pytest
from django.db import ProgrammingError, connection, transaction
from django.urls import reverse

from accounts.models import StaffAction
from accounts.services import record_staff_action
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def row(lead, committee):
    return record_staff_action(actor=lead, action="committees.example", target=committee, details={"why": "test"})


def test_a_row_names_actor_action_target_and_details(row, lead, committee):
    row.refresh_from_db()
    assert (row.actor_id, row.action, row.target_type, row.target_id) == (
        lead.id,
        "committees.example",
        "accounts.committee",
        committee.id,
    )
    assert row.details == {"why": "test"} and row.at is not None


def test_the_database_refuses_to_change_or_delete_a_row(row):
    for sql in (
        "UPDATE accounts_staffaction SET action = 'x' WHERE id = %s",
        "DELETE FROM accounts_staffaction WHERE id = %s",
    ):
        with (
            pytest.raises(ProgrammingError, match="Cannot update or delete"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [row.id])
    with pytest.raises(ProgrammingError), transaction.atomic():
        StaffAction.objects.filter(id=row.id).delete()
    with pytest.raises(ProgrammingError), transaction.atomic():
        StaffAction.objects.filter(id=row.id).update(action="x")
    row.details = {"why": "changed"}
    with pytest.raises(ProgrammingError), transaction.atomic():
        row.save()
    row.refresh_from_db()
    assert row.details == {"why": "test"}


def test_administrators_read_it_in_the_admin_and_cannot_change_it(client, row):
    admin = make_user("admin@kommune.dk", "Ada Admin", is_staff=True, is_superuser=True)
    client.force_login(admin)
    changelist = reverse("admin:accounts_staffaction_changelist")
    page = client.get(changelist)
    assert page.status_code == 200 and "committees.example" in page.content.decode()
    detail = client.get(reverse("admin:accounts_staffaction_change", args=[row.id]))
    assert detail.status_code == 200 and 'name="_save"' not in detail.content.decode()
    assert client.get(reverse("admin:accounts_staffaction_add")).status_code == 403
    assert client.post(reverse("admin:accounts_staffaction_delete", args=[row.id]), {"post": "yes"}).status_code == 403
    client.post(changelist, {"action": "delete_selected", "_selected_action": [row.id], "post": "yes"})
    client.post(reverse("admin:accounts_staffaction_change", args=[row.id]), {"action": "x"})
    row.refresh_from_db()
    assert row.action == "committees.example"


def test_staff_without_the_admin_role_do_not_see_it(client, row, lead):
    lead.is_staff = True
    lead.save(update_fields=["is_staff"])
    client.force_login(lead)
    assert client.get(reverse("admin:accounts_staffaction_changelist")).status_code == 403
