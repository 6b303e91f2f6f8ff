"""A participant's or requester's personal data never reaches a public page, feed,
calendar or log line."""

import logging

import pytest

from tests.public.site import PERSONAL_DATA, build_public_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return build_public_site()


def test_no_personal_data_on_any_public_page(client, site):
    leaks = []
    for path in site.pages:
        response = client.get(path)
        assert response.status_code == (404 if path == "/no-such-page/" else 200), path
        body = response.content.decode()
        leaks += [(path, value) for value in PERSONAL_DATA if value.lower() in body.lower()]

    assert leaks == []


def test_no_personal_data_in_any_feed_calendar_or_sitemap(client, site):
    leaks = []
    for path in site.feeds:
        response = client.get(path)
        assert response.status_code == 200, path
        body = response.content.decode()
        leaks += [(path, value) for value in PERSONAL_DATA if value.lower() in body.lower()]

    assert leaks == []


def test_event_page_shows_participants_as_a_count_and_their_states_only(client, site):
    html = client.get("/events/malaysia-virtual-workshop/").content.decode()

    assert "1 official" in html
    assert "<li>Malaysia</li>" in html
    assert "<li>Immigration Department of Malaysia (JIM)</li>" in html


def test_no_personal_data_in_the_logs_of_a_contact_request(
    client, site, caplog, django_capture_on_commit_callbacks
):
    from workshops.models import MemberState

    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/contact/",
            {
                "name": "Qoriah Zwanenburg",
                "organisation": "Immigration Department",
                "member_state": MemberState.objects.get(name="Malaysia").pk,
                "email": "qoriah.zwanenburg@imi-secret.example",
                "training_kind": "course",
                "message": "A course on document fraud for our airport officers.",
            },
        )

    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert [value for value in PERSONAL_DATA if value in logged] == []
