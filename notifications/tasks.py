from celery import shared_task

from notifications import services


@shared_task
def deliver_email(email_id: int) -> None:
    services.deliver_email(email_id=email_id)


@shared_task
def sweep_unsent_email() -> None:
    services.deliver_unsent_emails()
