"""Thin Celery tasks of the escalations app."""

from celery import shared_task

from escalations import services


@shared_task
def escalate_themes() -> None:
    services.escalate_themes()


@shared_task
def refresh_theme_counts() -> None:
    services.refresh_theme_counts()
