"""Staff's side of the surveys: templates and their questions, each workshop's surveys
(which template, when), and the results, per workshop and across workshops.

Invitations and responses have no admin page: a response is read only through the
results, where no answer is shown beside a name. Staff follow the emails in the
outbox's admin (Emails)."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import QueryDict
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from core.admin_utils import count_column, count_of
from core.translation import translated_columns

from .charts import bar_chart, with_charts
from .exports import across_results_csv, survey_results_csv
from .forms import PeriodForm
from .models import Choice, Invitation, Question, Response, SurveyTemplate, WorkshopSurvey
from .queries import evaluation_results_across, survey_results
from .services import send_time

WORKSHOP_LOOKUP = "workshop__id__exact"


class QuestionInline(admin.TabularInline):
    model = Question
    fields = ["order", "key", "kind", "text", "is_required"]
    extra = 0
    show_change_link = True
    verbose_name_plural = "questions (their translations and choices: “Change” on each)"


@admin.register(SurveyTemplate)
class SurveyTemplateAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "is_default", "question_count"]
    list_filter = ["kind", "is_default"]
    search_fields = ["title"]
    inlines = [QuestionInline]
    fieldsets = [
        (None, {"fields": ["title", "kind", "is_default", "intro"]}),
        (
            "Translations (empty: English is shown)",
            {"fields": translated_columns("title") + translated_columns("intro")},
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(question_count=count_of(Question.objects.all(), "template"))
        )

    question_count = count_column("question_count", "questions")


class ChoiceInline(admin.TabularInline):
    model = Choice
    fields = ["order", "label", *translated_columns("label")]
    extra = 0


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    """A question with its translations and, for a choice question, its choices."""

    list_display = ["text", "template", "order", "key", "kind", "is_required"]
    list_select_related = ["template"]
    list_filter = ["template", "kind"]
    search_fields = ["text", "key"]
    inlines = [ChoiceInline]
    fieldsets = [
        (None, {"fields": ["template", "order", "key", "kind", "is_required", "text"]}),
        ("Translations (empty: English is shown)", {"fields": translated_columns("text")}),
    ]

    def has_module_permission(self, request):
        # Reached from a template's page; not a list of its own on the admin index.
        return False


@admin.register(WorkshopSurvey)
class WorkshopSurveyAdmin(admin.ModelAdmin):
    """Each workshop's evaluation and impact survey. Made when due with the default
    template; add one before then to choose another template or time."""

    list_display = ["workshop", "kind", "template", "sends", "invited", "responded", "results"]
    list_select_related = ["workshop", "template"]
    list_filter = ["kind", "template"]
    search_fields = ["workshop__title"]
    autocomplete_fields = ["workshop"]
    fields = ["workshop", "kind", "template", "send_at", "opened_at"]
    readonly_fields = ["opened_at"]
    change_list_template = "admin/surveys/workshopsurvey/change_list.html"

    def lookup_allowed(self, lookup, value, request=None):
        # The workshop's admin page links to its surveys: "Surveys and results".
        return lookup == WORKSHOP_LOOKUP or super().lookup_allowed(lookup, value, request)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                invited=count_of(Invitation.objects.all(), "survey"),
                responded=count_of(Response.objects.all(), "survey"),
            )
        )

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.opened_at is not None:
            # Its answers are to this template's questions: another would mix them up.
            return ["workshop", "kind", "template", "opened_at"]
        return self.readonly_fields

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        # From the workshop's surveys ("Surveys and results"): add one for that workshop.
        filters = QueryDict(request.GET.get("_changelist_filters", ""))
        if workshop := filters.get(WORKSHOP_LOOKUP):
            initial.setdefault("workshop", workshop)
        kind = initial.get("kind") or "evaluation"
        default = SurveyTemplate.objects.filter(kind=kind, is_default=True).first()
        return {"kind": kind, "template": default, **initial}

    invited = count_column("invited", "invited")
    responded = count_column("responded", "responded")

    @admin.display(description="invitations go out")
    def sends(self, obj):
        return send_time(obj) or "—"

    @admin.display(description="results")
    def results(self, obj):
        url = reverse("admin:surveys_workshopsurvey_results", args=[obj.pk])
        return format_html('<a href="{}">Results</a>', url)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/results/", view(self.results_view), name="surveys_workshopsurvey_results"
            ),
            path(
                "<int:pk>/results.csv",
                view(self.results_csv_view),
                name="surveys_workshopsurvey_results_csv",
            ),
            path("across/", view(self.across_view), name="surveys_workshopsurvey_across"),
            path(
                "across.csv", view(self.across_csv_view), name="surveys_workshopsurvey_across_csv"
            ),
            *super().get_urls(),
        ]

    def _check_permission(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied

    def _survey(self, pk):
        return get_object_or_404(
            WorkshopSurvey.objects.select_related("workshop", "template"), pk=pk
        )

    def results_view(self, request, pk):
        self._check_permission(request)
        survey = self._survey(pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Results: {survey}",
            "survey": survey,
            "results": with_charts(survey_results(survey)),
            "csv_url": reverse("admin:surveys_workshopsurvey_results_csv", args=[pk]),
        }
        return TemplateResponse(request, "admin/surveys/results.html", context)

    def results_csv_view(self, request, pk):
        self._check_permission(request)
        survey = self._survey(pk)
        return survey_results_csv(
            survey_results(survey), filename=f"{survey.workshop.slug}_{survey.kind}_results"
        )

    def across_view(self, request):
        self._check_permission(request)
        form = PeriodForm(request.GET)
        start, end, breakdown = form.values()
        results = evaluation_results_across(start=start, end=end, breakdown=breakdown)
        overall = results.groups if not breakdown else []
        charts = [
            {"question": question, "result": group.questions[question.key]}
            for group in overall
            for question in results.questions
        ]
        for chart in charts:
            chart["chart"] = bar_chart(chart["result"].bars)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Evaluation results across workshops",
            "form": form,
            "results": results,
            "charts": charts,
            "query": f"start={start.isoformat()}&end={end.isoformat()}&by={breakdown}",
        }
        return TemplateResponse(request, "admin/surveys/across.html", context)

    def across_csv_view(self, request):
        self._check_permission(request)
        start, end, breakdown = PeriodForm(request.GET).values()
        results = evaluation_results_across(start=start, end=end, breakdown=breakdown)
        name = f"evaluations_{start.isoformat()}_{end.isoformat()}"
        return across_results_csv(results, filename=f"{name}_by_{breakdown}" if breakdown else name)
