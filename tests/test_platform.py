"""What runs the platform: safe settings, the compose file, the demo data."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from accounts import demo as accounts_demo
from accounts.models import Committee, Department, DepartmentMembership, User
from committees import demo as committees_demo
from events import demo as events_demo
from grants import demo as grants_demo
from ideas import demo as ideas_demo

ROOT = Path(__file__).resolve().parents[1]


def settings_in_subprocess(env: dict[str, str], expression: str, *, apps: bool = False) -> subprocess.CompletedProcess:
    """`expression` printed by a fresh Python with config.settings and `env`; with `apps`, after django.setup()
    (seconds of imports that a plain settings read does not need)."""
    clean = {k: v for k, v in os.environ.items() if k not in {"DEMO", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}}
    setup = "django.setup(); " if apps else ""
    code = (
        f"import django, os; os.environ['DJANGO_SETTINGS_MODULE']='config.settings'; {setup}"
        f"from django.conf import settings; print({expression})"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=60
    )


def test_the_server_refuses_to_start_without_a_secret_key():
    result = settings_in_subprocess({}, "__import__('config.asgi')")
    assert result.returncode != 0
    assert "The SECRET_KEY setting must not be empty" in result.stderr


def test_the_worker_refuses_to_start_without_a_secret_key():
    result = settings_in_subprocess({}, "__import__('config.celery').celery.refuse_to_start_without_a_secret_key()")
    assert result.returncode != 0
    assert "The SECRET_KEY setting must not be empty" in result.stderr


def test_management_commands_run_without_a_secret_key():
    """A fresh process (django.setup) and makemigrations' build of the state of every migration: seconds, and the
    check that the models need no new migration."""
    result = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if k not in {"DEMO", "DEBUG", "SECRET_KEY"}},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_production_settings_are_safe_by_default():
    result = settings_in_subprocess(
        {"SECRET_KEY": "x" * 50}, "settings.DEBUG, settings.ALLOWED_HOSTS, settings.SESSION_COOKIE_SECURE"
    )
    assert result.stdout.strip() == "False [] True"


def test_the_demo_runs_with_debug_off_on_plain_http_and_only_make_dev_turns_debug_on():
    # A new user of `make run` sees the product's error pages, never Django's debug pages; the demo is plain
    # http:// on this machine, so its cookies are not secure-only and nothing redirects to HTTPS.
    expression = (
        "settings.DEBUG, settings.SESSION_COOKIE_SECURE, settings.SECURE_SSL_REDIRECT, settings.SECURE_HSTS_SECONDS"
    )
    assert settings_in_subprocess({"DEMO": "1"}, expression).stdout.strip() == "False False False 0"
    assert settings_in_subprocess({"DEMO": "1", "DEBUG": "1"}, "settings.DEBUG").stdout.strip() == "True"


def compose_binary() -> Path:
    import compose

    return Path(compose.__file__).parent / "docker-compose"


def test_docker_compose_file_is_valid():
    result = subprocess.run(
        [str(compose_binary()), "-f", str(ROOT / "docker-compose.yml"), "config", "--quiet"],
        env={**os.environ, "SECRET_KEY": "compose-check"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_every_app_container_keeps_private_attachments_on_one_shared_volume():
    """Not inside a container: a replica or a worker must find the file another one stored."""
    result = subprocess.run(
        [str(compose_binary()), "-f", str(ROOT / "docker-compose.yml"), "config", "--format", "json"],
        env={**os.environ, "SECRET_KEY": "compose-check"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    services = json.loads(result.stdout)["services"]
    app_services = {name: service for name, service in services.items() if name not in {"postgres", "redis"}}
    assert app_services
    for name, service in app_services.items():
        root = service["environment"]["PRIVATE_MEDIA_ROOT"]
        mounts = {volume["target"]: volume.get("source") for volume in service["volumes"]}
        assert mounts.get(root) == "private", name


def test_the_browsable_api_is_off_in_production():
    production = settings_in_subprocess(
        {"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "example.dk"}, "settings.REST_FRAMEWORK['DEFAULT_RENDERER_CLASSES']"
    )
    assert production.stdout.strip() == "['rest_framework.renderers.JSONRenderer']", production.stderr
    demo = settings_in_subprocess({"DEMO": "1"}, "settings.REST_FRAMEWORK['DEFAULT_RENDERER_CLASSES']")
    assert "BrowsableAPIRenderer" not in demo.stdout
    renderers = "settings.REST_FRAMEWORK['DEFAULT_RENDERER_CLASSES']"
    development = settings_in_subprocess({"DEMO": "1", "DEBUG": "1"}, renderers)
    assert "BrowsableAPIRenderer" in development.stdout


def test_docker_compose_validation_catches_a_broken_file(tmp_path):
    broken = tmp_path / "docker-compose.yml"
    broken.write_text("services:\n  web:\n    image: [not, a, string]\n")
    result = subprocess.run(
        [str(compose_binary()), "-f", str(broken), "config", "--quiet"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0


def test_no_python_package_is_named_platform():
    assert not (ROOT / "platform" / "__init__.py").exists()
    import platform

    assert hasattr(platform, "system")


@pytest.mark.django_db
def test_seed_demo_is_idempotent_and_makes_the_demo_accounts(settings):
    settings.DEMO = True
    call_command("seed_demo")
    call_command("seed_demo")

    demo_people = (
        [email for email, *_ in accounts_demo.PEOPLE]
        + [email for email, _ in ideas_demo.CITIZENS]
        + [email for email, *_ in committees_demo.MEMBERS]
        + [grants_demo.REVIEWER[0]]
        + [events_demo.ORGANISER[0]]
    )
    assert set(User.objects.filter(email__endswith="@example.dk").values_list("email", flat=True)) == set(demo_people)
    family = Department.objects.get(slug="familiecentret")
    assert DepartmentMembership.objects.get(user__email="leder@example.dk").department == family
    assert Department.objects.filter(slug="natur-og-miljo").exists()
    assert Committee.objects.filter(name="Projektudvalget for Demokratieksperimentariet").exists()
    assert User.objects.get(email="borger@example.dk").check_password("borgerdialog")


@pytest.mark.django_db
def test_seed_demo_refuses_outside_demo_mode(settings):
    settings.DEMO = False
    with pytest.raises(CommandError):
        call_command("seed_demo")
    assert not User.objects.exists()


@pytest.mark.django_db
def test_openapi_schema_describes_the_complaint_api(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    schema = response.content.decode()
    assert "/api/complaints/{complaint_id}/close/" in schema
    assert "/api/tasks/{task_id}/contacts/" in schema


@pytest.mark.django_db
def test_healthz_answers(client):
    assert client.get("/healthz").content == b"ok"


def test_starting_a_process_does_not_import_scikit_learn_or_the_pdf_compiler():
    """Every web process, worker and manage.py call pays for what django.setup() imports; scikit-learn is loaded
    only where a theme model is trained or used (themes.services), the Typst compiler only where a PDF is made
    (documents.pdf)."""
    loaded = (
        "[__import__(m) for m in ('config.urls', 'config.asgi', 'themes.tasks', 'complaints.tasks', 'ideas.tasks')]"
        " and sorted(m for m in __import__('sys').modules if m.split('.')[0] in ('sklearn','joblib','scipy','typst'))"
    )
    result = settings_in_subprocess({"DEMO": "1"}, loaded, apps=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_docker_compose_runs_a_worker_for_every_queue_as_config_celery_says():
    """The compose file spells the workers out; they must stay the ones config/celery.py defines."""
    import json

    from config.celery import TASK_ROUTES, WORKERS, worker_command

    result = subprocess.run(
        [str(compose_binary()), "-f", str(ROOT / "docker-compose.yml"), "config", "--format", "json"],
        env={**os.environ, "SECRET_KEY": "compose-check"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    services = json.loads(result.stdout)["services"]
    workers = {name: spec["command"] for name, spec in services.items() if name.startswith("worker-")}
    assert workers == {f"worker-{queue}": worker_command(queue) for queue in WORKERS}
    assert {route["queue"] for route in TASK_ROUTES.values()} <= set(WORKERS)
    assert services["web"].get("command") is None  # the image's: python -m config.server


def niceness(pid: int) -> int:
    with open(f"/proc/{pid}/stat") as stat:
        return int(stat.read().rsplit(")", 1)[1].split()[16])  # field 19 of proc_pid_stat(5)


def test_a_heavy_queue_worker_yields_the_cpu():
    """A real worker (its broker a closed port, so it never takes a task): theme suggestion gives way to the web
    processes and routing (config.celery.NICENESS), from worker_init on, before its pool forks."""
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--queues", "heavy", "--pool", "solo"],
        cwd=ROOT,
        env={**clean, "DEMO": "1", "REDIS_URL": "redis://127.0.0.1:1/0"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(300):  # Django's start-up comes first
            if niceness(worker.pid) != 0 or worker.poll() is not None:
                break
            time.sleep(0.1)
        assert worker.poll() is None
        assert niceness(worker.pid) == 10
    finally:
        worker.kill()
        worker.wait()


def test_a_worker_that_routes_keeps_its_priority():
    from config.celery import niceness_of

    assert (niceness_of(["heavy"]), niceness_of(["default"])) == (10, 5)
    assert niceness_of(["routing", "heavy"]) == 0  # the browser tests' one worker for every queue
    assert niceness_of(()) == 0  # no --queues: every queue


def test_every_task_goes_to_a_queue_a_worker_serves():
    from config.celery import WORKERS, app

    app.loader.import_default_modules()
    names = [name for name in app.tasks if not name.startswith("celery.")]
    assert "complaints.tasks.route_complaint" in names
    for name in names:
        queue = app.amqp.router.route({}, name)["queue"].name
        assert queue in WORKERS, name
    assert app.amqp.router.route({}, "complaints.tasks.route_complaint")["queue"].name == "routing"
    assert app.amqp.router.route({}, "complaints.tasks.suggest_themes_for_complaint")["queue"].name == "heavy"
    assert app.amqp.router.route({}, "notifications.tasks.deliver_email")["queue"].name == "default"


def test_behind_pgbouncer_no_server_side_prepared_statements_or_cursors():
    result = settings_in_subprocess(
        {"DEMO": "1", "DB_PGBOUNCER": "1"},
        "settings.DATABASES['default']['OPTIONS']['prepare_threshold'],"
        "settings.DATABASES['default']['DISABLE_SERVER_SIDE_CURSORS']",
    )
    assert result.stdout.strip() == "None True", result.stderr
    result = settings_in_subprocess({"DEMO": "1"}, "'prepare_threshold' in settings.DATABASES['default']['OPTIONS']")
    assert result.stdout.strip() == "False", result.stderr


def test_pool_sizes_are_explicit_and_sockets_leave_connections_for_pages():
    result = settings_in_subprocess(
        {"DEMO": "1", "DB_POOL_MAX_SIZE": "6"},
        "settings.DATABASES['default']['OPTIONS']['pool']['max_size'], settings.SOCKET_DATABASE_THREADS",
    )
    assert result.stdout.strip() == "6 3", result.stderr


def test_a_replica_url_sends_the_statistics_reads_to_the_replica():
    result = settings_in_subprocess(
        {"DEMO": "1", "DATABASE_REPLICA_URL": "postgres://reader@replica.example:5432/borgerdialog"},
        "settings.DATABASES['replica']['HOST'], settings.DATABASE_ROUTERS",
    )
    assert result.stdout.strip() == "replica.example ['config.db_router.StatisticsReplicaRouter']", result.stderr


@pytest.mark.django_db(transaction=True)
def test_the_replica_router_reads_statistics_from_the_replica_outside_transactions():
    from django.db import transaction

    from accounts.models import User as UserModel
    from config.db_router import StatisticsReplicaRouter
    from escalations.models import ThemeCounts
    from figures.models import ServiceFigure

    router = StatisticsReplicaRouter()
    assert router.db_for_read(ServiceFigure) == "replica"
    assert router.db_for_read(ThemeCounts) == "replica"
    assert router.db_for_read(UserModel) == "default"
    assert router.db_for_write(ServiceFigure) == "default"
    with transaction.atomic():
        assert router.db_for_read(ServiceFigure) == "default"  # may follow its own write
    assert not router.allow_migrate("replica", "figures")
    assert router.allow_migrate("default", "figures")


def test_the_first_enqueues_of_a_fresh_process_arriving_at_once_all_know_every_task():
    """A server's first requests come together; none may see the task registry half imported."""
    code = (
        "import threading; from core.queue import task_names; barrier = threading.Barrier(16); sizes = set()\n"
        "def first(): barrier.wait(); sizes.add(len(task_names()))\n"
        "threads = [threading.Thread(target=first) for _ in range(16)]; [t.start() for t in threads]\n"
        "[t.join() for t in threads]; print(len(sizes), 'complaints.tasks.route_complaint' in task_names())"
    )
    result = settings_in_subprocess({"DEMO": "1"}, f"exec({code!r})", apps=True)
    assert result.stdout.split()[:2] == ["1", "True"], result.stderr


def load_supervisor():
    """platform/supervisor.py, loaded from its path (`platform` is also the name of a standard module)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("supervisor", ROOT / "platform" / "supervisor.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_local_runner_restarts_a_process_that_dies_and_leaves_the_others_running(tmp_path):
    """kill -9 of one process of `make run` (here: one that exits at once) no longer stops the rest."""
    import time

    lines = []
    supervisor = load_supervisor().Supervisor(
        {
            "worker": [sys.executable, "-c", "import sys; sys.exit(3)"],
            "web": [sys.executable, "-c", "import time; time.sleep(120)"],
        },
        cwd=tmp_path,
        first_backoff=0.05,
        max_backoff=0.2,
        say=lines.append,
    )
    supervisor.start()
    try:
        worker, web = supervisor.entries
        deadline = time.monotonic() + 30
        while worker.restarts < 3 and time.monotonic() < deadline:
            supervisor.check()
            time.sleep(0.02)
        assert worker.restarts >= 3
        assert len(set(worker.pids)) == worker.restarts + 1  # a new process each time
        assert web.restarts == 0 and web.process.poll() is None  # the others run on
        assert lines[0] == "worker stopped (exit code 3); restarting in 0.05 s"
        assert lines[1] == "worker stopped (exit code 3); restarting in 0.1 s"  # the backoff doubles
        assert "restarting in 0.2 s" in lines[-1]  # up to its cap
    finally:
        supervisor.stop()
    assert web.process.poll() is not None  # stop() ends them all


def test_a_killed_process_of_the_local_runner_is_restarted(tmp_path):
    import signal
    import time

    lines = []
    supervisor = load_supervisor().Supervisor(
        {"beat": [sys.executable, "-c", "import time; time.sleep(120)"]},
        cwd=tmp_path,
        first_backoff=0.05,
        say=lines.append,
    )
    supervisor.start()
    try:
        (beat,) = supervisor.entries
        os.kill(beat.process.pid, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while beat.restarts < 1 and time.monotonic() < deadline:
            supervisor.check()
            time.sleep(0.02)
        assert beat.restarts == 1 and beat.process.poll() is None
        assert lines == ["beat stopped (exit code -9); restarting in 0.05 s"]
    finally:
        supervisor.stop()


@pytest.mark.django_db
def test_the_planner_reorders_joins_in_groups_of_four_and_pgbouncer_gets_no_startup_options():
    """A select_related() query of nine tables took 12 ms to plan at PostgreSQL's default of 8 (README)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW join_collapse_limit")
        assert cursor.fetchone()[0] == "4"
    result = settings_in_subprocess(
        {"DEMO": "1", "DB_PGBOUNCER": "1"}, "'options' in settings.DATABASES['default']['OPTIONS']"
    )
    assert result.stdout.strip() == "False", result.stderr
