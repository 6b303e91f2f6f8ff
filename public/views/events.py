"""Public pages of events: upcoming and past, and one event with its programme."""

from django.views.generic import DetailView, ListView

from workshops import queries

from .. import queries as page_queries
from ..forms import EventFilterForm
from ..mixins import CachedPageMixin, FilterFormMixin, QueryObjectMixin


class EventListView(CachedPageMixin, FilterFormMixin, ListView):
    template_name = "workshops/event_list.html"
    context_object_name = "events"
    paginate_by = 12
    filter_form_class = EventFilterForm

    @property
    def when(self):
        return queries.PAST if self.request.GET.get("when") == queries.PAST else queries.UPCOMING

    def get_queryset(self):
        return queries.event_listing(when=self.when, **self.filters)

    def paginate_queryset(self, queryset, page_size):
        # The page's rows become cards (with their thematic areas) once sliced.
        paginator, page, rows, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = queries.event_cards(rows, with_areas=True)
        return paginator, page, page.object_list, is_paginated

    def get_context_data(self, **kwargs):
        return super().get_context_data(when=self.when, is_past=self.when == queries.PAST, **kwargs)


class EventDetailView(CachedPageMixin, QueryObjectMixin, DetailView):
    template_name = "workshops/event_detail.html"
    context_object_name = "event"
    object_query = page_queries.public_event
