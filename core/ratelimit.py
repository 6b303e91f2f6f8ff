"""A fixed-window rate limit per client address, counted in the Django cache.

The address is hashed before it becomes a key, so the cache (Redis in production)
never holds visitors' IP addresses. It is REMOTE_ADDR: behind a reverse proxy, the
proxy must pass the client's address there (X-Forwarded-For is not trusted, since
anyone can send it).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


def _key(scope: str, request) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}"


def is_rate_limited(scope: str, request, *, limit: int) -> bool:
    """True when this client has already used its `limit` hits of `scope` in the window."""
    return (cache.get(_key(scope, request)) or 0) >= limit


def count_hit(scope: str, request, *, window_seconds: int) -> int:
    """Count one hit of `scope` for this client; the window starts at its first hit."""
    key = _key(scope, request)
    cache.add(key, 0, timeout=window_seconds)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=window_seconds)
        return 1
