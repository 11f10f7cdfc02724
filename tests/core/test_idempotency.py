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


def test_earlier_answers_what_a_key_made_and_nothing_for_an_unused_or_bad_key(citizen, other_citizen):
    from accounts.models import User
    from core.idempotency import earlier, once

    made = once(action="test.make", actor_id=citizen.id, key="k-1", model=User, create=lambda: other_citizen)
    assert earlier(action="test.make", actor_id=citizen.id, key="k-1", model=User) == made
    assert earlier(action="test.make", actor_id=other_citizen.id, key="k-1", model=User) is None  # her own keys
    assert earlier(action="test.make", actor_id=citizen.id, key="unused", model=User) is None
    assert earlier(action="test.make", actor_id=citizen.id, key="æ" * 80, model=User) is None
    assert earlier(action="test.make", actor_id=citizen.id, key="", model=User) is None
