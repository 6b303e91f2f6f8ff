import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import cache as core_cache
from participants.choices import RegistrationStatus
from public import cache as public_cache
from publications.choices import ArticleStatus
from publications.models import NewsArticle
from tests.factories.participants import AttendanceFactory, RegistrationFactory
from tests.factories.publications import NewsArticleFactory, PublicationFactory
from tests.factories.workshops import ThematicAreaFactory
from tests.public.builders import future, make_event, past
from workshops.services import set_workshop_days

pytestmark = pytest.mark.django_db

LISTINGS = ["/", "/news/", "/events/", "/publications/", "/highlights/"]


@pytest.mark.parametrize("path", LISTINGS)
def test_listing_page_is_served_from_the_cache_the_second_time(
    client, django_assert_num_queries, path
):
    first = client.get(path)

    with django_assert_num_queries(0):
        second = client.get(path)

    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == "text/html; charset=utf-8"
    assert "unsafe-inline" not in second["Content-Security-Policy"]


@pytest.mark.parametrize(
    ("path", "language", "vary"), [("/news/", "en", "Accept-Language"), ("/id/news/", "id", None)]
)
def test_cached_page_carries_the_headers_of_a_rendered_one(
    client, path, language, vary, monkeypatch
):
    first = client.get(path)
    # The hit must come from the middleware, before URL routing reaches any view.
    monkeypatch.setattr(public_cache.CachedPageMixin, "dispatch", None)

    second = client.get(path)

    assert second.content == first.content
    for header in (
        "Content-Language",
        "Vary",
        "X-Frame-Options",
        "Content-Security-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
    ):
        assert second.get(header) == first.get(header), header
    assert (second["Content-Language"], second.get("Vary")) == (language, vary)


def test_visitor_with_a_session_is_not_served_a_cached_page(client, django_user_model):
    client.get("/news/")
    client.force_login(django_user_model.objects.create_user("editor"))

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/news/")

    assert len(queries) > 1  # rendered: a cached page would cost one session lookup
    assert response["Cache-Control"] == "private"
    assert "Cookie" in response["Vary"]


def test_made_up_session_cookie_is_served_the_cached_page(client):
    client.get("/news/")
    client.cookies["sessionid"] = "made-up"

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/news/")

    assert len(queries) == 1  # the session lookup that finds none
    assert response["Cache-Control"] == "public, max-age=60"


def test_forged_messages_cookie_is_served_the_cached_page(client):
    client.get("/news/")
    client.cookies["messages"] = "forged"

    with CaptureQueriesContext(connection) as queries:
        client.get("/news/")

    assert len(queries) == 0


@pytest.mark.parametrize("query", ["?utm_source=1", "?utm_source=2&fbclid=x", "?q=", "?year="])
def test_parameters_no_page_reads_are_served_the_canonical_page(client, query):
    client.get("/news/")

    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/news/{query}")

    assert response.status_code == 200
    assert len(queries) == 0


def test_page_rendered_for_an_address_with_extra_parameters_links_without_them(client):
    NewsArticleFactory.create_batch(11)

    html = client.get("/news/?utm_source=newsletter&page=2").content.decode()

    assert "utm_source" not in html
    assert 'href="?page=1"' in html


def test_newly_published_article_appears_at_once_on_news_and_home(client):
    NewsArticleFactory(title="Earlier news")
    client.get("/news/")
    client.get("/")

    NewsArticleFactory(title="Fresh from the workshop")

    assert "Fresh from the workshop" in client.get("/news/").content.decode()
    assert "Fresh from the workshop" in client.get("/").content.decode()


def test_draft_published_later_appears_at_once(client):
    draft = NewsArticleFactory(title="Waiting for approval", status=ArticleStatus.DRAFT)
    assert "Waiting for approval" not in client.get("/news/").content.decode()

    draft.status = ArticleStatus.PUBLISHED
    draft.save()

    assert "Waiting for approval" in client.get("/news/").content.decode()


def test_changing_a_thematic_area_of_an_article_refreshes_the_listing(client):
    article = NewsArticleFactory()
    client.get("/news/")

    article.thematic_areas.add(ThematicAreaFactory(name="Border management"))

    assert ">Border management</a>" in client.get("/news/").content.decode()


def test_new_event_day_refreshes_the_events_listing(client):
    workshop = make_event(title="Undated for now", days=[])
    client.get("/events/")

    set_workshop_days(workshop=workshop, dates=[future(3)])

    assert "Dates to be announced" not in client.get("/events/").content.decode()


def test_filtered_listing_is_cached_apart_from_the_unfiltered_one(client):
    PublicationFactory(title="A tool", kind="tool")
    PublicationFactory(title="A guide", kind="guide")
    client.get("/publications/")

    html = client.get("/publications/?kind=tool").content.decode()

    assert "A tool" in html
    assert "A guide" not in html


def test_search_results_are_not_cached(client):
    NewsArticleFactory(title="Border management")
    client.get("/news/?q=border")

    with CaptureQueriesContext(connection) as queries:
        client.get("/news/?q=border")

    assert len(queries) == 3  # rendered again: a cached page would take none


def test_visitor_with_a_session_is_never_served_a_cached_page(client, django_user_model):
    client.get("/news/")
    # bulk_create sends no signal: the anonymous page stays as cached until it expires.
    NewsArticle.objects.bulk_create([NewsArticleFactory.build(title="Bulk imported")])

    anonymous = client.get("/news/").content.decode()
    client.force_login(django_user_model.objects.create_user("editor"))
    with_session = client.get("/news/").content.decode()

    assert "Bulk imported" not in anonymous
    assert "Bulk imported" in with_session


def test_write_succeeds_when_the_cache_is_down(monkeypatch):
    def unavailable(*args, **kwargs):
        raise ConnectionError("cache unreachable")

    monkeypatch.setattr(cache, "incr", unavailable)
    monkeypatch.setattr(cache, "set", unavailable)

    article = NewsArticleFactory(title="Saved anyway")

    assert article.pk is not None


def test_generation_is_bumped_again_after_commit(django_capture_on_commit_callbacks):
    before = public_cache.current_generation()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        NewsArticleFactory()

    assert public_cache.current_generation() == before + 1 + len(callbacks)


def test_detail_page_is_served_from_the_cache_the_second_time(client):
    article = NewsArticleFactory(title="Cached article")
    path = article.get_absolute_url()
    client.get(path)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)

    assert response.status_code == 200
    assert "Cached article" in response.content.decode()
    assert len(queries) == 0


def test_roll_call_and_registrations_leave_the_page_cache_alone():
    workshop = make_event(days=[past(1)])
    registration = RegistrationFactory(workshop=workshop)
    before = public_cache.current_generation()

    registration.status = RegistrationStatus.ATTENDED
    registration.save()
    AttendanceFactory(registration=registration, day=workshop.days.get())

    assert public_cache.current_generation() == before


def test_adding_a_thematic_area_to_an_event_refreshes_the_pages():
    workshop = make_event(days=[future(3)])
    area = ThematicAreaFactory()
    before = public_cache.current_generation()

    workshop.thematic_areas.add(area)

    assert public_cache.current_generation() > before


def test_event_calendar_is_served_from_the_cache_with_its_file_name(client):
    workshop = make_event(days=[future(3)])
    path = f"/events/{workshop.slug}.ics"
    client.get(path)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)

    assert len(queries) == 0
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{workshop.slug}.ics"'


def test_page_cache_turned_off_renders_every_page(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    client.get("/news/")

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/news/")

    assert response.status_code == 200
    assert len(queries) > 0


def _count_cache_reads(monkeypatch):
    reads = []
    get_many = cache.get_many

    def counted(keys, *args, **kwargs):
        reads.append(keys)
        return get_many(keys, *args, **kwargs)

    monkeypatch.setattr(cache, "get_many", counted)
    return reads


def test_page_served_again_from_the_workers_memory_without_asking_the_cache(
    client, settings, monkeypatch
):
    settings.PAGE_CACHE_LOCAL_SECONDS = 60
    first = client.get("/news/")
    reads = _count_cache_reads(monkeypatch)

    with CaptureQueriesContext(connection) as queries:
        second = client.get("/news/")

    assert (reads, len(queries)) == ([], 0)
    assert second.content == first.content
    assert second["Cache-Control"] == first["Cache-Control"]


def test_write_by_another_worker_shows_once_the_generation_is_no_longer_trusted(
    client, settings, monkeypatch
):
    settings.PAGE_CACHE_LOCAL_SECONDS = 60
    NewsArticleFactory(title="Before the other worker's write")
    client.get("/news/")
    # Another worker publishes: the generation in the cache moves, not this one's memory.
    NewsArticle.objects.update(title="After the other worker's write")
    cache.incr(public_cache.GENERATION_KEY)

    assert "Before the other" in client.get("/news/").content.decode()

    later = time.monotonic() + 61
    monkeypatch.setattr(core_cache.time, "monotonic", lambda: later)
    assert "After the other" in client.get("/news/").content.decode()


def test_page_cache_in_memory_turned_off_asks_the_cache_every_time(client, settings, monkeypatch):
    settings.PAGE_CACHE_LOCAL_SECONDS = 0
    client.get("/news/")
    reads = _count_cache_reads(monkeypatch)

    with CaptureQueriesContext(connection) as queries:
        client.get("/news/")

    assert (len(reads), len(queries)) == (1, 0)


@pytest.mark.parametrize("path", ["/admin/login/", "/trainer/", "/th/trainer/"])
def test_staff_and_trainer_pages_are_never_looked_up(client, monkeypatch, path):
    reads = _count_cache_reads(monkeypatch)

    client.get(path)
    client.get("/news/")

    looked_up = [key for keys in reads for key in keys if key.startswith("public-pages:")]
    assert looked_up == [public_cache._page_key(client.get("/news/").wsgi_request, "en")]


def test_page_read_from_the_cache_is_kept_in_memory_no_longer_than_the_cache_keeps_it(
    client, settings, monkeypatch
):
    settings.PAGE_CACHE_LOCAL_SECONDS = 60
    client.get("/news/")
    public_cache.LOCAL_PAGES.clear()  # as in a worker that did not render it
    kept = []
    monkeypatch.setattr(
        public_cache.LOCAL_PAGES, "set", lambda key, page, timeout: kept.append(timeout)
    )
    rendered_at = time.time()
    later = rendered_at + public_cache.PAGE_SECONDS - 10
    monkeypatch.setattr(public_cache.time, "time", lambda: later)

    client.get("/news/")

    assert len(kept) == 1
    assert 0 < kept[0] <= 10
