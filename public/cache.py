"""Whole-page cache of the public pages, and its invalidation.

Every cached page is stored with the content *generation* (core.cache) it was
rendered under. A write to a model that public pages show bumps the generation, so
the next request of every page misses and renders fresh: a newly published article
shows at once on /news/ and the home page, from every worker, without knowing which
pages it is on. Writes to what no public page shows (attendance, registrations,
training requests, the email outbox) leave the cache alone: a trainer calling the
roll must not empty it.

Two things change what a page shows without any write: an article or publication
reaching its publication time, and an event becoming past at midnight. Writes that
skip signals (QuerySet.update(), bulk_create()) are the third. A short lifetime
(PAGE_SECONDS) bounds how late those show; it still turns a burst of visits into
one render a minute per page.

Each worker also keeps the pages it served last in its own memory (LOCAL_PAGES)
and, for PAGE_CACHE_LOCAL_SECONDS, trusts the generation it read last: a page it
served a moment ago is served again without asking Redis, whose round trip was
most of a cached page's time. A write in the same worker shows at once (bumping
forgets the generation read); a write in another worker or in Celery shows there
within PAGE_CACHE_LOCAL_SECONDS.

Only anonymous visits without pending messages are cached: a page is stored as
rendered, so it must hold nothing specific to one visitor (no CSRF token, no
"saved" message, nothing of a logged-in user).
"""

import hashlib
import logging
import re
import time
from importlib import import_module
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.exceptions import DisallowedHost
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, QueryDict
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language, get_language_from_path

from core.cache import (
    GENERATION_KEY,
    cache_failed,
    cache_is_available,
    current_generation,
    generation_changed,
    note_content_generation,
    recent_content_generation,
)

logger = logging.getLogger(__name__)

PAGE_SECONDS = 60
# This worker's copies: the pages it stored or read last, a few megabytes at most
# (pages are 10-60 KB), each valid only under the generation it was rendered in.
LOCAL_PAGES = LocMemCache(
    "public-pages", {"TIMEOUT": PAGE_SECONDS, "OPTIONS": {"MAX_ENTRIES": 200}}
)
# The models whose rows the public pages print. Registrations are left out on
# purpose although an event page counts them: they change all day long, and the
# count may lag by PAGE_SECONDS.
PUBLIC_MODELS = frozenset(
    {
        "workshops.MemberState",
        "workshops.Organisation",
        "workshops.ThematicArea",
        "workshops.Speaker",
        "workshops.Workshop",
        "workshops.WorkshopDay",
        "workshops.Session",
        "workshops.WorkshopPartner",
        "publications.PublicationSeries",
        "publications.Publication",
        "publications.PublicationFile",
        "publications.NewsArticle",
        "publications.NewsletterIssue",
        "publications.NewsletterFigure",
        "publications.NewsletterSection",
    }
)
# The query parameters a public page reads. Any other (utm_source, fbclid, a random
# string) changes nothing a page shows: it is left out of the key and out of the
# request the page is rendered for, so it can neither store one more copy of a page
# nor force a render. Empty values count as absent, as the filter forms read them.
PAGE_PARAMETERS = frozenset(
    {"page", "q", "thematic_area", "year", "kind", "member_state", "when", "language"}
)
# Free-text searches are too varied to be worth storing.
UNCACHED_PARAMETERS = ("q",)
# Pages never stored, so not even looked up: a participant's survey link (its token
# is the key to their answers: no key is made from it), and the staff's and the
# trainers' areas (a lookup would cost each of their pages a round trip for nothing).
UNCACHED_PATH = re.compile(r"^/(?:admin/|(?:[a-z]{2}/)?(?:survey|trainer)/)")


def is_public_model(model) -> bool:
    """Whether public pages show rows of `model` (a many-to-many table counts as its
    owner's: the thematic areas of a workshop are the workshop's)."""
    if model._meta.auto_created:
        model = model._meta.auto_created
    return model._meta.label in PUBLIC_MODELS


def _content_changed(sender, **kwargs):
    if is_public_model(sender):
        generation_changed()


def _m2m_changed(sender, action, instance, **kwargs):
    if action.startswith("post_"):
        _content_changed(sender)


def connect_signals() -> None:
    """Called from RsoPortalConfig.ready(), once the models are loaded."""
    post_save.connect(_content_changed, dispatch_uid="public_cache_post_save")
    post_delete.connect(_content_changed, dispatch_uid="public_cache_post_delete")
    m2m_changed.connect(_m2m_changed, dispatch_uid="public_cache_m2m_changed")


def canonical_query(request) -> str:
    """The query string as far as public pages read it: their parameters with a
    value, sorted."""
    return urlencode(
        sorted(
            (name, value)
            for name, values in request.GET.lists()
            if name in PAGE_PARAMETERS
            for value in values
            if value != ""
        )
    )


def _has_messages(request) -> bool:
    # Signed by Django: anything else decodes to None. _decode is the storage's own
    # reader, stable across Django versions since 1.x.
    messages = request.COOKIES.get(CookieStorage.cookie_name)
    return bool(messages and CookieStorage(request)._decode(messages))


def _has_visitor_state(request) -> bool:
    """Whether the page may show something of this visitor: a live session (a
    logged-in user, a saved form) or messages waiting. A made-up cookie does not
    count, or anyone could force uncached renders by sending one.

    Before SessionMiddleware (the page cache's middleware), asked only when a stored
    page was found, so that other pages pay no session lookup for it; in a view, the
    session it loads is the one the page then uses."""
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    session = getattr(request, "session", None)
    if not session_key:
        # Not even looked at: a session read makes the response vary on Cookie.
        has_session = False
    elif session is not None:
        has_session = bool(session.keys())
    else:
        has_session = import_module(settings.SESSION_ENGINE).SessionStore().exists(session_key)
    return has_session or _has_messages(request)


def _may_use_cache(request) -> bool:
    if (
        # With caching turned off (CACHE_URL=dummycache://), skip the key and the
        # lookups: they would cost each page for nothing.
        isinstance(caches[DEFAULT_CACHE_ALIAS], DummyCache)
        or not settings.PAGE_CACHE_ENABLED
        or not cache_is_available()
        or request.method not in ("GET", "HEAD")
        or any(request.GET.get(name) for name in UNCACHED_PARAMETERS)
        or UNCACHED_PATH.match(request.path_info)
    ):
        return False
    try:
        request.get_host()
    except DisallowedHost:
        return False  # Django answers 400 and logs it, once
    return True


def _page_key(request, language) -> str:
    address = f"{request.get_host()}{request.path}?{canonical_query(request)}".encode()
    digest = hashlib.sha256(address).hexdigest()[:32]
    return f"public-pages:{language}:{digest}"


def _cached_page(key):
    """(the current generation, the stored page if still of that generation): from
    this worker's memory while the generation it read is recent enough to trust
    (PAGE_CACHE_LOCAL_SECONDS), else in one round trip to the cache, the generation
    being stored beside the page rather than in its key."""
    trust_seconds = settings.PAGE_CACHE_LOCAL_SECONDS
    generation = recent_content_generation(trust_seconds) if trust_seconds else None
    if generation is not None:
        page = LOCAL_PAGES.get(key)
        if page is not None and page["generation"] == generation:
            return generation, page
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        generation = current_generation()
    note_content_generation(generation)
    page = found.get(key)
    if page is None or page["generation"] != generation:
        return generation, None
    if trust_seconds:
        # Kept here no longer than the cache keeps it: PAGE_SECONDS from its render
        # still bounds how late a change without a write (midnight) shows.
        remaining = page.get("expires_at", 0) - time.time()
        if remaining > 0:
            LOCAL_PAGES.set(key, page, remaining)
    return generation, page


def _lookup(request, language):
    """(key, generation, page or None) for this request, asked of the cache once: the
    middleware asks first, and on a miss the view reuses its answer to store the page."""
    lookups = request.__dict__.setdefault("_public_page_lookups", {})
    if language not in lookups:
        key = _page_key(request, language)
        lookups[language] = (key, *_cached_page(key))
    return lookups[language]


def _shared_cache_headers(response) -> None:
    # What every visitor gets alike: a proxy or browser may keep it as long as we do.
    patch_cache_control(response, public=True, max_age=PAGE_SECONDS)


# Headers a view sets that belong to what it answers (a calendar's file name).
STORED_HEADERS = ("Content-Disposition",)


# What _shared_cache_headers() gives a response that has no Cache-Control yet.
SHARED_CACHE_CONTROL = f"public, max-age={PAGE_SECONDS}"


def _cached_response(page, language) -> HttpResponse:
    # A new response with no caching headers yet: they are set outright rather than
    # patched (parsing and merging them was a tenth of a cached page's time).
    response = HttpResponse(page["content"], content_type=page["content_type"])
    for name, value in page.get("headers", {}).items():
        response[name] = value
    response["Content-Language"] = language
    if language == settings.LANGUAGE_CODE:
        # English has no prefix: the same address could have answered in another
        # language, as LocaleMiddleware says for unprefixed pages.
        response["Vary"] = "Accept-Language"
    response["Cache-Control"] = SHARED_CACHE_CONTROL
    return response


class PublicPageCacheMiddleware:
    """Serves a stored public page before sessions, locale, CSRF, auth, messages and
    URL routing run: none of them changes what a stored page says.

    It finds only what a CachedPageMixin view stored, under the same key (the
    language comes from the address, as LocaleMiddleware would take it), and sets
    the headers LocaleMiddleware would have added. Put it after the security and CSP
    middleware, whose headers every response needs.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _may_use_cache(request):
            language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
            try:
                _key, _generation, page = _lookup(request, language)
            except Exception as error:
                cache_failed("reading a page", error)
                page = None
            if page is not None and not _has_visitor_state(request):
                return _cached_response(page, language)
        return self.get_response(request)


class CachedPageMixin:
    """Store a view's successful GET in the cache, rendered once per generation;
    PublicPageCacheMiddleware serves it from there (and so does this mixin, should
    the middleware be left out).

    Put it first among a view's bases. Headers (CSP, security) are set by the
    middleware on every response, cached or not: only the body is stored. A page
    rendered for a visitor with a session or messages says it is private.
    """

    def dispatch(self, request, *args, **kwargs):
        key = None
        is_cacheable = _may_use_cache(request) and not _has_visitor_state(request)
        if is_cacheable:
            language = get_language()
            try:
                key, generation, cached = _lookup(request, language)
            except Exception as error:
                cache_failed("reading a page", error)
                key = cached = None
            if cached is not None:
                return _cached_response(cached, language)
            _drop_other_parameters(request)
        response = super().dispatch(request, *args, **kwargs)
        if not is_cacheable:
            patch_cache_control(response, private=True)
            patch_vary_headers(response, ["Cookie"])
        elif response.status_code == 200:
            _shared_cache_headers(response)
        if key is not None and response.status_code == 200 and not response.streaming:
            # The generation read before rendering: a write during the render makes
            # this copy stale at once instead of passing for current.
            if hasattr(response, "add_post_render_callback"):
                response.add_post_render_callback(
                    lambda rendered: _store(key, generation, rendered)
                )
            else:
                _store(key, generation, response)
        return response


def _drop_other_parameters(request) -> None:
    """Render the page for its canonical address, since it is stored under it: links
    it builds from the query string (pagination, languages) must not carry another
    visitor's parameters."""
    query = canonical_query(request)
    if query != request.META.get("QUERY_STRING", ""):
        request.GET = QueryDict(query)
        request.META["QUERY_STRING"] = query


def _store(key, generation, response) -> None:
    page = {
        "generation": generation,
        "content": response.content,
        "content_type": response["Content-Type"],
        "headers": {name: response[name] for name in STORED_HEADERS if name in response},
        "expires_at": time.time() + PAGE_SECONDS,
    }
    if settings.PAGE_CACHE_LOCAL_SECONDS:
        LOCAL_PAGES.set(key, page)
    try:
        cache.set(key, page, PAGE_SECONDS)
    except Exception as error:
        cache_failed("storing a page", error)
