"""Small view mixins of the trainers' area: who may see a page, and which objects."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from surveys import queries as survey_queries
from surveys.choices import SurveyKind
from training import queries


class TrainerAreaMixin(LoginRequiredMixin):
    """Anonymous visitors go to the trainers' login page (not the admin's), and come
    back here after logging in."""

    login_url = reverse_lazy("trainer:login")


def _or_404(query, *args, **kwargs):
    try:
        return query(*args, **kwargs)
    except ObjectDoesNotExist:
        # The same answer whether the object does not exist or is someone else's.
        raise Http404(_("None of your workshops has this address.")) from None


class AssignedWorkshopMixin(TrainerAreaMixin):
    """`self.workshop`: the workshop of the URL's slug among the user's own
    assignments; any other workshop is a 404 for every method, before the view runs.

    Views add their own objects, found inside that workshop, in find_objects().
    """

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.find_objects()
        return super().dispatch(request, *args, **kwargs)

    def find_objects(self):
        self.workshop = _or_404(
            queries.trainer_workshop, self.request.user, slug=self.kwargs["slug"]
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(workshop=self.workshop, **kwargs)


class WorkshopDayMixin(AssignedWorkshopMixin):
    """`self.day`: the workshop's day on the URL's date (a 404 on any other date)."""

    def find_objects(self):
        super().find_objects()
        self.day = _or_404(queries.trainer_day, self.workshop, held_on=self.kwargs["date"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            day=self.day, is_callable=queries.is_day_callable(self.day), **kwargs
        )


class WorkshopSessionMixin(AssignedWorkshopMixin):
    """`self.session`: the workshop's session of the URL's id (a 404 for any other)."""

    def find_objects(self):
        super().find_objects()
        self.session = _or_404(queries.trainer_session, self.workshop, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            session=self.session,
            day=self.session.day,
            is_callable=queries.is_day_callable(self.session.day),
            **kwargs,
        )


class WorkshopSurveyMixin(AssignedWorkshopMixin):
    """`self.survey`: the workshop's survey of the URL's kind (evaluation or impact);
    a 404 for another kind, or before the survey exists."""

    def find_objects(self):
        super().find_objects()
        kind = self.kwargs["kind"]
        if kind not in SurveyKind.values:
            raise Http404(_("None of your workshops has this address."))
        self.survey = _or_404(survey_queries.workshop_survey, self.workshop, kind)

    def get_context_data(self, **kwargs):
        return super().get_context_data(survey=self.survey, **kwargs)
