import csv
import datetime as dt
import io

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from participants.choices import RegistrationStatus
from participants.models import Participant, Registration
from tests.factories.workshops import (
    MemberStateFactory,
    OrganisationFactory,
    UserFactory,
    WorkshopFactory,
)
from workshops.choices import WorkshopStatus
from workshops.models import Workshop

from .conftest import PERIOD

pytestmark = pytest.mark.django_db

URL = "/admin/reports/report/"
PERIOD_QUERY = {"start": PERIOD[0].isoformat(), "end": PERIOD[1].isoformat()}


def test_report_page_shows_the_period_figures_and_definition(staff_client, known_data):
    response = staff_client.get(URL, PERIOD_QUERY)

    assert response.status_code == 200
    figures = response.context["report"].figures
    assert (figures.people_trained, figures.events_delivered) == (4, 3)
    assert b"distinct participants with at least one day marked present" in response.content
    assert response.content.count(b'<svg class="reports-chart"') == 9


def test_report_page_defaults_to_this_year(staff_client, known_data):
    response = staff_client.get(URL)

    year = timezone.localdate().year
    report = response.context["report"]
    assert (report.start, report.end) == (dt.date(year, 1, 1), dt.date(year, 12, 31))


def test_report_page_refuses_an_end_before_the_start(staff_client):
    response = staff_client.get(URL, {"start": "2022-10-01", "end": "2022-09-01"})

    assert response.context["form"].errors == {
        "__all__": ["The end date must be on or after the start date."]
    }


def test_report_page_has_no_style_attribute_or_inline_script(staff_client, known_data):
    content = staff_client.get(URL, PERIOD_QUERY).content.decode()

    assert " style=" not in content
    assert "<script>" not in content


def test_report_page_is_refused_to_staff_without_the_permission(client):
    client.force_login(UserFactory(is_staff=True))

    assert client.get(URL).status_code == 403


def test_report_page_is_open_to_staff_with_view_report(client):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_report"))
    client.force_login(user)

    assert client.get(URL).status_code == 200


def test_breakdown_csv_holds_the_rows(staff_client, known_data):
    response = staff_client.get(URL + "member-state.csv", PERIOD_QUERY)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert list(csv.reader(io.StringIO(response.content.decode()))) == [
        ["People trained by member state", "2022-07-01 to 2022-10-31"],
        ["group", "people trained"],
        ["Thailand", "2"],
        ["Indonesia", "1"],
        ["Not recorded", "1"],
    ]


def test_breakdown_csv_neutralises_a_formula_in_a_name(staff_client):
    agency = OrganisationFactory(name='=HYPERLINK("http://x")')
    registration_of(WorkshopFactory(status=WorkshopStatus.DELIVERED), agency)

    response = staff_client.get(URL + "agency.csv", {"start": "2022-01-01", "end": "2022-12-31"})

    assert list(csv.reader(io.StringIO(response.content.decode())))[2] == [
        '\'=HYPERLINK("http://x")',
        "1",
    ]


def test_breakdown_csv_of_an_unknown_breakdown_is_not_found(staff_client):
    assert staff_client.get(URL + "shoe-size.csv").status_code == 404


def registration_of(workshop, agency):
    Workshop.objects.filter(pk=workshop.pk).update(
        starts_on=dt.date(2022, 5, 1), ends_on=dt.date(2022, 5, 1)
    )
    participant = Participant.objects.create(
        given_name="P", agency=agency, member_state=agency.member_state
    )
    Registration.objects.create(
        participant=participant, workshop=workshop, status=RegistrationStatus.ATTENDED
    )


def bulk_data(count):
    """`count` delivered workshops in 2022, each with two people trained, in bulk."""
    state = MemberStateFactory()
    agency = OrganisationFactory(member_state=state)
    workshops = Workshop.objects.bulk_create(
        WorkshopFactory.build(
            status=WorkshopStatus.DELIVERED,
            starts_on=dt.date(2022, 3, 1),
            ends_on=dt.date(2022, 3, 2),
        )
        for _ in range(count)
    )
    people = Participant.objects.bulk_create(
        Participant(given_name=f"P{n}", agency=agency, member_state=state) for n in range(2 * count)
    )
    Registration.objects.bulk_create(
        Registration(
            workshop=workshops[n // 2], participant=person, status=RegistrationStatus.ATTENDED
        )
        for n, person in enumerate(people)
    )


@pytest.mark.parametrize("count", [5, 500])
def test_report_page_query_count_is_constant(staff_client, django_assert_num_queries, count):
    bulk_data(count)

    # session, user, the thematic areas' names, the people by their own attributes,
    # the people by their workshops' attributes (and their total), the events (and
    # their total), the publications
    with django_assert_num_queries(7):
        response = staff_client.get(URL, {"start": "2022-01-01", "end": "2022-12-31"})

    assert response.context["report"].figures.people_trained == 2 * count
