"""Enqueueing Celery tasks so that nothing is lost, by the task's name.

Services enqueue by name (`enqueue_on_commit("complaints.tasks.route_complaint", complaint.id)`) and never import
their tasks module: tasks import services, services never import tasks, so there is one direction and no cycle.
A name that no task has fails at once (LookupError), in the request and in the tests, not later in a worker.

A task is sent only after the surrounding transaction commits (so the worker sees the rows), and a broker that
is down does not fail the user's request: the row is already stored and a beat sweeper finds what was never
enqueued.
"""

import functools
import logging
import threading

from celery import current_app
from django.db import transaction
from kombu.exceptions import OperationalError

logger = logging.getLogger(__name__)


_names_lock = threading.Lock()


def task_names() -> frozenset[str]:
    """The registered tasks' names, the apps' tasks modules imported the way a worker imports them.

    Under a lock: the first requests of a server process arrive together, and a thread that read the
    registry while another was still importing the tasks modules would keep a partial list for good."""
    with _names_lock:
        return _registered_task_names()


@functools.cache
def _registered_task_names() -> frozenset[str]:
    # The apps' tasks modules and the configured imports, as a worker finds them, but not through the loader's
    # import_default_modules(): its import_modules signal also makes Celery's Django fixup run every system check
    # (validate_models, meant for a worker's start), about a second spent on the first write of each web process.
    current_app.autodiscover_tasks(force=True)
    for module in current_app.loader.default_modules:
        current_app.loader.import_task_module(module)
    return frozenset(current_app.tasks)


def warm_up() -> None:
    """Load at a server process's start what its first write would otherwise load while a person waits (about a
    second on a loaded machine): the tasks registry and the broker's client library. Connects to nothing, so a
    broker that is down does not stop the server."""
    task_names()
    connection = current_app.connection_for_write()
    connection.transport  # noqa: B018 - the transport class, imported (kombu connects lazily, on first use)
    connection.release()


def enqueue_on_commit(task_name: str, *args: object) -> None:
    if task_name not in task_names():
        raise LookupError(f"no Celery task is named {task_name!r}")

    def send() -> None:
        try:
            current_app.send_task(task_name, args=args)
        except (OperationalError, ConnectionError, OSError):
            logger.warning("Broker unavailable; %s%r left for the sweeper", task_name, args)

    transaction.on_commit(send)
