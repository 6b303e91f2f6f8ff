"""Public pages of news, publications and newsletter highlights."""

from django.views.generic import DetailView, ListView

from publications import queries

from ..forms import NewsFilterForm, PublicationFilterForm
from ..mixins import CachedPageMixin, FilterFormMixin, QueryObjectMixin


class NewsListView(CachedPageMixin, FilterFormMixin, ListView):
    template_name = "publications/news_list.html"
    context_object_name = "articles"
    paginate_by = 10
    filter_form_class = NewsFilterForm

    def get_queryset(self):
        filters = dict(self.filters)
        return queries.news_listing(search=filters.pop("q", ""), **filters)

    def paginate_queryset(self, queryset, page_size):
        # The page's rows become cards (with their thematic areas) once sliced.
        paginator, page, rows, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = queries.news_cards(rows, with_areas=True)
        return paginator, page, page.object_list, is_paginated


class NewsDetailView(CachedPageMixin, QueryObjectMixin, DetailView):
    template_name = "publications/news_detail.html"
    context_object_name = "page"
    object_query = queries.published_article


class PublicationListView(CachedPageMixin, FilterFormMixin, ListView):
    template_name = "publications/publication_list.html"
    context_object_name = "publications"
    paginate_by = 12
    filter_form_class = PublicationFilterForm

    def get_queryset(self):
        return queries.publication_listing(**self.filters)


class PublicationDetailView(CachedPageMixin, QueryObjectMixin, DetailView):
    template_name = "publications/publication_detail.html"
    context_object_name = "page"
    object_query = queries.published_publication


class HighlightListView(CachedPageMixin, ListView):
    template_name = "publications/highlight_list.html"
    context_object_name = "issues"
    paginate_by = 10

    def get_queryset(self):
        return queries.highlight_listing()


class HighlightDetailView(CachedPageMixin, QueryObjectMixin, DetailView):
    template_name = "publications/highlight_detail.html"
    context_object_name = "issue"
    object_query = queries.published_highlight
