"""Keeps the processes of `make run` running: one that dies is started again, and only Ctrl-C stops them all."""

import os
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# A process that stayed up this long counts as healthy again: its next failure restarts it at once.
STABLE_SECONDS = 60.0


@dataclass
class Supervised:
    name: str
    command: list[str]
    process: subprocess.Popen | None = None
    started_at: float = 0.0
    backoff: float = 0.0
    restart_at: float | None = None
    restarts: int = 0
    pids: list[int] = field(default_factory=list)


class Supervisor:
    """Starts each named command in its own session; a command that exits is restarted after a backoff
    that doubles while it keeps failing (up to `max_backoff`), with a line saying so."""

    def __init__(
        self,
        commands: dict[str, list[str]],
        *,
        cwd: Path,
        first_backoff: float = 1.0,
        max_backoff: float = 30.0,
        say: Callable[[str], None] = print,
    ) -> None:
        self.entries = [Supervised(name, command) for name, command in commands.items()]
        self.cwd = cwd
        self.first_backoff = first_backoff
        self.max_backoff = max_backoff
        self.say = say

    def start(self) -> None:
        for entry in self.entries:
            self.launch(entry)

    def launch(self, entry: Supervised) -> None:
        entry.process = subprocess.Popen(entry.command, cwd=self.cwd, start_new_session=True)
        entry.pids.append(entry.process.pid)
        entry.started_at = time.monotonic()
        entry.restart_at = None

    def check(self) -> None:
        """Restart what has died and waited out its backoff; schedule the restart of what has just died."""
        now = time.monotonic()
        for entry in self.entries:
            if entry.restart_at is not None:
                if now >= entry.restart_at:
                    entry.restarts += 1
                    self.launch(entry)
                continue
            code = entry.process.poll()
            if code is None:
                continue
            stable = now - entry.started_at >= STABLE_SECONDS
            entry.backoff = (
                self.first_backoff if stable or not entry.backoff else min(entry.backoff * 2, self.max_backoff)
            )
            entry.restart_at = now + entry.backoff
            self.say(f"{entry.name} stopped (exit code {code}); restarting in {entry.backoff:g} s")

    def run_until_interrupted(self, *, interval: float = 0.5) -> None:
        try:
            while True:
                self.check()
                time.sleep(interval)
        except KeyboardInterrupt:
            pass

    def stop(self) -> None:
        running = [entry.process for entry in self.entries if entry.process and entry.process.poll() is None]
        for process in running:
            os.killpg(process.pid, signal.SIGTERM)
        for process in running:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
