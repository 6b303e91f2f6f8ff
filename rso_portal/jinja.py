"""The Jinja2 environment of the public pages (templates/jinja2/).

Why Jinja2 and not the Django template language there: profiled, rendering was half
the time of an uncached public page, and the Django engine's per-node cost (context
lookups, {% url %} and {% translate %} nodes, includes) was most of it. Jinja2 compiles
templates to Python functions. The admin, crispy forms and emails keep Django
templates.

Strings are marked as {{ _("...") }} (or _("...") inside a {% set %}), which Django's
makemessages extracts from templates as it does {% translate %}. Plural forms are
built in Python with ngettext, where makemessages finds them too.
"""

import itertools
from functools import cache

from crispy_forms.utils import render_crispy_form
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.middleware.csrf import get_token
from django.template.defaultfilters import filesizeformat, linebreaks_filter
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import get_language, get_language_info, gettext
from jinja2 import Environment


class _Translations(dict):
    """The active language's translation of each message, looked up once per process:
    a page marks some thirty strings, and Django's gettext finds the active language
    in a context-local variable for each of them."""

    def __missing__(self, message: str) -> str:
        value = self[message] = gettext(message)
        return value


class _Addresses(dict):
    """reverse() of the URL names without arguments (the navigation's), once per
    process and language: such an address only depends on the language prefix."""

    def __missing__(self, name: str) -> str:
        value = self[name] = reverse(name)
        return value


_per_language: dict[tuple, tuple[_Translations, _Addresses]] = {}


@receiver(setting_changed)
def _forget_per_language(*, setting, **kwargs):
    if setting in {"ROOT_URLCONF", "LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS"}:
        _per_language.clear()
        _language_names.cache_clear()
    if setting in {"STORAGES", "STATIC_URL"}:
        static_url.cache_clear()


def request_context(request) -> dict:
    """What every public page needs, bound once per render (a context processor):
    `_` and `url` for the active language, `language`, and `language_links`."""
    language = get_language()
    key = (language, get_script_prefix(), get_urlconf())
    if key not in _per_language:
        _per_language[key] = (_Translations(), _Addresses())
    translations, addresses = _per_language[key]

    def url(name: str, *args) -> str:
        return reverse(name, args=args) if args else addresses[name]

    return {
        "_": translations.__getitem__,
        "url": url,
        "language": language,
        "language_links": [
            (code, name, page_in_language(request, code), code == language)
            for code, name in _language_names()
        ],
    }


def url(name: str, *args) -> str:
    """reverse(name, args=args), for templates rendered without a request (the 500
    page) and for imported macros, which do not see the render's context."""
    return reverse(name, args=args)


@cache
def static_url(path: str) -> str:
    """static(path), once per process: with the manifest storage, each call hashes
    nothing but still walks the storage's URL building."""
    return static(path)


@cache
def _language_names() -> tuple[tuple[str, str], ...]:
    return tuple(
        (code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES
    )


def page_in_language(request, language_code: str) -> str:
    """The current page's address in another language: /news/?page=2 -> /id/news/?page=2.

    The public paths are the same in every language; only the prefix differs
    (English has none), so this is string work rather than resolving the path.
    """
    prefix = "" if language_code == settings.LANGUAGE_CODE else f"/{language_code}"
    if not request:
        return f"{prefix}/"
    path = request.get_full_path()
    current = get_language()
    if current != settings.LANGUAGE_CODE and path.startswith(f"/{current}/"):
        path = path[len(current) + 1 :]
    return f"{prefix}{path}"


def absolute_uri(request, location: str = "") -> str:
    """The absolute URL of `location` (default: the current page), for Open Graph tags;
    empty without a request (the 500 page has none)."""
    if not request:
        return ""
    return request.build_absolute_uri(location or request.get_full_path())


def querystring(request, **changes) -> str:
    """The current query string with `changes` applied (None removes a key), as
    Django's {% querystring %}: "?" and the encoded parameters."""
    query = request.GET.copy()
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return f"?{query.urlencode()}"


def regroup(items, attribute: str):
    """Consecutive items grouped by an attribute or method, as {% regroup %}: the
    order of the items is kept, unlike Jinja's groupby, which sorts."""

    def key(item):
        value = getattr(item, attribute)
        return value() if callable(value) else value

    return [(grouper, list(group)) for grouper, group in itertools.groupby(items, key=key)]


def date(value, format_name: str = "DATE_FORMAT") -> str:
    """A date or datetime in the active language, datetimes in the current time zone."""
    if not value:
        return ""
    if hasattr(value, "tzinfo") and timezone.is_aware(value):
        value = timezone.localtime(value)
    return date_format(value, format_name)


def html_datetime(value) -> str:
    """For <time datetime>: to the second (HTML allows three fraction digits at most)."""
    if not value:
        return ""
    return timezone.template_localtime(value).isoformat(timespec="seconds")


def messages(request):
    return get_messages(request) if request else []


def crispy(form, request):
    """The form laid out by its crispy FormHelper (crispy renders Django templates)."""
    context = {"request": request, "csrf_token": get_token(request)} if request else {}
    return render_crispy_form(form, context=context)  # already marked safe


def environment(**options) -> Environment:
    options.pop("autoescape", None)
    env = Environment(autoescape=True, **options)
    env.globals.update(
        _=gettext,
        url=url,
        static=static_url,
        get_language=get_language,
        absolute_uri=absolute_uri,
        querystring=querystring,
        regroup=regroup,
        messages=messages,
        crispy=crispy,
    )
    env.filters.update(
        date=date,
        html_datetime=html_datetime,
        # Escapes the text, then marks the paragraphs safe.
        linebreaks=linebreaks_filter,
        truncatechars=lambda value, length: Truncator(value).chars(length),
        truncatewords=lambda value, length: Truncator(value).words(length, truncate=" …"),
        filesizeformat=filesizeformat,
    )
    return env
