"""Calendar subscriptions: /events.ics (every upcoming public event) and
/events/<slug>.ics (one event, for “add to calendar”)."""

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.views import View

from workshops.calendar import build_calendar
from workshops.queries import calendar_events

from .cache import CachedPageMixin

CONTENT_TYPE = "text/calendar; charset=utf-8"


def _calendar_response(request, workshops, *, name: str) -> HttpResponse:
    body = build_calendar(
        workshops,
        name=name,
        absolute_url=request.build_absolute_uri,
        uid_domain=request.get_host().split(":")[0],
    )
    return HttpResponse(body, content_type=CONTENT_TYPE)


class UpcomingEventsCalendar(CachedPageMixin, View):
    def get(self, request):
        return _calendar_response(
            request, calendar_events(), name=_("Regional Support Office: upcoming events")
        )


class EventCalendar(CachedPageMixin, View):
    def get(self, request, slug):
        workshops = list(calendar_events(slug=slug))
        if not workshops:
            raise Http404("No public event with this address.")
        response = _calendar_response(request, workshops, name=workshops[0].title)
        response["Content-Disposition"] = f'attachment; filename="{workshops[0].slug}.ics"'
        return response
