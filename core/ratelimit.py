"""A fixed-window rate limit per client address, counted in the Django cache.

The address is hashed before it becomes a key, so the cache (Redis in production)
never holds visitors' IP addresses. It is REMOTE_ADDR, which TrustedProxyMiddleware
sets from X-Forwarded-For only when a configured proxy sent the request.

A hit is counted first and checked after (one atomic increment), so simultaneous
requests cannot all pass a check made before any of them was counted. When the
cache is down the limit fails open: a visitor's request matters more than the limit.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from .cache import cache_failed, cache_is_available


def _key(scope: str, request) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}"


def hit_is_allowed(scope: str, request, *, limit: int, window_seconds: int) -> bool:
    """Count one hit of `scope` for this client and say whether it is within `limit`
    hits of the window, which starts at the client's first hit."""
    if not cache_is_available():
        return True
    key = _key(scope, request)
    try:
        cache.add(key, 0, timeout=window_seconds)
        try:
            hits = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, timeout=window_seconds)
            hits = 1
    except Exception as error:
        cache_failed(f"counting a {scope} hit (allowed)", error)
        return True
    return hits <= limit
