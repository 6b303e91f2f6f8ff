from django.contrib import admin
from django.utils.html import format_html

from core.admin_utils import year_filter

from .models import SessionLog

DAY_LOOKUP = "session__day__id__exact"


@admin.register(SessionLog)
class SessionLogAdmin(admin.ModelAdmin):
    """Staff read the trainers' session logs, a day at a time (click a date); they are
    the trainers' account of delivery, written at /trainer/, so the admin cannot add
    or change one."""

    list_display = [
        "session",
        "day",
        "workshop",
        "planned",
        "actual",
        "speaker_list",
        "logged_by",
        "logged_at",
    ]
    list_select_related = ["session__day", "session__workshop", "logged_by"]
    list_filter = [
        year_filter("session__day__held_on"),
        ("session__workshop", admin.RelatedOnlyFieldListFilter),
    ]
    date_hierarchy = "session__day__held_on"
    search_fields = ["session__title", "session__workshop__title", "notes"]
    fields = [
        "session",
        ("start_time", "end_time"),
        "speakers",
        "notes",
        "logged_by",
        "logged_at",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("speakers")

    def lookup_allowed(self, lookup, value, request=None):
        # The day column links to the logs of that day only.
        return lookup == DAY_LOOKUP or super().lookup_allowed(lookup, value, request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="day", ordering="session__day__held_on")
    def day(self, obj):
        return format_html(
            '<a href="?{}={}" title="The logs of this day">{}</a>',
            DAY_LOOKUP,
            obj.session.day_id,
            obj.session.day,
        )

    @admin.display(description="workshop", ordering="session__workshop__title")
    def workshop(self, obj):
        return obj.session.workshop

    @admin.display(description="planned")
    def planned(self, obj):
        return _times(obj.session.start_time, obj.session.end_time)

    @admin.display(description="actual", ordering="start_time")
    def actual(self, obj):
        return _times(obj.start_time, obj.end_time)

    @admin.display(description="speakers who spoke")
    def speaker_list(self, obj):
        return ", ".join(str(speaker) for speaker in obj.speakers.all())


def _times(start, end) -> str:
    if start is None:
        return "—"
    return f"{start:%H:%M}–{end:%H:%M}" if end else f"{start:%H:%M}"
