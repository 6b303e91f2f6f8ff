"""Reads of workshops shaped for pages and reports: each query fetches what its page
shows in a fixed number of statements, whatever the number of rows."""

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator

from core.cache import cached_per_generation
from participants.choices import TRAINED_STATUSES
from participants.models import Registration
from publications.models import Publication

from .choices import DeliveryMode, PartnerRole, WorkshopKind, WorkshopStatus
from .models import (
    MemberState,
    Organisation,
    Session,
    Speaker,
    ThematicArea,
    Workshop,
    WorkshopDay,
    WorkshopPartner,
)

UPCOMING, PAST = "upcoming", "past"


# Headline figures ---------------------------------------------------------------


@dataclass(frozen=True)
class HeadlineFigures:
    people_trained: int
    events_delivered: int
    publications_published: int


def headline_figures(*, start: dt.date | None = None, end: dt.date | None = None):
    """The figures a newsletter prints (“313 people trained, 7 conferences and events,
    1 new publication”), for all time or for the period start..end (both included).

    - people trained: distinct participants with a registration in TRAINED_STATUSES
      (attended or completed), so a person trained twice counts once;
    - events delivered: workshops of any kind with status “delivered”;
    - publications published: publications on the public library.

    A workshop belongs to the period its last day falls in (ends_on): one that spans
    the end of a period counts once, in the period it was completed in. Non-public
    workshops count too: is_public hides a page, not the work done. Three statements.
    """
    workshops = Workshop.objects.all()
    publications = Publication.objects.published()
    if start is not None:
        workshops = workshops.filter(ends_on__gte=start)
        publications = publications.filter(published_on__gte=start)
    if end is not None:
        workshops = workshops.filter(ends_on__lte=end)
        publications = publications.filter(published_on__lte=end)
    trained = Registration.objects.filter(status__in=TRAINED_STATUSES)
    if start is not None or end is not None:
        trained = trained.filter(workshop__in=workshops)
    return HeadlineFigures(
        people_trained=trained.aggregate(n=Count("participant", distinct=True))["n"],
        events_delivered=workshops.filter(status=WorkshopStatus.DELIVERED).count(),
        publications_published=publications.count(),
    )


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


# One event ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProgrammeSession:
    """A session as the event page prints it: its times as text, “09:00” (empty when
    not set), and each speaker as one line, “Ms. Among Resi, Officer, Organisation
    (ACR)”."""

    title: str
    description: str
    start_time: str
    end_time: str
    speakers: list[str]


@dataclass(frozen=True, slots=True)
class ProgrammeDay:
    """A day of the programme; `label` is its weekday and date in the active
    language (“Monday, July 15, 2030”), `iso` the date for <time datetime>."""

    pk: int
    held_on: dt.date
    iso: str
    label: str
    notes: str
    sessions: list[ProgrammeSession]
    # Whether the day is over: an empty programme then was never published,
    # rather than coming soon.
    is_past: bool = False


@dataclass(frozen=True, slots=True)
class Partner:
    name: str
    acronym: str
    website: str


@dataclass
class EventPage:
    """Everything the public page of one event shows (see public_event).

    Plain rows rather than model instances with related managers: the template
    only loops over days, sessions and speaker lines already formatted in the
    active language, with no filter, manager or query of its own.
    """

    workshop: Workshop
    days: list[ProgrammeDay]
    partners_by_role: list[tuple[str, list[Partner]]]
    has_session_times: bool = False
    # An aggregate only: never who the participants are (see event_facets).
    participant_count: int = 0
    thematic_areas: list[dict] = field(default_factory=list)
    member_states: list[str] = field(default_factory=list)
    agencies: list[dict] = field(default_factory=list)

    @property
    def timezone_label(self) -> str:
        """The workshop's timezone with its UTC offset on the first day, e.g.
        “Asia/Jakarta (UTC+07:00)”: the offset is what a reader in another
        country needs, and it depends on the date where daylight saving applies."""
        zone = zoneinfo.ZoneInfo(self.workshop.timezone)
        on = self.days[0].held_on if self.days else timezone.localdate()
        offset = dt.datetime.combine(on, dt.time(12), tzinfo=zone).utcoffset()
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        hours, minutes = divmod(abs(minutes), 60)
        return f"{self.workshop.timezone} (UTC{sign}{hours:02d}:{minutes:02d})"


def _speaker_line(speaker: Speaker) -> str:
    line = str(speaker)  # “Ms. Among Resi”
    if speaker.position:
        line += f", {speaker.position}"
    if organisation := speaker.organisation:
        line += f", {organisation.name}"
        if organisation.acronym:
            line += f" ({organisation.acronym})"
    return line


def public_event(*, slug: str) -> EventPage:
    """The public page of one event, with its programme grouped by day.

    Raises Workshop.DoesNotExist for an unknown slug, a draft or a non-public
    workshop (Workshop.objects.public()). Eight statements, whatever the size of
    the programme: the workshop with its country and participant count, its days,
    their sessions, the sessions' speakers with their organisations, its thematic
    areas, its partners with their organisations, and the member states and the
    agencies represented (event_facets). Day labels are formatted in the active
    language.
    """
    workshop = (
        Workshop.objects.public()
        .select_related("country")
        .annotate(participant_count=participant_count())
        .prefetch_related(
            Prefetch(
                "days",
                queryset=WorkshopDay.objects.order_by("held_on").prefetch_related(
                    Prefetch(
                        "sessions",
                        queryset=Session.objects.order_by(
                            "order", "start_time", "pk"
                        ).prefetch_related(
                            Prefetch(
                                "speakers",
                                queryset=Speaker.objects.select_related("organisation").order_by(
                                    "name", "pk"
                                ),
                            )
                        ),
                    )
                ),
            ),
            Prefetch("thematic_areas", queryset=ThematicArea.objects.order_by("name")),
            Prefetch(
                "partners",
                queryset=WorkshopPartner.objects.select_related("organisation").order_by(
                    "role", "organisation__name"
                ),
            ),
        )
        .get(slug=slug)
    )

    days: list[ProgrammeDay] = []
    has_session_times = False
    today = timezone.localdate()
    for day in workshop.days.all():
        sessions = []
        for session in day.sessions.all():
            has_session_times = has_session_times or session.start_time is not None
            sessions.append(
                ProgrammeSession(
                    title=session.title,
                    description=session.description,
                    # “H:i” is the same in every language.
                    start_time=f"{session.start_time:%H:%M}" if session.start_time else "",
                    end_time=f"{session.end_time:%H:%M}" if session.end_time else "",
                    speakers=[_speaker_line(speaker) for speaker in session.speakers.all()],
                )
            )
        held_on = day.held_on
        days.append(
            ProgrammeDay(
                pk=day.pk,
                held_on=held_on,
                iso=held_on.isoformat(),
                label=f"{date_format(held_on, 'l')}, {date_format(held_on, 'DATE_FORMAT')}",
                notes=day.notes,
                sessions=sessions,
                is_past=held_on < today,
            )
        )

    by_role: dict[str, list[Partner]] = {}
    for partner in workshop.partners.all():
        organisation = partner.organisation
        by_role.setdefault(partner.role, []).append(
            Partner(organisation.name, organisation.acronym, organisation.website)
        )
    facets = event_facets(workshop)
    return EventPage(
        workshop=workshop,
        days=days,
        partners_by_role=[
            (role.label, by_role[role.value]) for role in PartnerRole if role.value in by_role
        ],
        has_session_times=has_session_times,
        participant_count=workshop.participant_count,
        thematic_areas=[
            {"name": area.name, "slug": area.slug} for area in workshop.thematic_areas.all()
        ],
        member_states=facets["states"],
        agencies=facets["agencies"],
    )


def participant_count():
    """The number of participants of the workshop (OuterRef), as an expression to
    annotate workshops with: each person once, among the registrations
    Registration.objects.counted() keeps (the trained ones once the workshop is
    delivered, before that all but the withdrawn)."""
    counted = (
        Registration.objects.counted()
        .filter(workshop=OuterRef("pk"))
        .order_by()
        .values("workshop")
        .annotate(n=Count("participant", distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(counted), 0)


def event_facets(workshop: Workshop) -> dict:
    """The member states and agencies an event's page names: two statements.

    Those the event targets together with those of its counted participants
    (Registration.objects.counted(): the trained ones, attended or completed, once
    the event is delivered; before that everyone registered and not withdrawn).
    Names of states and agencies only, never of a person: the participants'
    rows stay in subqueries.
    Returns {"states": [name], "agencies": [{"name", "acronym"}]}, sorted by name.
    """
    counted = Registration.objects.counted().filter(workshop=workshop).order_by()
    states = MemberState.objects.filter(
        Q(pk__in=workshop.target_member_states.values("pk"))
        | Q(pk__in=counted.values("participant__member_state"))
    )
    agencies = Organisation.objects.filter(
        Q(pk__in=workshop.target_agencies.values("pk"))
        | Q(pk__in=counted.values("participant__agency"))
    )
    return {
        "states": list(states.order_by("name").values_list("name", flat=True)),
        "agencies": list(agencies.order_by("name").values("name", "acronym")),
    }


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
