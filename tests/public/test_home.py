import datetime as dt
import re

import pytest

from participants.choices import RegistrationStatus
from publications.choices import ArticleStatus
from reports.queries import HeadlineFigures, headline_figures
from tests.factories.participants import ParticipantFactory, RegistrationFactory
from tests.factories.publications import NewsArticleFactory, PublicationFactory
from tests.public.builders import future, make_event, past, register
from workshops.choices import WorkshopStatus

pytestmark = pytest.mark.django_db


# Headline figures ---------------------------------------------------------------


def test_headline_figures_count_distinct_people_trained(client):
    first = make_event(days=[past(30)], status=WorkshopStatus.DELIVERED)
    second = make_event(days=[past(10)], status=WorkshopStatus.DELIVERED)
    twice = ParticipantFactory()
    RegistrationFactory(workshop=first, participant=twice, status=RegistrationStatus.ATTENDED)
    RegistrationFactory(workshop=second, participant=twice, status=RegistrationStatus.COMPLETED)
    register(second, count=2, status=RegistrationStatus.ATTENDED)
    register(second, count=3, status=RegistrationStatus.CONFIRMED)
    register(second, count=1, status=RegistrationStatus.WITHDRAWN)

    assert headline_figures() == HeadlineFigures(
        people_trained=3, events_delivered=2, publications_published=0
    )


def test_headline_figures_count_events_delivered_and_publications_published():
    make_event(days=[past(5)], status=WorkshopStatus.DELIVERED)
    make_event(days=[past(5)], status=WorkshopStatus.DELIVERED, is_public=False)
    make_event(days=[past(5)], status=WorkshopStatus.CANCELLED)
    make_event(days=[future(5)], status=WorkshopStatus.SCHEDULED)
    PublicationFactory(published_on=dt.date(2022, 7, 30))
    PublicationFactory(is_published=False)

    assert headline_figures() == HeadlineFigures(
        people_trained=0, events_delivered=2, publications_published=1
    )


def test_headline_figures_for_a_period_count_workshops_by_their_last_day():
    period = (dt.date(2022, 7, 1), dt.date(2022, 10, 31))
    spanning = make_event(
        days=[dt.date(2022, 6, 30), dt.date(2022, 7, 1)], status=WorkshopStatus.DELIVERED
    )
    inside = make_event(days=[dt.date(2022, 9, 1)], status=WorkshopStatus.DELIVERED)
    after = make_event(
        days=[dt.date(2022, 10, 31), dt.date(2022, 11, 1)], status=WorkshopStatus.DELIVERED
    )
    register(spanning, count=1)
    register(inside, count=2)
    register(after, count=4)
    PublicationFactory(published_on=dt.date(2022, 7, 30))
    PublicationFactory(published_on=dt.date(2022, 6, 30))

    figures = headline_figures(start=period[0], end=period[1])

    assert figures == HeadlineFigures(
        people_trained=3, events_delivered=2, publications_published=1
    )


# Home page ----------------------------------------------------------------------


def test_home_page_shows_the_three_latest_news(client):
    for n in range(5):
        NewsArticleFactory(title=f"News {n}")
    NewsArticleFactory(title="Draft news", status=ArticleStatus.DRAFT)

    response = client.get("/")

    assert [a.title for a in response.context["latest_news"]] == ["News 0", "News 1", "News 2"]


def test_home_page_shows_upcoming_events_soonest_first(client):
    make_event(title="Later", days=[future(30)])
    make_event(title="Sooner", days=[future(2)])
    make_event(title="Cancelled", days=[future(3)], status=WorkshopStatus.CANCELLED)
    make_event(title="Past", days=[past(3)])

    response = client.get("/")

    assert [w.title for w in response.context["upcoming_events"]] == ["Sooner", "Later"]


def test_home_page_prints_the_headline_figures(client):
    workshop = make_event(days=[past(5)], status=WorkshopStatus.DELIVERED)
    register(workshop, count=23)

    html = client.get("/").content.decode()

    assert (
        '<dt>people trained</dt>\n    <dd class="figure-value">23</dd>\n    '
        '<dd class="figure-note">'
        "officials who attended or completed a workshop, course or other event of ours, each "
        "counted once</dd>"
    ) in html
    assert (
        '<dt>events delivered</dt>\n    <dd class="figure-value">1</dd>\n    '
        '<dd class="figure-note">'
        "workshops, courses, dialogues, forums and other events held, in person or online</dd>"
    ) in html


def test_home_page_replaces_the_placeholders(client):
    html = client.get("/").content.decode()

    assert "will appear here" not in html
    assert "No news yet." in html
    assert "No upcoming events are announced yet." in html


@pytest.mark.parametrize("rows", [5, 50])
def test_home_page_queries_stay_constant(client, no_page_cache, django_assert_num_queries, rows):
    NewsArticleFactory.create_batch(rows)
    for n in range(rows):
        workshop = make_event(days=[future(n + 1)])
        register(workshop, count=2)

    # latest news, upcoming events and their days, people trained, events delivered,
    # publications.
    with django_assert_num_queries(6):
        response = client.get("/")

    assert len(response.context["upcoming_events"]) == 4


# The office's colours -----------------------------------------------------------


def theme_link(client) -> str:
    html = client.get("/").content.decode()
    return re.search(r'<link rel="stylesheet" href="(/theme\.css\?v=[0-9a-f]{12})">', html)[1]


def test_theme_stylesheet_at_the_linked_address_is_kept_for_a_year(client, settings):
    settings.OFFICE_COLOURS = {"primary": "#0b3d91", "accent": "#c8102e"}

    response = client.get(theme_link(client))

    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.content.decode() == (
        ":root {\n  --office-primary: #0b3d91;\n  --office-accent: #c8102e;\n}\n"
    )


def test_new_colours_get_a_new_theme_address_and_an_old_one_an_hour(
    client, settings, no_page_cache
):
    # A page cached before the change still links the old address: it gets the new
    # colours, kept for an hour only.
    settings.OFFICE_COLOURS = {"primary": "#0b3d91", "accent": "#c8102e"}
    before = theme_link(client)
    settings.OFFICE_COLOURS = {"primary": "#00573f", "accent": "#c8102e"}

    after = theme_link(client)

    assert after != before
    assert client.get(before)["Cache-Control"] == "public, max-age=3600"
    assert "--office-primary: #00573f;" in client.get(before).content.decode()
