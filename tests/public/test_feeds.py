import datetime as dt
import xml.etree.ElementTree as ET
import zoneinfo

import icalendar
import pytest

from publications.choices import ArticleStatus
from tests.factories.publications import (
    NewsArticleFactory,
    NewsletterIssueFactory,
    PublicationFactory,
)
from tests.factories.workshops import SessionFactory, ThematicAreaFactory
from tests.public.builders import future, make_event, past
from workshops.choices import DeliveryMode, WorkshopStatus

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def xml_of(response):
    return ET.fromstring(response.content)  # noqa: S314 (the portal's own output)


# News feeds ---------------------------------------------------------------------


def test_rss_feed_lists_published_articles_newest_first(client):
    area = ThematicAreaFactory(name="People smuggling")
    NewsArticleFactory(title="Older", published_at=dt.datetime(2022, 7, 1, tzinfo=dt.UTC))
    NewsArticleFactory(
        title="Newer",
        slug="newer",
        summary="Newer summary.",
        published_at=dt.datetime(2022, 7, 21, tzinfo=dt.UTC),
    ).thematic_areas.add(area)
    NewsArticleFactory(title="Draft", status=ArticleStatus.DRAFT)

    response = client.get("/feeds/news/")

    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    channel = xml_of(response).find("channel")
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == ["Newer", "Older"]
    assert items[0].findtext("description") == "Newer summary."
    assert items[0].findtext("category") == "People smuggling"
    assert items[0].findtext("link") == "http://testserver/news/newer/"


def test_atom_feed_lists_published_articles(client):
    NewsArticleFactory(title="Published")
    NewsArticleFactory(title="Scheduled", published_at=dt.datetime(2999, 1, 1, tzinfo=dt.UTC))

    response = client.get("/feeds/news/atom/")

    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = xml_of(response)
    assert [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")] == ["Published"]


@pytest.mark.parametrize("rows", [5, 50])
def test_news_feed_queries_stay_constant(client, django_assert_num_queries, rows):
    areas = ThematicAreaFactory.create_batch(2)
    for article in NewsArticleFactory.create_batch(rows):
        article.thematic_areas.add(*areas)

    with django_assert_num_queries(2):
        client.get("/feeds/news/")


# Calendars ----------------------------------------------------------------------


def events_of(response):
    calendar = icalendar.Calendar.from_ical(response.content)
    return list(calendar.walk("VEVENT"))


def test_event_calendar_has_one_timed_event_per_day_in_the_workshops_timezone(client):
    workshop = make_event(title="Addressing People Smuggling", timezone="Asia/Kuala_Lumpur")
    monday = workshop.days.create(held_on=dt.date(2030, 7, 15))
    wednesday = workshop.days.create(held_on=dt.date(2030, 7, 17))
    SessionFactory(day=monday, start_time=dt.time(9), end_time=dt.time(10, 30))
    SessionFactory(day=monday, start_time=dt.time(11), end_time=dt.time(12, 30))
    SessionFactory(day=wednesday, start_time=dt.time(13), end_time=dt.time(15))

    response = client.get(f"/events/{workshop.slug}.ics")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{workshop.slug}.ics"'
    zone = zoneinfo.ZoneInfo("Asia/Kuala_Lumpur")
    events = events_of(response)
    assert [(e.decoded("dtstart"), e.decoded("dtend")) for e in events] == [
        (dt.datetime(2030, 7, 15, 9, tzinfo=zone), dt.datetime(2030, 7, 15, 12, 30, tzinfo=zone)),
        (dt.datetime(2030, 7, 17, 13, tzinfo=zone), dt.datetime(2030, 7, 17, 15, tzinfo=zone)),
    ]
    assert [str(e["summary"]) for e in events] == [
        "Addressing People Smuggling (day 1 of 2)",
        "Addressing People Smuggling (day 2 of 2)",
    ]
    assert events[0]["dtstart"].params["TZID"] == "Asia/Kuala_Lumpur"
    assert b"BEGIN:VTIMEZONE\r\nTZID:Asia/Kuala_Lumpur" in response.content
    assert str(events[0]["url"]) == f"http://testserver/events/{workshop.slug}/"
    assert str(events[0]["uid"]) == f"workshop-{workshop.pk}-day-{monday.pk}@testserver"


def test_event_calendar_without_session_times_has_all_day_events(client):
    workshop = make_event(days=[dt.date(2030, 1, 8)])

    events = events_of(client.get(f"/events/{workshop.slug}.ics"))

    assert [(e.decoded("dtstart"), e.decoded("dtend")) for e in events] == [
        (dt.date(2030, 1, 8), dt.date(2030, 1, 9))
    ]
    assert str(events[0]["status"]) == "CONFIRMED"


def test_event_calendar_marks_tentative_and_cancelled_events(client):
    tentative = make_event(days=[future(3)], has_tentative_dates=True)
    cancelled = make_event(days=[future(4)], status=WorkshopStatus.CANCELLED)

    assert str(events_of(client.get(f"/events/{tentative.slug}.ics"))[0]["status"]) == ("TENTATIVE")
    assert str(events_of(client.get(f"/events/{cancelled.slug}.ics"))[0]["status"]) == ("CANCELLED")


def test_event_calendar_location_names_the_place_or_platform(client):
    virtual = make_event(days=[future(3)], delivery_mode=DeliveryMode.VIRTUAL, platform="Gather")
    in_person = make_event(
        days=[future(3)],
        delivery_mode=DeliveryMode.IN_PERSON,
        platform="",
        venue="Centara Grand",
        city="Bangkok",
    )

    assert str(events_of(client.get(f"/events/{virtual.slug}.ics"))[0]["location"]) == (
        "Online: Gather"
    )
    assert str(events_of(client.get(f"/events/{in_person.slug}.ics"))[0]["location"]) == (
        "Centara Grand, Bangkok"
    )


@pytest.mark.parametrize(
    "fields",
    [{"status": WorkshopStatus.DRAFT}, {"is_public": False}],
    ids=["draft", "not-public"],
)
def test_event_calendar_of_a_hidden_workshop_is_not_found(client, fields):
    workshop = make_event(days=[future(3)], **fields)

    assert client.get(f"/events/{workshop.slug}.ics").status_code == 404


def test_events_calendar_has_every_upcoming_public_event(client):
    make_event(title="Upcoming", days=[future(3), future(5)])
    make_event(title="Past", days=[past(3)])
    make_event(title="Draft", days=[future(3)], status=WorkshopStatus.DRAFT)
    make_event(title="Undated", days=[])

    response = client.get("/events.ics")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert [str(e["summary"]) for e in events_of(response)] == [
        "Upcoming (day 1 of 2)",
        "Upcoming (day 2 of 2)",
    ]


@pytest.mark.parametrize("rows", [5, 50])
def test_events_calendar_queries_stay_constant(client, django_assert_num_queries, rows):
    for n in range(rows):
        make_event(days=[future(n + 1), future(n + 2)], sessions_per_day=2)

    # workshops, days, sessions.
    with django_assert_num_queries(3):
        response = client.get("/events.ics")

    assert len(events_of(response)) == rows * 2


# Sitemap and robots -------------------------------------------------------------


def test_sitemap_lists_public_pages_in_every_language(client):
    NewsArticleFactory(slug="published-news")
    NewsArticleFactory(slug="draft-news", status=ArticleStatus.DRAFT)
    make_event(slug="public-event", days=[future(3)])
    make_event(slug="draft-event", days=[future(3)], status=WorkshopStatus.DRAFT)
    PublicationFactory(slug="a-guide")
    NewsletterIssueFactory(slug="issue-2")

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    locations = {u.findtext(f"{SITEMAP}loc") for u in xml_of(response)}
    for path in (
        "/",
        "/news/",
        "/events/",
        "/publications/",
        "/highlights/",
        "/contact/",
        "/news/published-news/",
        "/events/public-event/",
        "/publications/a-guide/",
        "/highlights/issue-2/",
    ):
        assert f"http://testserver{path}" in locations
        assert f"http://testserver/th{path}" in locations
    assert not {loc for loc in locations if "draft" in loc}
    assert len(locations) == 10 * 5


def test_robots_txt_points_to_the_sitemap_and_keeps_private_areas_out(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /trainer/",
        "Disallow: /survey/",
        "Disallow: /certificates/",
        "",
        "Sitemap: http://testserver/sitemap.xml",
    ]
