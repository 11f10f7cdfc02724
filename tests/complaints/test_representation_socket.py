"""The representative's live socket on the thread: let in while the representation is in force, refused outside
her scope, and closed (4403) the moment it is revoked or runs out. Real Redis channel layer and database."""

import pytest
from channels.db import database_sync_to_async

from complaints import services
from complaints.models import Representation
from dialogue.models import Participant
from tests.dialogue.test_consumer import closed_with, fresh_channel_layer, next_frame, open_socket  # noqa: F401

from .representation_helpers import active, days

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def represented(routed_complaint, citizen, relative):
    return active(citizen, relative, routed_complaint)


async def joined(user, thread_id):
    socket = await open_socket(user, thread_id)
    assert (await next_frame(socket, "presence"))["online"] is True
    return socket


async def test_revoking_closes_the_representatives_open_socket_and_leaves_the_citizens(
    routed_complaint, citizen, relative, represented
):
    theirs = await joined(relative, routed_complaint.thread_id)
    hers = await joined(citizen, routed_complaint.thread_id)
    await theirs.send_json_to({"type": "message", "client_id": "r-1", "body": "Jeg skriver for Mette"})
    frame = await next_frame(hers, "message")
    assert (frame["author_name"], frame["on_behalf_of_name"]) == ("Susanne Hansen", "Mette Hansen")

    await database_sync_to_async(services.end_representation)(actor=citizen, representation=represented)

    error = await next_frame(theirs, "error")
    assert (error["code"], error["detail"]) == ("forbidden", "Du kan ikke længere deltage i samtalen.")
    await closed_with(theirs, 4403)
    # The citizen's socket stays and goes on working.
    await hers.send_json_to({"type": "message", "client_id": "c-1", "body": "Tak"})
    assert (await next_frame(hers, "message"))["body"] == "Tak"
    await hers.disconnect()
    again = await open_socket(relative, routed_complaint.thread_id)
    await closed_with(again, 4403)


async def test_a_representative_outside_her_scope_is_refused(routed_complaint, file_complaint, citizen, stranger):
    other = await database_sync_to_async(file_complaint)(subject="En anden klage")
    await database_sync_to_async(active)(citizen, stranger, other)
    socket = await open_socket(stranger, routed_complaint.thread_id)
    await closed_with(socket, 4403)


async def test_the_expiry_sweep_closes_a_socket_whose_period_has_run_out(routed_complaint, relative, represented):
    socket = await joined(relative, routed_complaint.thread_id)

    def run_out():
        Representation.objects.filter(id=represented.id).update(valid_from=days(-9), valid_until=days(-1))
        Participant.objects.filter(user=relative).update(valid_from=days(-9), valid_until=days(-1))
        return services.expire_representations()

    assert await database_sync_to_async(run_out)() == 1
    await closed_with(socket, 4403)
