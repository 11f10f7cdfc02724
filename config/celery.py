"""The Celery application, its queues and the workers that serve them.

Each kind of work has a queue of its own, so slow work never delays what
someone is waiting for:

- `routing`: giving a new complaint its caseworker (and the live push to her inbox).
  Many small tasks: a worker with several processes, each prefetching a few.
- `default`: e-mail, reminders, sweeps. Waits on SMTP and the database: threads.
- `heavy`: theme suggestion and training, the 15-minute refresh jobs, the escalation job.
  Few and slow: one process that takes one task at a time (and keeps the suggestion model loaded).
The workers of `default` and `heavy` run at a lower CPU priority (NICENESS), so on cores they share with the
web processes and routing they take only what those leave: a suggestion or an e-mail may wait a moment, a
citizen's page and a caseworker's new task do not.

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


# nice(1) values by queue; a worker that serves several queues runs at the highest priority among them. Measured
# on 2 shared cores at 20 complaints/s: the workers wanted ~110 ms of CPU per complaint (routing 43, e-mail 31,
# suggestion 35), more than the cores have, and at equal priority the web process queued behind them.
NICENESS = {ROUTING_QUEUE: 0, DEFAULT_QUEUE: 5, HEAVY_QUEUE: 10}


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


def niceness_of(queues) -> int:
    """The CPU priority of a worker serving `queues`; one started for no queue in particular serves them all,
    routing included."""
    return min((NICENESS.get(name, 0) for name in queues), default=0)


@worker_init.connect
def run_at_the_priority_of_its_queues(sender, **kwargs) -> None:
    """Lower this worker's CPU priority to its queues' before it forks its pool, whose processes inherit it."""
    niceness = niceness_of(sender.app.amqp.queues.consume_from or ())
    if niceness > os.nice(0):
        os.nice(niceness - os.nice(0))


@worker_init.connect
@beat_init.connect
def refuse_to_start_without_a_secret_key(**kwargs) -> None:
    """Reading an empty key makes Django raise ImproperlyConfigured (see config/settings.py)."""
    from django.conf import settings

    if not settings.SECRET_KEY:
        raise ImproperlyConfigured("SECRET_KEY must be set")
