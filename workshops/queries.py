"""Reads of workshops shaped for pages and reports: each query fetches what its page
shows in a fixed number of statements, whatever the number of rows."""

import datetime as dt
import functools
import zoneinfo
from dataclasses import dataclass, field

from django.db import DEFAULT_DB_ALIAS, connection
from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator

from participants.choices import TRAINED_STATUSES, RegistrationStatus
from participants.models import Participant, Registration
from rso_portal import prepared

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
    """Years with a public event, latest first, for the year filter: one statement."""
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
    """Everything the public page of one event shows, fetched in three statements.

    Plain rows rather than model instances with related managers: the programme of
    a three-day event has dozens of sessions and speakers, and walking managers and
    formatting dates in the template cost more than the statements themselves.
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


def _speaker_line(honorific, name, position, organisation, acronym) -> str:
    line = f"{honorific} {name}".strip()  # as Speaker.__str__
    if position:
        line += f", {position}"
    if organisation:
        line += f", {organisation} ({acronym})" if acronym else f", {organisation}"
    return line


# The event page's statements are SQL text rather than querysets, for their cost.
# Profiled on the page of a three-day, twenty-session event (PostgreSQL), building
# and compiling its five querysets took over half of the page's time, the union of
# event_facets() alone a quarter: 0.3-0.5 ms of Python per statement, against
# 0.07 ms for a round trip. As SQL text, public_event() went from about 15 ms to
# 4 ms, with three statements instead of five. The text is built once per process
# (_event_sql) from the models' table and column names, so a renamed table or
# column still works, and is the same on PostgreSQL and SQLite: standard SQL only
# (CAST, no ::), %s parameters, and the columns of model fields converted as the
# ORM would (prepared.fetchall with the fields of the columns).


class _Names:
    """In the SQL text of _event_sql, `{Model}` is the model's quoted table name and
    `{Model.field}` the quoted column of that field (`pk` for the primary key)."""

    def __init__(self, model, quote):
        self._model, self._quote = model, quote

    def __str__(self) -> str:
        return self._quote(self._model._meta.db_table)

    def __getattr__(self, name: str) -> str:
        meta = self._model._meta
        return self._quote((meta.pk if name == "pk" else meta.get_field(name)).column)


# The model field of each column of the workshop and programme statements, for
# Django's converters.
_WORKSHOP_FIELDS = (*Workshop._meta.concrete_fields, *MemberState._meta.concrete_fields)
_PROGRAMME_FIELDS = (
    *(WorkshopDay._meta.get_field(name) for name in ("id", "held_on", "notes")),
    *(
        Session._meta.get_field(name)
        for name in ("id", "title", "description", "start_time", "end_time")
    ),
    *(Speaker._meta.get_field(name) for name in ("honorific", "name", "position")),
    *(Organisation._meta.get_field(name) for name in ("name", "acronym")),
)


@functools.cache
def _event_sql() -> dict[str, str]:
    """The SQL of public_event(): "workshop" (parameters: slug, True, the draft
    status), "programme" (the workshop's id) and, for event_facets(), "names" with
    the registrations counted once the event is delivered and "names_before"
    before (parameters: the workshop's id, the statuses, then the id four times)."""
    quote = connection.ops.quote_name
    names = {
        model.__name__: _Names(model, quote)
        for model in (
            Workshop,
            MemberState,
            WorkshopDay,
            Session,
            Speaker,
            Organisation,
            WorkshopPartner,
            ThematicArea,
            Registration,
            Participant,
        )
    }
    names |= {
        "WorkshopTheme": _Names(Workshop.thematic_areas.through, quote),
        "WorkshopState": _Names(Workshop.target_member_states.through, quote),
        "WorkshopAgency": _Names(Workshop.target_agencies.through, quote),
        "SessionSpeaker": _Names(Session.speakers.through, quote),
    }

    def sql(text: str, **more) -> str:
        return " ".join(text.split()).format(**names, **more)

    workshop = sql(
        """
        SELECT {columns}
        FROM {Workshop} w
        LEFT JOIN {MemberState} c ON c.{MemberState.pk} = w.{Workshop.country}
        WHERE w.{Workshop.slug} = %s AND w.{Workshop.is_public} = %s
            AND w.{Workshop.status} <> %s
        """,
        columns=", ".join(
            f"{'w' if f.model is Workshop else 'c'}.{quote(f.column)}" for f in _WORKSHOP_FIELDS
        ),
    )
    # One row per speaker of a session, one per session without speakers, and a
    # single row of NULLs for a day without sessions.
    programme = sql(
        """
        SELECT d.{WorkshopDay.pk}, d.{WorkshopDay.held_on}, d.{WorkshopDay.notes},
            s.{Session.pk}, s.{Session.title}, s.{Session.description},
            s.{Session.start_time}, s.{Session.end_time},
            sp.{Speaker.honorific}, sp.{Speaker.name}, sp.{Speaker.position},
            o.{Organisation.name}, o.{Organisation.acronym}
        FROM {WorkshopDay} d
        LEFT JOIN {Session} s ON s.{Session.day} = d.{WorkshopDay.pk}
        LEFT JOIN {SessionSpeaker} ss ON ss.{SessionSpeaker.session} = s.{Session.pk}
        LEFT JOIN {Speaker} sp ON sp.{Speaker.pk} = ss.{SessionSpeaker.speaker}
        LEFT JOIN {Organisation} o ON o.{Organisation.pk} = sp.{Speaker.organisation}
        WHERE d.{WorkshopDay.workshop} = %s
        ORDER BY d.{WorkshopDay.held_on}, s.{Session.order}, s.{Session.start_time},
            s.{Session.pk}, sp.{Speaker.name}, ss.{SessionSpeaker.speaker}
        """
    )
    # Columns: facet, role (partners), name, extra (a theme's slug, an
    # organisation's acronym), website (partners). `counted` holds ids only, and
    # only names and the count come out of it.
    names_text = """
        WITH counted AS (
            SELECT r.{Registration.participant} AS participant_id,
                p.{Participant.member_state} AS member_state_id,
                p.{Participant.agency} AS agency_id
            FROM {Registration} r
            JOIN {Participant} p ON p.{Participant.pk} = r.{Registration.participant}
            WHERE r.{Registration.workshop} = %s AND r.{Registration.status} {counted_status}
        )
        SELECT 'theme' AS facet, '' AS role, t.{ThematicArea.name} AS name,
            t.{ThematicArea.slug} AS extra, '' AS website
        FROM {ThematicArea} t
        JOIN {WorkshopTheme} wt ON wt.{WorkshopTheme.thematicarea} = t.{ThematicArea.pk}
        WHERE wt.{WorkshopTheme.workshop} = %s
        UNION ALL
        SELECT 'state', '', m.{MemberState.name}, '', ''
        FROM {MemberState} m
        WHERE m.{MemberState.pk} IN (
                SELECT {WorkshopState.memberstate} FROM {WorkshopState}
                WHERE {WorkshopState.workshop} = %s
            )
            OR m.{MemberState.pk} IN (SELECT member_state_id FROM counted)
        UNION ALL
        SELECT 'agency', '', a.{Organisation.name}, a.{Organisation.acronym}, ''
        FROM {Organisation} a
        WHERE a.{Organisation.pk} IN (
                SELECT {WorkshopAgency.organisation} FROM {WorkshopAgency}
                WHERE {WorkshopAgency.workshop} = %s
            )
            OR a.{Organisation.pk} IN (SELECT agency_id FROM counted)
        UNION ALL
        SELECT 'partner', wp.{WorkshopPartner.role}, o.{Organisation.name},
            o.{Organisation.acronym}, o.{Organisation.website}
        FROM {WorkshopPartner} wp
        JOIN {Organisation} o ON o.{Organisation.pk} = wp.{WorkshopPartner.organisation}
        WHERE wp.{WorkshopPartner.workshop} = %s
        UNION ALL
        SELECT 'count', '', CAST(COUNT(DISTINCT participant_id) AS TEXT), '', ''
        FROM counted
        ORDER BY 1, 2, 3
    """
    trained = ", ".join(["%s"] * len(TRAINED_STATUSES))
    return {
        "workshop": workshop,
        "programme": programme,
        "names": sql(names_text, counted_status=f"IN ({trained})"),
        "names_before": sql(names_text, counted_status="<> %s"),
    }


def public_event(*, slug: str) -> EventPage:
    """The public page of one event, with its programme grouped by day.

    Raises Workshop.DoesNotExist for an unknown slug, a draft or a non-public
    workshop (as Workshop.objects.public()). Three statements, in SQL text (see
    above): the workshop with its country, its days with their sessions and their
    speakers (one outer join), and its thematic areas, states, agencies, partners
    and participant count (event_facets). Day labels are formatted in the active
    language.
    """
    sql = _event_sql()
    rows = prepared.fetchall(
        sql["workshop"], [slug, True, WorkshopStatus.DRAFT.value], _WORKSHOP_FIELDS
    )
    if not rows:
        raise Workshop.DoesNotExist("Workshop matching query does not exist.")
    row, split = rows[0], len(Workshop._meta.concrete_fields)
    workshop = Workshop.from_db(DEFAULT_DB_ALIAS, None, row[:split])
    workshop.country = (
        MemberState.from_db(DEFAULT_DB_ALIAS, None, row[split:]) if row[split] is not None else None
    )

    days: list[ProgrammeDay] = []
    has_session_times = False
    today = timezone.localdate()
    session_pk = None
    programme = prepared.fetchall(sql["programme"], [workshop.pk], _PROGRAMME_FIELDS)
    for day_pk, held_on, notes, session, title, description, starts, ends, *speaker in programme:
        if not days or days[-1].pk != day_pk:
            label = f"{date_format(held_on, 'l')}, {date_format(held_on, 'DATE_FORMAT')}"
            days.append(
                ProgrammeDay(
                    day_pk, held_on, held_on.isoformat(), label, notes, [], held_on < today
                )
            )
        if session is None:
            continue
        if session != session_pk:
            session_pk = session
            has_session_times = has_session_times or starts is not None
            days[-1].sessions.append(
                ProgrammeSession(
                    title=title,
                    description=description,
                    # “H:i” is the same in every language.
                    start_time=f"{starts:%H:%M}" if starts else "",
                    end_time=f"{ends:%H:%M}" if ends else "",
                    speakers=[],
                )
            )
        if speaker[1] is not None:  # the speaker's name, NULL without speakers
            days[-1].sessions[-1].speakers.append(_speaker_line(*speaker))

    facets = event_facets(workshop)
    by_role: dict[str, list[Partner]] = {}
    for role, partner in facets["partner"]:
        by_role.setdefault(role, []).append(partner)
    return EventPage(
        workshop=workshop,
        days=days,
        partners_by_role=[
            (role.label, by_role[role.value]) for role in PartnerRole if role.value in by_role
        ],
        has_session_times=has_session_times,
        participant_count=facets["count"],
        thematic_areas=facets["theme"],
        member_states=[row["name"] for row in facets["state"]],
        agencies=facets["agency"],
    )


def event_facets(workshop: Workshop) -> dict:
    """The thematic areas, member states, agencies and partners of an event, and its
    number of participants, in one statement.

    Participants are counted once each: the trained ones (attended or completed)
    once the event is delivered, before that everyone registered and not withdrawn.
    States and agencies are those the event targets together with those of these
    participants: names of states and agencies only, never of a person. The lists
    are plain name lists of different tables, so they come in a single UNION rather
    than four round trips, and the count rides along as one more row.
    Returns {"theme": [{"name", "slug"}], "state": [{"name"}],
    "agency": [{"name", "acronym"}], "partner": [(role, Partner)], "count": int},
    the lists sorted by name (partners by role, then name).
    """
    if workshop.status == WorkshopStatus.DELIVERED:
        sql, statuses = _event_sql()["names"], [status.value for status in TRAINED_STATUSES]
    else:
        sql, statuses = _event_sql()["names_before"], [RegistrationStatus.WITHDRAWN.value]
    facets: dict = {"theme": [], "state": [], "agency": [], "partner": [], "count": 0}
    pk = workshop.pk
    for facet, role, name, extra, website in prepared.fetchall(
        sql, [pk, *statuses, pk, pk, pk, pk]
    ):
        if facet == "count":
            facets["count"] = int(name)
        elif facet == "theme":
            facets["theme"].append({"name": name, "slug": extra})
        elif facet == "state":
            facets["state"].append({"name": name})
        elif facet == "agency":
            facets["agency"].append({"name": name, "acronym": extra})
        else:
            facets["partner"].append((role, Partner(name, extra, website)))
    return facets


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
