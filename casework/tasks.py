"""Thin Celery tasks: call a service; each is safe to run twice."""

from celery import shared_task

from casework import services


@shared_task
def expire_hearings() -> None:
    services.expire_hearings()
