"""Checking the audit trail (accounts.StaffAction): a staff service wrote exactly one row for what it did."""

from django.db import models

from accounts.models import StaffAction, User


def last_action_id() -> int:
    return StaffAction.objects.order_by("-id").values_list("id", flat=True).first() or 0


def assert_recorded(*, since: int, actor: User, action: str, target: models.Model) -> StaffAction:
    """Since the mark `since` (last_action_id()), `action` is written once, by `actor`, on `target`."""
    rows = list(StaffAction.objects.filter(id__gt=since, action=action))
    assert [(row.actor_id, row.target_type, row.target_id) for row in rows] == [
        (actor.id, target._meta.label_lower, target.pk)
    ]
    return rows[0]
