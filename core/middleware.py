"""Middleware of our own."""

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
