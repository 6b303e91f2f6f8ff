"""Logging in to the trainers' area: the public site's look, logout, a password reset
link that works once, and no way into the admin for a trainer."""

import re

import pytest
from django.urls import reverse

from tests.factories.workshops import UserFactory
from tests.html import csp_violations
from tests.i18n.pages import html_lang, main_navigation, texts_of

pytestmark = pytest.mark.django_db

LOGIN = reverse("trainer:login")
HOME = reverse("trainer:home")
PASSWORD = "a-long-test-password"


@pytest.fixture
def officer(db):
    return UserFactory(username="officer", email="Officer@Agency.example")


def log_in(client, username="officer", password=PASSWORD, next_page=""):
    return client.post(
        LOGIN + (f"?next={next_page}" if next_page else ""),
        {
            "username": username,
            "password": password,
        },
    )


def test_login_page_has_the_public_sites_look_not_the_admins(client):
    response = client.get(LOGIN)

    html = response.content.decode()
    assert response.status_code == 200
    assert main_navigation(html) == [
        "News",
        "Events",
        "Publications",
        "Highlights",
        "Request training",
    ]
    assert texts_of(html, "h1") == ["Trainers’ area"]
    assert "administration" not in html
    assert csp_violations(html) == []


def test_login_goes_to_my_workshops(client, officer):
    response = log_in(client)

    assert (response.status_code, response.url) == (302, HOME)
    assert client.get(HOME).status_code == 200


def test_login_goes_back_to_the_page_asked_for(client, officer):
    response = log_in(client, next_page="/trainer/workshops/some-workshop/")

    assert response.url == "/trainer/workshops/some-workshop/"


def test_login_with_a_wrong_password_says_so(client, officer):
    response = log_in(client, password="wrong")

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Please enter a correct username and password. Note that both fields may be case-sensitive."
    ]


def test_login_after_too_many_failures_is_refused_even_with_the_right_password(
    client, officer, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, password="wrong")

    response = log_in(client)

    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_login_page_of_a_logged_in_trainer_goes_to_my_workshops(trainer_client):
    response = trainer_client.get(LOGIN)

    assert (response.status_code, response.url) == (302, HOME)


def test_trainer_area_in_indonesian_keeps_the_language_through_the_login(client, officer):
    response = client.get("/id/trainer/")
    login = client.get(response.url)

    assert response.url == "/id/trainer/login/?next=/id/trainer/"
    assert html_lang(login.content.decode()) == "id"


def test_trainer_who_is_not_staff_never_reaches_the_admin(client, officer):
    log_in(client)

    index = client.get("/admin/")
    admin_login = client.post(
        "/admin/login/?next=/admin/", {"username": "officer", "password": PASSWORD}
    )
    again = client.get("/admin/")

    assert (index.status_code, index.url) == (302, "/admin/login/?next=/admin/")
    assert admin_login.status_code == 200
    assert admin_login.context["form"].non_field_errors() == [
        "Please enter the correct username and password for a staff account. Note that both "
        "fields may be case-sensitive."
    ]
    assert again.status_code == 302


def reset_link(mail) -> str:
    return re.search(r"https?://[^/]+(/trainer/password-reset/\S+/)", mail.body).group(1)


def test_password_reset_link_works_once(client, officer, mailoutbox):
    sent = client.post(reverse("trainer:password-reset"), {"email": "officer@agency.example"})
    link = reset_link(mailoutbox[0])
    form_page = client.get(link, follow=True)
    changed = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Border-Post-2022!", "new_password2": "Border-Post-2022!"},
    )
    reused = client.get(link, follow=True)

    assert (sent.status_code, sent.url) == (302, reverse("trainer:password-reset-sent"))
    assert [(m.to, m.subject) for m in mailoutbox] == [
        (["Officer@Agency.example"], "A new password for the RSO Portal")
    ]
    assert (changed.status_code, changed.url) == (302, reverse("trainer:password-reset-done"))
    assert texts_of(reused.content.decode(), "div", role="alert") == [
        "This link has already been used or has expired."
    ]
    assert log_in(client, password="Border-Post-2022!").url == HOME


def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(
    client, officer, mailoutbox
):
    response = client.post(reverse("trainer:password-reset"), {"email": "nobody@example.org"})

    assert (response.status_code, response.url) == (302, reverse("trainer:password-reset-sent"))
    assert mailoutbox == []
