"""The trainers' area: their workshops, each day's roll call and the session logs,
behind a login of the public site's look."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import DetailView, FormView, ListView, TemplateView

from core.ratelimit import hit_is_allowed
from surveys import queries as survey_queries
from surveys.charts import with_charts
from surveys.exports import survey_results_csv
from training import queries, services

from .forms import LoginForm, PasswordResetForm, RollCallForm, SessionLogForm, SetPasswordForm
from .mixins import (
    AssignedWorkshopMixin,
    TrainerAreaMixin,
    WorkshopDayMixin,
    WorkshopSessionMixin,
    WorkshopSurveyMixin,
)

# Mailing reset links to someone's inbox from one address. Wrong passwords are
# throttled for every login by django-axes (settings, "Login throttling").
PASSWORD_RESET_LIMIT = 5  # reset requests per client address...
LIMIT_WINDOW_SECONDS = 15 * 60  # ...per quarter of an hour


class LoginView(auth_views.LoginView):
    template_name = "trainer/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True
    next_page = reverse_lazy("trainer:home")


class LogoutView(auth_views.LogoutView):
    # Django's LogoutView answers POST only (GET is 405): a link cannot log anyone out.
    next_page = reverse_lazy("trainer:login")

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("You have logged out."))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "trainer/password_reset_form.html"
    form_class = PasswordResetForm
    email_template_name = "trainer/email/password_reset.txt"
    subject_template_name = "trainer/email/password_reset_subject.txt"
    success_url = reverse_lazy("trainer:password-reset-sent")

    def form_valid(self, form):
        if not hit_is_allowed(
            "trainer-password-reset",
            self.request,
            limit=PASSWORD_RESET_LIMIT,
            window_seconds=LIMIT_WINDOW_SECONDS,
        ):
            form.add_error(
                None,
                _("Too many attempts from your connection. Please wait a quarter of an hour."),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


class PasswordResetSentView(auth_views.PasswordResetDoneView):
    template_name = "trainer/password_reset_sent.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """The emailed link. Its token is made from the password hash and the last login,
    so once the password is set the same link is refused: it works once."""

    template_name = "trainer/password_reset_confirm.html"
    form_class = SetPasswordForm
    success_url = reverse_lazy("trainer:password-reset-done")


class PasswordResetDoneView(auth_views.PasswordResetCompleteView):
    template_name = "trainer/password_reset_done.html"


class WorkshopListView(TrainerAreaMixin, ListView):
    """The trainer's workshops, upcoming (soonest first) then past (latest first)."""

    template_name = "trainer/workshop_list.html"
    context_object_name = "workshops"

    def get_queryset(self):
        return queries.trainer_workshop_list(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        # The same split as Workshop.objects.upcoming() / past(), on the one list read.
        workshops = context["workshops"]
        context["upcoming"] = [w for w in workshops if w.ends_on is None or w.ends_on >= today][
            ::-1
        ]
        context["past"] = [w for w in workshops if w.ends_on is not None and w.ends_on < today]
        return context


class WorkshopDetailView(AssignedWorkshopMixin, DetailView):
    """One workshop: its days with the roll call's progress, and their sessions with
    their logs."""

    template_name = "trainer/workshop_detail.html"

    def get_object(self, queryset=None):
        return self.workshop

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            days=queries.workshop_days_with_records(self.workshop),
            today=queries.workshop_today(self.workshop),
            surveys=survey_queries.surveys_of_workshop(self.workshop),
            **kwargs,
        )


class RollCallView(WorkshopDayMixin, FormView):
    """A day's roll call: every registration on the roll with present / late / absent,
    saved in one POST (training.services.record_roll_call)."""

    template_name = "trainer/roll_call.html"
    form_class = RollCallForm

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "rows": queries.roll_call_rows(self.day),
            "day": self.day,
        }

    def form_valid(self, form):
        try:
            result = services.record_roll_call(
                day=self.day, marks=form.marks(), by=self.request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _roll_call_saved(self.day, result))
        return redirect(self.request.path)


def _roll_call_saved(day, result) -> str:
    day_label = date_format(day.held_on, "DATE_FORMAT")
    if not (result.created or result.changed):
        return _("Roll call of %(day)s: every mark was already recorded.") % {"day": day_label}
    return _("Roll call of %(day)s saved: %(new)s, %(corrected)s.") % {
        "day": day_label,
        "new": ngettext("%(count)d new mark", "%(count)d new marks", result.created)
        % {"count": result.created},
        "corrected": ngettext("%(count)d correction", "%(count)d corrections", result.changed)
        % {"count": result.changed},
    }


class SessionLogView(WorkshopSessionMixin, FormView):
    """The log of one session as delivered (training.services.log_session)."""

    template_name = "trainer/session_log.html"
    form_class = SessionLogForm

    def get_form_kwargs(self):
        session = self.session
        log = getattr(session, "log", None)
        kwargs = {
            **super().get_form_kwargs(),
            "speakers": queries.speakers_of_workshop(self.workshop),
            "instance": log,
        }
        if log is None:
            # A new log starts from the programme: usually only a detail differs.
            kwargs["initial"] = {
                "start_time": session.start_time,
                "end_time": session.end_time,
                "speakers": list(session.speakers.all()),
            }
        return kwargs

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.log_session(
                session=self.session,
                start_time=data["start_time"],
                end_time=data["end_time"],
                notes=data["notes"],
                speakers=data["speakers"],
                by=self.request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request, _("Log of “%(session)s” saved.") % {"session": self.session.title}
        )
        return redirect(
            reverse("trainer:workshop", kwargs={"slug": self.workshop.slug})
            + f"#day-{self.session.day.held_on.isoformat()}"
        )


class SurveyResultsView(WorkshopSurveyMixin, TemplateView):
    """The results of the workshop's evaluation or impact survey: response rate, each
    question's answers with a chart, free-text answers without who wrote them."""

    template_name = "trainer/survey_results.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            results=with_charts(survey_queries.survey_results(self.survey)),
            csv_url=reverse(
                "trainer:survey-results-csv",
                kwargs={"slug": self.workshop.slug, "kind": self.survey.kind},
            ),
            **kwargs,
        )


class SurveyResultsCsvView(WorkshopSurveyMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        return survey_results_csv(
            survey_queries.survey_results(self.survey),
            filename=f"{self.workshop.slug}_{self.survey.kind}_results",
        )
