"""How the ASGI server runs: one place for the options of production, `make run`, the tests and the benches.

    python -m config.server          # production (platform/Dockerfile): WEB_PROCESSES processes on port 8000

Several processes: uvicorn's own `--workers` (its supervisor restarts a process that dies) rather than
gunicorn with the uvicorn worker class: the same server and options as every other run of the product, one
dependency fewer, and nothing gunicorn adds is needed here (no sync workers, no preloading: each process
sets Django up itself and opens its own database pool and Redis connections). Nothing in the product
assumes one process (README, "Past one process").

WebSockets without permessage-deflate: the frames are small JSON, and the compressor's state cost about
46 KB per open socket; uvloop and httptools (uvicorn[standard]) for the event loop and HTTP parsing.
"""

import os
import sys

# The default: one process per core (at least two, so one busy process never stops the site).
DEFAULT_PROCESSES = max(2, (os.cpu_count() or 1))


def uvicorn_options(*, workers: int = 1) -> list[str]:
    """uvicorn's options after the application, host and port."""
    options = [
        "--loop",
        "uvloop",
        "--http",
        "httptools",
        "--ws",
        "websockets-sansio",
        "--ws-per-message-deflate",
        "false",
        # A channel-layer receive can outlive its closed socket; do not wait for it forever.
        "--timeout-graceful-shutdown",
        "5",
    ]
    if workers > 1:
        options += ["--workers", str(workers)]
    return options


def production_command() -> list[str]:
    workers = int(os.environ.get("WEB_PROCESSES", DEFAULT_PROCESSES))
    host, port = os.environ.get("HOST", "0.0.0.0"), os.environ.get("PORT", "8000")  # noqa: S104 - in a container
    return [
        "uvicorn",
        "config.asgi:application",
        "--host",
        host,
        "--port",
        port,
        "--proxy-headers",
        *uvicorn_options(workers=workers),
    ]


if __name__ == "__main__":
    command = production_command()
    os.execvp(command[0], command)  # noqa: S606 - our own fixed command line
    sys.exit(1)
