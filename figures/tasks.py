"""Thin Celery tasks of the figures app."""

from celery import shared_task

from figures import services


@shared_task
def refresh_service_figures() -> None:
    services.refresh_service_figures()
