from celery import shared_task

from access_requests import services


@shared_task
def watch_deadlines() -> dict[str, int]:
    return services.watch_deadlines()
