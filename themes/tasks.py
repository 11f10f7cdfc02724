"""Thin Celery tasks of the themes app."""

from celery import shared_task

from themes import services


@shared_task
def train_suggestion_model() -> None:
    services.train_suggestion_model()
