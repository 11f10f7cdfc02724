"""Abstract base models shared by every app (as adhocracy4's base models)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        abstract = True


class IdempotencyKey(models.Model):
    """A create that has run once for (action, actor, key): a repeat with the same key returns `result_id`'s
    object instead of making another (core/idempotency.py). No foreign key to the user: core is below
    accounts; `actor_id` is the user's id, or 0 for a door without a login (a survey link)."""

    action = models.CharField(max_length=100)
    actor_id = models.BigIntegerField()
    key = models.CharField(max_length=64)
    result_id = models.BigIntegerField(null=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["action", "actor_id", "key"], name="core_idempotency_once")]

    def __str__(self) -> str:
        return f"{self.action} {self.actor_id} {self.key}"
