from django.views.generic import TemplateView

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
