"""The big changelists (registrations, participants, attendance, emails) as staff
filter and search them: the rows they find, and a number of statements that does not
grow with the rows (bench/admin_changelists.py times them at 100,000 participants)."""

import datetime as dt

import pytest
from django.contrib import admin
from django.contrib.admin.helpers import ActionForm
from django.contrib.admin.views.main import ChangeList
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import set_script_prefix
from django.utils import timezone, translation

from core import admin_large_tables, admin_utils
from core.admin_action_form import QuickActionForm
from notifications.choices import NotificationState
from notifications.models import Notification
from participants.choices import AttendanceMark, RegistrationStatus
from participants.models import Attendance, Participant, Registration
from tests.admin.test_rows import changelist
from tests.factories.notifications import NotificationFactory
from tests.factories.participants import (
    AttendanceFactory,
    ParticipantFactory,
    RegistrationFactory,
)
from tests.factories.workshops import (
    MemberStateFactory,
    OrganisationFactory,
    WorkshopDayFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db

REGISTRATIONS = "/admin/participants/registration/"
PARTICIPANTS = "/admin/participants/participant/"
ATTENDANCE = "/admin/participants/attendance/"
EMAILS = "/admin/notifications/notification/"


def shown(client, url, params):
    """The changelist's rows (all of them: fewer than a page) and its statements."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return list(response.context["cl"].result_list), len(queries)


def registrations_in(workshop, count, **participant):
    return [
        RegistrationFactory(workshop=workshop, participant=ParticipantFactory(**participant))
        for _ in range(count)
    ]


# Search -------------------------------------------------------------------------


def test_registrations_are_found_by_participant_name_email_or_workshop_title(staff_client):
    seminar = WorkshopFactory(title="Seminar on Document Fraud")
    other = WorkshopFactory(title="Forum on Migrant Smuggling")
    ada = RegistrationFactory(
        workshop=other,
        participant=ParticipantFactory(
            given_name="Ada", family_name="Nguyen", email="ada.nguyen@police.example"
        ),
    )
    in_seminar = RegistrationFactory(workshop=seminar)
    RegistrationFactory(workshop=other)

    def found(term):
        rows, _ = shown(staff_client, REGISTRATIONS, {"q": term})
        return {row.pk for row in rows}

    assert found("nguy") == {ada.pk}
    assert found("ADA.NGUYEN@police") == {ada.pk}
    assert found("document fraud") == {in_seminar.pk}
    # Every word somewhere, as Django's own search: here one in each relation.
    assert found("ada smuggling") == {ada.pk}
    assert found("ada seminar") == set()
    assert found('"Document Fraud"') == {in_seminar.pk}


def test_participants_are_found_by_name_email_or_agency(staff_client):
    rtp = OrganisationFactory(name="Royal Thai Police", acronym="RTP")
    bo = ParticipantFactory(given_name="Bo", family_name="Sok", agency=rtp)
    cy = ParticipantFactory(given_name="Cy", email="cy@immigration.example")
    ParticipantFactory(given_name="Di")

    def found(term):
        rows, _ = shown(staff_client, PARTICIPANTS, {"q": term})
        return {row.pk for row in rows}

    assert found("thai police") == {bo.pk}
    assert found("rtp") == {bo.pk}
    assert found("@immigration") == {cy.pk}
    assert found("sok") == {bo.pk}


def test_attendance_is_found_by_participant_or_workshop(staff_client):
    mark = AttendanceFactory(
        registration__participant__family_name="Rahman",
        registration__workshop__title="Course on Interviewing",
    )
    AttendanceFactory()

    def found(term):
        rows, _ = shown(staff_client, ATTENDANCE, {"q": term})
        return {row.pk for row in rows}

    assert found("rahman") == {mark.pk}
    assert found("interviewing") == {mark.pk}


def test_search_with_many_matches_finds_the_same_rows_through_a_subquery(staff_client, monkeypatch):
    workshop = WorkshopFactory(title="Workshop on Risk Analysis")
    many = registrations_in(workshop, 4, family_name="Santoso")
    RegistrationFactory()
    expected = {registration.pk for registration in many}

    listed, _ = shown(staff_client, REGISTRATIONS, {"q": "santoso"})
    # Beyond LISTED_MATCHES the matching participants stay a subquery.
    monkeypatch.setattr(admin_utils, "LISTED_MATCHES", 2)
    through_subquery, _ = shown(staff_client, REGISTRATIONS, {"q": "santoso"})

    assert {row.pk for row in listed} == {row.pk for row in through_subquery} == expected


# Filters ------------------------------------------------------------------------


def test_registration_year_filter_lists_the_years_of_workshops_with_registrations(
    staff_client,
):
    RegistrationFactory(workshop=WorkshopFactory(starts_on=dt.date(2022, 5, 1)))
    RegistrationFactory(workshop=WorkshopFactory(starts_on=dt.date(2024, 5, 1)))
    WorkshopFactory(starts_on=dt.date(2023, 5, 1))  # nobody registered

    response = staff_client.get(REGISTRATIONS)

    year_filter = next(
        spec
        for spec in response.context["cl"].filter_specs
        if getattr(spec, "parameter_name", None) == "year"
    )
    assert year_filter.lookup_choices == [("2024", "2024"), ("2022", "2022")]


def test_participant_agency_filter_lists_only_agencies_with_participants(staff_client):
    with_people = OrganisationFactory(name="Bureau of Immigration")
    OrganisationFactory(name="Agency without anyone")
    ParticipantFactory(agency=with_people)

    response = staff_client.get(PARTICIPANTS)

    agency_filter = next(
        spec for spec in response.context["cl"].filter_specs if spec.field_path == "agency"
    )
    assert [name for _, name in agency_filter.lookup_choices] == [str(with_people)]


def test_attendance_workshop_filter_offers_the_chosen_years_workshops(staff_client):
    day = WorkshopDayFactory(held_on=dt.date(2023, 3, 1))
    marked = AttendanceFactory(registration__workshop=day.workshop, day=day)
    AttendanceFactory(day=WorkshopDayFactory(held_on=dt.date(2024, 3, 1)))

    without_year = staff_client.get(ATTENDANCE)
    with_year = staff_client.get(ATTENDANCE, {"year": "2023"})
    rows, _ = shown(
        staff_client,
        ATTENDANCE,
        {"year": "2023", "registration__workshop__id__exact": day.workshop.pk},
    )

    def workshop_choices(response):
        specs = [s for s in response.context["cl"].filter_specs if s.title == "workshop"]
        return [label for spec in specs for _, label in spec.lookup_choices]

    assert workshop_choices(without_year) == []
    assert workshop_choices(with_year) == [str(day.workshop)]
    assert rows == [marked]


def test_emails_of_one_workshop_keep_their_filter(staff_client):
    workshop = WorkshopFactory(title="Dialogue on Irregular Migration")
    email = NotificationFactory(registration__workshop=workshop)
    NotificationFactory()

    response = staff_client.get(EMAILS, {"registration__workshop__id__exact": workshop.pk})

    assert list(response.context["cl"].result_list) == [email]
    specs = [s for s in response.context["cl"].filter_specs if s.title == "workshop"]
    assert [label for _, label in specs[0].lookup_choices] == [str(workshop)]


# Statements ---------------------------------------------------------------------


def grow(count):
    """`count` more rows of each big table, about one workshop of 2023."""
    workshop = WorkshopFactory(title="Workshop on Border Management")
    day = WorkshopDayFactory(workshop=workshop, held_on=dt.date(2023, 6, 1))
    for registration in registrations_in(workshop, count, family_name="Santoso"):
        AttendanceFactory(registration=registration, day=day, mark=AttendanceMark.LATE)
        NotificationFactory(registration=registration, state=NotificationState.FAILED)
    return workshop


@pytest.mark.parametrize(
    ("url", "params", "statements"),
    [
        # session, user, the year filter's years, member states, count, page, search (2)
        (REGISTRATIONS, {"q": "santoso"}, 8),
        (REGISTRATIONS, {"status__exact": RegistrationStatus.CONFIRMED}, 6),
        # + the agency filter's agencies, the agencies searched
        (PARTICIPANTS, {"q": "santoso"}, 7),
        # + the participants', their registrations' and the workshops' keys searched
        (ATTENDANCE, {"q": "santoso"}, 8),
        # + the year's workshops offered
        (ATTENDANCE, {"year": "2023", "mark__exact": AttendanceMark.LATE}, 6),
        # session, user, count, page
        (EMAILS, {"state__exact": NotificationState.FAILED}, 4),
    ],
)
def test_filtered_and_searched_changelists_take_the_same_statements_at_3_and_30_rows(
    staff_client, url, params, statements
):
    grow(3)
    rows_at_3, at_3 = shown(staff_client, url, params)
    grow(27)
    rows_at_30, at_30 = shown(staff_client, url, params)

    assert (len(rows_at_3), len(rows_at_30)) == (3, 30)
    assert (at_3, at_30) == (statements, statements)


# Counting -----------------------------------------------------------------------


@pytest.fixture
def capped_at_3(monkeypatch):
    """The registrations changelist with a count cap of 3, 2 rows a page."""
    monkeypatch.setattr(admin_large_tables.CappedCountPaginator, "COUNT_CAP", 3)
    model_admin = admin.site.get_model_admin(Registration)
    monkeypatch.setattr(model_admin, "list_per_page", 2)
    monkeypatch.setattr(model_admin, "list_max_show_all", 2)


def test_registrations_beyond_the_cap_are_counted_as_at_least_the_cap(staff_client, capped_at_3):
    registrations_in(WorkshopFactory(), 5, family_name="Santoso")

    with CaptureQueriesContext(connection) as queries:
        response = staff_client.get(REGISTRATIONS, {"q": "santoso"})

    cl = response.context["cl"]
    html = " ".join(response.content.decode().split())
    counts = [q["sql"] for q in queries if q["sql"].startswith("SELECT COUNT(*)")]
    assert (cl.result_count, str(cl.result_count)) == (3, "3+")
    # The pages end at the cap: 3 rows counted, 2 a page.
    assert (cl.paginator.num_pages, len(cl.result_list)) == (2, 2)
    assert "3+ registrations" in html
    assert "3+ results" in html
    assert "Select all 3+ registrations" in html
    assert len(counts) == 1
    assert counts[0].endswith("LIMIT 4) subquery")


def test_registrations_up_to_the_cap_are_counted_exactly(staff_client, capped_at_3):
    registrations_in(WorkshopFactory(), 3, family_name="Santoso")
    RegistrationFactory()

    response = staff_client.get(REGISTRATIONS, {"q": "santoso"})

    cl = response.context["cl"]
    html = " ".join(response.content.decode().split())
    assert (cl.result_count, str(cl.result_count)) == (3, "3")
    assert cl.paginator.num_pages == 2
    assert "3 registrations" in html
    assert "Select all 3 registrations" in html


@pytest.mark.parametrize("model", [Registration, Participant, Attendance, Notification])
def test_big_changelists_count_up_to_the_cap_and_show_50_rows(model):
    model_admin = admin.site.get_model_admin(model)

    assert model_admin.paginator is admin_large_tables.CappedCountPaginator
    assert model_admin.list_per_page == 50


@pytest.mark.parametrize("url", [REGISTRATIONS, PARTICIPANTS, ATTENDANCE, EMAILS])
def test_big_changelists_never_count_each_filter_choice(staff_client, url):
    grow(3)
    staff_client.get(url)  # reads the year filter's years once
    _rows, plain = shown(staff_client, url, {})

    response = staff_client.get(url, {"_facets": "True"})
    _rows, asked = shown(staff_client, url, {"_facets": "True"})

    assert "Show counts" not in response.content.decode()
    assert asked == plain


# Rendering ----------------------------------------------------------------------


@pytest.mark.parametrize("model_admin_of", ["registration", "participant", "workshop"])
def test_quick_row_checkbox_is_the_html_django_renders(model_admin_of):
    registration = RegistrationFactory(
        participant=ParticipantFactory(given_name="O'Brien", family_name="<Ana> & Co")
    )
    obj = {
        "registration": registration,
        "participant": registration.participant,
        "workshop": registration.workshop,
    }[model_admin_of]
    model_admin = admin.site.get_model_admin(type(obj))

    assert model_admin.action_checkbox(obj) == admin.ModelAdmin.action_checkbox(model_admin, obj)


def test_quick_row_checkbox_label_is_translated_by_djangos_catalog():
    registration = RegistrationFactory()
    model_admin = admin.site.get_model_admin(type(registration))

    with translation.override("id"):
        quick = model_admin.action_checkbox(registration)
        django = admin.ModelAdmin.action_checkbox(model_admin, registration)

    assert quick == django
    assert "Select this object" not in quick


def test_emails_are_filtered_by_when_they_were_due_without_reading_their_dates(staff_client):
    today = NotificationFactory(state=NotificationState.FAILED)
    Notification.objects.filter(pk=today.pk).update(due_at=timezone.now())
    old = NotificationFactory(state=NotificationState.FAILED)
    Notification.objects.filter(pk=old.pk).update(due_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    page = staff_client.get(EMAILS)
    due = next(spec for spec in page.context["cl"].filter_specs if spec.title == "due at")
    choices = {
        choice["display"]: choice["query_string"] for choice in due.choices(page.context["cl"])
    }

    response = staff_client.get(EMAILS + choices["Past 7 days"])

    assert list(response.context["cl"].result_list) == [today]


def test_year_filter_offers_a_new_year_once_a_registration_is_made_in_it(staff_client):
    RegistrationFactory(workshop=WorkshopFactory(starts_on=dt.date(2023, 6, 1)))
    later = WorkshopFactory(starts_on=dt.date(2031, 3, 1))
    before = staff_client.get(REGISTRATIONS)

    RegistrationFactory(workshop=later, participant=ParticipantFactory())

    after = staff_client.get(REGISTRATIONS)
    assert years_offered(before) == ["2023"]
    assert years_offered(after) == ["2031", "2023"]


def years_offered(response):
    spec = next(s for s in response.context["cl"].filter_specs if s.title == "workshop year")
    return [value for value, _label in spec.lookup_choices]


def choices_offered(response, title):
    spec = next(s for s in response.context["cl"].filter_specs if s.title == title)
    return [label for _pk, label in spec.lookup_choices]


def test_member_state_filter_offers_a_state_added_since_the_last_page(staff_client):
    ParticipantFactory(member_state=MemberStateFactory(name="Fiji"))
    before = staff_client.get(PARTICIPANTS)

    MemberStateFactory(name="Tonga")

    after = staff_client.get(PARTICIPANTS)
    assert "Tonga" not in choices_offered(before, "member state")
    assert "Tonga" in choices_offered(after, "member state")


def test_agency_filter_offers_an_agency_once_a_participant_of_it_is_saved(staff_client):
    ParticipantFactory(agency=OrganisationFactory(name="Fiji Police Force", acronym=""))
    agency = OrganisationFactory(name="Royal Tonga Police", acronym="")
    before = staff_client.get(PARTICIPANTS)

    ParticipantFactory(agency=agency)

    after = staff_client.get(PARTICIPANTS)
    assert "Royal Tonga Police" not in choices_offered(before, "agency")
    assert "Royal Tonga Police" in choices_offered(after, "agency")


def test_a_kept_reverse_follows_the_script_prefix():
    """The admin behind a path prefix (a proxy's SCRIPT_NAME) links there."""
    name = "admin:participants_registration_changelist"
    plain = admin_utils.kept_reverse(name)
    try:
        set_script_prefix("/portal/")
        prefixed = admin_utils.kept_reverse(name)
    finally:
        set_script_prefix("/")

    assert plain == "/admin/participants/registration/"
    assert prefixed == "/portal/admin/participants/registration/"
    assert admin_utils.kept_reverse(name) == plain


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?status__exact=attended&q=a+b%26c",
        "?participant__member_state__id__exact=3&year=2024&o=-2.1&p=2",
        "?q=%C3%A9l%C3%A8ve+%22Nguy%E1%BB%85n%22",
    ],
)
def test_a_big_lists_links_are_the_ones_django_writes(query, rf):
    """LargeTableChangeList encodes each parameter once per page: the filters',
    headers' and pages' links are Django's all the same."""
    cl = changelist(Registration, query, rf)
    cases = [
        ({}, None),
        ({"p": 3}, None),
        ({"p": 1}, ["status"]),
        ({"status__exact": "withdrawn"}, ["status__"]),
        ({"status__exact": None}, None),
        ({"_facets": True}, None),
        ({"year": ["2023", "2024"]}, ["p"]),
        ({"o": "1.-2"}, ["status", "q"]),
    ]

    assert isinstance(cl, admin_large_tables.LargeTableChangeList)
    for new_params, remove in cases:
        ours = cl.get_query_string(new_params, remove)
        assert ours == ChangeList.get_query_string(cl, new_params, remove), (new_params, remove)


def menu(form_class, choices, data=None):
    """The action form's fields, as admin/actions.html prints them."""
    form = form_class(data, auto_id=None)
    form.fields["action"].choices = choices
    return "".join(f"{field.label} {field}" for field in form)


def test_the_kept_action_menu_is_the_one_django_draws():
    actions = [
        ("", "---------"),
        ("delete_selected", "Delete selected registrations"),
        ("export", 'Export "these" & <more>'),
    ]
    chosen = {"action": "export", "select_across": "0"}

    assert menu(QuickActionForm, actions) == menu(ActionForm, actions)
    assert menu(QuickActionForm, actions) == menu(ActionForm, actions)  # kept, the same
    assert menu(QuickActionForm, actions[:2]) == menu(ActionForm, actions[:2])
    assert menu(QuickActionForm, actions[:2]) != menu(QuickActionForm, actions)
    assert menu(QuickActionForm, actions, chosen) == menu(ActionForm, actions, chosen)
    assert 'value="export" selected' in menu(QuickActionForm, actions, chosen)
    assert 'class="select-across"' in menu(QuickActionForm, actions)


# Counts ------------------------------------------------------------------------


def counted(client, url, params):
    """The changelist's count as it prints it, and whether it counted in SQL."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    counts = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT COUNT")]
    return response.context["cl"].result_count, bool(counts)


@pytest.mark.parametrize("url", [REGISTRATIONS, ATTENDANCE])
def test_a_big_lists_count_is_kept_until_a_write_to_what_it_counts(staff_client, url):
    workshop = WorkshopFactory()
    registrations_in(workshop, 2)
    for registration in Registration.objects.all():
        AttendanceFactory(registration=registration)
    filters = {"q": workshop.title}

    assert counted(staff_client, url, filters) == (2, True)
    assert counted(staff_client, url, filters) == (2, False)

    registration = registrations_in(workshop, 1)[0]
    AttendanceFactory(registration=registration)

    assert counted(staff_client, url, filters) == (3, True)
    assert counted(staff_client, url, {"q": "no such workshop"})[0] == 0


def test_the_participants_count_follows_a_participant_moved_to_another_state(staff_client):
    """A filter by a related row: the participant's write bumps the generation."""
    laos, fiji = MemberStateFactory(), MemberStateFactory()
    moving = ParticipantFactory(member_state=laos)
    ParticipantFactory(member_state=laos)
    in_laos = {"member_state__id__exact": laos.pk}

    assert counted(staff_client, PARTICIPANTS, in_laos) == (2, True)
    assert counted(staff_client, PARTICIPANTS, in_laos) == (2, False)

    moving.member_state = fiji
    moving.save()

    assert counted(staff_client, PARTICIPANTS, in_laos) == (1, True)


def test_the_outbox_counts_on_every_page(staff_client):
    """Its emails change state as they are sent, which bumps no generation."""
    NotificationFactory(state=NotificationState.FAILED)
    failed = {"state__exact": NotificationState.FAILED}

    assert counted(staff_client, EMAILS, failed) == (1, True)
    assert counted(staff_client, EMAILS, failed) == (1, True)
