"""Public pages of events and the training request (contact) form."""

from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView, TemplateView

from rso_portal.mixins import CachedPageMixin, FilterFormMixin, QueryObjectMixin
from rso_portal.ratelimit import count_hit, is_rate_limited

from . import queries, services
from .forms import EventFilterForm, TrainingRequestForm

CONTACT_LIMIT = 5  # requests per client address...
CONTACT_WINDOW_SECONDS = 60 * 60  # ...per hour


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
        context = super().get_context_data(
            when=self.when, is_past=self.when == queries.PAST, **kwargs
        )
        count = context["paginator"].count
        context["count_label"] = ngettext("%(counter)s event", "%(counter)s events", count) % {
            "counter": count
        }
        return context


class EventDetailView(QueryObjectMixin, DetailView):
    template_name = "workshops/event_detail.html"
    context_object_name = "event"
    object_query = queries.public_event

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        count = self.object.participant_count
        context["participants_label"] = ngettext(
            "%(counter)s official", "%(counter)s officials", count
        ) % {"counter": count}
        return context


class ContactView(FormView):
    template_name = "workshops/contact_form.html"
    form_class = TrainingRequestForm
    success_url = reverse_lazy("contact:thanks")

    def post(self, request, *args, **kwargs):
        if is_rate_limited("contact", request, limit=CONTACT_LIMIT):
            form = self.get_form()
            form.is_valid()
            form.add_error(
                None,
                _(
                    "You have sent several requests in the last hour. Please wait an hour "
                    "before sending another, or write to us by email."
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        count_hit("contact", self.request, window_seconds=CONTACT_WINDOW_SECONDS)
        # A robot that filled in the honeypot is thanked like anyone else, so it has
        # no reason to try again, but nothing is stored or sent.
        if not form.is_spam:
            data = form.cleaned_data
            services.submit_training_request(
                name=data["name"],
                organisation=data["organisation"],
                member_state=data["member_state"],
                email=data["email"],
                training_kind=data["training_kind"],
                message=data["message"],
                language=get_language(),
            )
        return redirect(self.get_success_url())


class ContactThanksView(TemplateView):
    template_name = "workshops/contact_thanks.html"
