"""Enqueueing Celery tasks so that nothing is lost.

A task is sent only after the surrounding transaction commits (so the worker
sees the rows), and a broker that is down does not fail the user's request:
the row is already stored and a beat sweeper finds what was never enqueued.
"""

import logging

from celery import Task
from django.db import transaction
from kombu.exceptions import OperationalError

logger = logging.getLogger(__name__)


def enqueue_on_commit(task: Task, *args: object) -> None:
    def send() -> None:
        try:
            task.delay(*args)
        except (OperationalError, ConnectionError, OSError):
            logger.warning("Broker unavailable; %s%r left for the sweeper", task.name, args)

    transaction.on_commit(send)
