"""Generations: numbers in the cache that writes bump, so that anything cached under
them is recomputed on the next request after the change.

The content generation is bumped by every write to public content (whole public
pages, the news years and the headline figures are cached under it). The records
generation is bumped by every write to what the staff reports count (registrations,
attendance, participants, workshops' status and dates), which changes all day long
and so must not empty the page cache.

They live here, not in the apps that read them, because the domain apps below those
apps write the rows that bump them.
"""

import logging
import time

from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

GENERATION_KEY = "content:generation"
RECORDS_GENERATION_KEY = "records:generation"

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


# The content generation as this process last read it, and when (time.monotonic()):
# what the page cache's copy in memory may trust for a moment (public.cache).
_content_generation_seen: tuple[int | None, float] = (None, 0.0)


def note_content_generation(generation: int) -> None:
    global _content_generation_seen
    _content_generation_seen = (generation, time.monotonic())


def recent_content_generation(max_age: float) -> int | None:
    """The content generation this process read less than `max_age` seconds ago, or
    None: a bump by another process may not be seen for that long."""
    generation, read_at = _content_generation_seen
    return generation if time.monotonic() - read_at < max_age else None


def forget_content_generation() -> None:
    """Ask the cache again next time: this process bumped it, or a test emptied it."""
    global _content_generation_seen
    _content_generation_seen = (None, 0.0)


def current_generation(key: str = GENERATION_KEY) -> int:
    generation = cache.get(key)
    if generation is None:
        # Start from the clock, not 0: if the key is evicted, values stored under an
        # earlier generation can never be mistaken for current ones.
        cache.add(key, time.time_ns(), timeout=None)
        generation = cache.get(key, 0)
    return generation


def bump_generation(key: str = GENERATION_KEY) -> None:
    """Make everything cached under the generation stale. Never raises: a write must
    not fail because the cache is down (cached values then expire on their own)."""
    if key == GENERATION_KEY:
        forget_content_generation()
    try:
        try:
            cache.incr(key)
        except ValueError:  # the key is missing: any new value invalidates
            cache.set(key, time.time_ns(), timeout=None)
    except Exception as error:
        cache_failed(f"bumping {key}", error)


def generation_changed(key: str = GENERATION_KEY) -> None:
    """Bump the generation for a write in progress: now, so this process (and a
    test) sees the change at once; and again after commit, because a value computed
    between the two from the old rows would otherwise be stored under the new
    generation."""
    bump_generation(key)
    transaction.on_commit(lambda: bump_generation(key))


def records_changed() -> None:
    """For writes that send no signal (bulk_create, QuerySet.update()) to what the
    staff reports count."""
    generation_changed(RECORDS_GENERATION_KEY)


def cached_per_generation(
    key: str, compute, *, timeout: int = 60 * 60, generations=(GENERATION_KEY,)
):
    """compute(), stored under `key` until one of the `generations` changes (or
    `timeout` seconds pass). Falls back to compute() when the cache is down."""
    if not cache_is_available():
        return compute()
    try:
        found = cache.get_many([*generations, key])
        current = tuple(found.get(name) or current_generation(name) for name in generations)
        stored = found.get(key)
        if stored is not None and stored[0] == current:
            return stored[1]
    except Exception as error:
        cache_failed(f"reading {key}", error)
        return compute()
    value = compute()
    try:
        cache.set(key, (current, value), timeout)
    except Exception as error:
        cache_failed(f"storing {key}", error)
    return value
