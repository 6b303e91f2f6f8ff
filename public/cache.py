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

Only anonymous visits without pending messages are cached: a page is stored as
rendered, so it must hold nothing specific to one visitor (no CSRF token, no
"saved" message, nothing of a logged-in user).
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language, get_language_from_path

from core.cache import GENERATION_KEY, bump_generation, current_generation

logger = logging.getLogger(__name__)

PAGE_SECONDS = 60
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
# Free-text searches are too varied to be worth storing.
UNCACHED_PARAMETERS = ("q",)


def is_public_model(model) -> bool:
    """Whether public pages show rows of `model` (a many-to-many table counts as its
    owner's: the thematic areas of a workshop are the workshop's)."""
    if model._meta.auto_created:
        model = model._meta.auto_created
    return model._meta.label in PUBLIC_MODELS


def _content_changed(sender, **kwargs):
    if not is_public_model(sender):
        return
    # Now, so this process (and a test) sees the change at once; and again after
    # commit, because a page rendered between the two from the old rows would
    # otherwise be stored under the new generation.
    bump_generation()
    transaction.on_commit(bump_generation)


def _m2m_changed(sender, action, instance, **kwargs):
    if action.startswith("post_"):
        _content_changed(sender)


def connect_signals() -> None:
    """Called from RsoPortalConfig.ready(), once the models are loaded."""
    post_save.connect(_content_changed, dispatch_uid="public_cache_post_save")
    post_delete.connect(_content_changed, dispatch_uid="public_cache_post_delete")
    m2m_changed.connect(_m2m_changed, dispatch_uid="public_cache_m2m_changed")


def _is_cacheable(request) -> bool:
    return (
        # With caching turned off (CACHE_URL=dummycache://), skip the key and the
        # lookups: they would cost each page for nothing.
        not isinstance(caches[DEFAULT_CACHE_ALIAS], DummyCache)
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not any(name in request.GET for name in UNCACHED_PARAMETERS)
    )


def _page_key(request, language) -> str:
    address = f"{request.get_host()}{request.get_full_path()}".encode()
    digest = hashlib.sha256(address).hexdigest()[:32]
    return f"public-pages:{language}:{digest}"


def _cached_page(key):
    """(the current generation, the stored page if still of that generation), in one
    round trip: the generation is stored beside the page rather than in its key."""
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        generation = current_generation()
    page = found.get(key)
    return generation, page if page is not None and page["generation"] == generation else None


def _lookup(request, language):
    """(key, generation, page or None) for this request, asked of the cache once: the
    middleware asks first, and on a miss the view reuses its answer to store the page."""
    lookups = request.__dict__.setdefault("_public_page_lookups", {})
    if language not in lookups:
        key = _page_key(request, language)
        lookups[language] = (key, *_cached_page(key))
    return lookups[language]


class PublicPageCacheMiddleware:
    """Serves a stored public page before sessions, locale, CSRF, auth, messages and
    URL routing run: none of them changes what a stored page says.

    It finds only what a CachedPageMixin view stored, under the same key (the
    language comes from the address, as LocaleMiddleware would take it), and sets
    the two headers LocaleMiddleware would have added. Put it after the security
    and CSP middleware, whose headers every response needs.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _is_cacheable(request):
            language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
            try:
                _key, _generation, page = _lookup(request, language)
            except Exception:
                logger.warning("public page cache: unavailable", exc_info=True)
                page = None
            if page is not None:
                response = HttpResponse(page["content"], content_type=page["content_type"])
                response["Content-Language"] = language
                if language == settings.LANGUAGE_CODE:
                    # English has no prefix: the same address could have answered in
                    # another language, as LocaleMiddleware says for unprefixed pages.
                    patch_vary_headers(response, ["Accept-Language"])
                return response
        return self.get_response(request)


class CachedPageMixin:
    """Store a view's successful GET in the cache, rendered once per generation;
    PublicPageCacheMiddleware serves it from there (and so does this mixin, should
    the middleware be left out).

    Put it first among a view's bases. Headers (CSP, security) are set by the
    middleware on every response, cached or not: only the body is stored.
    """

    def dispatch(self, request, *args, **kwargs):
        key = None
        if _is_cacheable(request):
            try:
                key, generation, cached = _lookup(request, get_language())
            except Exception:
                logger.warning("public page cache: unavailable", exc_info=True)
                key = cached = None
            if cached is not None:
                return HttpResponse(cached["content"], content_type=cached["content_type"])
        response = super().dispatch(request, *args, **kwargs)
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


def _store(key, generation, response) -> None:
    try:
        cache.set(
            key,
            {
                "generation": generation,
                "content": response.content,
                "content_type": response["Content-Type"],
            },
            PAGE_SECONDS,
        )
    except Exception:
        logger.warning("public page cache: could not store a page", exc_info=True)
