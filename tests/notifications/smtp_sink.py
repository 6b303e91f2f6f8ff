"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives, for the tests
and bench/notifications.py. It can refuse the next n emails with a temporary error, and
take its time over each (to catch a sender mid-batch)."""

import asyncio
import email
import email.policy
import importlib.util
import logging
import socket
import sys
import threading
from dataclasses import dataclass
from pathlib import Path


def _import_aiosmtpd():
    """aiosmtpd does `from public import public` (the atpublic package), and our public
    site app is also called `public`, first on sys.path: atpublic is imported under its
    name just long enough for aiosmtpd to take the function, then our app is put back."""
    import aiosmtpd

    site_packages = Path(aiosmtpd.__file__).resolve().parent.parent
    ours = {name: module for name, module in sys.modules.items() if name.split(".")[0] == "public"}
    for name in ours:
        del sys.modules[name]
    try:
        spec = importlib.util.spec_from_file_location(
            "public",
            site_packages / "public" / "__init__.py",
            submodule_search_locations=[str(site_packages / "public")],
        )
        atpublic = importlib.util.module_from_spec(spec)
        sys.modules["public"] = atpublic
        spec.loader.exec_module(atpublic)
        from aiosmtpd.controller import Controller
    finally:
        for name in [name for name in sys.modules if name.split(".")[0] == "public"]:
            del sys.modules[name]
        sys.modules.update(ours)
    return Controller


Controller = _import_aiosmtpd()
# aiosmtpd logs every SMTP command at INFO: noise in test output, and the addresses.
logging.getLogger("mail.log").setLevel(logging.WARNING)


@dataclass(frozen=True)
class Received:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    content: bytes

    @property
    def message(self) -> email.message.EmailMessage:
        return email.message_from_bytes(self.content, policy=email.policy.default)

    @property
    def message_id(self) -> str:
        return self.message["Message-ID"]


class SmtpSink:
    def __init__(self, *, delay: float = 0.0):
        self.received: list[Received] = []
        self.refusals = 0
        self.refusal = "451 4.3.0 Busy, try again later"
        self.connections = 0
        self.delay = delay
        self._lock = threading.Lock()
        self.port = free_port()
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)

    def start(self):
        self._controller.start()
        return self

    def stop(self):
        self._controller.stop()

    def refuse_next(self, count: int, answer: str = "451 4.3.0 Busy, try again later"):
        """Answer the next `count` emails with `answer`: by default 451 (try again
        later), as a busy server does; a 5xx answer is a permanent refusal."""
        self.refusal, self.refusals = answer, count

    def message_ids(self) -> list[str]:
        with self._lock:
            received = list(self.received)
        return [item.message_id for item in received]

    def __len__(self):
        return len(self.received)

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        with self._lock:
            self.connections += 1
        session.host_name = hostname
        return responses

    async def handle_DATA(self, server, session, envelope):
        with self._lock:
            if self.refusals > 0:
                self.refusals -= 1
                return self.refusal
        if self.delay:
            await asyncio.sleep(self.delay)
        with self._lock:
            self.received.append(
                Received(envelope.mail_from, tuple(envelope.rcpt_tos), envelope.original_content)
            )
        return "250 2.0.0 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def smtp_settings(port: int) -> dict:
    """The Django email settings that send to a sink on `port`."""
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": port,
        "EMAIL_HOST_USER": "",
        "EMAIL_HOST_PASSWORD": "",
        "EMAIL_USE_TLS": False,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": 5,
    }
