"""Middleware of our own."""

import ipaddress
from functools import cache

from csp.constants import HEADER
from csp.utils import build_policy
from django.conf import settings


class ContentSecurityPolicyMiddleware:
    """Sets the Content-Security-Policy of settings.CONTENT_SECURITY_POLICY and the
    Permissions-Policy of settings.PERMISSIONS_POLICY on every response.

    django-csp's own middleware rebuilds the header for every response (copies of the
    configuration, nonce bookkeeping), which weighs on pages served from the cache.
    We use neither nonces nor per-view policies, so the header is one constant
    string, still built by django-csp from the same setting.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = build_policy()
        self.permissions = ", ".join(
            f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DENIED
        )

    def __call__(self, request):
        response = self.get_response(request)
        if HEADER not in response:
            response[HEADER] = self.header
        response.setdefault("Permissions-Policy", self.permissions)
        return response


# What a client can claim about itself through a proxy's headers.
FORWARDED_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST")


@cache
def _trusted_networks(proxies: tuple[str, ...]):
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _is_trusted_proxy(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _trusted_networks(tuple(settings.TRUSTED_PROXIES)))


class TrustedProxyMiddleware:
    """Believes X-Forwarded-For and X-Forwarded-Proto only from settings.TRUSTED_PROXIES.

    From anyone else the headers are dropped, so a client cannot pass for HTTPS (and
    skip the redirect, or have http:// addresses stored in a cached page) or for
    another address (and reset or frame a rate limit or a login lockout). From a
    trusted proxy, REMOTE_ADDR becomes the client address the proxy appended last:
    the rate limit, the login lockout and the logs see the real client. Put it first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        meta = request.META
        if _is_trusted_proxy(meta.get("REMOTE_ADDR", "")):
            forwarded_for = meta.get("HTTP_X_FORWARDED_FOR", "")
            client = forwarded_for.rsplit(",", 1)[-1].strip()
            if client:
                meta["REMOTE_ADDR"] = client
        else:
            for header in FORWARDED_HEADERS:
                meta.pop(header, None)
        return self.get_response(request)


def client_address(request) -> str:
    """The client's address for django-axes: REMOTE_ADDR, as TrustedProxyMiddleware
    left it (never a header the client could set)."""
    return request.META.get("REMOTE_ADDR", "")


class HeadWithoutBodyMiddleware:
    """A HEAD response carries the headers of the GET and no body: Django renders the
    body as for GET, and gunicorn warns each time it has to drop it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "HEAD" and not response.streaming:
            response.content = b""
        return response
