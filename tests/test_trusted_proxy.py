"""Proxy headers are believed from the configured proxies only."""

import pytest

from tests.factories.workshops import MemberStateFactory
from tests.public.builders import contact_form_data
from workshops.models import TrainingRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def https(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]


def test_forwarded_proto_from_a_client_does_not_skip_the_https_redirect(client, https):
    response = client.get("/news/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_PROTO="https")

    assert response.status_code == 301
    assert response["Location"] == "https://testserver/news/"


def test_forwarded_proto_from_the_proxy_counts_as_https(client, https):
    response = client.get("/news/", REMOTE_ADDR="10.1.2.3", HTTP_X_FORWARDED_PROTO="https")

    assert response.status_code == 200


def _contact(client, **extra):
    data = contact_form_data(MemberStateFactory())
    return client.post("/contact/", data, **extra)


def test_forged_forwarded_for_neither_resets_nor_frames_the_rate_limit(client, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    for n in range(5):
        _contact(client, REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")

    refused = _contact(client, REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="198.51.100.99")
    victim = _contact(client, REMOTE_ADDR="198.51.100.1")

    assert refused.status_code == 429
    assert victim.status_code == 302
    assert TrainingRequest.objects.count() == 6


def test_client_address_comes_from_the_proxy_forwarded_for(client, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    for _ in range(5):
        _contact(client, REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="forged, 203.0.113.9")

    same_client = _contact(client, REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="203.0.113.9")
    other_client = _contact(client, REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="203.0.113.10")

    assert same_client.status_code == 429
    assert other_client.status_code == 302
