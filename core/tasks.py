"""Thin Celery tasks of core; each is safe to run twice."""

from celery import shared_task

from core import idempotency


@shared_task
def purge_idempotency_keys() -> None:
    idempotency.purge_old_keys()
