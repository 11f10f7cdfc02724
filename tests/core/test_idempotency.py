"""Idempotency keys (core.idempotency): kept a week, then purged by a daily beat job."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.idempotency import KEPT_FOR, purge_old_keys
from core.models import IdempotencyKey

pytestmark = pytest.mark.django_db


def test_keys_older_than_a_week_are_purged_and_newer_ones_kept():
    old = IdempotencyKey.objects.create(action="test", actor_id=1, key="old", result_id=1)
    IdempotencyKey.objects.filter(id=old.id).update(created_at=timezone.now() - KEPT_FOR - timedelta(minutes=1))
    IdempotencyKey.objects.create(action="test", actor_id=1, key="new", result_id=2)
    assert purge_old_keys() == 1
    assert list(IdempotencyKey.objects.values_list("key", flat=True)) == ["new"]
