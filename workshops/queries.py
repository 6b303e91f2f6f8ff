"""Reads of workshops shaped for pages and reports: each query fetches what its page
shows in a fixed number of statements, whatever the number of rows."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Exists, F, Max, Min, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.cache import cached_per_generation
from core.translation import localized_value

from .choices import DeliveryMode, WorkshopKind, WorkshopStatus
from .models import (
    MemberState,
    Organisation,
    Session,
    ThematicArea,
    Workshop,
    WorkshopDay,
)

UPCOMING, PAST = "upcoming", "past"


# Listings -----------------------------------------------------------------------


CARD_FIELDS = (
    "pk",
    "title",
    "slug",
    "kind",
    "status",
    "delivery_mode",
    "country_label",
    "summary",
    "starts_on",
    "ends_on",
    "has_tentative_dates",
    "cover_image",
    "cover_image_alt",
)


def event_listing(
    *,
    when: str = UPCOMING,
    thematic_area: str = "",
    kind: str = "",
    member_state: int | None = None,
    year: int | None = None,
    today: dt.date | None = None,
):
    """Public workshops, upcoming (soonest first, undated ones last) or past (latest
    first), as rows of the fields a card shows (with the country's name): with
    event_cards(), two statements per page (the page, its thematic areas)."""
    events = Workshop.objects.public()
    if when == PAST:
        events = events.past(today).order_by(F("starts_on").desc(nulls_last=True), "title")
    else:
        events = events.upcoming(today).order_by(F("starts_on").asc(nulls_last=True), "title")
    if thematic_area:
        events = events.filter(thematic_areas__slug=thematic_area)
    if kind:
        events = events.filter(kind=kind)
    if member_state is not None:
        targeted = Workshop.target_member_states.through.objects.filter(
            workshop=OuterRef("pk"), memberstate=member_state
        )
        events = events.filter(Q(country=member_state) | Exists(targeted))
    if year is not None:
        events = events.filter(starts_on__year=year)
    return card_values(events)


def card_values(workshops):
    """`workshops` as rows of CARD_FIELDS, the country named in the active language."""
    return workshops.annotate(country_label=localized_value("country__name")).values(*CARD_FIELDS)


def upcoming_events(*, limit: int, today: dt.date | None = None) -> list["EventCard"]:
    """The next public events for the home page, with their days: two statements."""
    workshops = (
        Workshop.objects.public()
        .upcoming(today)
        .exclude(status=WorkshopStatus.CANCELLED)
        .order_by(F("starts_on").asc(nulls_last=True), "title")
    )
    return event_cards(card_values(workshops)[:limit])


@dataclass(frozen=True, slots=True)
class DatePart:
    """One date as printed: `iso` for <time datetime>, `label` in the active language,
    `after` the text that follows it (“ – ”, “, ”, “ and ”, or nothing)."""

    iso: str
    label: str
    after: str = ""


# What a tentative date says, by whether it is still ahead.
TO_BE_CONFIRMED, NOT_CONFIRMED = "to_be_confirmed", "not_confirmed"


@dataclass(frozen=True, slots=True)
class EventDates:
    """An event's dates as printed, in the active language: one day; a first and last
    day (“18 – 20 July”) when the days follow each other; or each day (“Monday July 18
    and Wednesday July 20, 2022”) when they do not, so a reader does not put the day
    between in their diary. Nothing at all while the dates are to be announced.

    `tentative` says what an unconfirmed date is: TO_BE_CONFIRMED while it is ahead,
    NOT_CONFIRMED once it has passed without the event being delivered (a passed
    date is no longer “to be confirmed”), empty otherwise.
    """

    parts: tuple[DatePart, ...] = ()
    tentative: str = ""
    is_past: bool = False

    @property
    def starts_iso(self) -> str:
        return self.parts[0].iso if self.parts else ""

    @property
    def text(self) -> str:
        """The dates as plain text, for feeds and attributes."""
        return "".join(part.label + part.after for part in self.parts)

    @classmethod
    def of(cls, days, *, is_tentative=False, is_delivered=False, today=None):
        """`days`: the event's dates (any order, duplicates ignored)."""
        days = sorted(set(days))
        if not days:
            return cls()
        today = today or timezone.localdate()
        is_past = days[-1] < today
        tentative = ""
        if is_tentative and not is_past:
            tentative = TO_BE_CONFIRMED
        elif is_tentative and not is_delivered:
            tentative = NOT_CONFIRMED
        if len(days) == 1:
            parts = (DatePart(days[0].isoformat(), date_format(days[0])),)
        elif (days[-1] - days[0]).days == len(days) - 1:
            parts = (
                DatePart(days[0].isoformat(), date_format(days[0]), " – "),
                DatePart(days[-1].isoformat(), date_format(days[-1])),
            )
        else:
            parts = _each_day(days)
        return cls(parts, tentative, is_past)


def _each_day(days: list[dt.date]) -> tuple[DatePart, ...]:
    # The year once per run of days in the same year, after its last day; the weekday
    # on each, as the office writes them (“On Monday, 18 July and Wednesday, 20 July”).
    and_ = " {} ".format(_("and"))
    parts = []
    for index, day in enumerate(days):
        is_last = index == len(days) - 1
        ends_year = is_last or days[index + 1].year != day.year
        label = date_format(day, "DATE_FORMAT" if ends_year else "MONTH_DAY_FORMAT")
        after = "" if is_last else and_ if index == len(days) - 2 else ", "
        parts.append(DatePart(day.isoformat(), f"{date_format(day, 'l')} {label}", after))
    return tuple(parts)


@dataclass(frozen=True, slots=True)
class EventCard:
    """An event as a card shows it; labels are in the active language."""

    title: str
    url: str
    kind_label: str
    delivery_label: str
    country: str
    is_cancelled: bool
    summary: str  # cut at 40 words
    dates: EventDates
    thematic_areas: list[str] = field(default_factory=list)
    cover_url: str = ""  # empty: no cover image
    cover_alt: str = ""


def days_of(workshop_ids) -> dict[int, list[dt.date]]:
    """The dates of each of these workshops: one statement, none without ids."""
    days: dict[int, list[dt.date]] = {}
    if workshop_ids:
        for workshop_id, held_on in (
            WorkshopDay.objects.filter(workshop_id__in=workshop_ids)
            .order_by("held_on")
            .values_list("workshop_id", "held_on")
        ):
            days.setdefault(workshop_id, []).append(held_on)
    return days


def event_cards(rows, *, with_areas: bool = False) -> list[EventCard]:
    """Cards for `rows` of event_listing() (or any values(*CARD_FIELDS) of
    workshops) with their days (one statement) and, when `with_areas`, their
    thematic areas' names (one more); none without rows. A card made here needs no
    filter, no {% url %} and no related manager in the template, which was the cost
    of the listing."""
    rows = list(rows)
    days = days_of([row["pk"] for row in rows])
    areas: dict[int, list[str]] = {}
    if with_areas and rows:
        for workshop_id, name in (
            Workshop.thematic_areas.through.objects.filter(
                workshop_id__in=[row["pk"] for row in rows]
            )
            .annotate(area=localized_value("thematicarea__name"))
            .order_by("area")
            .values_list("workshop_id", "area")
        ):
            areas.setdefault(workshop_id, []).append(name)
    kinds = dict(WorkshopKind.choices)
    modes = dict(DeliveryMode.choices)
    return [
        EventCard(
            title=row["title"],
            url=reverse("events:detail", args=[row["slug"]]),
            kind_label=kinds.get(row["kind"], row["kind"]),
            delivery_label=modes.get(row["delivery_mode"], row["delivery_mode"]),
            country=row["country_label"] or "",
            is_cancelled=row["status"] == WorkshopStatus.CANCELLED,
            summary=Truncator(row["summary"]).words(40, truncate=" …") if row["summary"] else "",
            dates=EventDates.of(
                days.get(row["pk"], []),
                is_tentative=row["has_tentative_dates"],
                is_delivered=row["status"] == WorkshopStatus.DELIVERED,
            ),
            thematic_areas=areas.get(row["pk"], []),
            cover_url=cover_url(row["cover_image"]),
            cover_alt=row["cover_image_alt"],
        )
        for row in rows
    ]


def cover_url(name: str) -> str:
    """The address of a stored cover image from its name (a row of values()), through
    the field's storage: no file is opened, so a list of cards costs no storage reads."""
    return Workshop._meta.get_field("cover_image").storage.url(name) if name else ""


def event_years() -> list[int]:
    """Years with a public event, latest first, for the year filter: one statement,
    then none until a write bumps the content generation (core.cache)."""
    return cached_per_generation("workshops:event-years", _event_years)


def _event_years() -> list[int]:
    return [d.year for d in Workshop.objects.public().dates("starts_on", "year", order="DESC")]


def thematic_area_choices() -> list[tuple[str, str]]:
    """(slug, name in the active language), by that name, for the listings' filters:
    one statement per language, then none until a write bumps the content generation."""
    return cached_per_generation(
        f"workshops:thematic-area-choices:{get_language()}", _thematic_area_choices
    )


def _thematic_area_choices():
    return list(
        ThematicArea.objects.annotate(label=localized_value("name"))
        .order_by("label")
        .values_list("slug", "label")
    )


def member_state_choices() -> list[tuple[int, str]]:
    """(pk, name in the active language), by that name, for the events' filter: one
    statement per language, then none until a write bumps the content generation."""
    return cached_per_generation(
        f"workshops:member-state-choices:{get_language()}", _member_state_choices
    )


def _member_state_choices():
    return list(
        MemberState.objects.annotate(label=localized_value("name"))
        .order_by("label")
        .values_list("pk", "label")
    )


def organisation_names() -> list[tuple[int, str, str]]:
    """(pk, name, acronym) of every organisation, by name, for the agencies an event's
    page names: one statement, then none until a write bumps the content generation."""
    return cached_per_generation("workshops:organisation-names", _organisation_names)


def _organisation_names():
    return list(Organisation.objects.order_by("name").values_list("pk", "name", "acronym"))


# Calendars ----------------------------------------------------------------------


def calendar_events(*, slug: str | None = None, today: dt.date | None = None):
    """Public events with their days and sessions, for iCalendar: three statements.

    With a slug, that one event (past or not); without, every upcoming one.
    """
    events = Workshop.objects.public().select_related("country")
    events = events.filter(slug=slug) if slug else events.upcoming(today)
    return events.order_by(F("starts_on").asc(nulls_last=True), "title").prefetch_related(
        Prefetch(
            "days",
            queryset=WorkshopDay.objects.prefetch_related(
                Prefetch("sessions", queryset=Session.objects.order_by("order", "start_time"))
            ),
        )
    )


# What participants were told ---------------------------------------------------------


@dataclass(frozen=True)
class WorkshopFacts:
    """What a confirmed participant's emails say about a workshop, read from the
    database: compared before and after staff change a workshop, it tells whether
    reminders move and whether participants must hear of the change."""

    status: str
    timezone: str
    reminder_days: str
    # (date, first session's start, last session's end) of each day, in order.
    days: tuple = ()
    delivery_mode: str = ""
    platform: str = ""
    joining_url: str = ""
    venue: str = ""
    city: str = ""
    country_id: int | None = None

    @property
    def starts_on(self) -> dt.date | None:
        return self.days[0][0] if self.days else None

    @property
    def reminders(self) -> tuple:
        """What the reminders' due times depend on."""
        return (self.timezone, self.starts_on, self.reminder_days)

    @property
    def announced(self) -> tuple:
        """What a participant reads in the confirmation: when, where and how to join."""
        return (
            self.timezone,
            self.days,
            self.delivery_mode,
            self.platform,
            self.joining_url,
            self.venue,
            self.city,
            self.country_id,
        )


def workshop_facts(workshop_id: int) -> WorkshopFacts:
    """The workshop's facts as stored now, in two statements."""
    row = Workshop.objects.values(
        "status",
        "timezone",
        "reminder_days",
        "delivery_mode",
        "platform",
        "joining_url",
        "venue",
        "city",
        "country_id",
    ).get(pk=workshop_id)
    days = (
        WorkshopDay.objects.filter(workshop_id=workshop_id)
        .order_by("held_on")
        .annotate(first_start=Min("sessions__start_time"), last_end=Max("sessions__end_time"))
        .values_list("held_on", "first_start", "last_end")
    )
    return WorkshopFacts(days=tuple(days), **row)
