"""The joining link is for confirmed participants' emails only."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path", ["/events/document-fraud/", "/events/document-fraud.ics", "/events.ics", "/th/events/"]
)
def test_joining_link_is_on_no_public_page(client, workshop, path):
    response = client.get(path)

    assert response.status_code == 200
    assert workshop.title.encode() in response.content
    assert b"zoom.example/j/123456" not in response.content
