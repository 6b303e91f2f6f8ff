"""Bulk synthetic data for load tests: `manage.py load_demo --synthetic N`.

Each synthetic workshop has 3 days, 20 timed sessions, 3 speakers, 2 partners and 25
registered participants with attendance for every day; each comes with 2 news articles.
Everything is named "Synthetic ..." and every email is under example.invalid.

Rows are written with bulk_create in batches, not through the per-row services: those
validate and lock one row at a time, and N=1000 is about 200,000 rows. The rows are
built to satisfy the model rules by construction (starts_on/ends_on are the first and
last of the days built with them; a session's workshop is its day's workshop), and the
database still checks them: unique constraints, the session/day composite foreign key.

Numbering makes reruns safe: `--synthetic N` makes sure synthetic workshops 0001..N
(and their articles 0001..2N) exist and creates only the missing numbers, so running the
same N again adds nothing and a larger N adds the difference.
"""

import dataclasses
import datetime as dt

from participants.choices import AttendanceMark, RegistrationStatus
from participants.models import Attendance, Participant, Registration
from publications.choices import ArticleStatus
from publications.models import NewsArticle
from workshops.choices import (
    DeliveryMode,
    MemberStateKind,
    OrganisationKind,
    PartnerRole,
    WorkshopKind,
    WorkshopStatus,
)
from workshops.models import (
    MemberState,
    Organisation,
    Session,
    Speaker,
    ThematicArea,
    Workshop,
    WorkshopDay,
    WorkshopPartner,
)

from .loader import GENDER_CYCLE, LANGUAGE_BY_ISO_CODE, OFFICE_TIMEZONE, PUBLISHED_AT_TIME

WORKSHOP_SLUG_PREFIX = "synthetic-workshop-"
ARTICLE_SLUG_PREFIX = "synthetic-news-article-"
SESSIONS_PER_DAY = (7, 7, 6)  # 20 sessions over the 3 days
SESSION_MINUTES = 50
FIRST_SESSION_AT = dt.time(8, 30)
REGISTRATIONS_PER_WORKSHOP = 25
# The rest "attended" without completing: absent on the last day.
COMPLETED_PER_WORKSHOP = 22
SPEAKERS_PER_WORKSHOP = 3
ARTICLES_PER_WORKSHOP = 2
SPEAKER_POOL = 12
PARTNER_POOL = 6
# Start dates step 3 days from 2016 and wrap within ~10 years, so every synthetic
# workshop is in the past (delivered, with attendance) whatever N is.
FIRST_START_ON = dt.date(2016, 1, 4)
START_STEP_DAYS = 3
START_SPREAD_DAYS = 3640
# Workshops built in memory at once (about 150 rows each), and rows per INSERT.
CHUNK = 200
BATCH_SIZE = 1000

KINDS = (WorkshopKind.WORKSHOP, WorkshopKind.COURSE, WorkshopKind.WORKSHOP, WorkshopKind.SEMINAR)
MODES = (DeliveryMode.VIRTUAL, DeliveryMode.IN_PERSON, DeliveryMode.HYBRID)
HONORIFICS = ("Ms.", "Mr.", "Dr.")


@dataclasses.dataclass
class SyntheticResult:
    workshops_created: int = 0
    workshops_existing: int = 0
    articles_created: int = 0

    def summary_lines(self):
        return [
            f"Synthetic data: created {self.workshops_created} workshops and "
            f"{self.articles_created} news articles; {self.workshops_existing} synthetic "
            "workshops were already there."
        ]


def workshop_slug(number: int) -> str:
    return f"{WORKSHOP_SLUG_PREFIX}{number:04d}"


def article_slug(number: int) -> str:
    return f"{ARTICLE_SLUG_PREFIX}{number:04d}"


def _batched(items, size):
    # itertools.batched arrives in Python 3.12; the project runs on 3.11.
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _existing_numbers(model, prefix):
    numbers = set()
    for slug in model.objects.filter(slug__startswith=prefix).values_list("slug", flat=True):
        suffix = slug.removeprefix(prefix)
        if suffix.isdigit():
            numbers.add(int(suffix))
    return numbers


def _days_of(number):
    start = FIRST_START_ON + dt.timedelta(days=((number - 1) * START_STEP_DAYS) % START_SPREAD_DAYS)
    return [start + dt.timedelta(days=offset) for offset in range(len(SESSIONS_PER_DAY))]


def _reference_rows():
    """Pools shared by all synthetic workshops, created once (a few dozen rows)."""
    partners = [
        Organisation.objects.get_or_create(
            name=f"Synthetic Partner Organisation {i:02d}",
            defaults={"acronym": f"SPO{i:02d}", "kind": OrganisationKind.OTHER},
        )[0]
        for i in range(1, PARTNER_POOL + 1)
    ]
    speakers = [
        Speaker.objects.get_or_create(
            name=f"Synthetic Speaker {i:02d}",
            defaults={
                "honorific": HONORIFICS[i % len(HONORIFICS)],
                "position": "Synthetic trainer",
                "organisation": partners[i % PARTNER_POOL],
            },
        )[0]
        for i in range(1, SPEAKER_POOL + 1)
    ]
    # Participants come from the real member states (loaded from the seeds first) so
    # that breakdowns by state have something to break down; their agencies are
    # synthetic. Without member states they have neither.
    states = list(MemberState.objects.filter(kind=MemberStateKind.MEMBER).order_by("name"))
    agencies = {
        state.pk: Organisation.objects.get_or_create(
            name=f"Synthetic Agency ({state.name})",
            defaults={"kind": OrganisationKind.GOVERNMENT_AGENCY, "member_state": state},
        )[0]
        for state in states
    }
    areas = list(ThematicArea.objects.order_by("slug"))
    return {
        "partners": partners,
        "speakers": speakers,
        "states": states or [None],
        "agencies": agencies,
        "areas": areas,
    }


def _build_workshop(number):
    days = _days_of(number)
    mode = MODES[number % len(MODES)]
    return Workshop(
        title=f"Synthetic workshop {number:04d}",
        slug=workshop_slug(number),
        kind=KINDS[number % len(KINDS)],
        status=WorkshopStatus.DELIVERED,
        delivery_mode=mode,
        platform="" if mode == DeliveryMode.IN_PERSON else "Zoom",
        venue="" if mode == DeliveryMode.VIRTUAL else "Synthetic venue",
        timezone="Asia/Bangkok",
        summary="Synthetic demo workshop generated by load_demo --synthetic; not a real event.",
        # Derived from the days below, as refresh_workshop_dates() would.
        starts_on=days[0],
        ends_on=days[-1],
    )


def _create_chunk(numbers, refs):
    workshops = Workshop.objects.bulk_create(
        [_build_workshop(n) for n in numbers], batch_size=BATCH_SIZE
    )
    areas, states, agencies = refs["areas"], refs["states"], refs["agencies"]

    if areas:
        Through = Workshop.thematic_areas.through
        Through.objects.bulk_create(
            [
                Through(workshop_id=w.pk, thematicarea_id=areas[(n + k) % len(areas)].pk)
                for n, w in zip(numbers, workshops, strict=True)
                for k in range(min(2, len(areas)))
            ],
            batch_size=BATCH_SIZE,
        )

    WorkshopPartner.objects.bulk_create(
        [
            WorkshopPartner(
                workshop_id=w.pk,
                organisation_id=refs["partners"][(n + k) % PARTNER_POOL].pk,
                role=role,
            )
            for n, w in zip(numbers, workshops, strict=True)
            for k, role in enumerate((PartnerRole.CO_HOST, PartnerRole.SUPPORTING))
        ],
        batch_size=BATCH_SIZE,
    )

    days = WorkshopDay.objects.bulk_create(
        [
            WorkshopDay(workshop_id=w.pk, held_on=held_on)
            for n, w in zip(numbers, workshops, strict=True)
            for held_on in _days_of(n)
        ],
        batch_size=BATCH_SIZE,
    )
    days_by_workshop = {
        w.pk: days[i * len(SESSIONS_PER_DAY) : (i + 1) * len(SESSIONS_PER_DAY)]
        for i, w in enumerate(workshops)
    }

    sessions, session_speakers = [], []
    for n, w in zip(numbers, workshops, strict=True):
        speakers = [refs["speakers"][(n + k) % SPEAKER_POOL] for k in range(SPEAKERS_PER_WORKSHOP)]
        order = 0
        for day, per_day in zip(days_by_workshop[w.pk], SESSIONS_PER_DAY, strict=True):
            for slot in range(per_day):
                order += 1
                starts = dt.datetime.combine(day.held_on, FIRST_SESSION_AT) + dt.timedelta(
                    hours=slot
                )
                sessions.append(
                    # workshop_id from the same day: the composite foreign key demands it.
                    Session(
                        workshop_id=day.workshop_id,
                        day_id=day.pk,
                        title=f"Synthetic session {order:02d}",
                        order=slot + 1,
                        start_time=starts.time(),
                        end_time=(starts + dt.timedelta(minutes=SESSION_MINUTES)).time(),
                    )
                )
                session_speakers.append(speakers[order % SPEAKERS_PER_WORKSHOP])
    sessions = Session.objects.bulk_create(sessions, batch_size=BATCH_SIZE)
    Through = Session.speakers.through
    Through.objects.bulk_create(
        [
            Through(session_id=s.pk, speaker_id=speaker.pk)
            for s, speaker in zip(sessions, session_speakers, strict=True)
        ],
        batch_size=BATCH_SIZE,
    )

    participants = []
    for n in numbers:
        for k in range(1, REGISTRATIONS_PER_WORKSHOP + 1):
            state = states[(n + k) % len(states)]
            participants.append(
                Participant(
                    given_name="Synthetic",
                    family_name=f"Participant {n:04d}-{k:02d}",
                    # example.invalid can never resolve (RFC 2606): nothing is ever sent.
                    email=f"synthetic.participant.{n:04d}.{k:02d}@example.invalid",
                    member_state=state,
                    agency=agencies.get(state.pk) if state else None,
                    position="Synthetic official",
                    gender=GENDER_CYCLE[(n * REGISTRATIONS_PER_WORKSHOP + k) % len(GENDER_CYCLE)],
                    preferred_language=LANGUAGE_BY_ISO_CODE.get(state.iso_code, "en")
                    if state
                    else "en",
                    has_consented_to_contact=True,
                )
            )
    participants = Participant.objects.bulk_create(participants, batch_size=BATCH_SIZE)

    registrations = Registration.objects.bulk_create(
        [
            Registration(
                participant_id=p.pk,
                workshop_id=workshops[i // REGISTRATIONS_PER_WORKSHOP].pk,
                status=RegistrationStatus.COMPLETED
                if i % REGISTRATIONS_PER_WORKSHOP < COMPLETED_PER_WORKSHOP
                else RegistrationStatus.ATTENDED,
            )
            for i, p in enumerate(participants)
        ],
        batch_size=BATCH_SIZE,
    )
    Attendance.objects.bulk_create(
        [
            Attendance(
                registration_id=r.pk,
                day_id=day.pk,
                mark=AttendanceMark.PRESENT
                if r.status == RegistrationStatus.COMPLETED or day_number < len(SESSIONS_PER_DAY)
                else AttendanceMark.ABSENT,
            )
            for r in registrations
            for day_number, day in enumerate(days_by_workshop[r.workshop_id], start=1)
        ],
        batch_size=BATCH_SIZE,
    )


def _create_articles(numbers, refs):
    """News articles `numbers`; article 2n-1 and 2n report on synthetic workshop n."""
    workshop_numbers = sorted({(a + 1) // ARTICLES_PER_WORKSHOP for a in numbers})
    workshop_ids = dict(
        Workshop.objects.filter(slug__in=[workshop_slug(n) for n in workshop_numbers]).values_list(
            "slug", "pk"
        )
    )
    articles = []
    for a in numbers:
        n = (a + 1) // ARTICLES_PER_WORKSHOP
        days_after = 2 if a % 2 else 9
        published_on = _days_of(n)[-1] + dt.timedelta(days=days_after)
        articles.append(
            NewsArticle(
                title=f"Synthetic news article {a:04d}",
                slug=article_slug(a),
                status=ArticleStatus.PUBLISHED,
                published_at=dt.datetime.combine(
                    published_on, PUBLISHED_AT_TIME, tzinfo=OFFICE_TIMEZONE
                ),
                summary=f"Synthetic demo article about Synthetic workshop {n:04d}; not real news.",
                body="Synthetic paragraph one, generated by load_demo --synthetic.\n\n"
                "Synthetic paragraph two.\n\nSynthetic paragraph three.",
            )
        )
    articles = NewsArticle.objects.bulk_create(articles, batch_size=BATCH_SIZE)
    # bulk_create skips NewsArticle.save(), which stores the search vector.
    NewsArticle.objects.filter(pk__in=[article.pk for article in articles]).update_search_vectors()
    Related = NewsArticle.related_workshops.through
    links = []
    for a, article in zip(numbers, articles, strict=True):
        workshop_id = workshop_ids.get(workshop_slug((a + 1) // ARTICLES_PER_WORKSHOP))
        if workshop_id is not None:  # None only if someone deleted the workshop
            links.append(Related(newsarticle_id=article.pk, workshop_id=workshop_id))
    Related.objects.bulk_create(links, batch_size=BATCH_SIZE)
    if refs["areas"]:
        Areas = NewsArticle.thematic_areas.through
        Areas.objects.bulk_create(
            [
                Areas(
                    newsarticle_id=article.pk,
                    thematicarea_id=refs["areas"][a % len(refs["areas"])].pk,
                )
                for a, article in zip(numbers, articles, strict=True)
            ],
            batch_size=BATCH_SIZE,
        )
    return len(articles)


def load_synthetic(*, count: int) -> SyntheticResult:
    """Make sure synthetic workshops 1..count and articles 1..2*count exist.

    Run inside the caller's transaction (load_demo's), after the seed data: participants
    take their member states from it.
    """
    result = SyntheticResult()
    existing = _existing_numbers(Workshop, WORKSHOP_SLUG_PREFIX)
    missing = [n for n in range(1, count + 1) if n not in existing]
    result.workshops_existing = count - len(missing)
    refs = _reference_rows()
    for chunk in _batched(missing, CHUNK):
        _create_chunk(chunk, refs)
    result.workshops_created = len(missing)

    existing_articles = _existing_numbers(NewsArticle, ARTICLE_SLUG_PREFIX)
    missing_articles = [
        a for a in range(1, ARTICLES_PER_WORKSHOP * count + 1) if a not in existing_articles
    ]
    for chunk in _batched(missing_articles, CHUNK * ARTICLES_PER_WORKSHOP):
        result.articles_created += _create_articles(chunk, refs)
    return result
