"""The training request (contact) form."""

from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from core.ratelimit import hit_is_allowed
from workshops import services
from workshops.forms import TrainingRequestForm

CONTACT_LIMIT = 5  # requests per client address...
CONTACT_WINDOW_SECONDS = 60 * 60  # ...per hour


class ContactView(FormView):
    template_name = "workshops/contact_form.html"
    form_class = TrainingRequestForm
    success_url = reverse_lazy("contact:thanks")

    def form_valid(self, form):
        # Counted once the form is valid, so that a visitor correcting a typo does
        # not use up the limit.
        if not hit_is_allowed(
            "contact", self.request, limit=CONTACT_LIMIT, window_seconds=CONTACT_WINDOW_SECONDS
        ):
            form.add_error(
                None,
                _(
                    "You have sent several requests in the last hour. Please wait an hour "
                    "before sending another, or write to us by email."
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
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
