"""Thin Celery tasks: take ids, call a service; each is safe to run twice."""

from celery import shared_task

from complaints import services


@shared_task
def route_complaint(complaint_id: int) -> None:
    services.route_complaint(complaint_id=complaint_id)


@shared_task
def acknowledge_complaint(complaint_id: int) -> None:
    services.acknowledge_complaint(complaint_id=complaint_id)


@shared_task
def suggest_themes_for_complaint(complaint_id: int) -> None:
    services.suggest_complaint_themes(complaint_id=complaint_id)


@shared_task
def remind_due_tasks() -> None:
    services.remind_due_tasks()


@shared_task
def escalate_overdue_tasks() -> None:
    services.escalate_overdue_tasks()


@shared_task
def sweep_missing_early_contact() -> None:
    services.sweep_missing_early_contact()


@shared_task
def sweep_unacknowledged_complaints() -> None:
    services.sweep_unacknowledged_complaints()


@shared_task
def sweep_unsuggested_themes() -> None:
    services.sweep_unsuggested_themes()


@shared_task
def expire_representations() -> None:
    services.expire_representations()
