"""Reads shaped for the public pages that combine several apps: one event's page
(its programme from workshops, its participants counted from participants)."""

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field

from django.db.models import F, Value
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.translation import localized_value
from reports.queries import EventTrained
from workshops.choices import PartnerRole, WorkshopStatus
from workshops.models import (
    ThematicArea,
    Workshop,
    WorkshopDay,
    WorkshopPartner,
)
from workshops.queries import EventDates, member_state_choices, organisation_names


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
    # The same instants with the workshop's UTC offset (“2030-07-15T09:00:00+07:00”),
    # for <time datetime> and the script that adds the visitor's own time.
    start_iso: str = ""
    end_iso: str = ""


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
    dates: EventDates = field(default_factory=EventDates)

    @property
    def languages_label(self) -> str:
        """The languages of delivery, as typed (“English, Thai”), each known language
        named in the page's language: the field is free text, so others stay as typed."""
        typed = [part.strip() for part in self.workshop.languages.split(",") if part.strip()]
        return ", ".join(str(LANGUAGE_NAMES.get(part, part)) for part in typed)

    @property
    def is_delivered(self) -> bool:
        return self.workshop.status == WorkshopStatus.DELIVERED

    @property
    def is_open(self) -> bool:
        """Whether a visitor may still take part: neither over nor cancelled."""
        return (
            self.workshop.status != WorkshopStatus.CANCELLED
            and not self.is_delivered
            and not self.dates.is_past
        )

    @property
    def timezone_label(self) -> str:
        """The workshop's timezone in words, with its UTC offset on the first day, e.g.
        “Jakarta time (UTC+07:00)”: a visitor knows a city better than a tz database
        name, and the offset is what a reader in another country needs (it depends on
        the date where daylight saving applies)."""
        on = self.days[0].held_on if self.days else timezone.localdate()
        return zone_label(self.workshop.timezone, on)


# Languages of delivery as staff type them, to name in the page's language.
LANGUAGE_NAMES = {
    "English": gettext_lazy("English"),
    "Bahasa Indonesia": gettext_lazy("Bahasa Indonesia"),
    "Indonesian": gettext_lazy("Bahasa Indonesia"),
    "Bahasa Melayu": gettext_lazy("Bahasa Melayu"),
    "Malay": gettext_lazy("Bahasa Melayu"),
    "Vietnamese": gettext_lazy("Vietnamese"),
    "Thai": gettext_lazy("Thai"),
}


def utc_offset(zone_name: str, on: dt.date) -> str:
    """“+07:00”: the offset of `zone_name` at noon on `on`."""
    zone = zoneinfo.ZoneInfo(zone_name)
    offset = dt.datetime.combine(on, dt.time(12), tzinfo=zone).utcoffset()
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


def zone_label(zone_name: str, on: dt.date) -> str:
    """“Kuala Lumpur time (UTC+08:00)” for Asia/Kuala_Lumpur: the zone's city (its
    last part) in words, as people name a time zone, and the offset that day."""
    place = zone_name.rsplit("/", 1)[-1].replace("_", " ")
    return _("%(place)s time (UTC%(offset)s)") % {
        "place": place,
        "offset": utc_offset(zone_name, on),
    }


def _speaker_line(row: dict) -> str:
    """“Ms. Among Resi, Officer, Organisation (ACR)”, from a row of _programme_rows."""
    line = f"{row['sessions__speakers__honorific']} {row['sessions__speakers__name']}".strip()
    if position := row["sessions__speakers__position"]:
        line += f", {position}"
    if organisation := row["sessions__speakers__organisation__name"]:
        line += f", {organisation}"
        if acronym := row["sessions__speakers__organisation__acronym"]:
            line += f" ({acronym})"
    return line


def _programme_rows(workshop: Workshop):
    """The workshop's days with their sessions and speakers in one statement (outer
    joins): a row per speaker of a session, one per session without speakers, one
    per day without sessions, in programme order. Rows rather than model instances
    with three levels of prefetching: the page only prints them."""
    return (
        WorkshopDay.objects.filter(workshop=workshop)
        .order_by(
            "held_on",
            "sessions__order",
            "sessions__start_time",
            "sessions__pk",
            "sessions__speakers__name",
            "sessions__speakers__pk",
        )
        .values(
            "pk",
            "held_on",
            "notes",
            "sessions__pk",
            "sessions__title",
            "sessions__description",
            "sessions__start_time",
            "sessions__end_time",
            "sessions__speakers__honorific",
            "sessions__speakers__name",
            "sessions__speakers__position",
            "sessions__speakers__organisation__name",
            "sessions__speakers__organisation__acronym",
        )
    )


def public_event(*, slug: str) -> EventPage:
    """The public page of one event, with its programme grouped by day.

    Raises Workshop.DoesNotExist for an unknown slug, a draft or a non-public
    workshop (Workshop.objects.public()). Three statements whatever the size of the
    programme: the workshop with its country; its lists (_workshop_lists: thematic
    areas, partners, the member states and agencies it is for); its programme (days,
    sessions and speakers in one); and, once delivered, the people trained, read
    once per records generation (event_facets). Rows rather than model instances with
    prefetched managers: the page only prints them, and each statement costs the page
    more to build and send than to run. Day labels are formatted in the active
    language.
    """
    workshop = Workshop.objects.public().select_related("country").get(slug=slug)
    lists = _workshop_lists(workshop)

    days: list[ProgrammeDay] = []
    has_session_times = False
    today = timezone.localdate()
    zone = zoneinfo.ZoneInfo(workshop.timezone)

    def instant(on, at):
        return dt.datetime.combine(on, at, tzinfo=zone).isoformat() if at else ""

    session_pk = None
    for row in _programme_rows(workshop):
        if not days or days[-1].pk != row["pk"]:
            held_on = row["held_on"]
            days.append(
                ProgrammeDay(
                    pk=row["pk"],
                    held_on=held_on,
                    iso=held_on.isoformat(),
                    label=f"{date_format(held_on, 'l')}, {date_format(held_on, 'DATE_FORMAT')}",
                    notes=row["notes"],
                    sessions=[],
                    is_past=held_on < today,
                )
            )
        if row["sessions__pk"] is None:
            continue
        if row["sessions__pk"] != session_pk:
            session_pk = row["sessions__pk"]
            starts, ends = row["sessions__start_time"], row["sessions__end_time"]
            has_session_times = has_session_times or starts is not None
            days[-1].sessions.append(
                ProgrammeSession(
                    title=row["sessions__title"],
                    description=row["sessions__description"],
                    # “H:i” is the same in every language.
                    start_time=f"{starts:%H:%M}" if starts else "",
                    end_time=f"{ends:%H:%M}" if ends else "",
                    speakers=[],
                    start_iso=instant(row["held_on"], starts),
                    end_iso=instant(row["held_on"], ends),
                )
            )
        if row["sessions__speakers__name"] is not None:
            days[-1].sessions[-1].speakers.append(_speaker_line(row))

    by_role: dict[str, list[Partner]] = {}
    for role, *organisation in lists.partners:
        by_role.setdefault(role, []).append(Partner(*organisation))
    facets = event_facets(workshop, states=lists.states, agencies=lists.agencies)
    return EventPage(
        workshop=workshop,
        days=days,
        partners_by_role=[
            (role.label, by_role[role.value]) for role in PartnerRole if role.value in by_role
        ],
        has_session_times=has_session_times,
        participant_count=facets["people_trained"],
        thematic_areas=lists.areas,
        member_states=facets["states"],
        agencies=facets["agencies"],
        dates=EventDates.of(
            [day.held_on for day in days],
            is_tentative=workshop.has_tentative_dates,
            is_delivered=workshop.status == WorkshopStatus.DELIVERED,
        ),
    )


def event_facets(workshop: Workshop, *, states: set[int], agencies: set[int]) -> dict:
    """The people trained, member states and agencies an event's page names, from the
    keys of the `states` and `agencies` it is for (_workshop_lists): no statement
    (the names of the states and agencies are reference data, read once per content
    generation: workshops.queries; the people trained are kept per records
    generation: reports.queries.EventTrained).

    Before the event is delivered, the states and agencies it targets, and only
    those, and no count: the nominees are not public before anyone attended, and a
    count of them would read as attendance. Once delivered, those it targeted
    together with those of the people trained in it, and how many they are, by the
    reports' definition (reports.queries.trained_registrations_of: a day attended, or
    a registration attended or completed), so that the page and the reports agree.
    Only keys of the participants leave the database, never who they are.
    Returns {"people_trained": int, "states": [name], "agencies": [{"name",
    "acronym"}]}, sorted by name.
    """
    states, agencies = set(states), set(agencies)
    people_trained = 0
    if workshop.status == WorkshopStatus.DELIVERED:
        trained = EventTrained.of(workshop)
        people_trained = trained.people
        states |= trained.states
        agencies |= trained.agencies
    return {
        "people_trained": people_trained,
        "states": [label for pk, label in member_state_choices() if pk in states],
        "agencies": [
            {"name": name, "acronym": acronym}
            for pk, name, acronym in organisation_names()
            if pk in agencies
        ],
    }


@dataclass
class WorkshopLists:
    # {"name", "slug"}, by name in the page's language
    areas: list[dict] = field(default_factory=list)
    # (role, name, acronym, website), by name
    partners: list[tuple[str, str, str, str]] = field(default_factory=list)
    states: set[int] = field(default_factory=set)  # keys of the member states it is for
    agencies: set[int] = field(default_factory=set)  # keys of the agencies it is for


AREA, PARTNER, STATE, AGENCY = range(4)


def _workshop_lists(workshop: Workshop) -> WorkshopLists:
    """The workshop's short lists in one statement, a UNION of four made alike (facet,
    sort, a, b, c, key): its thematic areas, its partners with their organisations,
    and the keys of the member states and agencies it is for. Each statement costs
    the page more to build and send than to run."""
    blank, zero = Value(""), Value(0)
    columns = ("facet", "sort", "a", "b", "c", "key")
    areas = ThematicArea.objects.filter(workshops=workshop).annotate(
        facet=Value(AREA), sort=localized_value("name"), a=F("slug"), b=blank, c=blank, key=zero
    )
    partners = WorkshopPartner.objects.filter(workshop=workshop).annotate(
        facet=Value(PARTNER),
        sort=F("organisation__name"),
        a=F("role"),
        b=F("organisation__acronym"),
        c=F("organisation__website"),
        key=zero,
    )
    states = Workshop.target_member_states.through.objects.filter(workshop=workshop).annotate(
        facet=Value(STATE), sort=blank, a=blank, b=blank, c=blank, key=F("memberstate")
    )
    agencies = Workshop.target_agencies.through.objects.filter(workshop=workshop).annotate(
        facet=Value(AGENCY), sort=blank, a=blank, b=blank, c=blank, key=F("organisation")
    )
    # No ORDER BY inside: the models' own orderings, which SQLite refuses in a UNION.
    rows = (
        areas.values_list(*columns)
        .order_by()
        .union(
            *(part.values_list(*columns).order_by() for part in (partners, states, agencies)),
            all=True,
        )
        .order_by("facet", "sort")
    )
    lists = WorkshopLists()
    for facet, sort, a, b, c, key in rows:
        if facet == AREA:
            lists.areas.append({"name": sort, "slug": a})
        elif facet == PARTNER:
            lists.partners.append((a, sort, b, c))
        elif facet == STATE:
            lists.states.add(key)
        else:
            lists.agencies.add(key)
    return lists
