"""The workshop's admin page schedules a whole workshop, days to registrations, in one submit."""

import datetime as dt
import html as html_module
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from participants.choices import RegistrationStatus
from participants.models import Registration
from tests.admin.forms import inline, inline_errors, inline_formset, resubmit
from tests.admin.rows import MONDAY, WEDNESDAY
from tests.factories.participants import ParticipantFactory, RegistrationFactory
from tests.factories.workshops import (
    MemberStateFactory,
    OrganisationFactory,
    SessionFactory,
    SpeakerFactory,
    TrainerAssignmentFactory,
    WorkshopDayFactory,
    WorkshopFactory,
    WorkshopPartnerFactory,
)
from workshops.choices import WorkshopStatus
from workshops.models import Session, Workshop, WorkshopDay, WorkshopPartner

ADD_URL = reverse("admin:workshops_workshop_add")
# The smallest GIF: one pixel.
GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00"
    b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)
TUESDAY = dt.date(2022, 7, 19)


def change_url(workshop):
    return reverse("admin:workshops_workshop_change", args=[workshop.pk])


def workshop_fields(**overrides):
    return {
        "title": "Virtual Workshop on Detecting Fraudulent Travel Documents",
        "slug": "virtual-workshop-fraudulent-travel-documents",
        "kind": "workshop",
        "publishing": "scheduled",
        "delivery_mode": "virtual",
        "platform": "Zoom, through JCLEC’s Online Delivery Model",
        "timezone": "Asia/Jakarta",
        "languages": "English",
        "capacity": "5",
        **overrides,
    }


@pytest.fixture
def speakers(db):
    return SpeakerFactory.create_batch(2)


@pytest.fixture
def participants(db):
    return ParticipantFactory.create_batch(5)


@pytest.fixture
def partner(db):
    return OrganisationFactory(name="Jakarta Centre for Law Enforcement Cooperation")


def sessions_on(first, second, speakers):
    a, b = speakers
    return [
        {
            "title": "Opening",
            "date": first,
            "start_time": "09:00",
            "end_time": "09:30",
            "speakers": [a.pk],
            "order": "1",
        },
        {
            "title": "Examining passports",
            "date": first,
            "start_time": "09:30",
            "end_time": "11:00",
            "speakers": [b.pk],
            "order": "2",
        },
        {
            "title": "Case studies",
            "date": second,
            "start_time": "09:00",
            "end_time": "11:00",
            "speakers": [a.pk, b.pk],
            "order": "1",
        },
    ]


def schedule(*, days, sessions, participants, partner, **fields):
    return {
        **workshop_fields(**fields),
        **inline("days", [{"held_on": held_on} for held_on in days]),
        **inline("sessions", sessions),
        **inline("partners", [{"organisation": partner.pk, "role": "co_host"}]),
        **inline("trainer_assignments", []),
        **inline(
            "registrations",
            [{"participant": p.pk, "status": "confirmed"} for p in participants],
        ),
    }


def programme(workshop):
    return [
        (s.title, s.day.held_on, s.day.workshop_id, sorted(sp.name for sp in s.speakers.all()))
        for s in Session.objects.filter(workshop=workshop).select_related("day")
    ]


@pytest.mark.django_db
def test_add_page_schedules_a_whole_workshop_in_one_submit(
    staff_client, speakers, participants, partner
):
    data = schedule(
        days=["2022-07-18", "2022-07-20"],
        sessions=sessions_on("2022-07-18", "2022-07-20", speakers),
        participants=participants,
        partner=partner,
    )

    response = staff_client.post(ADD_URL, data)

    assert response.status_code == 302
    workshop = Workshop.objects.get()
    a, b = sorted(speaker.name for speaker in speakers)
    assert list(workshop.days.values_list("held_on", flat=True)) == [MONDAY, WEDNESDAY]
    assert programme(workshop) == [
        ("Opening", MONDAY, workshop.pk, [a]),
        ("Examining passports", MONDAY, workshop.pk, [b]),
        ("Case studies", WEDNESDAY, workshop.pk, [a, b]),
    ]
    assert list(workshop.partners.values_list("organisation", "role")) == [(partner.pk, "co_host")]
    assert sorted(workshop.registrations.values_list("participant", "status")) == [
        (p.pk, "confirmed") for p in participants
    ]
    assert (workshop.starts_on, workshop.ends_on) == (MONDAY, WEDNESDAY)


@pytest.mark.django_db
def test_add_page_adds_the_days_of_sessions_dates(staff_client, speakers, participants, partner):
    data = schedule(
        days=[],
        sessions=sessions_on("2022-07-18", "2022-07-20", speakers),
        participants=participants,
        partner=partner,
    )

    response = staff_client.post(ADD_URL, data)

    assert response.status_code == 302
    workshop = Workshop.objects.get()
    assert list(workshop.days.values_list("held_on", flat=True)) == [MONDAY, WEDNESDAY]
    assert [day for _, day, _, _ in programme(workshop)] == [MONDAY, MONDAY, WEDNESDAY]
    assert (workshop.starts_on, workshop.ends_on) == (MONDAY, WEDNESDAY)


def assert_nothing_saved():
    assert (
        Workshop.objects.count(),
        WorkshopDay.objects.count(),
        Session.objects.count(),
        WorkshopPartner.objects.count(),
        Registration.objects.count(),
    ) == (0, 0, 0, 0, 0)


@pytest.mark.django_db
def test_add_page_over_capacity_rerenders_with_the_error_and_saves_nothing(
    staff_client, speakers, participants, partner
):
    data = schedule(
        days=["2022-07-18", "2022-07-20"],
        sessions=sessions_on("2022-07-18", "2022-07-20", speakers),
        participants=participants,
        partner=partner,
        capacity="4",
    )

    response = staff_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert inline_formset(response, "registrations").non_form_errors() == [
        "This workshop has 4 places; 5 registrations are not withdrawn. Raise its capacity, "
        "or withdraw or remove 1 of them."
    ]
    assert_nothing_saved()


@pytest.mark.django_db
def test_add_page_counts_only_registrations_not_withdrawn(
    staff_client, speakers, participants, partner
):
    data = schedule(
        days=["2022-07-18"],
        sessions=[],
        participants=participants,
        partner=partner,
        capacity="4",
    )
    data["registrations-4-status"] = RegistrationStatus.WITHDRAWN

    response = staff_client.post(ADD_URL, data)

    assert response.status_code == 302
    assert Workshop.objects.get().registrations.count() == 5


@pytest.mark.django_db
def test_add_page_session_ending_before_it_starts_gets_a_field_error(
    staff_client, speakers, participants, partner
):
    sessions = sessions_on("2022-07-18", "2022-07-20", speakers)
    sessions[1]["end_time"] = "09:00"
    data = schedule(
        days=["2022-07-18", "2022-07-20"],
        sessions=sessions,
        participants=participants,
        partner=partner,
    )

    response = staff_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert inline_errors(response, "sessions") == [
        {},
        {"end_time": ["The session must end after it starts."]},
        {},
    ]
    assert_nothing_saved()


@pytest.mark.django_db
def test_add_page_same_participant_twice_gets_a_field_error(
    staff_client, speakers, participants, partner
):
    data = schedule(
        days=["2022-07-18"],
        sessions=[],
        participants=[*participants[:2], participants[0]],
        partner=partner,
    )

    response = staff_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert inline_errors(response, "registrations") == [
        {},
        {},
        {"participant": ["This participant is already registered for this workshop."]},
    ]
    assert inline_formset(response, "registrations").non_form_errors() == []
    assert_nothing_saved()


@pytest.mark.django_db
def test_add_page_same_day_twice_gets_a_field_error(staff_client, participants, partner):
    data = schedule(
        days=["2022-07-18", "2022-07-18"], sessions=[], participants=[], partner=partner
    )

    response = staff_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert inline_errors(response, "days") == [
        {},
        {"held_on": ["This date is listed twice; remove one of the rows."]},
    ]
    assert_nothing_saved()


@pytest.mark.django_db
def test_add_page_used_slug_gets_a_clear_message(staff_client, participants, partner):
    WorkshopFactory(slug="virtual-workshop-fraudulent-travel-documents")
    data = schedule(days=["2022-07-18"], sessions=[], participants=[], partner=partner)

    response = staff_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "slug": [
            "Another workshop already uses this slug, which is part of the page's address. "
            "Change it, e.g. by adding the year."
        ]
    }
    assert Workshop.objects.count() == 1


@pytest.mark.django_db
def test_add_page_capacity_zero_gets_a_field_error(staff_client, partner):
    data = schedule(days=[], sessions=[], participants=[], partner=partner, capacity="0")

    response = staff_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "capacity": ["Enter at least 1 place, or leave it empty for no limit."]
    }


# --- The change page: editing a scheduled workshop ---------------------------------------


@pytest.fixture
def scheduled(db, speakers):
    """Monday: Opening, Examining passports; Wednesday: Case studies."""
    workshop = WorkshopFactory(capacity=2)
    monday = WorkshopDayFactory(workshop=workshop, held_on=MONDAY)
    wednesday = WorkshopDayFactory(workshop=workshop, held_on=WEDNESDAY)
    SessionFactory(day=monday, title="Opening", order=1).speakers.set(speakers[:1])
    SessionFactory(day=monday, title="Examining passports", order=2)
    SessionFactory(day=wednesday, title="Case studies").speakers.set(speakers)
    RegistrationFactory.create_batch(2, workshop=workshop)
    workshop.starts_on, workshop.ends_on = MONDAY, WEDNESDAY
    workshop.save()
    return workshop


@pytest.mark.django_db
def test_change_page_resubmitted_unchanged_keeps_everything(staff_client, scheduled):
    before = programme(scheduled)

    response = staff_client.post(
        change_url(scheduled), resubmit(staff_client.get(change_url(scheduled)))
    )

    assert response.status_code == 302
    assert programme(scheduled) == before
    assert scheduled.registrations.count() == 2


@pytest.mark.django_db
def test_change_page_moves_sessions_with_their_day(staff_client, scheduled):
    data = resubmit(staff_client.get(change_url(scheduled)))
    data["days-0-held_on"] = "2022-07-19"
    data["sessions-0-title"] = "Welcome"  # a changed session whose date is left alone

    response = staff_client.post(change_url(scheduled), data)

    assert response.status_code == 302
    assert [(title, day) for title, day, _, _ in programme(scheduled)] == [
        ("Welcome", TUESDAY),
        ("Examining passports", TUESDAY),
        ("Case studies", WEDNESDAY),
    ]
    assert list(scheduled.days.values_list("held_on", flat=True)) == [TUESDAY, WEDNESDAY]
    scheduled.refresh_from_db()
    assert (scheduled.starts_on, scheduled.ends_on) == (TUESDAY, WEDNESDAY)


@pytest.mark.django_db
def test_change_page_moves_a_session_to_a_new_date(staff_client, scheduled):
    data = resubmit(staff_client.get(change_url(scheduled)))
    data["sessions-2-date"] = "2022-07-22"

    response = staff_client.post(change_url(scheduled), data)

    assert response.status_code == 302
    assert list(scheduled.days.values_list("held_on", flat=True)) == [
        MONDAY,
        WEDNESDAY,
        dt.date(2022, 7, 22),
    ]
    scheduled.refresh_from_db()
    assert scheduled.ends_on == dt.date(2022, 7, 22)


@pytest.mark.django_db
@pytest.mark.parametrize("held_on", ["2022-07-18", ""], ids=["date kept", "date cleared"])
def test_change_page_refuses_deleting_a_day_whose_sessions_stay(staff_client, scheduled, held_on):
    data = resubmit(staff_client.get(change_url(scheduled)))
    data.update({"days-0-DELETE": "on", "days-0-held_on": held_on})
    data["sessions-1-DELETE"] = "on"  # one of Monday's two sessions goes with it

    response = staff_client.post(change_url(scheduled), data)

    assert response.status_code == 200
    message = (
        "You are deleting the day 18 Jul 2022 under “Days”. Give this session another "
        "date, or delete it too."
    )
    assert inline_errors(response, "sessions") == [{"date": [message]}, {}, {}, {}]
    assert scheduled.days.count() == 2
    assert scheduled.sessions.count() == 3


@pytest.mark.django_db
def test_change_page_deletes_a_day_with_its_sessions(staff_client, scheduled):
    data = resubmit(staff_client.get(change_url(scheduled)))
    data.update({"days-0-DELETE": "on", "sessions-0-DELETE": "on", "sessions-1-DELETE": "on"})

    response = staff_client.post(change_url(scheduled), data)

    assert response.status_code == 302
    assert [title for title, _, _, _ in programme(scheduled)] == ["Case studies"]
    scheduled.refresh_from_db()
    assert (scheduled.starts_on, scheduled.ends_on) == (WEDNESDAY, WEDNESDAY)


@pytest.mark.django_db
def test_change_page_withdrawal_frees_a_place_in_the_same_submit(staff_client, scheduled):
    newcomer = ParticipantFactory()
    data = resubmit(staff_client.get(change_url(scheduled)))
    data["registrations-0-status"] = RegistrationStatus.WITHDRAWN
    data.update({"registrations-2-participant": newcomer.pk, "registrations-2-status": "confirmed"})

    response = staff_client.post(change_url(scheduled), data)

    assert response.status_code == 302
    assert sorted(scheduled.registrations.values_list("status", flat=True)) == [
        "confirmed",
        "confirmed",
        "withdrawn",
    ]
    assert scheduled.registrations.filter(participant=newcomer).exists()


@pytest.mark.django_db
def test_change_page_refuses_registering_someone_already_registered(staff_client, scheduled):
    already = scheduled.registrations.first().participant
    data = resubmit(staff_client.get(change_url(scheduled)))
    data.update({"registrations-2-participant": already.pk, "registrations-2-status": "confirmed"})
    data["capacity"] = "10"

    response = staff_client.post(change_url(scheduled), data)

    assert response.status_code == 200
    assert inline_errors(response, "registrations")[2] == {
        "participant": ["This participant is already registered for this workshop."]
    }
    assert scheduled.registrations.count() == 2


def selected_options(html, name):
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group()
    return re.findall(r'<option value="(\d+)" selected>([^<]*)</option>', select)


@pytest.mark.django_db
def test_change_page_shows_the_selected_participants_and_speakers(staff_client, scheduled):
    first, second = scheduled.registrations.order_by("participant__family_name")
    speakers = sorted(scheduled.sessions.get(title="Case studies").speakers.all(), key=str)

    html = staff_client.get(change_url(scheduled)).content.decode()

    assert [
        selected_options(html, "registrations-0-participant"),
        selected_options(html, "registrations-1-participant"),
        selected_options(html, "sessions-2-speakers"),
    ] == [
        [(str(first.participant.pk), str(first.participant))],
        [(str(second.participant.pk), str(second.participant))],
        [(str(speaker.pk), str(speaker)) for speaker in speakers],
    ]


def workshop_of_size(n):
    workshop = WorkshopFactory()
    for day in WorkshopDayFactory.create_batch(n, workshop=workshop):
        SessionFactory(day=day).speakers.set(SpeakerFactory.create_batch(2))
    WorkshopPartnerFactory.create_batch(n, workshop=workshop)
    TrainerAssignmentFactory.create_batch(n, workshop=workshop)
    RegistrationFactory.create_batch(n, workshop=workshop)
    workshop.target_member_states.set([p.member_state for p in ParticipantFactory.create_batch(2)])
    return workshop


def change_page_queries(client, workshop):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(change_url(workshop))
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_change_page_queries_do_not_grow_with_rows(staff_client):
    small, large = workshop_of_size(2), workshop_of_size(10)
    change_page_queries(staff_client, small)  # warm the content-type cache

    assert (
        change_page_queries(staff_client, small),
        change_page_queries(staff_client, large),
    ) == (14, 14)  # with the member states' codes, for the time zone box's proposals


@pytest.mark.django_db
def test_mark_delivered_changes_only_scheduled_workshops(staff_client):
    scheduled, draft = WorkshopFactory(), WorkshopFactory(status=WorkshopStatus.DRAFT)

    response = staff_client.post(
        reverse("admin:workshops_workshop_changelist"),
        {"action": "mark_delivered", "_selected_action": [scheduled.pk, draft.pk]},
    )

    assert response.status_code == 302
    assert dict(Workshop.objects.values_list("pk", "status")) == {
        scheduled.pk: WorkshopStatus.DELIVERED,
        draft.pk: WorkshopStatus.DRAFT,
    }


@pytest.mark.django_db
def test_change_page_swaps_the_dates_of_two_days(staff_client, scheduled):
    data = resubmit(staff_client.get(change_url(scheduled)))
    data["days-0-held_on"], data["days-1-held_on"] = "2022-07-20", "2022-07-18"

    response = staff_client.post(change_url(scheduled), data)

    assert response.status_code == 302
    assert [(title, day) for title, day, _, _ in programme(scheduled)] == [
        ("Case studies", MONDAY),
        ("Opening", WEDNESDAY),
        ("Examining passports", WEDNESDAY),
    ]


@pytest.mark.django_db
def test_change_page_moves_a_day_onto_the_date_of_one_it_deletes(staff_client, scheduled):
    data = resubmit(staff_client.get(change_url(scheduled)))
    # The moved day's row comes first: it would take Wednesday before Wednesday goes.
    data["days-0-held_on"] = "2022-07-20"
    data["days-1-DELETE"] = data["sessions-2-DELETE"] = "on"

    response = staff_client.post(change_url(scheduled), data)

    assert response.status_code == 302
    assert [(title, day) for title, day, _, _ in programme(scheduled)] == [
        ("Opening", WEDNESDAY),
        ("Examining passports", WEDNESDAY),
    ]
    assert list(scheduled.days.values_list("held_on", flat=True)) == [WEDNESDAY]


@pytest.mark.django_db
def test_change_page_counts_places_taken_by_another_submit_since_the_page_loaded(
    staff_client, scheduled
):
    data = resubmit(staff_client.get(change_url(scheduled)))
    data["capacity"] = "3"
    data.update({"registrations-2-participant": ParticipantFactory().pk})
    data["registrations-2-status"] = "confirmed"
    RegistrationFactory(workshop=scheduled)  # another staff member, meanwhile

    response = staff_client.post(change_url(scheduled), data)

    assert response.status_code == 200
    assert inline_formset(response, "registrations").non_form_errors() == [
        "This workshop has 3 places; 4 registrations are not withdrawn. Raise its capacity, "
        "or withdraw or remove 1 of them."
    ]
    assert scheduled.registrations.count() == 3


# What staff are told, and shown ----------------------------------------------------


def _saved_messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.mark.django_db
def test_save_message_says_a_draft_is_not_on_the_public_site(staff_client):
    workshop = WorkshopFactory(status=WorkshopStatus.DRAFT, is_public=True)
    data = resubmit(staff_client.get(change_url(workshop)))

    response = staff_client.post(change_url(workshop), data, follow=True)

    assert _saved_messages(response)[0] == (
        "Not on the public site: this event is a draft. Choose “Scheduled, on the public "
        "site” under Publishing to publish it."
    )


@pytest.mark.django_db
def test_save_message_links_a_public_event(staff_client):
    workshop = WorkshopFactory(status=WorkshopStatus.SCHEDULED, is_public=True, slug="forum")
    data = resubmit(staff_client.get(change_url(workshop)))

    response = staff_client.post(change_url(workshop), data, follow=True)

    assert _saved_messages(response)[0] == (
        'On the public site: <a href="/events/forum/">/events/forum/</a>'
    )


@pytest.mark.django_db
def test_publishing_is_one_choice_instead_of_status_and_is_public(staff_client):
    # The trap of the two fields: a draft with “is public” ticked, hidden.
    workshop = WorkshopFactory(status=WorkshopStatus.DRAFT, is_public=True)

    form = staff_client.get(change_url(workshop)).context["adminform"].form

    assert ("status" in form.fields, "is_public" in form.fields) == (False, False)
    assert form["publishing"].value() == "draft"
    assert [label for _value, label in form.fields["publishing"].choices] == [
        "Draft: being prepared, not on the public site",
        "Scheduled, on the public site",
        "Scheduled, for staff only: not on the public site",
        "Delivered, on the public site",
        "Delivered, for staff only: not on the public site",
        "Cancelled, on the public site (marked as cancelled)",
        "Cancelled, not on the public site",
    ]


@pytest.mark.django_db
def test_choosing_to_publish_a_draft_puts_it_on_the_public_site(staff_client, client):
    workshop = WorkshopFactory(status=WorkshopStatus.DRAFT, is_public=False, slug="forum")
    data = {**resubmit(staff_client.get(change_url(workshop))), "publishing": "scheduled"}

    response = staff_client.post(change_url(workshop), data, follow=True)

    workshop.refresh_from_db()
    assert (workshop.status, workshop.is_public) == (WorkshopStatus.SCHEDULED, True)
    assert _saved_messages(response)[0] == (
        'On the public site: <a href="/events/forum/">/events/forum/</a>'
    )
    assert client.get("/events/forum/").status_code == 200


@pytest.mark.django_db
def test_choosing_staff_only_keeps_the_event_off_the_public_site(staff_client, client):
    workshop = WorkshopFactory(status=WorkshopStatus.SCHEDULED, is_public=True, slug="forum")
    data = {
        **resubmit(staff_client.get(change_url(workshop))),
        "publishing": "delivered-internal",
    }

    response = staff_client.post(change_url(workshop), data, follow=True)

    workshop.refresh_from_db()
    assert (workshop.status, workshop.is_public) == (WorkshopStatus.DELIVERED, False)
    assert _saved_messages(response)[0] == (
        "Not on the public site: it is for staff only (see Publishing)."
    )
    assert client.get("/events/forum/").status_code == 404


@pytest.mark.django_db
def test_changelist_says_whether_each_event_is_on_the_public_site(staff_client):
    WorkshopFactory(title="Hidden draft", status=WorkshopStatus.DRAFT, is_public=True)
    WorkshopFactory(title="Published", status=WorkshopStatus.SCHEDULED, is_public=True)

    response = staff_client.get(reverse("admin:workshops_workshop_changelist"))

    shown = {
        row.title: response.context["cl"].model_admin.on_public_site(row)
        for row in response.context["cl"].result_list
    }
    assert shown == {"Hidden draft": False, "Published": True}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("value", "titles"), [("yes", ["Published"]), ("no", ["Hidden draft", "Staff only"])]
)
def test_changelist_filters_by_what_the_public_sees(staff_client, value, titles):
    WorkshopFactory(title="Hidden draft", status=WorkshopStatus.DRAFT, is_public=True)
    WorkshopFactory(title="Staff only", status=WorkshopStatus.SCHEDULED, is_public=False)
    WorkshopFactory(title="Published", status=WorkshopStatus.SCHEDULED, is_public=True)

    response = staff_client.get(
        reverse("admin:workshops_workshop_changelist"), {"on_public_site": value}
    )

    assert sorted(row.title for row in response.context["cl"].result_list) == titles


@pytest.mark.django_db
def test_choosing_a_country_proposes_its_time_zone(staff_client):
    workshop = WorkshopFactory(timezone="Asia/Bangkok", country=None)
    indonesia = MemberStateFactory(name="Indonesia", iso_code="ID")
    data = {**resubmit(staff_client.get(change_url(workshop))), "country": str(indonesia.pk)}

    response = staff_client.post(change_url(workshop), data, follow=True)

    workshop.refresh_from_db()
    assert workshop.timezone == "Asia/Jakarta"
    assert (
        "Time zone set to Asia/Jakarta, the main one of Indonesia; change it if the event "
        "runs in another."
    ) in _saved_messages(response)


@pytest.mark.django_db
def test_time_zone_box_is_searchable_and_knows_each_countrys_zones(staff_client):
    indonesia = MemberStateFactory(name="Indonesia", iso_code="ID")
    MemberStateFactory(name="UNODC")  # an organisation: no code, no zone to propose
    workshop = WorkshopFactory()

    html = staff_client.get(change_url(workshop)).content.decode()

    select = re.search(r'<select name="timezone"[^>]*>', html).group(0)
    assert 'class="timezone-select"' in select
    zones = json.loads(html_module.unescape(re.search(r'data-country-zones="([^"]*)"', select)[1]))
    assert zones == {
        str(indonesia.pk): ["Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"]
    }
    # The admin's own select2 and the script that searches and proposes (no CDN).
    assert "/static/admin/js/vendor/select2/select2.full.min.js" in html
    assert "/static/js/admin-timezone.js" in html


# Cover image ------------------------------------------------------------------------


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def cover(name="cover.gif"):
    return SimpleUploadedFile(name, GIF, content_type="image/gif")


@pytest.mark.django_db
def test_cover_image_is_saved_with_its_description(staff_client, media):
    workshop = WorkshopFactory()
    data = {
        **resubmit(staff_client.get(change_url(workshop))),
        "cover_image": cover(),
        "cover_image_alt": "Officers at a border crossing",
    }

    response = staff_client.post(change_url(workshop), data)

    assert response.status_code == 302
    workshop.refresh_from_db()
    assert workshop.cover_image.name.startswith("workshops/covers/")
    assert workshop.cover_image_alt == "Officers at a border crossing"


@pytest.mark.django_db
def test_cover_image_without_a_description_is_refused(staff_client, media):
    workshop = WorkshopFactory()
    data = {**resubmit(staff_client.get(change_url(workshop))), "cover_image": cover()}

    response = staff_client.post(change_url(workshop), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "cover_image_alt": [
            "Describe what the image shows, in a sentence, for visitors who cannot see it."
        ]
    }
    workshop.refresh_from_db()
    assert workshop.cover_image.name == ""


@pytest.mark.django_db
def test_session_times_show_as_hours_and_minutes_without_the_server_time_note(staff_client):
    workshop = WorkshopFactory()
    day = WorkshopDayFactory(workshop=workshop)
    SessionFactory(day=day, start_time=dt.time(9), end_time=dt.time(10, 30))

    html = staff_client.get(change_url(workshop)).content.decode()

    assert 'value="09:00"' in html
    assert 'value="10:30"' in html
    # The admin's clock script skips fields that already have this element.
    assert '<span class="timezonewarning" hidden></span>' in html


@pytest.mark.django_db
def test_participant_picker_shows_email_and_agency(staff_client):
    ParticipantFactory(
        given_name="Siti",
        family_name="Rahman",
        email="siti.rahman@example.org",
        agency=OrganisationFactory(name="Malaysian Immigration Department", acronym="JIM"),
    )

    response = staff_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "participants",
            "model_name": "registration",
            "field_name": "participant",
            "term": "Rahman",
        },
    )

    assert [row["text"] for row in response.json()["results"]] == [
        "Siti Rahman · siti.rahman@example.org · JIM"
    ]
