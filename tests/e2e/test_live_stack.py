"""The live stack of each test process (each pytest-xdist worker) is on that process's database and Redis database:
its Celery broker, cache and channel layer, so two workers' Celery workers never take each other's tasks. The test
process itself publishes to a broker database of its own that no worker reads (tests/redis_db.py), so the live
worker never runs a task of a test that is not looking."""

import json
import subprocess
import sys

from django.conf import settings
from django.db import connection

from tests.e2e.live import ROOT

SHOW = """
import django, json
django.setup()
from django.conf import settings
print(json.dumps({
    "database": settings.DATABASES["default"]["NAME"],
    "broker": settings.CELERY_BROKER_URL,
    "cache": settings.CACHES["default"]["LOCATION"],
    "channels": [host["address"] for host in settings.CHANNEL_LAYERS["default"]["CONFIG"]["hosts"]],
}))
"""


def test_the_server_and_worker_use_this_processes_database_and_redis_database(live_stack):
    shown = subprocess.run(
        [sys.executable, "-c", SHOW], env=live_stack.env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    seen = json.loads(shown.stdout.strip().splitlines()[-1])
    assert seen == {
        "database": connection.settings_dict["NAME"],
        "broker": settings.REDIS_URL,
        "cache": settings.REDIS_URL,
        "channels": [settings.REDIS_URL],
    }
    assert settings.CELERY_BROKER_URL not in (settings.REDIS_URL, seen["broker"])
