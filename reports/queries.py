"""The figures the portal prints, computed by the database: the one home of every
count, so that the home page, the newsletter and the staff reports agree."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from core.cache import GENERATION_KEY, RECORDS_GENERATION_KEY, cached_per_generation
from participants.choices import (
    ATTENDING_MARKS,
    TRAINED_STATUSES,
    Gender,
    RegistrationStatus,
)
from participants.models import Attendance, Participant, Registration
from publications.models import Publication
from workshops.choices import DeliveryMode, WorkshopKind, WorkshopStatus
from workshops.models import ThematicArea, Workshop

# Shown on the reports page beside the figure, so that staff quote it rightly.
PEOPLE_TRAINED_DEFINITION = (
    "People trained: distinct participants with at least one day marked present or "
    "late, or a registration marked attended or completed, in a workshop or event that "
    "was not cancelled and whose last day falls in the period. Withdrawn registrations "
    "never count. A person trained in several workshops counts once in the total, and "
    "once in each group of a breakdown they belong to (so a breakdown's rows may add up "
    "to more than the total)."
)
EVENTS_DELIVERED_DEFINITION = (
    "Workshops and events delivered: workshops of any kind with status “delivered” whose "
    "last day falls in the period. Publications published: publications on the public "
    "library with a publication date in the period."
)

# Shown for a group the data does not give (a participant without a member state...).
NOT_RECORDED = "Not recorded"


@dataclass(frozen=True)
class HeadlineFigures:
    people_trained: int
    events_delivered: int
    publications_published: int


def workshops_in_period(*, start: dt.date | None = None, end: dt.date | None = None):
    """Workshops whose last day (ends_on) falls in start..end, both included and either
    open. A workshop that spans the end of a period counts once, in the period it was
    completed in. Non-public workshops count too: is_public hides a page, not the work."""
    workshops = Workshop.objects.all()
    if start is not None:
        workshops = workshops.filter(ends_on__gte=start)
    if end is not None:
        workshops = workshops.filter(ends_on__lte=end)
    return workshops


def trained_registrations(*, start: dt.date | None = None, end: dt.date | None = None):
    """The registrations that make their participant someone trained in the period
    (PEOPLE_TRAINED_DEFINITION); count their distinct participants, never the rows."""
    # Cancelled workshops are left out inside the workshops' subquery rather than by a
    # join: the registrations are then read from their covering index on the workshop
    # alone (participants.Registration), without a join to the workshops.
    workshops = workshops_in_period(start=start, end=end).exclude(status=WorkshopStatus.CANCELLED)
    return _trained(Registration.objects.filter(workshop__in=workshops.values("pk")))


def trained_registrations_of(workshop: Workshop):
    """trained_registrations() of one workshop, whatever its dates: the people an
    event's page counts. A simpler statement to build than the period's (this is
    most of what it costs)."""
    if workshop.status == WorkshopStatus.CANCELLED:
        return Registration.objects.none()
    return _trained(Registration.objects.filter(workshop=workshop))


@dataclass(frozen=True)
class EventTrained:
    """The people trained in one event (EventTrained.of), as its public page prints
    them: how many, and the keys of their member states and agencies (None where a
    participant has none). Keys only: never who they are."""

    people: int = 0
    states: frozenset = frozenset()
    agencies: frozenset = frozenset()

    @classmethod
    def of(cls, workshop: Workshop) -> "EventTrained":
        """Kept until a registration, an attendance mark, a participant or the
        workshop changes (the records and content generations, reports.invalidation),
        15 minutes at most: every render of a delivered event's page reads it, and
        the statement cost the page more to build than anything else it reads."""
        return cached_per_generation(
            f"reports:event-trained:{workshop.pk}",
            lambda: cls._compute(workshop),
            timeout=REPORT_SECONDS,
            generations=(GENERATION_KEY, RECORDS_GENERATION_KEY),
        )

    @classmethod
    def _compute(cls, workshop: Workshop) -> "EventTrained":
        rows = set(
            trained_registrations_of(workshop)
            .order_by()
            .values_list("participant", "participant__member_state", "participant__agency")
        )
        return cls(
            people=len({participant for participant, _state, _agency in rows}),
            states=frozenset(state for _participant, state, _agency in rows),
            agencies=frozenset(agency for _participant, _state, agency in rows),
        )


def _trained(registrations):
    # The day's mark is probed per registration left after the status test, through
    # the partial index of attending marks (participants.Attendance): no mark is read.
    attended_a_day = Exists(
        Attendance.objects.filter(registration=OuterRef("pk"), mark__in=ATTENDING_MARKS)
    )
    return registrations.exclude(status=RegistrationStatus.WITHDRAWN).filter(
        Q(status__in=TRAINED_STATUSES) | Q(attended_a_day)
    )


def delivered_workshops(*, start: dt.date | None = None, end: dt.date | None = None):
    return workshops_in_period(start=start, end=end).filter(status=WorkshopStatus.DELIVERED)


def published_publications(*, start: dt.date | None = None, end: dt.date | None = None):
    publications = Publication.objects.published()
    if start is not None:
        publications = publications.filter(published_on__gte=start)
    if end is not None:
        publications = publications.filter(published_on__lte=end)
    return publications


def headline_figures(*, start: dt.date | None = None, end: dt.date | None = None):
    """The figures a newsletter prints (“313 people trained, 7 conferences and events,
    1 new publication”), for all time or for the period start..end (both included);
    PEOPLE_TRAINED_DEFINITION and EVENTS_DELIVERED_DEFINITION say what each counts.
    Three statements."""
    return HeadlineFigures(
        people_trained=trained_registrations(start=start, end=end).aggregate(
            n=Count("participant", distinct=True)
        )["n"],
        events_delivered=delivered_workshops(start=start, end=end).count(),
        publications_published=published_publications(start=start, end=end).count(),
    )


# Registrations and attendance do not bump the content generation (a trainer's roll
# call must not empty the page cache), so the figures also expire on their own.
ALL_TIME_SECONDS = 60


def all_time_figures() -> HeadlineFigures:
    """headline_figures() for all time, as the home page prints them: counting the
    distinct people trained reads every registration, so it is computed at most
    once per content generation and minute."""
    return cached_per_generation(
        "reports:all-time-figures", headline_figures, timeout=ALL_TIME_SECONDS
    )


# Breakdowns ---------------------------------------------------------------------


@dataclass(frozen=True)
class BreakdownKind:
    slug: str
    title: str
    of: str  # "people" (distinct people trained) or "events" (events delivered)
    field: str  # the path grouped by, from Registration for people, Workshop for events
    choices: type | None = None  # TextChoices whose labels name the values


BREAKDOWNS = [
    BreakdownKind("member-state", "People trained by member state", "people",
                  "participant__member_state__name"),
    BreakdownKind("agency", "People trained by agency", "people", "participant__agency__name"),
    BreakdownKind("gender", "People trained by gender", "people", "participant__gender", Gender),
    BreakdownKind("thematic-area", "People trained by thematic area", "people",
                  "workshop__thematic_areas__name"),
    BreakdownKind("kind", "People trained by kind of event", "people", "workshop__kind",
                  WorkshopKind),
    BreakdownKind("delivery-mode", "People trained by delivery mode", "people",
                  "workshop__delivery_mode", DeliveryMode),
    BreakdownKind("events-kind", "Events delivered by kind", "events", "kind", WorkshopKind),
    BreakdownKind("events-delivery-mode", "Events delivered by delivery mode", "events",
                  "delivery_mode", DeliveryMode),
    BreakdownKind("events-thematic-area", "Events delivered by thematic area", "events",
                  "thematic_areas__name"),
]  # fmt: skip
BREAKDOWNS_BY_SLUG = {kind.slug: kind for kind in BREAKDOWNS}


@dataclass(frozen=True)
class BreakdownRow:
    label: str
    value: int
    share: float  # of the breakdown's largest value, 0..1, for the bar's length


@dataclass(frozen=True)
class Breakdown:
    kind: BreakdownKind
    rows: list[BreakdownRow]


def _breakdown(kind: BreakdownKind, counts) -> Breakdown:
    """A Breakdown from (value, count) pairs: labelled, largest group first, the
    groups the data does not give last among equals."""
    labels = dict(kind.choices.choices) if kind.choices else {}
    counted = [(str(labels.get(value, value or NOT_RECORDED)), n) for value, n in counts]
    counted.sort(key=lambda item: (-item[1], item[0] == NOT_RECORDED, item[0]))
    largest = max((value for _, value in counted), default=0)
    return Breakdown(
        kind=kind,
        rows=[
            BreakdownRow(label, value, value / largest if largest else 0)
            for label, value in counted
        ],
    )


def breakdown(*, kind: BreakdownKind, start: dt.date | None, end: dt.date | None):
    """One breakdown for the period in one statement: a GROUP BY that counts distinct
    participants (people) or workshops (events) per group. The plain statement of
    what period_report() computes several breakdowns at a time (the tests hold the
    two equal)."""
    if kind.of == "people":
        rows = (
            trained_registrations(start=start, end=end)
            .values(kind.field)
            .annotate(n=Count("participant", distinct=True))
        )
    else:
        rows = (
            delivered_workshops(start=start, end=end)
            .values(kind.field)
            .annotate(n=Count("pk", distinct=True))
        )
    return _breakdown(kind, [(row[kind.field], row["n"]) for row in rows.order_by()])


def _person_breakdowns(kinds, *, start, end):
    """The breakdowns by the participant's own attributes (member state, agency,
    gender) from one statement: distinct people per combination of them. Each person
    has exactly one combination, so summing the combinations' counts per attribute is
    exact, and the set of people trained (the costly part) is read once, not thrice."""
    # From the participants, each row once, rather than COUNT(DISTINCT) over their
    # registrations: no sort of the registrations (a third faster at 300,000 of them).
    fields = [kind.field.removeprefix("participant__") for kind in kinds]
    trained = trained_registrations(start=start, end=end).filter(participant=OuterRef("pk"))
    rows = list(
        Participant.objects.filter(Exists(trained))
        .values(*fields)
        .annotate(n=Count("pk"))
        .order_by()
    )
    result = {}
    for kind, field_name in zip(kinds, fields, strict=True):
        totals = {}
        for row in rows:
            totals[row[field_name]] = totals.get(row[field_name], 0) + row["n"]
        result[kind.slug] = _breakdown(kind, totals.items())
    return result


def _groups(kind: BreakdownKind, area_names):
    """(value, condition) for every group a breakdown can have: the choices of a
    field that has them, else the thematic areas and “none” (a workshop without)."""
    if kind.choices:
        return [(value, Q(**{kind.field: value})) for value in kind.choices.values]
    return [(name, Q(**{kind.field: name})) for name in area_names] + [
        (None, Q(**{f"{kind.field}__isnull": True}))
    ]


def _counted_breakdowns(queryset, kinds, *, counted, area_names):
    """Several breakdowns of one set of rows in one statement: the distinct count of
    `counted` over the whole set, and for every group of every breakdown one
    COUNT(DISTINCT …) FILTER (WHERE …), so the rows are read once, not once per
    breakdown. Exact as a GROUP BY per breakdown is: a row joined once per thematic
    area of its workshop is counted once by the distinct count."""
    aggregates = {"total": Count(counted, distinct=True)}
    groups = {}
    for kind in kinds:
        for value, condition in _groups(kind, area_names):
            alias = f"group_{len(groups)}"
            groups[alias] = (kind, value)
            aggregates[alias] = Count(counted, distinct=True, filter=condition)
    counts = queryset.aggregate(**aggregates)
    # A group with nobody (or no event) in it is no row, as in a GROUP BY.
    found = {kind.slug: [] for kind in kinds}
    for alias, (kind, value) in groups.items():
        if counts[alias]:
            found[kind.slug].append((value, counts[alias]))
    return counts["total"], {kind.slug: _breakdown(kind, found[kind.slug]) for kind in kinds}


@dataclass(frozen=True)
class PeriodReport:
    start: dt.date | None
    end: dt.date | None
    figures: HeadlineFigures
    breakdowns: list[Breakdown]
    computed_at: dt.datetime


def period_report(*, start: dt.date | None, end: dt.date | None) -> PeriodReport:
    """The staff reports page: the headline figures and every breakdown, in five
    statements whatever the number of rows: the thematic areas' names, the people
    by their own attributes, the people by their workshops' (with the total), the
    events (with the total), the publications."""
    own = [kind for kind in BREAKDOWNS if kind.field.startswith("participant__")]
    by_workshop = [kind for kind in BREAKDOWNS if kind.of == "people" and kind not in own]
    events = [kind for kind in BREAKDOWNS if kind.of == "events"]
    area_names = list(ThematicArea.objects.order_by().values_list("name", flat=True))
    found = _person_breakdowns(own, start=start, end=end)
    people_trained, by_workshop_found = _counted_breakdowns(
        trained_registrations(start=start, end=end),
        by_workshop,
        counted="participant",
        area_names=area_names,
    )
    events_delivered, events_found = _counted_breakdowns(
        delivered_workshops(start=start, end=end), events, counted="pk", area_names=area_names
    )
    found |= by_workshop_found | events_found
    return PeriodReport(
        start=start,
        end=end,
        figures=HeadlineFigures(
            people_trained=people_trained,
            events_delivered=events_delivered,
            publications_published=published_publications(start=start, end=end).count(),
        ),
        breakdowns=[found[kind.slug] for kind in BREAKDOWNS],
        computed_at=timezone.now(),
    )


# Every write the figures count bumps one of the generations the report is stored
# under (reports.invalidation); the lifetime bounds how late a write that bumps
# neither (a fix made in the database's shell) shows.
REPORT_SECONDS = 15 * 60


def cached_period_report(*, start: dt.date | None, end: dt.date | None) -> PeriodReport:
    """period_report(), computed once per period until what it counts changes:
    over a million attendance marks, a year's report takes a tenth of a second to
    compute and all time most of a second, and staff read the same report again and
    again (the period, then each breakdown's CSV, then the newsletter)."""
    return cached_per_generation(
        f"reports:period:{start}:{end}",
        lambda: period_report(start=start, end=end),
        timeout=REPORT_SECONDS,
        generations=(GENERATION_KEY, RECORDS_GENERATION_KEY),
    )


def period_listing(*, start: dt.date, end: dt.date):
    """What happened in the period, for a newsletter's editor to pick stories from:
    (workshops of any status but cancelled, publications), two statements."""
    workshops = list(
        workshops_in_period(start=start, end=end)
        .exclude(status=WorkshopStatus.CANCELLED)
        .order_by("ends_on", "title")
    )
    publications = list(published_publications(start=start, end=end).order_by("published_on"))
    return workshops, publications
