"""Thin Celery tasks of the events app."""

from celery import shared_task

from events import services


@shared_task
def send_reminders() -> None:
    services.send_reminders()
