"""iCalendar (RFC 5545) for public events.

Shape: one VEVENT per workshop day, not one spanning event. A workshop's days need
not be consecutive (“Monday 18 and Wednesday 20 July”): a single DTSTART..DTEND
would put Tuesday in everyone's calendar, and each day has its own hours. A day
whose sessions have times is a timed event from its first session's start to its
last session's end, in the workshop's timezone (TZID plus its VTIMEZONE, so the
reader's calendar converts it); a day without session times is an all-day event.
A workshop without days yet (dates to be announced) has no event.

The UID is made of the day's primary key, which set_workshop_days() keeps while the
day exists, so a subscribed calendar updates the event instead of duplicating it.
"""

import datetime as dt
import functools
import zoneinfo

from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone

from core.translation import localized

from .choices import DeliveryMode, WorkshopStatus
from .models import Workshop, WorkshopDay

PRODID = "-//Regional Support Office//RSO Portal//EN"
# A day whose sessions give a start but no end lasts this long in the calendar.
DEFAULT_LENGTH = dt.timedelta(hours=1)


def build_calendar(
    workshops, *, name: str, absolute_url, uid_domain: str, with_joining_url: bool = False
) -> bytes:
    """The iCalendar bytes for `workshops` (with days and their sessions prefetched,
    as queries.calendar_events() gives them).

    `absolute_url(path)` turns an event's path into the URL written in the events;
    `uid_domain` ends every UID (the site's host). `with_joining_url` adds the
    joining link to each event's description: only for a participant's own copy (the
    attachment of their emails), never for a public calendar.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    dates = []
    for workshop in workshops:
        days = list(workshop.days.all())
        for number, day in enumerate(days, start=1):
            calendar.add_component(
                _day_event(
                    workshop,
                    day,
                    number=number,
                    of=len(days),
                    url=absolute_url(workshop.get_absolute_url()),
                    uid_domain=uid_domain,
                    with_joining_url=with_joining_url,
                )
            )
            dates.append(day.held_on)
    if dates:
        first_year, last_year = min(dates).year - 1, max(dates).year + 1
        for position, tzid in enumerate(sorted(calendar.get_missing_tzids())):
            if (vtimezone := _vtimezone(tzid, first_year, last_year)) is not None:
                calendar.subcomponents.insert(position, vtimezone)
    return calendar.to_ical()


@functools.lru_cache(maxsize=128)
def _vtimezone(tzid: str, first_year: int, last_year: int) -> Timezone | None:
    """The VTIMEZONE of `tzid` over whole years, or None for a zone icalendar does not know.

    icalendar derives it from the tz database transition by transition, which was
    two thirds of an .ics response; for the same zone and years it is the same
    component every time. Whole years keep the number of distinct spans small.
    """
    try:
        return Timezone.from_tzid(
            tzid, first_date=dt.date(first_year, 1, 1), last_date=dt.date(last_year, 12, 31)
        )
    except ValueError:
        return None


def _day_event(
    workshop: Workshop,
    day: WorkshopDay,
    *,
    number: int,
    of: int,
    url: str,
    uid_domain: str,
    with_joining_url: bool,
) -> Event:
    event = Event()
    event.add("uid", f"workshop-{workshop.pk}-day-{day.pk}@{uid_domain}")
    summary = workshop.title
    if of > 1:
        summary = _("%(title)s (day %(number)s of %(of)s)") % {
            "title": workshop.title,
            "number": number,
            "of": of,
        }
    event.add("summary", summary)
    start, end = day_bounds(workshop, day)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("dtstamp", workshop.updated_at.astimezone(dt.UTC))
    event.add("last-modified", workshop.updated_at.astimezone(dt.UTC))
    event.add("url", url)
    event.add("description", _description(workshop, day, url, with_joining_url))
    event.add("location", _location(workshop))
    event.add("categories", [workshop.get_kind_display()])
    if workshop.status == WorkshopStatus.CANCELLED:
        event.add("status", "CANCELLED")
    elif workshop.has_tentative_dates:
        event.add("status", "TENTATIVE")
    else:
        event.add("status", "CONFIRMED")
    return event


def day_bounds(workshop: Workshop, day: WorkshopDay):
    """When a day runs: aware datetimes in the workshop's timezone from its first
    session's start to its last session's end, or (date, next date) for a day whose
    sessions have no times (an all-day event)."""
    sessions = list(day.sessions.all())
    starts = [s.start_time for s in sessions if s.start_time]
    if not starts:
        return day.held_on, day.held_on + dt.timedelta(days=1)
    zone = zoneinfo.ZoneInfo(workshop.timezone)
    start = dt.datetime.combine(day.held_on, min(starts), tzinfo=zone)
    last = max([s.end_time for s in sessions if s.end_time] + starts)
    end = dt.datetime.combine(day.held_on, last, tzinfo=zone)
    if end <= start:
        end = start + DEFAULT_LENGTH
    return start, end


def _description(workshop: Workshop, day: WorkshopDay, url: str, with_joining_url: bool) -> str:
    lines = [workshop.summary] if workshop.summary else []
    if (
        with_joining_url
        and workshop.joining_url
        and workshop.delivery_mode != DeliveryMode.IN_PERSON
    ):
        lines.append(_("Join online: %(url)s") % {"url": workshop.joining_url})
    programme = [
        f"{s.start_time:%H:%M} {s.title}" if s.start_time else s.title for s in day.sessions.all()
    ]
    if programme:
        lines.append(
            _("Programme (times in %(timezone)s):") % {"timezone": workshop.timezone}
            if any(s.start_time for s in day.sessions.all())
            else _("Programme:")
        )
        lines.extend(programme)
    if workshop.has_tentative_dates:
        lines.append(_("Dates to be confirmed."))
    lines.append(url)
    return "\n".join(lines)


def _location(workshop: Workshop) -> str:
    place = ", ".join(
        part
        for part in (
            workshop.venue,
            workshop.city,
            localized(workshop.country, "name") if workshop.country else "",
        )
        if part
    )
    online = ""
    if workshop.delivery_mode != DeliveryMode.IN_PERSON:
        online = (
            _("Online: %(platform)s") % {"platform": workshop.platform}
            if workshop.platform
            else _("Online")
        )
    return " · ".join(part for part in (place, online) if part)
