"""The admin's app list (index, an app's page, the sidebar of every page): built once
per permissions and language in a process, with Django's permissions; the sidebar
drawn once per list and page highlighted."""

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


def test_app_list_is_built_once_for_the_same_permissions_and_language(staff_client, builds):
    staff_client.get("/admin/")
    staff_client.get("/admin/participants/registration/")
    other = UserFactory(is_staff=True, is_superuser=True)
    staff_client.force_login(other)
    staff_client.get("/admin/")

    assert builds == [None]


def test_staff_member_given_a_group_sees_its_models_at_once(client):
    user = UserFactory(is_staff=True)
    client.force_login(user)
    assert labels(client.get("/admin/").context["app_list"]) == []

    user.groups.add(Group.objects.get(name="Communications"))

    assert labels(client.get("/admin/").context["app_list"]) == ["publications"]


@pytest.mark.parametrize(
    ("page", "current", "other"),
    [
        ("/admin/participants/registration/", "registration", "participant"),
        ("/admin/participants/participant/", "participant", "registration"),
        ("/admin/participants/participant/add/", "participant", "registration"),
    ],
)
def test_sidebar_highlights_the_pages_own_model(staff_client, page, current, other):
    staff_client.get("/admin/participants/registration/")  # a sidebar already rendered

    html = staff_client.get(page).content.decode()

    assert f'<tr class="model-{current} current-model">' in html
    assert f'<tr class="model-{other}">' in html
    assert html.count('aria-current="page"') == 1


@pytest.mark.parametrize("language", ["en", "th"])
def test_sidebar_is_djangos_own(staff_client, language):
    from pathlib import Path

    import django
    from django.template import Context, engines
    from django.utils import translation

    response = staff_client.get("/admin/participants/registration/")
    request, apps = response.wsgi_request, response.context["available_apps"]
    original = (
        Path(django.__file__).parent / "contrib/admin/templates/admin/nav_sidebar.html"
    ).read_text()

    with translation.override(language):
        djangos = (
            engines["django"]
            .engine.from_string(original)
            .render(Context({"available_apps": apps, "request": request}))
        )
        ours = admin.site.nav_sidebar(request, apps)

    assert " ".join(ours.split()) == " ".join(djangos.split())
    assert "current-model" in ours
