"""Small view mixins shared by the public pages."""

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from .cache import CachedPageMixin

__all__ = ["CachedPageMixin", "FilterFormMixin", "QueryObjectMixin"]


class FilterFormMixin:
    """Binds `filter_form_class` to the query string; `self.filters` holds the valid
    values for get_queryset(). The template gets `filter_form` and `is_filtered`.

    Built on first use, not in setup(): a page served from the cache must not run
    the queries of the form's choices.
    """

    filter_form_class = None

    @cached_property
    def filter_form(self):
        return self.filter_form_class(self.request.GET or None)

    @cached_property
    def filters(self) -> dict:
        return self.filter_form.filters() if self.request.GET else {}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter_form=self.filter_form, is_filtered=bool(self.filters), **kwargs
        )


class QueryObjectMixin:
    """A DetailView whose object comes from a query function of the app's queries
    module (`object_query(slug=...)`), its DoesNotExist becoming a 404: unknown,
    draft and unpublished items alike, so a 404 does not tell which."""

    object_query = None

    def get_object(self, queryset=None):
        try:
            return type(self).object_query(slug=self.kwargs["slug"])
        except ObjectDoesNotExist:
            raise Http404(_("No published page has this address.")) from None
