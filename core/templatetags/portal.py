"""Template helpers of the public pages that Django has no built-in for: {% load portal %}."""

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute_uri(context, location=""):
    """The absolute URL of `location` (default: the current page), for Open Graph tags.

    Empty without a request (the 500 page is rendered without one).
    """
    request = context.get("request")
    if request is None:
        return ""
    # Not build_absolute_uri(request.get_full_path()): a path that starts with two
    # slashes (//evil.example/) would read as another host's address.
    return request.build_absolute_uri(location) if location else request.build_absolute_uri()


@register.simple_tag(takes_context=True)
def page_in_language(context, language_code):
    """The current page's address in another language: /news/?page=2 -> /id/news/?page=2.

    The public paths are the same in every language; only the prefix differs
    (English has none), so this is string work rather than resolving the path.
    Without a request (the 500 page), the home page in that language.
    """
    prefix = "" if language_code == settings.LANGUAGE_CODE else f"/{language_code}"
    request = context.get("request")
    if request is None:
        return f"{prefix}/"
    path = request.get_full_path()
    current = get_language()
    if current != settings.LANGUAGE_CODE and path.startswith(f"/{current}/"):
        path = path[len(current) + 1 :]
    # One leading slash: /id//evil.example/x must not link to //evil.example/x,
    # which a browser reads as another host.
    return f"{prefix}/{path.lstrip('/')}"


@register.filter
def html_datetime(value):
    """`value` in the current time zone, to the second, for <time datetime>: the "c"
    date format keeps microseconds, and HTML allows at most three fraction digits."""
    if not value:
        return ""
    return timezone.template_localtime(value).isoformat(timespec="seconds")


@register.simple_tag
def elided_pages(page_obj, on_each_side=2, on_ends=1):
    """The page numbers to link to around the current page, with Paginator.ELLIPSIS
    where some are left out: {% elided_pages page_obj as pages %}."""
    return list(
        page_obj.paginator.get_elided_page_range(
            page_obj.number, on_each_side=on_each_side, on_ends=on_ends
        )
    )
