from celery import shared_task

from retention import services


@shared_task
def anonymise_expired_cases() -> int:
    return services.anonymise_expired_cases()
