"""Who renders each kind of email.

The outbox is generic: it stores rows, claims, sends and retries. The app that makes
an email due knows what it says, and registers a renderer for its kinds in its
AppConfig.ready(). A renderer turns a row into an EmailMessage when the row is sent
(so the email shows the workshop as it is then), or raises Obsolete when the email is
no longer due (the participant withdrew, the workshop was cancelled): the row is then
cancelled, with the reason for staff to read.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.core.mail import EmailMessage


class Obsolete(Exception):
    """Raised by a renderer: this email is no longer due. The message is the reason
    staff read in the admin; it must not carry personal data (it may be logged)."""


@dataclass(frozen=True)
class Renderer:
    render: Callable[..., EmailMessage]
    # Lookups for prefetch_related_objects() on a batch of rows of this kind, so that a
    # batch of 100 reminders costs a few queries, not a few per email.
    prefetch: Sequence = ()


_renderers: dict[str, Renderer] = {}


def register(kinds, *, render, prefetch=()) -> None:
    for kind in kinds:
        _renderers[kind] = Renderer(render=render, prefetch=tuple(prefetch))


def renderer_for(kind: str) -> Renderer:
    """The renderer of `kind`; LookupError when no app registered one."""
    try:
        return _renderers[kind]
    except KeyError:
        raise LookupError(f"no renderer registered for {kind!r} emails") from None
