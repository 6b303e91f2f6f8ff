"""A virtual day's attendance from the platform's participants report: who in the
report is whom on the day's roll, for how long, and the marks that follow.

The report is read by training.zoom; here its connections are grouped per person,
matched to the day's roll (by email, then by name), and turned into a preview and
into marks: present for those on the roll who were in the meeting for at least the
workshop's minimum share of the day's scheduled time, absent for those below it and
for those on the roll whom the report does not have. Nothing here writes: the marks
go through services.record_roll_call(), which records who saved them and when.

The grouped report is kept between the upload and the confirmation as plain data
(people_to_data / people_from_data), e.g. in the trainer's session: nothing of the
file is stored on disk.
"""

import dataclasses
import datetime as dt
import math
import unicodedata
from collections import defaultdict

from django.db.models import F, FilteredRelation, Max, Min, Q

from participants.choices import AttendanceMark
from participants.models import Registration
from workshops.models import WorkshopDay

from .queries import roll_of
from .zoom import Connection, ZoomReport, presence_minutes

# A day whose sessions have no times: the minimum is a share of this. Six hours is a
# typical virtual training day of the office (09:00-12:00 and 13:00-16:00).
DEFAULT_DAY_MINUTES = 6 * 60

# How a person of the report was matched to a registration.
BY_EMAIL, BY_NAME, BY_HAND = "email", "name", "hand"


def normalised_email(email: str) -> str:
    return email.strip().casefold()


# Letters NFKD does not take apart into a base letter and an accent.
_FOLDED_LETTERS = str.maketrans({"đ": "d", "ð": "d", "ø": "o", "ł": "l", "ß": "ss", "æ": "ae"})


def normalised_name(name: str) -> str:
    """A name reduced to what two spellings of it share: case folded, Latin accents
    stripped ("Nguyễn" is "nguyen"), punctuation and extra spaces dropped, and the
    words sorted, so that "Family, Given", "FAMILY Given" and "Given Family" agree.

    Marks of other scripts stay: Thai vowels and tone marks are combining characters
    too, and a Thai name without them would be another name."""
    kept = []
    latin_base = False
    for char in unicodedata.normalize("NFKD", name.casefold()):
        if unicodedata.category(char).startswith("M"):
            if not latin_base:
                kept.append(char)
            continue
        latin_base = char.isascii() or "LATIN" in unicodedata.name(char, "")
        kept.append(" " if unicodedata.category(char)[0] in "PSZC" else char)
    words = "".join(kept).translate(_FOLDED_LETTERS).split()
    return " ".join(sorted(words))


@dataclasses.dataclass
class ReportPerson:
    """The connections of one person in the report: the same email, or without an
    email the same name. `index` is their place in the report, which the preview's
    form uses to assign them by hand."""

    index: int
    name: str
    email: str
    names: list[str]
    connections: list[Connection]

    @property
    def minutes(self) -> float:
        return presence_minutes(self.connections)


def group_report(report: ZoomReport) -> list[ReportPerson]:
    """The report's people, in the order they first joined, each with all their
    connections (a reconnection is a new row of the report)."""
    people: dict[str, ReportPerson] = {}
    for connection in report.connections:
        email = normalised_email(connection.email)
        key = f"email:{email}" if email else f"name:{normalised_name(connection.names[0])}"
        person = people.get(key)
        if person is None:
            person = people[key] = ReportPerson(
                index=len(people),
                name=connection.name or connection.original_name,
                email=connection.email,
                names=[],
                connections=[],
            )
        person.connections.append(connection)
        for name in connection.names:
            if name not in person.names:
                person.names.append(name)
    return list(people.values())


def _time(value):
    return value.isoformat() if value else None


def people_to_data(people: list[ReportPerson]) -> list[dict]:
    """The grouped report as JSON-serialisable data, to keep it in a session."""
    return [
        {
            "name": p.name,
            "email": p.email,
            "names": p.names,
            "connections": [
                [c.name, c.original_name, c.email, _time(c.joined_at), _time(c.left_at), c.minutes]
                for c in p.connections
            ],
        }
        for p in people
    ]


def people_from_data(data: list[dict]) -> list[ReportPerson]:
    def when(value):
        return dt.datetime.fromisoformat(value) if value else None

    return [
        ReportPerson(
            index=index,
            name=p["name"],
            email=p["email"],
            names=p["names"],
            connections=[
                Connection(
                    name=name,
                    original_name=original,
                    email=email,
                    joined_at=when(joined),
                    left_at=when(left),
                    minutes=minutes,
                )
                for name, original, email, joined, left, minutes in p["connections"]
            ],
        )
        for index, p in enumerate(data)
    ]


def roll_for_import(day: WorkshopDay) -> list[Registration]:
    """The day's roll with what matching needs: the participants' names, agencies and
    emails, and `current_mark` (and `current_mark_label`), the day's mark already
    recorded (None if none). One statement.

    The emails are for matching only: the preview shows the names of the roll and
    what the trainer's own file says, never a participant's address."""
    roll = list(
        roll_of(day.workshop_id)
        .select_related("participant__agency")
        .only(
            "pk",
            "status",
            "participant__given_name",
            "participant__family_name",
            "participant__email",
            "participant__agency__name",
            "participant__agency__acronym",
        )
        .annotate(
            of_day=FilteredRelation("attendances", condition=Q(attendances__day=day)),
            current_mark=F("of_day__mark"),
        )
        .order_by("participant__family_name", "participant__given_name", "pk")
    )
    for registration in roll:
        mark = registration.current_mark
        registration.current_mark_label = AttendanceMark(mark).label if mark else None
    return roll


@dataclasses.dataclass(frozen=True)
class DaySchedule:
    minutes: int  # scheduled time of the day
    is_default: bool  # no session of the day has times: DEFAULT_DAY_MINUTES
    minimum_minutes: int  # present from this many minutes in the meeting
    percent: int


def day_schedule(day: WorkshopDay) -> DaySchedule:
    """The day's scheduled time, from its first session's start to its last session's
    end, and the minimum presence: the workshop's virtual_minimum_percent of it,
    rounded up to a whole minute. One statement."""
    span = day.sessions.aggregate(start=Min("start_time"), end=Max("end_time"))
    minutes, is_default = DEFAULT_DAY_MINUTES, True
    if span["start"] and span["end"] and span["end"] > span["start"]:
        day_of = dt.date(2000, 1, 1)  # any date: the times are of the same day
        delta = dt.datetime.combine(day_of, span["end"]) - dt.datetime.combine(
            day_of, span["start"]
        )
        minutes, is_default = int(delta.total_seconds() // 60), False
    percent = day.workshop.virtual_minimum_percent
    return DaySchedule(
        minutes=minutes,
        is_default=is_default,
        minimum_minutes=math.ceil(minutes * percent / 100),
        percent=percent,
    )


@dataclasses.dataclass
class Attendee:
    """A registration on the roll found in the report: its people (usually one; two
    when someone joined once with their email and once without) and their minutes."""

    registration: Registration
    people: list[ReportPerson]
    how: str  # BY_EMAIL, BY_NAME or BY_HAND
    minutes: float
    mark: str


@dataclasses.dataclass
class Unresolved:
    """A person of the report who is no one on the roll (`candidates` empty), or could
    be several people on it (ambiguous); the trainer may assign them by hand."""

    person: ReportPerson
    candidates: list[Registration]


@dataclasses.dataclass
class ImportPreview:
    schedule: DaySchedule
    present: list[Attendee]
    below_minimum: list[Attendee]
    ambiguous: list[Unresolved]
    unmatched: list[Unresolved]
    not_in_report: list[Registration]
    marks: dict[int, str]  # {registration id: mark} for every registration on the roll
    replaced_count: int  # marks already recorded for the day that these change


def _candidates(person: ReportPerson, by_email, by_name) -> tuple[list[Registration], str]:
    email = normalised_email(person.email)
    if email and by_email.get(email):
        return by_email[email], BY_EMAIL
    found = []
    for name in person.names:
        for registration in by_name.get(normalised_name(name), []):
            if registration not in found:
                found.append(registration)
    return found, BY_NAME


def build_preview(
    *,
    people: list[ReportPerson],
    roll: list[Registration],
    schedule: DaySchedule,
    assignments: dict[int, int] | None = None,
) -> ImportPreview:
    """Match the report's people to the roll and propose each registration's mark.

    A person matches by email (case and spaces ignored) when the roll has that email,
    else by any of their names (normalised_name): one registration is a match, several
    are ambiguous, none is unmatched. `assignments` ({person index: registration id})
    settles ambiguous and unmatched people by hand; it does not apply to people matched
    already, and ids not on the roll are ignored (the form refuses them first). A
    registration's minutes are those of all the people matched to it (presence_minutes
    of their connections together), so two entries of one participant add up once."""
    assignments = assignments or {}
    on_roll = {registration.pk: registration for registration in roll}
    by_email = defaultdict(list)
    by_name = defaultdict(list)
    for registration in roll:
        participant = registration.participant
        if participant.email:
            by_email[normalised_email(participant.email)].append(registration)
        full_name = f"{participant.given_name} {participant.family_name}"
        by_name[normalised_name(full_name)].append(registration)

    found: dict[int, tuple[list[ReportPerson], set[str]]] = {}
    ambiguous, unmatched = [], []
    for person in people:
        candidates, how = _candidates(person, by_email, by_name)
        if len(candidates) != 1:
            chosen = on_roll.get(assignments.get(person.index))
            if chosen is None:
                target = ambiguous if candidates else unmatched
                target.append(Unresolved(person=person, candidates=candidates))
                continue
            candidates, how = [chosen], BY_HAND
        matched_people, hows = found.setdefault(candidates[0].pk, ([], set()))
        matched_people.append(person)
        hows.add(how)

    present, below = [], []
    marks = {}
    for registration in roll:
        if registration.pk not in found:
            marks[registration.pk] = AttendanceMark.ABSENT
            continue
        matched_people, hows = found[registration.pk]
        # Two people of the report for one registration: the surest match is shown.
        how = min(hows, key=[BY_EMAIL, BY_NAME, BY_HAND].index)
        minutes = presence_minutes([c for p in matched_people for c in p.connections])
        is_enough = minutes >= schedule.minimum_minutes
        mark = AttendanceMark.PRESENT if is_enough else AttendanceMark.ABSENT
        marks[registration.pk] = mark
        attendee = Attendee(
            registration=registration,
            people=matched_people,
            how=how,
            minutes=minutes,
            mark=mark,
        )
        (present if is_enough else below).append(attendee)
    return ImportPreview(
        schedule=schedule,
        present=present,
        below_minimum=below,
        ambiguous=ambiguous,
        unmatched=unmatched,
        not_in_report=[r for r in roll if r.pk not in found],
        marks=marks,
        replaced_count=sum(1 for r in roll if r.current_mark and r.current_mark != marks[r.pk]),
    )
