"""Build the demo rows from `seed_data`.

Idempotent by natural keys: every row is found by what identifies it in the seeds (a
slug, a name, an email, a workshop and a title, ...) and written only when it is missing
or differs from the seed, so a second run writes nothing, and a run after the seed data
changed updates just what changed. Rows the seeds no longer list are left alone: staff
may have added to the demo.

Days, registrations and attendance go through the services that own them
(`set_workshop_days`, `register_participant`, `record_attendance`); rows without a
service are validated with `full_clean()` before saving, as a service would.
"""

import datetime as dt
import zoneinfo
from collections import Counter, defaultdict

from django.core.files.base import ContentFile
from django.db import transaction

from core.translation import translated_columns
from participants.choices import TRAINED_STATUSES, AttendanceMark, Gender
from participants.models import Attendance, Participant, Testimonial
from participants.services import record_attendance, register_participant
from publications.choices import ArticleStatus, FileFormat
from publications.models import (
    NewsArticle,
    NewsletterFigure,
    NewsletterIssue,
    NewsletterSection,
    Publication,
    PublicationFile,
    PublicationSeries,
)
from workshops.models import (
    MemberState,
    Organisation,
    Session,
    Speaker,
    ThematicArea,
    TrainerAssignment,
    Workshop,
    WorkshopPartner,
)
from workshops.services import set_workshop_days

from . import seed_data
from .files import directory_template_xlsx, placeholder_pdf

# News goes out at 09:00 office time on the date the source gives.
OFFICE_TIMEZONE = zoneinfo.ZoneInfo("Asia/Bangkok")
PUBLISHED_AT_TIME = dt.time(9, 0)

# Twenty in a row: 9 women, 9 men, one "prefers not to say", one "another gender",
# interleaved so that every group of a few people is mixed.
GENDER_CYCLE = (
    Gender.FEMALE,
    Gender.MALE,
    Gender.FEMALE,
    Gender.MALE,
    Gender.MALE,
    Gender.FEMALE,
    Gender.MALE,
    Gender.FEMALE,
    Gender.FEMALE,
    Gender.MALE,
    Gender.UNDISCLOSED,
    Gender.MALE,
    Gender.FEMALE,
    Gender.MALE,
    Gender.FEMALE,
    Gender.MALE,
    Gender.FEMALE,
    Gender.OTHER,
    Gender.FEMALE,
    Gender.MALE,
)
# Participants write in their country's language where the portal has it.
LANGUAGE_BY_ISO_CODE = {"ID": "id", "MY": "ms", "VN": "vi", "TH": "th"}
# The PDF placeholders use the standard Latin-1 font, so the names are in English.
LANGUAGE_NAMES = {
    "en": "English",
    "id": "Bahasa Indonesia",
    "ms": "Bahasa Melayu",
    "vi": "Vietnamese",
    "th": "Thai",
}


def demo_participant_email(number: int) -> str:
    # example.org is reserved for documentation (RFC 2606): mail to it goes nowhere.
    return f"demo.participant.{number:04d}@example.org"


class Tally:
    """What a load created and updated, per model, for the command's summary."""

    def __init__(self):
        self.created = Counter()
        self.updated = defaultdict(set)
        self._created_now = set()
        self._labels = {}

    def _label(self, model):
        return self._labels.setdefault(model._meta.label, model._meta)

    def mark_created(self, obj, count=1):
        self._label(type(obj))
        self.created[type(obj)._meta.label] += count
        self._created_now.add((type(obj)._meta.label, obj.pk))

    def mark_updated(self, obj):
        # Setting the many-to-many links of a row just created is part of creating it.
        label = type(obj)._meta.label
        if (label, obj.pk) not in self._created_now:
            self._label(type(obj))
            self.updated[label].add(obj.pk)

    @property
    def has_changes(self):
        return bool(self.created) or bool(self.updated)

    def _describe(self, counts):
        parts = []
        for label, count in counts:
            meta = self._labels[label]
            name = meta.verbose_name if count == 1 else meta.verbose_name_plural
            parts.append(f"{count} {name}")
        return ", ".join(parts)

    def summary_lines(self):
        if not self.has_changes:
            return ["Seed data: already loaded, nothing changed."]
        lines = []
        if self.created:
            lines.append("Seed data created: " + self._describe(self.created.items()) + ".")
        if self.updated:
            counts = [(label, len(pks)) for label, pks in self.updated.items()]
            lines.append("Seed data updated: " + self._describe(counts) + ".")
        return lines


def _same(obj, name, value):
    field = obj._meta.get_field(name)
    if field.many_to_one:
        return getattr(obj, field.attname) == (value.pk if value is not None else None)
    return getattr(obj, name) == value


_LOOK_UP = object()


def _upsert(model, *, lookup, values, tally, found=_LOOK_UP):
    """The row `lookup` finds, created or brought up to `values`; written only if needed.

    found: the row (or None) when the caller fetched it already, in bulk.
    """
    obj = model.objects.filter(**lookup).first() if found is _LOOK_UP else found
    if obj is None:
        obj = model(**lookup, **values)
        obj.full_clean()
        obj.save()
        tally.mark_created(obj)
        return obj
    changed = [name for name, value in values.items() if not _same(obj, name, value)]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.full_clean()
        obj.save()
        tally.mark_updated(obj)
    return obj


def _set_m2m(obj, name, targets, tally):
    manager = getattr(obj, name)
    if set(manager.values_list("pk", flat=True)) != {target.pk for target in targets}:
        manager.set(targets)
        tally.mark_updated(obj)


def _names(field: str, names: dict) -> dict:
    """{"name_id": ..., "name_ms": ...} of `names` ({"id": ...}), empty where not given."""
    return {column: names.get(column.rsplit("_", 1)[1], "") for column in translated_columns(field)}


def _published_at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, PUBLISHED_AT_TIME, tzinfo=OFFICE_TIMEZONE)


# --- Reference data --------------------------------------------------------------------


def _load_member_states(tally):
    return {
        name: _upsert(
            MemberState,
            lookup={"name": name},
            values={
                "kind": kind,
                "iso_code": iso_code,
                **_names("name", seed_data.MEMBER_STATE_NAMES.get(name, {})),
            },
            tally=tally,
        )
        for name, kind, iso_code in seed_data.MEMBER_STATES
    }


def _load_organisations(states, tally):
    return {
        key: _upsert(
            Organisation,
            lookup={"name": name},
            values={
                "acronym": acronym,
                "kind": kind,
                "member_state": states[state] if state else None,
                "website": website,
            },
            tally=tally,
        )
        for key, (name, acronym, kind, state, website) in seed_data.ORGANISATIONS.items()
    }


def _load_thematic_areas(tally):
    return {
        slug: _upsert(
            ThematicArea,
            lookup={"slug": slug},
            values={
                "name": name,
                "description": description,
                **_names("name", seed_data.THEMATIC_AREA_NAMES.get(slug, {})),
            },
            tally=tally,
        )
        for slug, (name, description) in seed_data.THEMATIC_AREAS.items()
    }


def _load_speakers(organisations, tally):
    # Speakers have no unique field; in the demo their names are unique.
    return {
        name: _upsert(
            Speaker,
            lookup={"name": name},
            values={
                "honorific": honorific,
                "position": position,
                "organisation": organisations[organisation],
            },
            tally=tally,
        )
        for name, (honorific, position, organisation) in seed_data.SPEAKERS.items()
    }


# --- Workshops -------------------------------------------------------------------------


def _load_workshop(spec, *, states, organisations, areas, speakers, tally):
    workshop = _upsert(
        Workshop,
        lookup={"slug": spec["slug"]},
        values={
            "title": spec["title"],
            "kind": spec["kind"],
            "status": spec["status"],
            "delivery_mode": spec["delivery_mode"],
            "platform": spec.get("platform", ""),
            "venue": spec.get("venue", ""),
            "city": spec.get("city", ""),
            "country": states[spec["country"]] if spec.get("country") else None,
            "timezone": spec["timezone"],
            "has_interpretation": spec.get("has_interpretation", False),
            "has_tentative_dates": spec.get("has_tentative_dates", False),
            "summary": spec.get("summary", ""),
            "description": spec.get("description", ""),
        },
        tally=tally,
    )
    _set_m2m(workshop, "thematic_areas", [areas[s] for s in spec["thematic_areas"]], tally)
    _set_m2m(
        workshop,
        "target_member_states",
        [states[name] for name in spec.get("target_member_states", [])],
        tally,
    )
    _set_m2m(
        workshop,
        "target_agencies",
        [organisations[key] for key in spec.get("target_agencies", [])],
        tally,
    )

    before = set(workshop.days.values_list("held_on", flat=True))
    days = set_workshop_days(workshop=workshop, dates=spec["days"])
    added = len({day.held_on for day in days} - before)
    if added:
        tally.mark_created(days[0], count=added)
    day_by_number = dict(enumerate(days, start=1))

    for key, role in spec.get("partners", []):
        _upsert(
            WorkshopPartner,
            lookup={"workshop": workshop, "organisation": organisations[key], "role": role},
            values={},
            tally=tally,
        )

    order_in_day = Counter()
    for session_spec in spec.get("sessions", []):
        order_in_day[session_spec["day"]] += 1
        session = _upsert(
            Session,
            lookup={"workshop": workshop, "title": session_spec["title"]},
            values={
                "day": day_by_number[session_spec["day"]],
                "description": session_spec["description"],
                "order": order_in_day[session_spec["day"]],
                # Not in the seeds: left empty rather than invented.
                "start_time": None,
                "end_time": None,
            },
            tally=tally,
        )
        _set_m2m(session, "speakers", [speakers[name] for name in session_spec["speakers"]], tally)
    return workshop, days


def _load_registrations(workshop, days, groups, *, states, organisations, numbers, tally):
    """Demo participants, their registrations and, when trained, their attendance."""
    people = []
    for group in groups:
        if group["first"] is not None:
            # Numbered apart from the seed order (see seed_data._group).
            numbers = iter(range(group["first"], 100_000))
        people += [(next(numbers), group) for _ in range(group["count"])]
    participants = {
        p.email: p
        for p in Participant.objects.filter(
            email__in=[demo_participant_email(number) for number, _ in people]
        )
    }
    registrations = {r.participant_id: r for r in workshop.registrations.all()}
    attendance = {
        (a.registration_id, a.day_id): a.mark
        for a in Attendance.objects.filter(registration__workshop=workshop)
    }
    for number, group in people:
        state = states[group["state"]]
        email = demo_participant_email(number)
        participant = _upsert(
            Participant,
            lookup={"email": email},
            values={
                "given_name": "Demo",
                "family_name": f"Participant {number:04d}",
                "agency": organisations[group["agency"]] if group["agency"] else None,
                "member_state": state,
                "position": group["position"],
                "gender": GENDER_CYCLE[number % len(GENDER_CYCLE)],
                "preferred_language": LANGUAGE_BY_ISO_CODE.get(state.iso_code, "en"),
                # Some without consent, so that code skipping them has demo rows.
                "has_consented_to_contact": number % 9 != 0,
            },
            tally=tally,
            found=participants.get(email),
        )
        present_on = group["present_on_days"]
        notes = (
            f"Present on day {', '.join(map(str, present_on))} only."
            if present_on and len(present_on) < len(days)
            else ""
        )
        registration = registrations.get(participant.pk)
        if registration is None:
            registration = register_participant(
                workshop=workshop, participant=participant, status=group["status"], notes=notes
            )
            tally.mark_created(registration)
        elif (registration.status, registration.notes) != (group["status"], notes):
            # No service changes a status yet; this is a plain correction of demo data.
            registration.status, registration.notes = group["status"], notes
            registration.full_clean()
            registration.save(update_fields=["status", "notes"])
            tally.mark_updated(registration)
        if group["status"] not in TRAINED_STATUSES:
            continue
        for number_of_day, day in enumerate(days, start=1):
            is_present = present_on is None or number_of_day in present_on
            mark = AttendanceMark.PRESENT if is_present else AttendanceMark.ABSENT
            if attendance.get((registration.pk, day.pk)) != mark:
                saved = record_attendance(registration=registration, day=day, mark=mark)
                if (registration.pk, day.pk) in attendance:
                    tally.mark_updated(saved)
                else:
                    tally.mark_created(saved)


def _load_workshops(*, states, organisations, areas, speakers, trainer, tally):
    workshops = {}
    numbers = iter(range(1, 100_000))  # demo participants are numbered in seed order
    for spec in seed_data.WORKSHOPS:
        workshop, days = _load_workshop(
            spec,
            states=states,
            organisations=organisations,
            areas=areas,
            speakers=speakers,
            tally=tally,
        )
        _load_registrations(
            workshop,
            days,
            spec.get("participants", []),
            states=states,
            organisations=organisations,
            numbers=numbers,
            tally=tally,
        )
        if trainer is not None and spec.get("demo_trainer"):
            # The demo trainer's own workshops (a choice for the demo, not a seed fact).
            _upsert(
                TrainerAssignment,
                lookup={"workshop": workshop, "trainer": trainer},
                values={},
                tally=tally,
            )
        workshops[spec["slug"]] = workshop
    return workshops


def _load_testimonials(workshops, tally):
    for spec in seed_data.TESTIMONIALS:
        _upsert(
            Testimonial,
            lookup={"workshop": workshops[spec["workshop"]], "quote": spec["quote"]},
            values={"attribution": spec["attribution"], "is_public": True},
            tally=tally,
        )


# --- Publications ----------------------------------------------------------------------


def _stored_file_name(*, storage, name, make_content):
    """`name` in storage, written only if absent.

    Reusing a file already there (from an earlier run, or a run whose transaction rolled
    back: storage is not transactional) keeps reruns from piling up copies with
    random suffixes.
    """
    if not storage.exists(name):
        name = storage.save(name, ContentFile(make_content()))
    return name


def _ensure_file(publication, *, language, file_format, label, tally, filename="", make=None):
    lookup = {"publication": publication, "language": language, "format": file_format}
    existing = PublicationFile.objects.filter(**lookup).first()
    field = PublicationFile._meta.get_field("file")
    if existing is not None and existing.file and field.storage.exists(existing.file.name):
        name = existing.file.name
    else:
        name = _stored_file_name(
            storage=field.storage,
            # A fixed name, not the generated one uploads get: a rerun over the same
            # media directory finds the file it wrote before.
            name=field.storage.generate_filename(f"publications/files/{filename}"),
            make_content=make,
        )
    labels = {"label": label, **_names("label", seed_data.PUBLICATION_FILE_LABELS.get(label, {}))}
    if existing is None:
        row = PublicationFile(**lookup, **labels, file=name)
        row.full_clean()
        row.save()
        tally.mark_created(row)
    elif (
        any(getattr(existing, column) != value for column, value in labels.items())
        or existing.file.name != name
    ):
        for column, value in labels.items():
            setattr(existing, column, value)
        existing.file, existing.size_bytes = name, None
        existing.full_clean()
        existing.save()
        tally.mark_updated(existing)


def _load_publications(*, organisations, areas, tally):
    spec = seed_data.PRACTITIONER_GUIDE_SERIES
    series = _upsert(
        PublicationSeries,
        lookup={"slug": spec["slug"]},
        values={"name": spec["name"], "description": spec["description"]},
        tally=tally,
    )
    publications = {}
    for spec in seed_data.PUBLICATIONS:
        publication = _upsert(
            Publication,
            lookup={"slug": spec["slug"]},
            values={
                "title": spec["title"],
                "kind": spec["kind"],
                "series": series if spec.get("series") else None,
                "summary": spec["summary"],
                "published_on": spec["published_on"],
                "is_published": spec.get("is_published", True),
            },
            tally=tally,
        )
        _set_m2m(
            publication, "partners", [organisations[k] for k in spec.get("partners", [])], tally
        )
        _set_m2m(publication, "thematic_areas", [areas[s] for s in spec["thematic_areas"]], tally)
        for language in spec.get("pdf_languages", []):
            _ensure_file(
                publication,
                language=language,
                file_format=FileFormat.PDF,
                label="",
                filename=f"{spec['slug']}-{language}.pdf",
                make=lambda title=spec["title"], language=language: placeholder_pdf(
                    title=title, language_name=LANGUAGE_NAMES[language]
                ),
                tally=tally,
            )
        if spec.get("has_excel_template"):
            _ensure_file(
                publication,
                language="en",
                file_format=FileFormat.XLSX,
                label="Excel template",
                filename=f"{spec['slug']}-template.xlsx",
                make=lambda: directory_template_xlsx(columns=seed_data.DIRECTORY_TEMPLATE_COLUMNS),
                tally=tally,
            )
        if spec.get("has_video"):
            _upsert(
                PublicationFile,
                lookup={"publication": publication, "language": "en", "format": FileFormat.VIDEO},
                values={
                    "label": "Instructional video",
                    **_names("label", seed_data.PUBLICATION_FILE_LABELS["Instructional video"]),
                    "external_url": seed_data.DIRECTORY_VIDEO_URL,
                },
                tally=tally,
            )
        publications[spec["slug"]] = publication
    return publications


# --- News and newsletter ---------------------------------------------------------------


def _load_news(*, workshops, areas, tally):
    for spec in seed_data.NEWS_ARTICLES + seed_data.MORE_NEWS_ARTICLES:
        article = _upsert(
            NewsArticle,
            lookup={"slug": spec["slug"]},
            values={
                "title": spec["title"],
                "status": ArticleStatus.PUBLISHED,
                "published_at": _published_at(spec["published_on"]),
                "summary": spec["summary"],
                "body": "\n\n".join(spec.get("body", [])),
            },
            tally=tally,
        )
        _set_m2m(article, "thematic_areas", [areas[s] for s in spec["thematic_areas"]], tally)
        _set_m2m(
            article,
            "related_workshops",
            [workshops[s] for s in spec.get("related_workshops", [])],
            tally,
        )


def _load_newsletter(*, workshops, tally):
    spec = seed_data.NEWSLETTER_ISSUE
    issue = _upsert(
        NewsletterIssue,
        lookup={"number": spec["number"]},
        values={
            "title": spec["title"],
            "slug": spec["slug"],
            "issued_on": spec["issued_on"],
            "period_starts_on": spec["period_starts_on"],
            "period_ends_on": spec["period_ends_on"],
            "introduction": spec["introduction"],
            "is_published": True,
        },
        tally=tally,
    )
    for order, (value, label, measure, note) in enumerate(spec["figures"], start=1):
        _upsert(
            NewsletterFigure,
            lookup={"issue": issue, "label": label},
            values={
                "value": value,
                "measure": measure,
                # A note says why the printed value stands instead of the computed one.
                "is_overridden": bool(note),
                "note": note,
                "order": order,
                **_names("label", seed_data.NEWSLETTER_FIGURE_LABELS.get(label, {})),
            },
            tally=tally,
        )
    for order, section_spec in enumerate(seed_data.NEWSLETTER_SECTIONS, start=1):
        section = _upsert(
            NewsletterSection,
            lookup={"issue": issue, "heading": section_spec["heading"]},
            values={
                "theme": section_spec["theme"],
                "body": "\n\n".join(section_spec["body"]),
                "order": order,
            },
            tally=tally,
        )
        _set_m2m(
            section,
            "related_workshops",
            [workshops[s] for s in section_spec["related_workshops"]],
            tally,
        )
    return issue


@transaction.atomic
def load_seed_data(*, trainer=None) -> Tally:
    """Create or update every row the seeds describe; return what was written.

    trainer: a user to assign to the workshops marked `demo_trainer`, or None.
    Writes files of the publications to default storage. Raises ValidationError (nothing
    written to the database) if the seed data breaks a rule of the models.
    """
    tally = Tally()
    states = _load_member_states(tally)
    organisations = _load_organisations(states, tally)
    areas = _load_thematic_areas(tally)
    speakers = _load_speakers(organisations, tally)
    workshops = _load_workshops(
        states=states,
        organisations=organisations,
        areas=areas,
        speakers=speakers,
        trainer=trainer,
        tally=tally,
    )
    _load_testimonials(workshops, tally)
    _load_publications(organisations=organisations, areas=areas, tally=tally)
    _load_news(workshops=workshops, areas=areas, tally=tally)
    _load_newsletter(workshops=workshops, tally=tally)
    return tally
