"""The staff reports page, in the admin: /admin/reports/report/ and its CSV files.

Report has no table; its admin only lends the page the admin's URL, look, login and
permission (reports.view_report), and puts “Reports” on the admin index."""

import csv

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path

from .forms import PeriodForm
from .models import Report
from .queries import (
    BREAKDOWNS_BY_SLUG,
    EVENTS_DELIVERED_DEFINITION,
    PEOPLE_TRAINED_DEFINITION,
    breakdown,
    period_report,
)
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
            path("<slug:slug>.csv", view(self.breakdown_csv_view), name="reports_report_csv"),
        ]

    def _check_permission(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied

    def report_view(self, request):
        self._check_permission(request)
        form = PeriodForm(request.GET)
        start, end = form.period()
        report = period_report(start=start, end=end)
        charts = [
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
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Reports",
            "form": form,
            "report": report,
            "charts": charts,
            "query": f"start={start.isoformat()}&end={end.isoformat()}",
            "people_trained_definition": PEOPLE_TRAINED_DEFINITION,
            "events_delivered_definition": EVENTS_DELIVERED_DEFINITION,
        }
        return TemplateResponse(request, "admin/reports/report.html", context)

    def breakdown_csv_view(self, request, slug):
        self._check_permission(request)
        kind = BREAKDOWNS_BY_SLUG.get(slug)
        if kind is None:
            raise Http404("No such breakdown.")
        start, end = PeriodForm(request.GET).period()
        result = breakdown(kind=kind, start=start, end=end)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"{slug}_{start.isoformat()}_{end.isoformat()}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        writer = csv.writer(response)
        writer.writerow([kind.title, f"{start.isoformat()} to {end.isoformat()}"])
        writer.writerow(["group", "people trained" if kind.of == "people" else "events"])
        for row in result.rows:
            writer.writerow([safe_cell(row.label), row.value])
        return response


def _shorten(label, limit=38):
    return label if len(label) <= limit else label[: limit - 1] + "…"
