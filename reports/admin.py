"""The staff reports page, in the admin: /admin/reports/report/ and its CSV files.

Report has no table; its admin only lends the page the admin's URL, look, login and
permission (reports.view_report), and puts “Reports” on the admin index."""

import csv

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path

from core.cache import cached_per_generation
from core.period import PeriodForm
from participants.models import Registration
from publications.admin import NewsletterIssueAdmin
from publications.choices import FigureMeasure
from publications.models import NewsletterIssue
from workshops.models import Workshop

from .exports import (
    attendance_sheet,
    csv_response,
    participant_list,
    registration_rows,
    xlsx_response,
)
from .models import Report
from .queries import (
    BREAKDOWNS_BY_SLUG,
    EVENTS_DELIVERED_DEFINITION,
    PEOPLE_TRAINED_DEFINITION,
    REPORT_SECONDS,
    cached_period_report,
    period_listing,
)
from .services import computed_newsletter_figures, refresh_newsletter_figures
from .tabular import safe_cell

# Rows of a bar chart, in SVG user units (the chart's width is 100%).
BAR_ROW_HEIGHT = 24


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("", view(self.report_view), name="reports_report_changelist"),
            path(
                "workshop/<int:pk>/<str:sheet>.<str:fmt>",
                view(self.workshop_export_view),
                name="reports_workshop_export",
            ),
            path(
                "registrations.<str:fmt>",
                view(self.registrations_export_view),
                name="reports_registrations_export",
            ),
            # After registrations.csv, which it would match too.
            path("<slug:slug>.csv", view(self.breakdown_csv_view), name="reports_report_csv"),
        ]

    def _check_permission(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied

    def report_view(self, request):
        self._check_permission(request)
        form = PeriodForm(request.GET)
        start, end = form.period()
        report = cached_period_report(start=start, end=end)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Reports",
            "form": form,
            "report": report,
            "report_html": _report_html(report),
        }
        return TemplateResponse(request, "admin/reports/report.html", context)

    def breakdown_csv_view(self, request, slug):
        self._check_permission(request)
        kind = BREAKDOWNS_BY_SLUG.get(slug)
        if kind is None:
            raise Http404("No such breakdown.")
        start, end = PeriodForm(request.GET).period()
        # From the report the page shows, so that the file says what the chart said.
        report = cached_period_report(start=start, end=end)
        result = next(item for item in report.breakdowns if item.kind == kind)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"{slug}_{start.isoformat()}_{end.isoformat()}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        writer = csv.writer(response)
        writer.writerow([kind.title, f"{start.isoformat()} to {end.isoformat()}"])
        writer.writerow(["group", "people trained" if kind.of == "people" else "events"])
        for row in result.rows:
            writer.writerow([safe_cell(row.label), row.value])
        return response

    # Exports: personal data, so they ask for the right to see registrations, not
    # reports.view_report (Communications may read figures, never names).

    def workshop_export_view(self, request, pk, sheet, fmt):
        if not request.user.has_perm("participants.view_registration"):
            raise PermissionDenied
        if sheet not in EXPORT_SHEETS or fmt not in ("csv", "xlsx"):
            raise Http404("No such export.")
        workshop = get_object_or_404(Workshop, pk=pk)
        header, rows = EXPORT_SHEETS[sheet](workshop=workshop)
        filename = f"{workshop.slug}_{sheet}"
        if fmt == "csv":
            return csv_response(header=header, rows=rows, filename=filename)
        return xlsx_response(header=header, rows=rows, filename=filename, title=sheet)

    def registrations_export_view(self, request, fmt):
        """The registrations the registrations changelist shows for the same query
        string: its filters, search and ordering, applied by its own ChangeList."""
        if fmt not in ("csv", "xlsx"):
            raise Http404("No such export.")
        registration_admin = self.admin_site.get_model_admin(Registration)
        if not registration_admin.has_view_permission(request):
            raise PermissionDenied
        try:
            changelist = registration_admin.get_changelist_instance(request)
        except IncorrectLookupParameters:
            return HttpResponseBadRequest("These filters do not apply to registrations.")
        header, rows = registration_rows(changelist.get_queryset(request))
        if fmt == "csv":
            return csv_response(header=header, rows=rows, filename="registrations")
        return xlsx_response(
            header=header, rows=rows, filename="registrations", title="registrations"
        )


EXPORT_SHEETS = {"participants": participant_list, "attendance": attendance_sheet}


def _report_html(report) -> str:
    """The figures, definitions and charts of `report`, rendered once per computed
    report (its time of computation is in the key): nine charts of up to a hundred
    bars cost the page more than reading the stored report. Rendered anew when the
    cache is down."""
    return cached_per_generation(
        f"reports:page:{report.start}:{report.end}:{report.computed_at.isoformat()}",
        lambda: render_to_string(
            "admin/reports/_report.html",
            {
                "report": report,
                "charts": _charts(report),
                "query": f"start={report.start.isoformat()}&end={report.end.isoformat()}",
                "report_minutes": REPORT_SECONDS // 60,
                "people_trained_definition": PEOPLE_TRAINED_DEFINITION,
                "events_delivered_definition": EVENTS_DELIVERED_DEFINITION,
            },
        ),
        timeout=REPORT_SECONDS,
        generations=(),
    )


def _charts(report):
    """The bar charts of the report's breakdowns, their geometry worked out."""
    return [
        {
            "breakdown": item,
            "height": max(len(item.rows), 1) * BAR_ROW_HEIGHT,
            "bars": [
                {
                    "row": row,
                    "y": index * BAR_ROW_HEIGHT,
                    "text_y": index * BAR_ROW_HEIGHT + 16,
                    # Labels take the left 40% of the chart, bars at most 50%;
                    # formatted here, as the locale's decimal comma is no SVG.
                    "width": f"{row.share * 50:.2f}",
                    "value_x": f"{41 + row.share * 50:.2f}",
                    "short_label": _shorten(row.label),
                }
                for index, row in enumerate(item.rows)
            ],
        }
        for item in report.breakdowns
    ]


def _shorten(label, limit=38):
    return label if len(label) <= limit else label[: limit - 1] + "…"


# The newsletter issue's page, with the figures of its period: publications may not
# import reports (README, Layout), so the figures join its admin from here, as the
# registrations join the workshop's page from participants/admin.py.
admin.site.unregister(NewsletterIssue)


@admin.register(NewsletterIssue)
class NewsletterIssueWithFiguresAdmin(NewsletterIssueAdmin):
    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        return [*fieldsets, ("The period in the portal's records", {"fields": ["period_figures"]})]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "period_figures"]

    @admin.display(description="computed figures and events")
    def period_figures(self, obj):
        computed = computed_newsletter_figures(issue=obj)
        workshops, publications = period_listing(start=obj.period_starts_on, end=obj.period_ends_on)
        return render_to_string(
            "admin/reports/newsletter_period.html",
            {
                "computed": [
                    (label, computed[measure]) for measure, label in FigureMeasure.choices
                ],
                "workshops": workshops,
                "publications": publications,
                "report_query": (
                    f"start={obj.period_starts_on.isoformat()}&end={obj.period_ends_on.isoformat()}"
                ),
            },
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        refresh_newsletter_figures(issue=form.instance)
