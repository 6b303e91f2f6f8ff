import pytest
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string

from tests.html import csp_violations, external_assets

PAGES = ["/", "/healthz", "/admin/login/", "/no-such-page/"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_every_response_carries_a_strict_csp(client, path):
    response = client.get(path)

    policy = response["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_every_response_carries_security_headers(client, path):
    response = client.get(path)

    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"].split(", ")
    assert "geolocation=()" in response["Permissions-Policy"].split(", ")
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/no-such-page/"])
def test_public_page_has_no_inline_code_and_no_cdn(client, path):
    html = client.get(path).content.decode()

    assert csp_violations(html) == []
    assert external_assets(html) == []


def test_server_error_page_has_no_inline_code():
    html = render_to_string("500.html")

    assert "Something went wrong" in html
    assert csp_violations(html) == []


@pytest.mark.django_db
def test_passwords_are_hashed_with_argon2():
    user = get_user_model().objects.create_user("someone", password="correct horse battery")

    assert user.password.startswith("argon2$")
