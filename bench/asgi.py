"""The product's ASGI application plus one bare route, for benchmarks only.

`/bench/bare-insert/` is the baseline: a plain Django view that inserts one row
in one statement, served by the same server, middleware and database.

It also notes, in Redis (hash COMMITS_KEY), the wall-clock time at which each
new complaint's transaction commits, so the intake bench can time routing from
the commit rather than from the INSERT.
"""

import time

import redis
from django.conf import settings
from django.db import connection, transaction
from django.db.models.signals import post_save
from django.http import JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from config.asgi import application as product_application
from config.urls import urlpatterns

BASELINE_TABLE = "bench_bare_row"
COMMITS_KEY = "bench:complaint-commits"
_redis = redis.Redis.from_url(settings.REDIS_URL)


@csrf_exempt
def bare_insert(request):
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {BASELINE_TABLE} (created_at) VALUES (now()) RETURNING id")  # noqa: S608
        row_id = cursor.fetchone()[0]
    return JsonResponse({"id": row_id}, status=201)


def note_commit(sender, instance, created, **kwargs):
    """Registered at the complaint's first INSERT, so it runs first among the transaction's commit hooks."""
    if created:
        transaction.on_commit(lambda: _redis.hset(COMMITS_KEY, instance.id, time.time()))


post_save.connect(note_commit, sender="complaints.Complaint")
urlpatterns.append(path("bench/bare-insert/", bare_insert))
application = product_application
