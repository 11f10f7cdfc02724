"""Thin Celery tasks of the ideas app: take ids, call a service; safe to run twice."""

from celery import shared_task

from ideas import services


@shared_task
def suggest_themes_for_idea(idea_id: int) -> None:
    services.suggest_idea_themes(idea_id=idea_id)


@shared_task
def sweep_unsuggested_themes() -> None:
    services.sweep_unsuggested_themes()
