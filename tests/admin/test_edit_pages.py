"""The single-model admin pages: the same rules and services as the workshop page."""

import datetime as dt

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from participants.admin_forms import RegistrationForm
from participants.models import Attendance, Registration
from publications.models import NewsletterIssue, Publication
from tests.admin.forms import inline, inline_errors
from tests.admin.rows import MONDAY, WEDNESDAY
from tests.factories.participants import ParticipantFactory, RegistrationFactory
from tests.factories.publications import NewsArticleFactory
from tests.factories.workshops import (
    MemberStateFactory,
    WorkshopDayFactory,
    WorkshopFactory,
)
from workshops.models import Session
from workshops.services import refresh_workshop_dates


def form_errors(response):
    return response.context["adminform"].form.errors


@pytest.mark.django_db
def test_registration_add_page_registers_through_the_service(staff_client):
    workshop, participant = WorkshopFactory(capacity=1), ParticipantFactory()

    response = staff_client.post(
        reverse("admin:participants_registration_add"),
        {"participant": participant.pk, "workshop": workshop.pk, "status": "nominated"},
    )

    assert response.status_code == 302
    assert list(Registration.objects.values_list("participant", "workshop", "status")) == [
        (participant.pk, workshop.pk, "nominated")
    ]


@pytest.mark.django_db
def test_registration_add_page_over_capacity_gets_a_field_error(staff_client):
    workshop = WorkshopFactory(capacity=1)
    RegistrationFactory(workshop=workshop)

    response = staff_client.post(
        reverse("admin:participants_registration_add"),
        {"participant": ParticipantFactory().pk, "workshop": workshop.pk, "status": "confirmed"},
    )

    assert response.status_code == 200
    assert form_errors(response) == {
        "workshop": [
            "This workshop has 1 place; 2 registrations are not withdrawn. Raise its capacity, "
            "or withdraw or remove 1 of them."
        ]
    }
    assert Registration.objects.count() == 1


@pytest.mark.django_db
def test_registration_add_page_filling_a_place_just_taken_gets_the_field_error(
    staff_client, monkeypatch
):
    """Another staff member took the last place after this submit's checks passed
    (simulated: the first check does not see it). The service refuses, and the page
    says why instead of answering 500."""
    workshop = WorkshopFactory(capacity=1)
    RegistrationFactory(workshop=workshop)
    checked = []

    def clean_not_seeing_the_other_submit_at_first(form):
        checked.append(form)
        if len(checked) == 1:
            return forms.ModelForm.clean(form)
        return real_clean(form)

    real_clean = RegistrationForm.clean
    monkeypatch.setattr(RegistrationForm, "clean", clean_not_seeing_the_other_submit_at_first)

    response = staff_client.post(
        reverse("admin:participants_registration_add"),
        {"participant": ParticipantFactory().pk, "workshop": workshop.pk, "status": "confirmed"},
    )

    assert response.status_code == 200
    assert len(checked) == 2
    assert "This workshop has 1 place" in form_errors(response)["workshop"][0]
    assert Registration.objects.count() == 1


@pytest.mark.django_db
def test_registration_change_page_refuses_reconfirming_into_a_full_workshop(staff_client):
    workshop = WorkshopFactory(capacity=1)
    RegistrationFactory(workshop=workshop)
    withdrawn = RegistrationFactory(workshop=workshop, status="withdrawn")

    response = staff_client.post(
        reverse("admin:participants_registration_change", args=[withdrawn.pk]),
        {"status": "confirmed", "notes": ""},
    )

    assert response.status_code == 200
    assert form_errors(response) == {
        "status": [
            "This workshop has 1 place; 2 registrations are not withdrawn. Raise its capacity, "
            "or withdraw or remove 1 of them."
        ]
    }
    withdrawn.refresh_from_db()
    assert withdrawn.status == "withdrawn"


@pytest.mark.django_db
def test_registration_add_page_same_participant_twice_is_refused(staff_client):
    registration = RegistrationFactory()

    response = staff_client.post(
        reverse("admin:participants_registration_add"),
        {
            "participant": registration.participant.pk,
            "workshop": registration.workshop.pk,
            "status": "confirmed",
        },
    )

    assert response.status_code == 200
    assert form_errors(response) == {
        "__all__": ["This participant is already registered for this workshop."]
    }


@pytest.mark.django_db
def test_session_add_page_adds_the_day_and_moves_the_workshop_dates(staff_client):
    workshop = WorkshopFactory()
    WorkshopDayFactory(workshop=workshop, held_on=MONDAY)

    response = staff_client.post(
        reverse("admin:workshops_session_add"),
        {
            "workshop": workshop.pk,
            "title": "Closing",
            "date": "2022-07-20",
            "start_time": "15:00",
            "end_time": "16:00",
            "order": "0",
        },
    )

    assert response.status_code == 302
    session = Session.objects.select_related("day").get()
    assert (session.day.workshop_id, session.day.held_on) == (workshop.pk, WEDNESDAY)
    workshop.refresh_from_db()
    assert (workshop.starts_on, workshop.ends_on) == (MONDAY, WEDNESDAY)


@pytest.mark.django_db
def test_workshop_day_delete_page_moves_the_workshop_dates(staff_client):
    workshop = WorkshopFactory()
    WorkshopDayFactory(workshop=workshop, held_on=MONDAY)
    wednesday = WorkshopDayFactory(workshop=workshop, held_on=WEDNESDAY)

    response = staff_client.post(
        reverse("admin:workshops_workshopday_delete", args=[wednesday.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    workshop.refresh_from_db()
    assert (workshop.starts_on, workshop.ends_on) == (MONDAY, MONDAY)


@pytest.mark.django_db
def test_attendance_add_page_records_who_marked_it(staff_client, staff):
    registration = RegistrationFactory()
    day = WorkshopDayFactory(workshop=registration.workshop)

    response = staff_client.post(
        reverse("admin:participants_attendance_add"),
        {"registration": registration.pk, "day": day.pk, "mark": "late"},
    )

    assert response.status_code == 302
    assert list(Attendance.objects.values_list("registration", "day", "mark", "recorded_by")) == [
        (registration.pk, day.pk, "late", staff.pk)
    ]


@pytest.mark.django_db
def test_attendance_add_page_refuses_a_day_of_another_workshop(staff_client):
    registration = RegistrationFactory()

    response = staff_client.post(
        reverse("admin:participants_attendance_add"),
        {"registration": registration.pk, "day": WorkshopDayFactory().pk, "mark": "present"},
    )

    assert response.status_code == 200
    assert form_errors(response) == {
        "day": ["Choose a day of the workshop this registration is for."]
    }


@pytest.mark.django_db
def test_member_state_add_page_used_iso_code_gets_a_field_error(staff_client):
    MemberStateFactory(name="Indonesia", iso_code="ID")

    response = staff_client.post(
        reverse("admin:workshops_memberstate_add"),
        {"name": "Indonesia (again)", "kind": "member", "iso_code": "id"},
    )

    assert response.status_code == 200
    assert form_errors(response) == {"iso_code": ["Another member state already has the code ID."]}


def article_data(**overrides):
    return {
        "title": "RSO supports virtual workshop",
        "slug": "rso-supports-virtual-workshop",
        "status": "published",
        "published_at_0": "2022-07-21",
        "published_at_1": "10:00",
        "summary": "The RSO supported a workshop.",
        **overrides,
    }


@pytest.mark.django_db
def test_news_article_published_without_a_time_gets_a_field_error(staff_client):
    response = staff_client.post(
        reverse("admin:publications_newsarticle_add"),
        article_data(published_at_0="", published_at_1=""),
    )

    assert response.status_code == 200
    assert form_errors(response) == {
        "published_at": ["Give a publication time to publish the article; it may be in the future."]
    }


@pytest.mark.django_db
def test_news_article_used_slug_gets_a_clear_message(staff_client):
    NewsArticleFactory(slug="rso-supports-virtual-workshop")

    response = staff_client.post(reverse("admin:publications_newsarticle_add"), article_data())

    assert response.status_code == 200
    assert form_errors(response) == {
        "slug": [
            "Another news article already uses this slug, which is part of the page's "
            "address. Change it, e.g. by adding the year."
        ]
    }


@pytest.mark.django_db
def test_newsletter_issue_period_ending_before_its_start_gets_a_field_error(staff_client):
    response = staff_client.post(
        reverse("admin:publications_newsletterissue_add"),
        {
            "number": "7",
            "title": "RSO Highlights",
            "slug": "rso-highlights-7",
            "issued_on": "2022-10-31",
            "period_starts_on": "2022-10-01",
            "period_ends_on": "2022-07-01",
            **inline("figures", []),
            **inline("sections", []),
        },
    )

    assert response.status_code == 200
    assert form_errors(response) == {
        "period_ends_on": ["The period must end on or after its start."]
    }
    assert NewsletterIssue.objects.count() == 0


def publication_data(files):
    return {
        "title": "Directory of Services for Victims",
        "slug": "directory-of-services",
        "kind": "guide",
        "published_on": "2022-07-30",
        "is_published": "on",
        **inline("files", files),
    }


@pytest.mark.django_db
def test_publication_add_page_saves_its_files(staff_client):
    files = [
        {"language": "en", "format": "pdf", "file": SimpleUploadedFile("en.pdf", b"%PDF-1.4")},
        {"language": "id", "format": "pdf", "file": SimpleUploadedFile("id.pdf", b"%PDF-1.4")},
        {"language": "en", "format": "video", "external_url": "https://video.example/directory"},
    ]

    response = staff_client.post(
        reverse("admin:publications_publication_add"), publication_data(files)
    )

    assert response.status_code == 302
    publication = Publication.objects.get()
    assert sorted(publication.files.values_list("language", "format", "size_bytes")) == [
        ("en", "pdf", 8),
        ("en", "video", None),
        ("id", "pdf", 8),
    ]


@pytest.mark.django_db
def test_publication_add_page_same_language_and_format_twice_gets_a_field_error(staff_client):
    files = [
        {"language": "en", "format": "pdf", "file": SimpleUploadedFile("a.pdf", b"%PDF-1.4")},
        {"language": "en", "format": "pdf", "file": SimpleUploadedFile("b.pdf", b"%PDF-1.4")},
    ]

    response = staff_client.post(
        reverse("admin:publications_publication_add"), publication_data(files)
    )

    assert response.status_code == 200
    assert inline_errors(response, "files") == [
        {},
        {"format": ["This publication already has a file in this language and format."]},
    ]
    assert Publication.objects.count() == 0


@pytest.mark.django_db
def test_workshop_changelist_filters_by_year(staff_client):
    in_2022, in_2023 = WorkshopFactory(), WorkshopFactory()
    WorkshopDayFactory(workshop=in_2022, held_on=dt.date(2022, 7, 18))
    WorkshopDayFactory(workshop=in_2023, held_on=dt.date(2023, 3, 1))
    for workshop in (in_2022, in_2023):
        refresh_workshop_dates(workshop=workshop)

    response = staff_client.get(reverse("admin:workshops_workshop_changelist"), {"year": "2022"})

    assert list(response.context["cl"].result_list) == [in_2022]
