"""The Celery application, its queues and the workers that serve them.

Each kind of work has a queue of its own, so slow work never delays what
someone is waiting for:

- `routing`: giving a new complaint its caseworker (and the live push to her inbox).
  Many small tasks: a worker with several processes, each prefetching a few.
- `default`: e-mail, reminders, sweeps. Waits on SMTP and the database: threads.
- `heavy`: theme suggestion and training, the 15-minute refresh jobs, the escalation job.
  Few and slow: one process that takes one task at a time (and keeps the suggestion model loaded).

Tasks are routed by name (TASK_ROUTES), so code that enqueues by name needs no import of the task.
Every task is idempotent and acknowledged after it ran (CELERY_TASK_ACKS_LATE), except the periodic
refreshes: a lost one is simply run again by beat, so they are acknowledged when taken.
"""

import os

from celery import Celery
from celery.signals import beat_init, worker_init
from django.core.exceptions import ImproperlyConfigured

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

ROUTING_QUEUE, DEFAULT_QUEUE, HEAVY_QUEUE = "routing", "default", "heavy"

TASK_ROUTES = {
    "complaints.tasks.route_complaint": {"queue": ROUTING_QUEUE},
    "complaints.tasks.sweep_missing_early_contact": {"queue": ROUTING_QUEUE},
    "complaints.tasks.suggest_themes_for_complaint": {"queue": HEAVY_QUEUE},
    "ideas.tasks.suggest_themes_for_idea": {"queue": HEAVY_QUEUE},
    "*.tasks.sweep_unsuggested_themes": {"queue": HEAVY_QUEUE},
    "themes.tasks.*": {"queue": HEAVY_QUEUE},
    "figures.tasks.*": {"queue": HEAVY_QUEUE},
    "escalations.tasks.*": {"queue": HEAVY_QUEUE},
}
PERIODIC_REFRESHES = (
    "figures.tasks.refresh_service_figures",
    "escalations.tasks.refresh_theme_counts",
    "escalations.tasks.escalate_themes",
)

# The workers production runs (one command each; more machines run more of them), `make run` and the
# benches too. Tests run one worker for every queue.
WORKERS = {
    ROUTING_QUEUE: ["--pool", "prefork", "--concurrency", "2", "--prefetch-multiplier", "4"],
    DEFAULT_QUEUE: ["--pool", "threads", "--concurrency", "4", "--prefetch-multiplier", "4"],
    HEAVY_QUEUE: ["--pool", "prefork", "--concurrency", "1", "--prefetch-multiplier", "1"],
}


def worker_command(queue: str, *, celery: str = "celery", loglevel: str = "INFO") -> list[str]:
    """The command line of the worker for `queue` (one of WORKERS)."""
    return [
        celery,
        "-A",
        "config",
        "worker",
        "--queues",
        queue,
        "--hostname",
        f"{queue}@%h",
        "--loglevel",
        loglevel,
        *WORKERS[queue],
    ]


app = Celery("borgerdialog")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.task_default_queue = DEFAULT_QUEUE
app.conf.task_routes = TASK_ROUTES
app.conf.task_annotations = {name: {"acks_late": False} for name in PERIODIC_REFRESHES}
app.autodiscover_tasks()


@worker_init.connect
@beat_init.connect
def refuse_to_start_without_a_secret_key(**kwargs) -> None:
    """Reading an empty key makes Django raise ImproperlyConfigured (see config/settings.py)."""
    from django.conf import settings

    if not settings.SECRET_KEY:
        raise ImproperlyConfigured("SECRET_KEY must be set")
