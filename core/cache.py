"""The content generation: one number in the cache that every write to public content
bumps, so that anything cached under it (whole public pages, the news years, the
headline figures) is recomputed on the next request after the change.

It lives here, not in the public app, because the domain apps cache reads under it
too, and they must not import the public pages.
"""

import logging
import time

from django.core.cache import cache

logger = logging.getLogger(__name__)

GENERATION_KEY = "content:generation"

# After a cache error this process leaves the cache alone for a while: a Redis that
# is down or hung must cost one timeout, not one per request, and one log line, not
# a traceback per request. Reads then compute, writes are skipped.
UNAVAILABLE_SECONDS = 30
_unavailable_until = 0.0


def cache_is_available() -> bool:
    return time.monotonic() >= _unavailable_until


def cache_failed(action: str, error: Exception) -> None:
    """Note a cache error: one warning line when the cache starts failing, then
    silence while this process leaves it alone."""
    global _unavailable_until
    if cache_is_available():
        logger.warning(
            "cache: %s failed (%s: %s); leaving the cache alone for %s s",
            action,
            type(error).__name__,
            error,
            UNAVAILABLE_SECONDS,
        )
    _unavailable_until = time.monotonic() + UNAVAILABLE_SECONDS


def reset_cache_availability() -> None:
    """For tests: forget an earlier failure."""
    global _unavailable_until
    _unavailable_until = 0.0


def current_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # Start from the clock, not 0: if the key is evicted, values stored under an
        # earlier generation can never be mistaken for current ones.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY, 0)
    return generation


def bump_generation() -> None:
    """Make everything cached under the generation stale. Never raises: a write must
    not fail because the cache is down (cached values then expire on their own)."""
    try:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:  # the key is missing: any new value invalidates
            cache.set(GENERATION_KEY, time.time_ns(), timeout=None)
    except Exception as error:
        cache_failed("bumping the content generation", error)


def cached_per_generation(key: str, compute, *, timeout: int = 60 * 60):
    """compute(), stored under `key` until the content generation changes (or
    `timeout` seconds pass). Falls back to compute() when the cache is down."""
    if not cache_is_available():
        return compute()
    try:
        generation = current_generation()
        stored = cache.get(key)
        if stored is not None and stored[0] == generation:
            return stored[1]
    except Exception as error:
        cache_failed(f"reading {key}", error)
        return compute()
    value = compute()
    try:
        cache.set(key, (generation, value), timeout)
    except Exception as error:
        cache_failed(f"storing {key}", error)
    return value
