import pytest
from django.contrib.auth.models import Group

from tests.factories.participants import RegistrationFactory
from tests.factories.workshops import UserFactory

pytestmark = pytest.mark.django_db


def member_of(group_name):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_groups_are_created_by_the_migration():
    assert sorted(Group.objects.values_list("name", flat=True)) == [
        "Communications",
        "Programme staff",
        "Trainers",
    ]


@pytest.mark.parametrize(
    "path",
    [
        "/admin/workshops/workshop/",
        "/admin/workshops/workshop/{workshop}/change/",
        "/admin/participants/participant/",
        "/admin/participants/participant/{participant}/change/",
        "/admin/participants/registration/",
        "/admin/participants/attendance/",
        "/admin/reports/report/workshop/{workshop}/participants.csv",
        "/admin/reports/report/registrations.csv",
    ],
)
def test_communications_user_is_refused_participant_and_workshop_pages(client, path):
    registration = RegistrationFactory()
    client.force_login(member_of("Communications"))

    response = client.get(
        path.format(workshop=registration.workshop_id, participant=registration.participant_id)
    )

    assert response.status_code == 403


@pytest.mark.parametrize(
    "path",
    [
        "/admin/publications/newsarticle/",
        "/admin/publications/publication/",
        "/admin/publications/newsletterissue/",
    ],
)
def test_communications_user_opens_news_publications_and_newsletters(client, path):
    client.force_login(member_of("Communications"))

    assert client.get(path).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/admin/workshops/workshop/",
        "/admin/participants/registration/",
        "/admin/reports/report/",
        "/admin/reports/report/workshop/{workshop}/attendance.xlsx",
    ],
)
def test_programme_staff_open_workshops_participants_and_reports(client, path):
    registration = RegistrationFactory()
    client.force_login(member_of("Programme staff"))

    assert client.get(path.format(workshop=registration.workshop_id)).status_code == 200


def test_programme_staff_cannot_edit_news(client):
    client.force_login(member_of("Programme staff"))

    assert client.get("/admin/publications/newsarticle/").status_code == 403


def test_trainer_group_opens_nothing_in_the_admin(client):
    client.force_login(member_of("Trainers"))

    response = client.get("/admin/")

    assert response.context["app_list"] == []
