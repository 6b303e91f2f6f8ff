"""The visitor's language: asked of the browser once, then theirs to choose.

`/` (the unprefixed home page) sends a visitor to the home page in their language:
the first time from the browser's Accept-Language, every time after from the
language cookie, which that first answer sets and the language switcher changes.
Other addresses keep the language they carry (English has no prefix): a link someone
shared opens as it was shared.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_from_request
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .views.files import not_found

LANGUAGE_CODES = [code for code, _ in settings.LANGUAGES]


def home_of(code: str) -> str:
    return "/" if code == settings.LANGUAGE_CODE else f"/{code}/"


def remember_language(response, code: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


class HomeLanguageMiddleware:
    """Redirects `/` to `/<language>/` for a visitor whose language is not English.

    Put it before the page cache: a cached English home page must not answer a
    visitor whose browser asks for Thai.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info != "/" or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if chosen not in LANGUAGE_CODES:
            chosen = None
        # Without a cookie: the browser's Accept-Language, matched to ours.
        language = chosen or get_language_from_request(request)
        if language != settings.LANGUAGE_CODE:
            query = request.META.get("QUERY_STRING", "")
            response = HttpResponseRedirect(home_of(language) + (f"?{query}" if query else ""))
        else:
            response = self.get_response(request)
        patch_vary_headers(response, ["Accept-Language", "Cookie"])
        if chosen is None:
            remember_language(response, language)  # asked once: the answer sticks
            # A response that sets a cookie is this visitor's: no shared cache (a proxy,
            # a CDN) may keep it and hand the cookie to others. The next visit, with the
            # cookie, gets the page as everyone does.
            patch_cache_control(response, private=True)
        return response


@never_cache
@require_safe
def choose_language(request, code):
    """The language switcher: remember `code` and go to `next` (the same page in
    that language), or to that language's home page."""
    if code not in LANGUAGE_CODES:
        return not_found(request)
    target = request.GET.get("next", "")
    if not (
        target.startswith("/")
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        target = home_of(code)
    response = HttpResponseRedirect(target)
    remember_language(response, code)
    return response
