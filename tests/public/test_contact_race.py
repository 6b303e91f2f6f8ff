"""Simultaneous posts against a running server: the limit holds (increment, then check)."""

import re
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar

import pytest

from tests.conftest import requires_postgres
from tests.factories.workshops import MemberStateFactory
from tests.public.builders import contact_form_data
from workshops.models import TrainingRequest

pytestmark = pytest.mark.django_db(transaction=True)

POSTS = 20


# SQLite locks the table against simultaneous writers; the race is PostgreSQL's.
@requires_postgres
def test_simultaneous_contact_posts_store_no_more_than_the_limit(live_server, settings):
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1"]
    state = MemberStateFactory()
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = opener.open(f"{live_server.url}/contact/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    body = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, **contact_form_data(state)}
    ).encode()

    def post(_):
        request = urllib.request.Request(  # noqa: S310 (http on loopback)
            f"{live_server.url}/contact/", data=body, headers={"Referer": live_server.url}
        )
        try:
            return opener.open(request).status
        except urllib.error.HTTPError as error:
            return error.code

    with ThreadPoolExecutor(max_workers=POSTS) as pool:
        statuses = list(pool.map(post, range(POSTS)))

    assert TrainingRequest.objects.count() == 5
    assert sorted(statuses) == [200] * 5 + [429] * (POSTS - 5)
