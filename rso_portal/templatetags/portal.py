"""Template helpers shared by the public pages: {% load portal %}."""

from django import template
from django.urls import translate_url
from django.utils import timezone

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute_uri(context, location=""):
    """The absolute URL of `location` (default: the current page), for Open Graph tags.

    Empty without a request (the 500 page is rendered without one).
    """
    request = context.get("request")
    if request is None:
        return ""
    return request.build_absolute_uri(location or request.get_full_path())


@register.simple_tag(takes_context=True)
def page_in_language(context, language_code):
    """The current page's path in another language: /news/?page=2 -> /id/news/?page=2."""
    request = context.get("request")
    if request is None:
        return "/" if language_code == "en" else f"/{language_code}/"
    return translate_url(request.get_full_path(), language_code)


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
