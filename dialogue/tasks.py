"""Thin Celery tasks; each is safe to run twice (and twice at once)."""

from celery import shared_task

from dialogue import services


@shared_task
def email_unread_messages() -> None:
    services.email_unread_messages()
