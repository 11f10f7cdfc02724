"""The test process's settings: config.settings, with each pytest-xdist worker on its own Redis database.

pytest-django gives each worker (gw0, gw1, ...) its own test database; this gives it its own Redis database
too, the number in REDIS_URL plus the worker's index (CI's redis://127.0.0.1:6379/3: workers on 3 and 4), so
the Celery broker, the cache and the channel layer of two workers — and of their live stacks, which are started
with this REDIS_URL and config.settings (tests/e2e/conftest.py) — never meet. Set before config.settings reads it.
"""

import os

from tests.redis_db import parked_broker_url, worker_redis_url

if os.environ.get("PYTEST_XDIST_WORKER") and os.environ.get("REDIS_URL"):
    os.environ["REDIS_URL"] = worker_redis_url(os.environ["REDIS_URL"], os.environ["PYTEST_XDIST_WORKER"])

from config.settings import *  # noqa: F403

CELERY_BROKER_URL = parked_broker_url(REDIS_URL)  # noqa: F405
# The test databases are made from the models, not the migrations (pyproject.toml): the triggers the migrations
# would add (the append-only access log) are installed at the end of that `migrate` instead.
PGTRIGGER_INSTALL_ON_MIGRATE = True
# A test database is thrown away: the test process's commits need not wait for the disk (making the tables,
# the flushes of transactional tests).
for _database in DATABASES.values():  # noqa: F405
    _database["OPTIONS"]["options"] = f"{_database['OPTIONS'].get('options', '')} -c synchronous_commit=off".strip()
    # The flushes between transactional tests by DELETE instead of TRUNCATE (tests/flushing_postgresql/base.py).
    _database["ENGINE"] = "tests.flushing_postgresql"
# The test clients' WhiteNoise finds the static files once per process, not once per client (tests/static_files.py).
MIDDLEWARE = [
    "tests.static_files.WhiteNoiseMiddleware" if name == "whitenoise.middleware.WhiteNoiseMiddleware" else name
    for name in MIDDLEWARE  # noqa: F405
]
