"""A visitor's way through the public site, in a real browser: from the home page to an
event's programme, into Bahasa Indonesia, and on to the news feed."""

import datetime as dt
from urllib.parse import urlsplit

import feedparser
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories.publications import NewsArticleFactory
from tests.factories.workshops import SessionFactory, SpeakerFactory
from tests.public.builders import future, make_event

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Regional Dialogue on Migrant Protection"


def build_upcoming_event():
    event = make_event(title=TITLE, slug="regional-dialogue", days=[future(20), future(21)])
    first_day, second_day = event.days.all()
    wendy = SpeakerFactory(
        honorific="Ms.", name="Wendy MacDonald", position="Senior Adviser", organisation=None
    )
    suriya = SpeakerFactory(
        honorific="Dr.", name="Suriya Chindawongse", position="Lecturer", organisation=None
    )
    for day, order, title, starts, speakers in [
        (first_day, 1, "Opening remarks", dt.time(9), [wendy]),
        (first_day, 2, "Identifying victims at airports", dt.time(10), [suriya]),
        (second_day, 1, "Referral pathways", dt.time(9), [wendy, suriya]),
    ]:
        session = SessionFactory(
            day=day,
            order=order,
            title=title,
            start_time=starts,
            end_time=starts.replace(minute=45),
        )
        session.speakers.set(speakers)
    return event


def test_visitor_goes_from_home_to_a_programme_in_indonesian_and_subscribes_to_news(page):
    event = build_upcoming_event()
    NewsArticleFactory(
        title="An older article", published_at=timezone.now() - dt.timedelta(days=30)
    )
    article = NewsArticleFactory(
        title="The RSO delivers a virtual workshop to Malaysian Immigration",
        published_at=timezone.now() - dt.timedelta(hours=1),
    )

    page.goto("/")
    main_nav = page.get_by_role("navigation", name="Main navigation")
    main_nav.get_by_role("link", name="Events").click()
    page.wait_for_url("**/events/")
    page.get_by_role("link", name=TITLE).click()
    page.wait_for_url(f"**/events/{event.slug}/")
    programme = page.get_by_role("region", name="Programme", exact=True)
    programme.get_by_role("heading", name="Programme").scroll_into_view_if_needed()

    expect(programme.locator(".programme-session p.fw-semibold")).to_have_text(
        ["Opening remarks", "Identifying victims at airports", "Referral pathways"]
    )
    expect(programme.locator(".speakers li")).to_have_text(
        [
            "Ms. Wendy MacDonald, Senior Adviser",
            "Dr. Suriya Chindawongse, Lecturer",
            "Dr. Suriya Chindawongse, Lecturer",
            "Ms. Wendy MacDonald, Senior Adviser",
        ]
    )

    # The switcher is in the header: a disclosure listing the languages.
    page.locator(".language-switcher summary").click()
    page.get_by_role("list", name="Languages").get_by_role("link", name="Bahasa Indonesia").click()

    page.wait_for_url(f"**/id/events/{event.slug}/")
    assert urlsplit(page.url).path == f"/id/events/{event.slug}/"
    expect(page.locator("html")).to_have_attribute("lang", "id")
    # By its id: the navigation's accessible name is translated too.
    expect(page.locator("#main-nav .nav-link")).to_have_text(
        ["Berita", "Acara", "Publikasi", "Sorotan", "Ajukan pelatihan"]
    )

    feed_url = page.locator('head link[rel="alternate"][type="application/rss+xml"]')
    response = page.request.get(feed_url.get_attribute("href"))

    assert response.status == 200
    feed = feedparser.parse(response.body())
    assert feed.bozo is False
    assert feed.feed.title == "Regional Support Office: news"
    assert [entry.title for entry in feed.entries] == [article.title, "An older article"]
    assert page.failed_requests == []
    assert page.console_errors == []
