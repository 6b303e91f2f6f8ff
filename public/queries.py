"""Reads shaped for the public pages that combine several apps: one event's page
(its programme from workshops, its participants counted from participants)."""

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format

from participants.models import Registration
from workshops.choices import PartnerRole
from workshops.models import (
    MemberState,
    Organisation,
    ThematicArea,
    Workshop,
    WorkshopDay,
    WorkshopPartner,
)


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
    workshop (Workshop.objects.public()). Six statements, whatever the size of the
    programme: the workshop with its country and participant count, its thematic
    areas, its partners with their organisations, its programme (days, sessions and
    speakers in one), and the member states and the agencies represented
    (event_facets). Day labels are formatted in the active
    language.
    """
    workshop = (
        Workshop.objects.public()
        .select_related("country")
        .annotate(participant_count=participant_count())
        .prefetch_related(
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
                )
            )
        if row["sessions__speakers__name"] is not None:
            days[-1].sessions[-1].speakers.append(_speaker_line(row))

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
