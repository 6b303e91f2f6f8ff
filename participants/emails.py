"""What a participant's emails say: confirmation, reminders, change and cancellation
notices, rendered when the outbox sends them (so they show the workshop as it is
then), in the participant's language. Registered with the outbox in
ParticipantsConfig.ready(); when each is due is participants/services.py.
"""

import datetime as dt
import uuid
import zoneinfo
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext, ngettext

from notifications.choices import NotificationKind
from notifications.registry import Obsolete, register
from workshops.calendar import build_calendar, day_bounds
from workshops.choices import DeliveryMode, WorkshopStatus
from workshops.models import Session, WorkshopDay

from .choices import RegistrationStatus

KINDS = (
    NotificationKind.CONFIRMATION,
    NotificationKind.REMINDER,
    NotificationKind.CHANGE,
    NotificationKind.CANCELLATION,
)
# A batch of 100 reminders for one workshop: a few queries, whatever its size.
PREFETCH = (
    "registration__participant",
    "registration__workshop__country",
    Prefetch(
        "registration__workshop__days",
        queryset=WorkshopDay.objects.prefetch_related(
            Prefetch("sessions", queryset=Session.objects.prefetch_related("speakers"))
        ),
    ),
)
# Where the participant's name goes in a body rendered once for all (see _parts): letters
# and digits only, so that escaping leaves it as it is, and random, so that no text
# typed by staff can contain it.
NAME = f"NAME{uuid.uuid4().hex}"
# The calendar attachment goes with the emails that announce or change the dates.
WITH_CALENDAR = {
    NotificationKind.CONFIRMATION,
    NotificationKind.CHANGE,
    NotificationKind.CANCELLATION,
}


def may_email(registration) -> bool:
    """Whether this participant may get email about this registration at all: confirmed,
    consenting, with an address. A withdrawn participant, or one without consent to be
    contacted, gets nothing."""
    participant = registration.participant
    return (
        registration.status == RegistrationStatus.CONFIRMED
        and participant.has_consented_to_contact
        and bool(participant.email)
    )


def render(notification) -> EmailMultiAlternatives:
    """The email of one outbox row; Obsolete when it is no longer due."""
    registration = notification.registration
    participant, workshop = registration.participant, registration.workshop
    if registration.status != RegistrationStatus.CONFIRMED:
        raise Obsolete(f"the registration is {registration.status}")
    if not participant.has_consented_to_contact:
        raise Obsolete("the participant has not consented to be contacted")
    if not participant.email:
        raise Obsolete("the participant has no email address")
    is_cancellation = notification.kind == NotificationKind.CANCELLATION
    if is_cancellation != (workshop.status == WorkshopStatus.CANCELLED):
        raise Obsolete(f"the workshop is {workshop.status}")
    days = list(workshop.days.all())
    if notification.kind == NotificationKind.REMINDER and (
        not days or _start(workshop, days[0]) <= timezone.now()
    ):
        raise Obsolete("the workshop has no dates or has started")

    parts = _parts(notification, workshop, days)
    message = EmailMultiAlternatives(
        subject=parts["subject"],
        body=parts["text"].replace(NAME, participant.given_name),
        to=[participant.email],
    )
    message.attach_alternative(
        parts["html"].replace(NAME, escape(participant.given_name)), "text/html"
    )
    if parts["calendar"]:
        message.attach(f"{workshop.slug}.ics", parts["calendar"], "text/calendar")
    return message


def _parts(notification, workshop, days) -> dict:
    """Subject, text, HTML and calendar of an email of this kind, language (and reminder
    offset) about `workshop`, with NAME where the participant's name goes.

    They are the same for every participant but for the name, so they are rendered once
    per batch: the outbox's prefetch gives a batch's rows one shared workshop object,
    which keeps them until the batch is done. The templates get no participant at all,
    so nothing personal can be rendered into a body another participant receives.
    """
    key = (notification.kind, notification.language, notification.offset_days)
    rendered = workshop.__dict__.setdefault("_email_parts", {})
    if key in rendered:
        return rendered[key]
    with translation.override(notification.language), timezone.override(workshop.timezone):
        context = {
            "name": NAME,
            "workshop": workshop,
            "days": [_day(workshop, day) for day in days],
            "is_online": workshop.delivery_mode != DeliveryMode.IN_PERSON,
            "is_in_person": workshop.delivery_mode != DeliveryMode.VIRTUAL,
            "place": ", ".join(
                part
                for part in (workshop.venue, workshop.city, str(workshop.country or ""))
                if part
            ),
            "event_url": _event_url(workshop),
            "contact": ", ".join(settings.NOTIFICATIONS_REPLY_TO),
            "offset_days": notification.offset_days,
        }
        template = f"participants/email/{notification.kind}"
        calendar = None
        if notification.kind in WITH_CALENDAR and days:
            calendar = build_calendar(
                [workshop],
                name=workshop.title,
                absolute_url=lambda path: f"{settings.SITE_URL}{path}",
                uid_domain=urlsplit(settings.SITE_URL).hostname or "localhost",
                with_joining_url=True,
            )
        rendered[key] = {
            "subject": _subject(notification, workshop),
            # Templates end with their tags' line breaks: one final newline is enough.
            "text": render_to_string(f"{template}.txt", context).strip() + "\n",
            "html": render_to_string(f"{template}.html", context),
            "calendar": calendar,
        }
    return rendered[key]


def _subject(notification, workshop) -> str:
    values = {"title": workshop.title}
    match notification.kind:
        case NotificationKind.CONFIRMATION:
            subject = gettext("Your place is confirmed: %(title)s") % values
        case NotificationKind.REMINDER:
            days = notification.offset_days
            subject = ngettext(
                "Reminder: %(title)s starts in %(days)s day",
                "Reminder: %(title)s starts in %(days)s days",
                days,
            ) % {**values, "days": days}
        case NotificationKind.CHANGE:
            subject = gettext("Changed: %(title)s") % values
        case _:
            subject = gettext("Cancelled: %(title)s") % values
    # The title is typed by staff: a line break in a header would make Django refuse it.
    return " ".join(subject.split())


def _start(workshop, day) -> dt.datetime:
    start, _end = day_bounds(workshop, day)
    if not isinstance(start, dt.datetime):
        start = dt.datetime.combine(start, dt.time(), tzinfo=zoneinfo.ZoneInfo(workshop.timezone))
    return start


def _day(workshop, day) -> dict:
    start, end = day_bounds(workshop, day)
    timed = isinstance(start, dt.datetime)
    moment = start if timed else dt.datetime.combine(day.held_on, dt.time(12))
    offset = zoneinfo.ZoneInfo(workshop.timezone).utcoffset(moment.replace(tzinfo=None))
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return {
        "date": day.held_on,
        "start": start if timed else None,
        "end": end if timed else None,
        "utc_offset": f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}",
        "sessions": list(day.sessions.all()),
    }


def _event_url(workshop) -> str:
    if workshop.is_public and workshop.status != WorkshopStatus.DRAFT:
        return f"{settings.SITE_URL}{workshop.get_absolute_url()}"
    return ""


def register_renderers() -> None:
    register(KINDS, render=render, prefetch=PREFETCH)
