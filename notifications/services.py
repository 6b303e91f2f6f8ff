"""The outbox: putting emails in it, and sending them so that each arrives, once.

Guarantees, and what gives them:

- An email due because of a change is a row written in the transaction of that
  change (schedule_notification): if the change rolls back, so does the email; if it
  commits, the email exists even when the broker, the worker or the SMTP server is
  down at that moment. The unique constraints of Notification make the database
  refuse a second row of one kind for one registration (per reminder offset and
  change revision), whatever code path, beat tick or worker tries.
- A sender claims rows before sending (_claim): SELECT ... FOR UPDATE SKIP LOCKED on
  PostgreSQL, then a conditional UPDATE pending → sending stamped with the sender's
  own token, so two senders never take the same row (on SQLite, which has no row
  locks, the conditional UPDATE alone decides).
- Sent rows are marked every few emails, so a sender that dies leaves at most that
  many sent-but-unmarked rows; the sweep takes back claims older than the lease and
  sends them again with the same Message-ID. SMTP cannot be transactional: those
  few are the only duplicates possible, and a mail client shows them as one.
- SMTP errors: a temporary one (4xx, a dropped or refused connection, a timeout:
  EMAIL_TIMEOUT bounds every wait) puts the row back, due again after an exponential
  backoff; after NOTIFICATIONS_MAX_ATTEMPTS, or at once for a permanent refusal
  (5xx), the row is failed and staff see it in the admin and can resend it.

Logs carry row ids, counts and error classes, never an address or a name.
"""

import contextlib
import datetime as dt
import logging
import smtplib
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, prefetch_related_objects
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from .choices import NotificationState
from .models import Notification
from .registry import Obsolete, renderer_for

logger = logging.getLogger(__name__)

# Sent rows are marked after this many emails (and at the end of a batch): a sender
# killed mid-batch leaves at most this many sent-but-unmarked rows, which the sweep
# sends again. One UPDATE per email would cost a commit per email.
MARK_SENT_EVERY = 10


@dataclass
class SendReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    cancelled: int = 0
    taken_back: int = 0
    # The sweep stopped at its time limit with due emails left.
    more: bool = False

    def __str__(self):
        return (
            f"{self.sent} sent, {self.retrying} to retry, {self.failed} failed, "
            f"{self.cancelled} no longer due, {self.taken_back} taken back from a lost sender"
        )


# --- Putting emails in the outbox --------------------------------------------------------


@transaction.atomic
def schedule_notification(
    *,
    kind: str,
    recipient: str,
    language: str,
    registration=None,
    target=None,
    offset_days: int = 0,
    revision: int = 0,
    due_at=None,
) -> Notification:
    """Make sure the email of this key (kind; registration or target; offset; revision)
    is in the outbox, due at `due_at` (now by default).

    Creates the row; brings a cancelled one back, pending; moves a pending one to the
    new time. Leaves alone a row that is sent, being sent or failed (resending a failed
    one is resend_notifications). When the row is due now, its sending is enqueued
    once the transaction commits. Raises ValidationError when a value is invalid.
    """
    now = timezone.now()
    due_at = due_at or now
    key = {"kind": kind, "offset_days": offset_days, "revision": revision}
    if registration is not None:
        key["registration"] = registration
    else:
        key["target_type"] = ContentType.objects.get_for_model(target)
        key["target_id"] = target.pk
    notification = Notification.objects.select_for_update().filter(**key).first()
    if notification is None:
        notification = Notification(**key, recipient=recipient, language=language, due_at=due_at)
        notification.full_clean()
        notification.save()
    elif notification.state in (NotificationState.PENDING, NotificationState.CANCELLED):
        changes = {
            "state": NotificationState.PENDING,
            "due_at": due_at,
            "recipient": recipient,
            "language": language,
            "last_error": "",
        }
        Notification.objects.filter(pk=notification.pk).update(**changes)
        for name, value in changes.items():
            setattr(notification, name, value)
    else:
        return notification
    if due_at <= now:
        enqueue_on_commit([notification.pk])
    return notification


def cancel_notifications(*, notifications, reason: str) -> int:
    """Cancel the pending ones among `notifications` (a queryset); return how many.

    `reason` is shown to staff; rows being sent, sent or failed are left as they are.
    """
    return notifications.filter(state=NotificationState.PENDING).update(
        state=NotificationState.CANCELLED, last_error=reason[:500]
    )


@transaction.atomic
def resend_notifications(*, notifications) -> int:
    """Put the failed ones among `notifications` back in the outbox, due now, with their
    attempts counted from zero; return how many. The others are left as they are."""
    ids = list(notifications.filter(state=NotificationState.FAILED).values_list("pk", flat=True))
    Notification.objects.filter(pk__in=ids).update(
        state=NotificationState.PENDING, due_at=timezone.now(), attempts=0, last_error=""
    )
    enqueue_on_commit(ids)
    return len(ids)


def enqueue_on_commit(ids) -> None:
    """Once the transaction commits, have a worker send these rows: one task for one
    row, the sweep for several (it sends them in batches over one connection).

    The rows are the truth and the task only a wake-up call: if the broker cannot be
    reached, the request or command that made the change still succeeds, and the
    periodic sweep sends the rows within a minute.
    """
    ids = list(ids)
    if not ids:
        return

    def enqueue():
        from .tasks import task_send_due_notifications, task_send_notification

        try:
            # retry=False: fail fast rather than hold a visitor's request while the
            # client retries a dead broker; the sweep is the retry.
            if len(ids) == 1:
                task_send_notification.apply_async((ids[0],), retry=False)
            else:
                task_send_due_notifications.apply_async(retry=False)
        except (BrokerError, OSError) as exc:
            logger.warning(
                "notifications %s: not enqueued (%s); the sweep will send them",
                ids[:20],
                type(exc).__name__,
            )

    transaction.on_commit(enqueue)


# --- Sending ------------------------------------------------------------------------------


def send_notification(*, notification_id: int) -> SendReport:
    """Send one email now if it is pending and due: what the task enqueued on commit
    does. Does nothing for a row already claimed, sent, cancelled or not yet due."""
    rows = _claim(Notification.objects.filter(pk=notification_id), limit=1)
    return _send(rows, SendReport())


def send_due_notifications(*, time_limit: float | None = None) -> SendReport:
    """The sweep: take back claims older than the lease, then send every due email, a
    batch (NOTIFICATIONS_BATCH_SIZE) at a time over one SMTP connection per batch.

    With `time_limit` (seconds), starts no batch after it (but always sends one) and
    sets report.more when due emails remain. Several sweeps may run at once: each
    takes its own rows.
    """
    report = SendReport(taken_back=take_back_expired_claims())
    started = time.monotonic()
    # What was due when the sweep started: an email failed during this sweep waits
    # for its backoff, even a zero one, instead of being retried in a loop.
    due_before = timezone.now()
    while True:
        rows = _claim(
            Notification.objects.all(),
            limit=settings.NOTIFICATIONS_BATCH_SIZE,
            due_before=due_before,
        )
        if not rows:
            break
        _send(rows, report)
        # Checked after a batch: every sweep makes progress, however short its time.
        if time_limit is not None and time.monotonic() - started > time_limit:
            report.more = Notification.objects.due(due_before).exists()
            break
    if report.sent or report.retrying or report.failed or report.taken_back:
        logger.info("notifications sweep: %s", report)
    return report


def take_back_expired_claims() -> int:
    """Rows claimed longer ago than the lease (NOTIFICATIONS_LEASE seconds): their
    sender died or lost its database connection mid-batch. They go back to pending
    (this counts as an attempt, so an email that kills its sender every time ends
    failed rather than looping), or to failed after the last attempt; return how many.

    The lease must exceed the longest a live sender holds a row: the task's hard time
    limit (CELERY_TASK_TIME_LIMIT) bounds it.
    """
    cutoff = timezone.now() - dt.timedelta(seconds=settings.NOTIFICATIONS_LEASE)
    expired = Notification.objects.filter(state=NotificationState.SENDING, claimed_at__lt=cutoff)
    reason = "The sender stopped before marking this email sent (a worker lost?); sending again."
    released = {"claimed_at": None, "claim_token": None, "attempts": F("attempts") + 1}
    failed = expired.filter(attempts__gte=settings.NOTIFICATIONS_MAX_ATTEMPTS - 1).update(
        state=NotificationState.FAILED, last_error=reason.split(";")[0] + ".", **released
    )
    back = expired.update(state=NotificationState.PENDING, last_error=reason, **released)
    if failed or back:
        logger.warning(
            "notifications: took back %s expired claims (%s of them failed)", back + failed, failed
        )
    return back + failed


def _claim(queryset, *, limit: int, due_before=None) -> list[Notification]:
    """Take up to `limit` rows of `queryset` due now (or by `due_before`) for this
    sender: they become `sending`, stamped with a token only this call knows, and are
    returned."""
    now = timezone.now()
    token = uuid.uuid4()
    with transaction.atomic():
        ids = list(
            queryset.due(due_before or now)
            .order_by("due_at", "pk")
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[:limit]
        )
        if not ids:
            return []
        Notification.objects.filter(pk__in=ids, state=NotificationState.PENDING).update(
            state=NotificationState.SENDING, claimed_at=now, claim_token=token
        )
    return list(
        Notification.objects.filter(claim_token=token)
        .select_related("target_type")
        .order_by("due_at", "pk")
    )


def _send(rows: list[Notification], report: SendReport) -> SendReport:
    prepared = _render(rows, report)
    if not prepared:
        return report
    connection = get_connection()
    try:
        connection.open()
    except (OSError, smtplib.SMTPException) as exc:
        _failed([row for row, _message in prepared], exc, report)
        return report
    sent = []
    try:
        for index, (row, message) in enumerate(prepared):
            try:
                connection.send_messages([message])
            except (smtplib.SMTPResponseException, smtplib.SMTPRecipientsRefused) as exc:
                # The server refused this email; smtplib has reset the session, and the
                # connection serves the next one.
                _failed([row], exc, report)
                continue
            except (OSError, smtplib.SMTPException) as exc:
                # The connection is gone (dropped, timed out): this email failed, the
                # rest of the batch was not tried and waits for the next round.
                _failed([row], exc, report)
                _put_back([later for later, _message in prepared[index + 1 :]], report)
                break
            sent.append(row.pk)
            if len(sent) >= MARK_SENT_EVERY:
                _mark_sent(sent, report)
                sent = []
    finally:
        _mark_sent(sent, report)
        # A connection that died mid-batch may fail to say QUIT as well.
        with contextlib.suppress(OSError, smtplib.SMTPException):
            connection.close()
    return report


def _render(rows, report) -> list:
    """(row, EmailMessage) for each row still due; the others are cancelled or failed."""
    by_kind = defaultdict(list)
    for row in rows:
        by_kind[row.kind].append(row)
    prepared = []
    for kind, kind_rows in by_kind.items():
        try:
            renderer = renderer_for(kind)
        except LookupError as exc:
            _settle(kind_rows, NotificationState.FAILED, str(exc), report)
            continue
        if renderer.prefetch:
            prefetch_related_objects(kind_rows, *renderer.prefetch)
        for row in kind_rows:
            try:
                message = renderer.render(row)
            except Obsolete as reason:
                _settle([row], NotificationState.CANCELLED, f"Not sent: {reason}", report)
                continue
            except Exception as exc:
                # A bug in a template or renderer: retrying will not fix it. The error
                # text may quote personal data, so it goes to the row (staff), and the
                # log gets the class only.
                logger.error("notification %s: rendering failed (%s)", row.pk, type(exc).__name__)
                error = f"Rendering failed: {type(exc).__name__}: {exc}"
                _settle([row], NotificationState.FAILED, error, report)
                continue
            message.extra_headers["Message-ID"] = row.message_id
            if not message.reply_to:
                message.reply_to = list(settings.NOTIFICATIONS_REPLY_TO)
            recipient = ", ".join(message.to)[:1000]
            if recipient != row.recipient:
                Notification.objects.filter(pk=row.pk).update(recipient=recipient)
            prepared.append((row, message))
    return prepared


def _is_permanent(exc) -> bool:
    """A 5xx answer: the server will refuse this email again (unknown recipient...)."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _text in exc.recipients.values())
    return isinstance(exc, smtplib.SMTPResponseException) and exc.smtp_code >= 500


def _error_text(exc) -> str:
    # The SMTP code and text, or the class: what staff need to judge the failure.
    if isinstance(exc, smtplib.SMTPResponseException):
        text = exc.smtp_error.decode(errors="replace") if isinstance(exc.smtp_error, bytes) else ""
        return f"{type(exc).__name__}: {exc.smtp_code} {text}".strip()
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = sorted({code for code, _text in exc.recipients.values()})
        return f"Recipient refused ({', '.join(map(str, codes))})"
    return f"{type(exc).__name__}: {exc}".strip().rstrip(":")


def _failed(rows, exc, report) -> None:
    """A try that did not deliver: due again after a backoff, or failed for good."""
    now = timezone.now()
    permanent = _is_permanent(exc)
    error = _error_text(exc)[:500]
    for row in rows:
        attempts = row.attempts + 1
        if permanent or attempts >= settings.NOTIFICATIONS_MAX_ATTEMPTS:
            state, due_at = NotificationState.FAILED, row.due_at
            report.failed += 1
        else:
            state = NotificationState.PENDING
            backoff = settings.NOTIFICATIONS_RETRY_DELAY * 2 ** (attempts - 1)
            due_at = now + dt.timedelta(seconds=backoff)
            report.retrying += 1
        # Only while the claim is still ours: after a lease expiry another sender owns it.
        Notification.objects.filter(pk=row.pk, claim_token=row.claim_token).update(
            state=state,
            attempts=attempts,
            due_at=due_at,
            last_error=error,
            claimed_at=None,
            claim_token=None,
        )
        logger.warning(
            "notification %s: attempt %s failed (%s); %s",
            row.pk,
            attempts,
            type(exc).__name__,
            "failed" if state == NotificationState.FAILED else f"retrying at {due_at:%H:%M:%S}",
        )


def _put_back(rows, report) -> None:
    """Claimed rows that were not tried: pending again after the first backoff step."""
    if not rows:
        return
    due_at = timezone.now() + dt.timedelta(seconds=settings.NOTIFICATIONS_RETRY_DELAY)
    for row in rows:
        Notification.objects.filter(pk=row.pk, claim_token=row.claim_token).update(
            state=NotificationState.PENDING, due_at=due_at, claimed_at=None, claim_token=None
        )
    report.retrying += len(rows)


def _settle(rows, state, reason, report) -> None:
    Notification.objects.filter(pk__in=[row.pk for row in rows]).update(
        state=state, last_error=reason[:500], claimed_at=None, claim_token=None
    )
    if state == NotificationState.FAILED:
        report.failed += len(rows)
    else:
        report.cancelled += len(rows)


def _mark_sent(ids, report) -> None:
    """Sent is the truth whoever holds the claim now: marked whatever the row's state."""
    if not ids:
        return
    Notification.objects.filter(pk__in=ids).update(
        state=NotificationState.SENT,
        sent_at=timezone.now(),
        attempts=F("attempts") + 1,
        last_error="",
        claimed_at=None,
        claim_token=None,
    )
    report.sent += len(ids)
