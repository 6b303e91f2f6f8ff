"""Reads of workshops shaped for pages and reports: each query fetches what its page
shows in a fixed number of statements, whatever the number of rows."""

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field

from django.db.models import (
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from participants.choices import TRAINED_STATUSES, RegistrationStatus
from participants.models import Registration
from publications.models import Publication

from .choices import PartnerRole, WorkshopStatus
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
    first), with their country and thematic areas: two statements per page."""
    events = (
        Workshop.objects.public()
        .select_related("country")
        .prefetch_related(
            Prefetch("thematic_areas", queryset=ThematicArea.objects.only("name", "slug"))
        )
    )
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
    return events


def upcoming_events(*, limit: int, today: dt.date | None = None) -> list[Workshop]:
    """The next public events for the home page: one statement."""
    return list(
        Workshop.objects.public()
        .upcoming(today)
        .exclude(status=WorkshopStatus.CANCELLED)
        .select_related("country")
        .order_by(F("starts_on").asc(nulls_last=True), "title")[:limit]
    )


def event_years() -> list[int]:
    """Years with a public event, latest first, for the year filter: one statement."""
    return [d.year for d in Workshop.objects.public().dates("starts_on", "year", order="DESC")]


def thematic_area_choices() -> list[tuple[str, str]]:
    return list(ThematicArea.objects.order_by("name").values_list("slug", "name"))


def member_state_choices() -> list[tuple[int, str]]:
    return list(MemberState.objects.order_by("name").values_list("pk", "name"))


# One event ----------------------------------------------------------------------


@dataclass
class EventPage:
    """Everything the public page of one event shows, fetched in six statements."""

    workshop: Workshop
    days: list[WorkshopDay]
    partners_by_role: list[tuple[str, list[Organisation]]]
    thematic_areas: list[dict] = field(default_factory=list)
    member_states: list[str] = field(default_factory=list)
    agencies: list[dict] = field(default_factory=list)

    @property
    def participant_count(self) -> int:
        """An aggregate only: never who the participants are."""
        if self.workshop.status == WorkshopStatus.DELIVERED:
            return self.workshop.trained_count
        return self.workshop.registered_count

    @property
    def has_session_times(self) -> bool:
        return any(s.start_time for day in self.days for s in day.sessions.all())

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


def _count_of(registrations):
    """A correlated subquery counting distinct participants among `registrations`."""
    return Coalesce(
        Subquery(
            registrations.filter(workshop=OuterRef("pk"))
            .order_by()
            .values("workshop")
            .annotate(n=Count("participant", distinct=True))
            .values("n"),
            output_field=IntegerField(),
        ),
        0,
    )


def public_event(*, slug: str) -> EventPage:
    """The public page of one event, with its programme grouped by day.

    Raises Workshop.DoesNotExist for an unknown slug, a draft or a non-public workshop.
    Six statements: the workshop (with its participant counts), its days, their
    sessions, the sessions' speakers, its partners, and the names around it
    (event_facets).
    """
    sessions = Session.objects.order_by("order", "start_time", "pk").prefetch_related(
        Prefetch("speakers", queryset=Speaker.objects.select_related("organisation"))
    )
    workshop = (
        Workshop.objects.public()
        .select_related("country")
        .annotate(
            trained_count=_count_of(Registration.objects.filter(status__in=TRAINED_STATUSES)),
            registered_count=_count_of(
                Registration.objects.exclude(status=RegistrationStatus.WITHDRAWN)
            ),
        )
        .prefetch_related(
            Prefetch(
                "days",
                queryset=WorkshopDay.objects.prefetch_related(
                    Prefetch("sessions", queryset=sessions)
                ),
            ),
            Prefetch(
                "partners",
                queryset=WorkshopPartner.objects.select_related("organisation"),
            ),
        )
        .get(slug=slug)
    )
    by_role: dict[str, list[Organisation]] = {}
    for partner in workshop.partners.all():
        by_role.setdefault(partner.role, []).append(partner.organisation)
    page = EventPage(
        workshop=workshop,
        days=list(workshop.days.all()),
        partners_by_role=[
            (role.label, by_role[role.value]) for role in PartnerRole if role.value in by_role
        ],
    )
    facets = event_facets(workshop)
    page.thematic_areas = facets["theme"]
    page.member_states = [row["name"] for row in facets["state"]]
    page.agencies = facets["agency"]
    return page


def event_facets(workshop: Workshop) -> dict[str, list[dict]]:
    """The thematic areas, member states and agencies of an event, in one statement.

    States and agencies are those the event targets together with those of its
    participants (counted as in EventPage.participant_count): names of states and
    agencies only, never of a person. The three lists are plain name lists of
    different tables, so they come in a single UNION rather than three round trips.
    Returns {"theme": [{"name", "slug"}], "state": [{"name"}],
    "agency": [{"name", "acronym"}]}, each sorted by name.
    """
    if workshop.status == WorkshopStatus.DELIVERED:
        counted = Registration.objects.filter(status__in=TRAINED_STATUSES)
    else:
        counted = Registration.objects.exclude(status=RegistrationStatus.WITHDRAWN)
    counted = counted.filter(workshop=workshop).order_by()
    through_states = Workshop.target_member_states.through.objects.filter(workshop=workshop)
    through_agencies = Workshop.target_agencies.through.objects.filter(workshop=workshop)

    def part(queryset, group, extra):
        return (
            queryset.order_by()
            .annotate(group=Value(group, output_field=CharField()), extra=extra)
            .values_list("name", "group", "extra")
        )

    themes = part(ThematicArea.objects.filter(workshops=workshop), "theme", F("slug"))
    states = part(
        MemberState.objects.filter(
            Q(pk__in=through_states.values("memberstate"))
            | Q(pk__in=counted.values("participant__member_state"))
        ),
        "state",
        Value("", output_field=CharField()),
    )
    agencies = part(
        Organisation.objects.filter(
            Q(pk__in=through_agencies.values("organisation"))
            | Q(pk__in=counted.values("participant__agency"))
        ),
        "agency",
        F("acronym"),
    )
    # The third column means the slug for a theme and the acronym for an agency.
    extra_key = {"theme": "slug", "state": None, "agency": "acronym"}
    facets: dict[str, list[dict]] = {"theme": [], "state": [], "agency": []}
    for name, group, extra in themes.union(states, agencies).order_by("group", "name"):
        row = {"name": name}
        if extra_key[group]:
            row[extra_key[group]] = extra
        facets[group].append(row)
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
