"""The admin's app list (index, an app's page, the sidebar of every page): built once
a request, with Django's permissions."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group

from tests.factories.workshops import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def builds(monkeypatch):
    """How many times Django builds the app list."""
    calls = []
    build = admin.AdminSite._build_app_dict

    def counted(site, request, label=None):
        calls.append(label)
        return build(site, request, label)

    monkeypatch.setattr(admin.AdminSite, "_build_app_dict", counted)
    return calls


def labels(app_list):
    return [app["app_label"] for app in app_list]


def test_admin_index_builds_the_app_list_once_for_its_content_and_sidebar(staff_client, builds):
    response = staff_client.get("/admin/")

    assert builds == [None]
    assert response.context["app_list"] == response.context["available_apps"]


def test_changelist_builds_the_sidebar_once(staff_client, builds):
    response = staff_client.get("/admin/participants/registration/")

    assert response.status_code == 200
    assert builds == [None]


def test_app_page_lists_the_same_models_as_djangos_own_list_of_the_app(staff_client, builds):
    response = staff_client.get("/admin/participants/")

    djangos = admin.AdminSite.get_app_list(admin.site, response.wsgi_request, "participants")
    assert builds == [None, "participants"]  # ours, then Django's own above
    assert response.context["app_list"] == djangos
    assert labels(response.context["app_list"]) == ["participants"]


def test_communications_staff_see_no_workshops_or_participants_in_any_app_list(client):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Communications"))
    client.force_login(user)

    index = client.get("/admin/")
    news = client.get("/admin/publications/newsarticle/")
    participants_app = client.get("/admin/participants/")

    assert labels(index.context["app_list"]) == ["publications"]
    assert labels(index.context["available_apps"]) == ["publications"]
    assert labels(news.context["available_apps"]) == ["publications"]
    assert participants_app.status_code == 404
