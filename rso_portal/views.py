from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from publications.queries import latest_news
from workshops.queries import headline_figures, upcoming_events

from . import health
from .public_cache import CachedPageMixin

HOME_NEWS = 3
HOME_EVENTS = 4


class HomeView(CachedPageMixin, TemplateView):
    """Latest news, upcoming events and the headline figures: five statements."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            latest_news=latest_news(limit=HOME_NEWS),
            upcoming_events=upcoming_events(limit=HOME_EVENTS),
            figures=headline_figures(),
            **kwargs,
        )


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"


@never_cache
def healthz(request):
    checks = {"database": health.database_is_up()}
    if health.broker_is_configured():
        checks["broker"] = health.broker_is_up()
    is_healthy = all(checks.values())
    return JsonResponse(
        {"status": "ok" if is_healthy else "unavailable", "checks": checks},
        status=200 if is_healthy else 503,
    )
