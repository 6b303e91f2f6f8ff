"""A real Celery worker process against the real Redis broker and PostgreSQL database, for
tests/notifications/test_worker.py and bench/notifications.py: started, killed with
SIGKILL (the whole process group: the main process and its pool), restarted."""

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

BASE_DIR = Path(__file__).resolve().parents[2]


def database_url(settings_dict) -> str:
    """The URL of the database `settings_dict` names (the test database in a test)."""
    user = quote(settings_dict.get("USER") or "")
    password = quote(settings_dict.get("PASSWORD") or "")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host, port = settings_dict.get("HOST") or "127.0.0.1", settings_dict.get("PORT") or 5432
    return f"postgres://{credentials}{host}:{port}/{settings_dict['NAME']}"


class CeleryWorker:
    def __init__(self, *, queue: str, env: dict, concurrency: int = 1):
        self.queue = queue
        # The queue is the worker's default too: a task it enqueues itself (the sweep,
        # to go on with a backlog) stays on the queue it consumes.
        self.env = {
            **os.environ,
            **env,
            "CELERY_TASK_ALWAYS_EAGER": "false",
            "CELERY_TASK_DEFAULT_QUEUE": queue,
        }
        self.concurrency = concurrency
        self.process = None
        self.log: list[str] = []

    def start(self, timeout: float = 60) -> "CeleryWorker":
        ready = threading.Event()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "rso_portal",
                "worker",
                "-Q",
                self.queue,
                "--concurrency",
                str(self.concurrency),
                "--loglevel",
                "INFO",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            cwd=BASE_DIR,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            # Its own process group: a kill takes the pool's children with it.
            start_new_session=True,
        )

        def read(stream):
            for line in stream:
                self.log.append(line)
                if " ready." in line:
                    ready.set()

        threading.Thread(target=read, args=(self.process.stdout,), daemon=True).start()
        if not ready.wait(timeout):
            self.kill()
            raise RuntimeError("Celery worker did not start:\n" + "".join(self.log[-30:]))
        return self

    def kill(self) -> None:
        """SIGKILL, as the kernel's OOM killer or a lost machine would: nothing runs after."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        """A warm shutdown (SIGTERM), as a deploy does; SIGKILL if it hangs."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


def wait_for(condition, *, timeout: float, interval: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return condition()
