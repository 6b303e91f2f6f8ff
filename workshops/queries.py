"""Reads of workshops shaped for pages and reports: each query fetches what its page
shows in a fixed number of statements, whatever the number of rows."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Exists, F, Max, Min, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.text import Truncator

from core.cache import cached_per_generation

from .choices import DeliveryMode, WorkshopKind, WorkshopStatus
from .models import (
    MemberState,
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
    "country__name",
    "summary",
    "starts_on",
    "ends_on",
    "has_tentative_dates",
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
    return events.values(*CARD_FIELDS)


def upcoming_events(*, limit: int, today: dt.date | None = None) -> list["EventCard"]:
    """The next public events for the home page: one statement."""
    return event_cards(
        Workshop.objects.public()
        .upcoming(today)
        .exclude(status=WorkshopStatus.CANCELLED)
        .order_by(F("starts_on").asc(nulls_last=True), "title")
        .values(*CARD_FIELDS)[:limit]
    )


@dataclass(frozen=True, slots=True)
class EventDates:
    """An event's first and last day as printed: `*_iso` for <time datetime>,
    `*_label` in the active language; no end when the event lasts one day, nothing
    at all while the dates are to be announced."""

    starts_iso: str = ""
    starts_label: str = ""
    ends_iso: str = ""
    ends_label: str = ""
    is_tentative: bool = False

    @classmethod
    def of(cls, starts_on, ends_on, is_tentative):
        if not starts_on:
            return cls()
        if not ends_on or ends_on == starts_on:
            return cls(starts_on.isoformat(), date_format(starts_on), is_tentative=is_tentative)
        return cls(
            starts_on.isoformat(),
            date_format(starts_on),
            ends_on.isoformat(),
            date_format(ends_on),
            is_tentative,
        )


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


def event_cards(rows, *, with_areas: bool = False) -> list[EventCard]:
    """Cards for `rows` of event_listing() (or any values(*CARD_FIELDS) of
    workshops), with their thematic areas' names when `with_areas`: one statement
    more, none without rows. A card made here needs no filter, no {% url %} and no
    related manager in the template, which was the cost of the listing."""
    rows = list(rows)
    areas: dict[int, list[str]] = {}
    if with_areas and rows:
        for workshop_id, name in (
            Workshop.thematic_areas.through.objects.filter(
                workshop_id__in=[row["pk"] for row in rows]
            )
            .order_by("thematicarea__name")
            .values_list("workshop_id", "thematicarea__name")
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
            country=row["country__name"] or "",
            is_cancelled=row["status"] == WorkshopStatus.CANCELLED,
            summary=Truncator(row["summary"]).words(40, truncate=" …") if row["summary"] else "",
            dates=EventDates.of(row["starts_on"], row["ends_on"], row["has_tentative_dates"]),
            thematic_areas=areas.get(row["pk"], []),
        )
        for row in rows
    ]


def event_years() -> list[int]:
    """Years with a public event, latest first, for the year filter: one statement,
    then none until a write bumps the content generation (core.cache)."""
    return cached_per_generation("workshops:event-years", _event_years)


def _event_years() -> list[int]:
    return [d.year for d in Workshop.objects.public().dates("starts_on", "year", order="DESC")]


def thematic_area_choices() -> list[tuple[str, str]]:
    return list(ThematicArea.objects.order_by("name").values_list("slug", "name"))


def member_state_choices() -> list[tuple[int, str]]:
    return list(MemberState.objects.order_by("name").values_list("pk", "name"))


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
