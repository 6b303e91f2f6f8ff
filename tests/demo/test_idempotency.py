"""load_demo can run any number of times, and all or nothing."""

import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model

from demo import loader
from publications.models import PublicationFile
from workshops.models import Workshop

pytestmark = pytest.mark.django_db

APPS = {"auth", "workshops", "participants", "training", "publications", "surveys"}


def _row_counts():
    # Every model of the domain apps, including the many-to-many link tables.
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in APPS
    }


def _stored_files(settings):
    return sorted(p.relative_to(settings.MEDIA_ROOT) for p in settings.MEDIA_ROOT.rglob("*.*"))


# What `make run` shows the demo trainer, after the logins and what was loaded.
MALAYSIA = (
    "/trainer/workshops/addressing-people-smuggling-and-trafficking-in-persons-malaysia-2022/"
)
TRAINER_LINES = [
    "Trainers' area, /trainer/: trainer is assigned to 3 workshops,",
    "  18 Jul 2022 to 20 Jul 2022: Virtual Training Workshop on Addressing People Smuggling "
    "and Trafficking in Persons",
    "  15 Aug 2022 to 18 Aug 2022: Intensive Course on Measures to Address Human Trafficking: "
    "the 3P Paradigm",
    "  31 Oct 2022 to 04 Nov 2022: Regional Workshop on Combatting People Smuggling",
    "  where the trainer calls the roll of a day (present / late / absent, one save, "
    f"corrections later), e.g. {MALAYSIA}days/2022-07-18/roll-call/",
    "  and logs each session as delivered (actual times, notes, who spoke) from the "
    f"workshop's page, {MALAYSIA}",
]
INTENSIVE_COURSE = "/trainer/workshops/intensive-course-human-trafficking-3p-paradigm-2022/"


def certificate_lines(new: int) -> list[str]:
    return [
        f"Certificates of completion: 76 for the trainer's delivered workshops ({new} new), "
        f"downloaded from each workshop's completion page, {INTENSIVE_COURSE}completion/",
        "  and checked by anyone at http://127.0.0.1:8000/certificates/<code>/",
    ]


def output_lines(output: str) -> list[str]:
    """The lines after the logins, a certificate's (random) code made <code>."""
    return [
        re.sub(r"/certificates/[0-9A-Z]{5}-[0-9A-Z]{5}/", "/certificates/<code>/", line)
        for line in output.splitlines()[3:]
    ]


SURVEY_LINK = re.compile(
    r"^  answer a survey as a demo participant: http://127\.0\.0\.1:8000/survey/[\w-]{43}/$"
)


def test_load_demo_prints_the_logins_and_what_it_created(run_load_demo):
    lines = run_load_demo().splitlines()

    assert [line.split(":")[0] for line in lines[:3]] == [
        "  staff    password",
        "  comms    password",
        "  trainer  password",
    ]
    assert output_lines("\n".join(lines)) == [
        "Seed data created: 22 member states, 31 organisations, 7 thematic areas, 5 speakers, "
        "19 workshops, 44 workshop days, 29 workshop partners, 17 sessions, 393 participants, "
        "393 registrations, 856 attendance, 3 trainer assignments, 1 testimonial, "
        "1 publication series, 7 publications, 11 publication files, 12 news articles, "
        "1 newsletter issue, 3 newsletter figures, 16 newsletter sections.",
        *TRAINER_LINES,
        *certificate_lines(new=76),
        "Survey demo: 18 evaluation surveys, 336 invitations, 241 responses.",
        lines[-1],
    ]
    assert SURVEY_LINK.match(lines[-1])


def test_load_demo_twice_keeps_every_row_count_and_file(run_load_demo, settings):
    first = run_load_demo()
    counts, files = _row_counts(), _stored_files(settings)

    output = run_load_demo()

    assert _row_counts() == counts
    assert _stored_files(settings) == files
    assert len(files) == 10
    assert output_lines(output) == [
        "Seed data: already loaded, nothing changed.",
        *TRAINER_LINES,
        *certificate_lines(new=0),
        "Survey demo: already loaded, nothing changed.",
        first.splitlines()[-1],
    ]


def test_load_demo_twice_rewrites_no_row(run_load_demo):
    run_load_demo()
    stamps = dict(Workshop.objects.values_list("slug", "updated_at"))

    run_load_demo()

    assert dict(Workshop.objects.values_list("slug", "updated_at")) == stamps


def test_load_demo_puts_back_a_file_missing_from_storage(run_load_demo, settings):
    run_load_demo()
    counts = _row_counts()
    missing = settings.MEDIA_ROOT / "publications/files/victim-protection-and-support-en.pdf"
    missing.unlink()

    output = run_load_demo()

    assert missing.read_bytes().startswith(b"%PDF-1.4")
    assert _row_counts() == counts
    assert output_lines(output)[:-2] == [
        "Seed data: already loaded, nothing changed.",
        *TRAINER_LINES,
        *certificate_lines(new=0),
    ]


def test_load_demo_reuses_a_file_left_in_storage_by_an_earlier_database(run_load_demo, settings):
    # As after a fresh database over the same media directory, or a rolled-back load:
    # the file is there, no row points at it.
    leftover = settings.MEDIA_ROOT / "publications/files/victim-protection-and-support-en.pdf"
    leftover.parent.mkdir(parents=True)
    leftover.write_bytes(b"%PDF-1.4\n% left over\n%%EOF\n")

    run_load_demo()

    row = PublicationFile.objects.get(publication__slug="victim-protection-and-support")
    assert row.file.name == "publications/files/victim-protection-and-support-en.pdf"
    assert leftover.read_bytes() == b"%PDF-1.4\n% left over\n%%EOF\n"
    assert len(_stored_files(settings)) == 10


def test_load_demo_writes_nothing_when_it_fails_halfway(run_load_demo, monkeypatch):
    def fail(**kwargs):
        raise RuntimeError("newsletter failed")

    monkeypatch.setattr(loader, "_load_newsletter", fail)

    with pytest.raises(RuntimeError, match="newsletter failed"):
        run_load_demo()

    assert Workshop.objects.count() == 0
    assert get_user_model().objects.count() == 0


def test_demo_staff_login_is_staff_not_superuser_with_the_staff_groups_rights(run_load_demo):
    run_load_demo()

    staff = get_user_model().objects.get(username="staff")

    assert (staff.is_staff, staff.is_superuser) == (True, False)
    assert sorted(staff.groups.values_list("name", flat=True)) == [
        "Communications",
        "Programme staff",
    ]
    assert staff.has_perms(
        [
            "workshops.change_workshop",
            "participants.add_registration",
            "publications.change_publicationfile",
            "auth.view_user",
        ]
    )
    assert not staff.has_perm("auth.change_user")


def test_demo_communications_login_sees_no_participant_data(run_load_demo):
    run_load_demo()

    comms = get_user_model().objects.get(username="comms")

    assert (comms.is_staff, comms.is_superuser) == (True, False)
    assert comms.has_perm("publications.change_newsarticle")
    assert not comms.has_perm("participants.view_participant")
    assert not comms.has_perm("workshops.change_workshop")


def test_load_demo_prints_an_open_survey_link_that_answers(run_load_demo, client):
    from surveys.models import Response

    link = run_load_demo().splitlines()[-1].rsplit(" ", 1)[1]
    path = link.removeprefix("http://127.0.0.1:8000")
    responses = Response.objects.count()

    page = client.get(path)

    assert page.status_code == 200
    assert 'name="submit"' in page.content.decode()
    assert responses > 200
