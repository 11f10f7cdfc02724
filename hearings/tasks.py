"""Thin Celery tasks of the hearings app: call a service; safe to run twice."""

from celery import shared_task

from hearings import services


@shared_task
def send_due_notices() -> None:
    """Beat: tell invited parties that a hearing has opened, and remind them before its deadline."""
    services.send_due_notices()
