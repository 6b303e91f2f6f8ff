import re

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from core.context_processors import theme_version
from publications.queries import latest_news
from reports.queries import all_time_figures
from workshops.queries import upcoming_events

from ..cache import CachedPageMixin

HOME_NEWS = 3
HOME_EVENTS = 4


class HomeView(CachedPageMixin, TemplateView):
    """Latest news, upcoming events and the headline figures."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            latest_news=latest_news(limit=HOME_NEWS),
            upcoming_events=upcoming_events(limit=HOME_EVENTS),
            figures=all_time_figures(),
            **kwargs,
        )


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"


# A colour as CSS takes it from us: hex only, so a setting cannot inject rules.
HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")


@require_safe
def theme_css(request):
    """The office's colours (settings.OFFICE_COLOURS) as CSS variables: a stylesheet
    of our own origin, since the CSP allows no inline style. portal.css reads them.
    Cached for a year at the address pages link (?v= the current theme_version), for
    an hour at any other."""
    lines = [":root {"]
    for name, value in settings.OFFICE_COLOURS.items():
        if HEX_COLOUR.fullmatch(value):
            lines.append(f"  --office-{name}: {value};")
    lines.append("}")
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/css; charset=utf-8")
    if request.GET.get("v") == theme_version():
        response["Cache-Control"] = "public, max-age=31536000, immutable"
    else:
        response["Cache-Control"] = "public, max-age=3600"
    return response
