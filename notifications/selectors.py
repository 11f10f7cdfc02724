from django.db.models import QuerySet

from accounts.models import User
from notifications.models import Email, Notice


def notices_for(*, user: User) -> QuerySet[Notice]:
    return Notice.objects.filter(user=user).order_by("-created_at", "-id")


def unread_notice_count(*, user: User) -> int:
    return Notice.objects.filter(user=user, read_at__isnull=True).count()


def demo_outbox(*, limit: int = 200) -> QuerySet[Email]:
    return Email.objects.select_related("recipient").order_by("-created_at", "-id")[:limit]
