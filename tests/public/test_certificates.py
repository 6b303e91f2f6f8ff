"""The public check of a certificate: /certificates/ and /certificates/<code>/."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from public.views import certificates
from tests.factories.training import CertificateFactory
from tests.factories.workshops import WorkshopDayFactory
from tests.html import csp_violations
from tests.i18n.pages import html_lang, texts_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(workshop):
    certificate = CertificateFactory(
        code="7KQ2M-X9D4T",
        registration__workshop=workshop,
        registration__participant__given_name="Nguyễn Thị",
        registration__participant__family_name="Hương",
        registration__participant__email="huong@immigration.example",
        registration__participant__agency__name="Immigration Department of Example",
    )
    WorkshopDayFactory(workshop=workshop, held_on=dt.date(2022, 7, 18))
    WorkshopDayFactory(workshop=workshop, held_on=dt.date(2022, 7, 20))
    return certificate


def url(code):
    return f"/certificates/{code}/"


def facts(response) -> list[str]:
    html = response.content.decode()
    return texts_of(html, "dd", **{"class": "col-sm-9"})


def state(response) -> str:
    return texts_of(response.content.decode(), "div", id="certificate-state")[0]


def test_valid_certificate_shows_holder_workshop_dates_and_nothing_else(client, certificate):
    response = client.get(url("7KQ2M-X9D4T"))

    html = response.content.decode()
    assert response.status_code == 200
    assert state(response).startswith("Valid.")
    assert facts(response) == [
        "Nguyễn Thị Hương",
        "Virtual Training Workshop",
        "Monday July 18 and Wednesday July 20, 2022",
    ]
    assert "huong@immigration.example" not in html
    assert "Immigration Department of Example" not in html
    assert csp_violations(html) == []


def test_certificate_page_is_never_stored_by_a_cache(client, certificate, settings):
    settings.PAGE_CACHE_ENABLED = True

    first = client.get(url("7KQ2M-X9D4T"))
    certificate.revoked_at = timezone.now()
    certificate.revoked_reason = "Issued in error."
    certificate.save()
    second = client.get(url("7KQ2M-X9D4T"))

    assert "no-store" in first["Cache-Control"]
    assert "private" in first["Cache-Control"]
    assert state(second).startswith("Revoked.")


def test_revoked_certificate_says_so(client, certificate):
    certificate.revoked_at = timezone.now()
    certificate.revoked_reason = "Issued in error."
    certificate.save()

    response = client.get(url("7KQ2M-X9D4T"))

    assert response.status_code == 200
    assert state(response).startswith("Revoked.")
    assert "Issued in error." not in response.content.decode()


def test_unknown_code_is_a_404_that_says_so(client, certificate):
    response = client.get(url("7KQ2M-X9D4A"))

    assert response.status_code == 404
    assert texts_of(response.content.decode(), "h1") == ["No certificate has this code"]
    assert "Nguyễn" not in response.content.decode()


@pytest.mark.parametrize("code", ["not-a-code", "7KQ2M-X9D4", "UUUUU-UUUUU"])
def test_malformed_code_is_a_404(client, certificate, code):
    assert client.get(url(code)).status_code == 404


@pytest.mark.parametrize("typed", ["7kq2m-x9d4t", "7KQ2MX9D4T", "7kq2mx9d4t"])
def test_code_typed_in_lower_case_or_without_the_dash_goes_to_its_page(client, certificate, typed):
    response = client.get(url(typed), follow=True)

    assert response.redirect_chain == [(url("7KQ2M-X9D4T"), 302)]
    assert state(response).startswith("Valid.")


def test_certificate_form_sends_a_typed_code_to_its_page(client, certificate):
    form = client.get(reverse("certificates:form"))
    response = client.get(reverse("certificates:form"), {"code": " 7kq2m x9d4t "})

    assert form.status_code == 200
    assert "no-store" in form["Cache-Control"]
    assert (response.status_code, response.url) == (302, url("7KQ2M-X9D4T"))


def test_certificate_form_with_a_malformed_code_says_what_to_fix(client):
    response = client.get(reverse("certificates:form"), {"code": "12345"})

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "code": [
            "A certificate code has 10 letters and digits, like 7KQ2M-X9D4T. Check what you typed."
        ]
    }


def test_certificate_checks_are_rate_limited_per_client(client, certificate, monkeypatch):
    monkeypatch.setattr(certificates, "CHECK_LIMIT", 2)

    answers = [client.get(url(code)).status_code for code in ("7KQ2M-X9D4T", "7KQ2M-X9D4A")]
    refused = client.get(url("7KQ2M-X9D4T"))
    other_client = client.get(url("7KQ2M-X9D4T"), REMOTE_ADDR="192.0.2.7")

    assert answers == [200, 404]
    assert refused.status_code == 429
    assert texts_of(refused.content.decode(), "h1") == ["Too many checks"]
    assert "Nguyễn" not in refused.content.decode()
    assert other_client.status_code == 200


@pytest.mark.parametrize("days", [1, 4])
def test_certificate_page_reads_two_statements(
    client, certificate, workshop, no_page_cache, django_assert_num_queries, days
):
    for n in range(days):
        WorkshopDayFactory(workshop=workshop, held_on=dt.date(2022, 8, 1) + dt.timedelta(n))

    with django_assert_num_queries(2):
        response = client.get(url("7KQ2M-X9D4T"))

    assert response.status_code == 200


def test_certificate_page_is_translated(client, certificate):
    response = client.get(f"/th{url('7KQ2M-X9D4T')}")

    assert response.status_code == 200
    assert html_lang(response.content.decode()) == "th"
    assert facts(response)[0] == "Nguyễn Thị Hương"
