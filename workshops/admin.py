from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import OuterRef, Subquery
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.html import format_html

from core.admin_forms import (
    LabelledAutocompleteAdminMixin,
    LabelledForm,
    UniqueSlugForm,
    ZoneTimeWidget,
)
from core.admin_races import RecheckOnConflictMixin
from core.admin_utils import count_column, count_of, year_filter
from notifications.choices import NotificationKind, NotificationState
from notifications.models import Notification

from .admin_forms import (
    DuplicateWorkshopForm,
    MemberStateForm,
    SessionForm,
    SessionInlineFormSet,
    WorkshopDayFormSet,
    WorkshopForm,
)
from .choices import WorkshopStatus
from .models import (
    MemberState,
    Organisation,
    Session,
    Speaker,
    ThematicArea,
    TrainerAssignment,
    TrainingRequest,
    Workshop,
    WorkshopDay,
    WorkshopPartner,
)
from .services import (
    cancel_workshops,
    duplicate_workshop,
    mark_workshops_delivered,
    refresh_workshop_dates,
)


@admin.register(MemberState)
class MemberStateAdmin(admin.ModelAdmin):
    form = MemberStateForm
    list_display = ["name", "kind", "iso_code", "organisation_count"]
    list_filter = ["kind"]
    search_fields = ["name", "iso_code"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                organisation_count=count_of(Organisation.objects.all(), "member_state"),
            )
        )

    organisation_count = count_column("organisation_count", "organisations")


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym", "kind", "member_state"]
    list_select_related = ["member_state"]
    list_filter = ["kind", "member_state"]
    search_fields = ["name", "acronym"]
    autocomplete_fields = ["member_state"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(ThematicArea)
class ThematicAreaAdmin(admin.ModelAdmin):
    form = UniqueSlugForm
    list_display = ["name", "slug", "workshop_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(workshop_count=count_of(Workshop.objects.all(), "thematic_areas"))
        )

    workshop_count = count_column("workshop_count", "workshops")


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "honorific", "position", "organisation", "session_count"]
    list_select_related = ["organisation"]
    list_filter = [("organisation__member_state", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "position", "organisation__name", "organisation__acronym"]
    autocomplete_fields = ["organisation"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(session_count=count_of(Session.objects.all(), "speakers"))
        )

    session_count = count_column("session_count", "sessions")


# --- The workshop page: one page schedules a whole workshop -----------------------------
#
# The inlines are saved in this order, and the order matters: days first, so that a
# session dated on a day entered (or re-dated) in the same submit finds that day
# instead of creating a second one; registrations last, after any change to capacity.


class WorkshopDayInline(admin.TabularInline):
    model = WorkshopDay
    formset = WorkshopDayFormSet
    fields = ["held_on", "notes"]
    extra = 1
    verbose_name = "day"
    verbose_name_plural = "days (not necessarily consecutive)"


class SessionInline(LabelledAutocompleteAdminMixin, admin.TabularInline):
    model = Session
    form = SessionForm
    formset = SessionInlineFormSet
    fields = ["title", "date", "start_time", "end_time", "speakers", "order", "description"]
    autocomplete_fields = ["speakers"]
    extra = 1
    verbose_name_plural = "programme (session times in the workshop's timezone)"
    formfield_overrides = {models.TimeField: {"widget": ZoneTimeWidget}}

    def get_queryset(self, request):
        # SessionForm reads day.held_on and the speakers of every row.
        return super().get_queryset(request).select_related("day").prefetch_related("speakers")


class WorkshopPartnerInline(LabelledAutocompleteAdminMixin, admin.TabularInline):
    model = WorkshopPartner
    form = LabelledForm
    fields = ["organisation", "role"]
    autocomplete_fields = ["organisation"]
    extra = 1

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organisation")


class TrainerAssignmentInline(LabelledAutocompleteAdminMixin, admin.TabularInline):
    model = TrainerAssignment
    form = LabelledForm
    fields = ["trainer", "assigned_at"]
    readonly_fields = ["assigned_at"]
    autocomplete_fields = ["trainer"]
    extra = 1

    def get_queryset(self, request):
        # The tabular inline prints each row's __str__, which names the workshop too.
        return super().get_queryset(request).select_related("trainer", "workshop")


class OnPublicSiteFilter(admin.SimpleListFilter):
    """What the public sees (Workshop.objects.public()), not the “is public” box alone,
    which a draft overrides."""

    title = "on the public site"
    parameter_name = "on_public_site"

    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "No")]

    def queryset(self, request, queryset):
        public = Workshop.objects.public().values("pk")
        if self.value() == "yes":
            return queryset.filter(pk__in=public)
        if self.value() == "no":
            return queryset.exclude(pk__in=public)
        return queryset


@admin.register(Workshop)
class WorkshopAdmin(RecheckOnConflictMixin, admin.ModelAdmin):
    form = WorkshopForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [
        WorkshopDayInline,
        SessionInline,
        WorkshopPartnerInline,
        TrainerAssignmentInline,
    ]
    # Fits a 1,366 px screen: the dates in one column, the rest on the change page.
    list_display = [
        "title",
        "kind",
        "status",
        "on_public_site",
        "dates",
        "member_states",
        "session_count",
    ]
    list_filter = [
        "status",
        "kind",
        "delivery_mode",
        year_filter("starts_on"),
        "has_tentative_dates",
        OnPublicSiteFilter,
        "thematic_areas",
        "target_member_states",
    ]
    search_fields = ["title", "slug", "summary", "venue", "city"]
    date_hierarchy = "starts_on"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["country", "thematic_areas", "target_member_states", "target_agencies"]
    readonly_fields = ["starts_on", "ends_on"]
    actions = ["mark_delivered", "cancel", "duplicate"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "publishing", "summary", "description"]}),
        (
            "Cover image",
            {
                "fields": ["cover_image", "cover_image_alt"],
                "description": "Shown at the top of the event's page and on its card in the "
                "events list, cropped to a wide rectangle: keep what matters in the middle.",
            },
        ),
        (
            "Delivery",
            {
                "fields": [
                    "delivery_mode",
                    "platform",
                    "joining_url",
                    "venue",
                    "city",
                    "country",
                    "timezone",
                    "languages",
                    ("has_interpretation", "interpretation_notes"),
                ]
            },
        ),
        (
            "Audience",
            {"fields": ["thematic_areas", "target_member_states", "target_agencies", "capacity"]},
        ),
        (
            "Dates",
            {
                "fields": [
                    ("starts_on", "ends_on"),
                    "has_tentative_dates",
                    "reminder_days",
                ],
                "description": "The first and last dates are taken from the days below "
                "(and from the sessions' dates) each time you save.",
            },
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                session_count=count_of(Session.objects.all(), "workshop"),
            )
            .prefetch_related("target_member_states")
        )

    @admin.display(description="dates", ordering="starts_on")
    def dates(self, obj):
        if obj.starts_on is None:
            return "to be announced"
        text = f"{obj.starts_on:%d %b %Y}"
        if obj.ends_on and obj.ends_on != obj.starts_on:
            text = f"{obj.starts_on:%d %b} – {obj.ends_on:%d %b %Y}"
        return f"{text} (to be confirmed)" if obj.has_tentative_dates else text

    @admin.display(description="on the public site", boolean=True)
    def on_public_site(self, obj):
        # What the public sees: a draft is hidden whatever “is public” holds.
        return obj.is_public and obj.status != WorkshopStatus.DRAFT

    @admin.display(description="member states")
    def member_states(self, obj):
        return ", ".join(state.iso_code or state.name for state in obj.target_member_states.all())

    session_count = count_column("session_count", "sessions")

    def _create_formsets(self, request, obj, change):
        formsets, inline_instances = super()._create_formsets(request, obj, change)
        # Django validates each inline on its own, but a session must not stay on a
        # day the same submit deletes; the session formset reads the days formset.
        # _create_formsets is private to Django (stable since 1.x); if it changes,
        # test_change_page_refuses_deleting_a_day_whose_sessions_stay fails.
        days = next((f for f in formsets if isinstance(f, WorkshopDayFormSet)), None)
        for formset in formsets:
            if isinstance(formset, SessionInlineFormSet):
                formset.day_formset = days
        return formsets, inline_instances

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Days come from the days inline and from the sessions' dates (SessionForm
        # creates missing ones): only now are all of them saved.
        refresh_workshop_dates(workshop=form.instance)
        self._say_where_it_shows(request, form)

    def _say_where_it_shows(self, request, form):
        """Tell staff, after each save, whether the public can see the event (the
        “Publishing” choice), with its address when it is on the public site."""
        workshop = form.instance
        if form.proposed_timezone:
            self.message_user(
                request,
                f"Time zone set to {form.proposed_timezone}, the main one of "
                f"{workshop.country}; change it if the event runs in another.",
                messages.INFO,
            )
        if workshop.status == WorkshopStatus.DRAFT:
            self.message_user(
                request,
                "Not on the public site: this event is a draft. Choose “Scheduled, on "
                "the public site” under Publishing to publish it.",
                messages.WARNING,
            )
        elif not workshop.is_public:
            self.message_user(
                request,
                "Not on the public site: it is for staff only (see Publishing).",
                messages.WARNING,
            )
        else:
            self.message_user(
                request,
                format_html(
                    'On the public site: <a href="{}">{}</a>',
                    workshop.get_absolute_url(),
                    workshop.get_absolute_url(),
                ),
                messages.INFO,
            )

    @admin.action(description="Mark selected scheduled workshops as delivered")
    def mark_delivered(self, request, queryset):
        selected = list(queryset.only("pk"))
        delivered = mark_workshops_delivered(workshops=selected)
        self.message_user(request, f"{delivered} workshop(s) marked as delivered.")
        if skipped := len(selected) - delivered:
            self.message_user(
                request,
                f"{skipped} workshop(s) were not scheduled (draft, cancelled or already "
                "delivered) and were left as they were.",
                messages.WARNING,
            )

    @admin.action(description="Cancel selected workshops")
    def cancel(self, request, queryset):
        selected = list(queryset.only("pk"))
        cancelled = cancel_workshops(workshops=selected)
        self.message_user(request, f"{cancelled} workshop(s) cancelled.")
        if skipped := len(selected) - cancelled:
            self.message_user(
                request,
                f"{skipped} workshop(s) were delivered or already cancelled and were left "
                "as they were.",
                messages.WARNING,
            )

    @admin.action(description="Duplicate a workshop to a new start date")
    def duplicate(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, "Select exactly one workshop to duplicate.", messages.ERROR)
            return None
        workshop = queryset.get()
        form = DuplicateWorkshopForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            copy = duplicate_workshop(workshop=workshop, starts_on=form.cleaned_data["starts_on"])
            self.message_user(request, f"Duplicated as a draft: {copy}. Check it, then publish.")
            return redirect("admin:workshops_workshop_change", copy.pk)
        return TemplateResponse(
            request,
            "admin/workshops/workshop/duplicate.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": f"Duplicate {workshop}",
                "workshop": workshop,
                "form": form,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )


@admin.register(WorkshopDay)
class WorkshopDayAdmin(admin.ModelAdmin):
    list_display = ["held_on", "workshop", "notes", "session_count"]
    list_select_related = ["workshop"]
    list_filter = [year_filter("held_on")]
    search_fields = ["workshop__title"]
    date_hierarchy = "held_on"
    autocomplete_fields = ["workshop"]
    fields = ["workshop", "held_on", "notes"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(session_count=count_of(Session.objects.all(), "day"))
        )

    def get_readonly_fields(self, request, obj=None):
        # Moving a day to another workshop would strand its sessions and attendance.
        return ["workshop"] if obj else []

    session_count = count_column("session_count", "sessions")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        refresh_workshop_dates(workshop=obj.workshop)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        refresh_workshop_dates(workshop=obj.workshop)

    def delete_queryset(self, request, queryset):
        workshops = list(Workshop.objects.filter(days__in=queryset).distinct())
        super().delete_queryset(request, queryset)
        for workshop in workshops:
            refresh_workshop_dates(workshop=workshop)


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    form = SessionForm
    formfield_overrides = {models.TimeField: {"widget": ZoneTimeWidget}}
    list_display = ["title", "workshop", "day_held_on", "start_time", "end_time", "speaker_list"]
    list_select_related = ["workshop", "day"]
    list_filter = [year_filter("day__held_on")]
    search_fields = ["title", "workshop__title", "speakers__name"]
    autocomplete_fields = ["workshop", "speakers"]
    fields = [
        "workshop",
        "title",
        "description",
        "date",
        ("start_time", "end_time"),
        "order",
        "speakers",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("speakers")

    def get_readonly_fields(self, request, obj=None):
        # A session's day and workshop must agree; move it with its date instead.
        return ["workshop"] if obj else []

    @admin.display(description="date", ordering="day__held_on")
    def day_held_on(self, obj):
        return obj.day

    @admin.display(description="speakers")
    def speaker_list(self, obj):
        return ", ".join(str(speaker) for speaker in obj.speakers.all())

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The session's date may have added a day to its workshop.
        refresh_workshop_dates(workshop=form.instance.workshop)


@admin.register(WorkshopPartner)
class WorkshopPartnerAdmin(admin.ModelAdmin):
    list_display = ["organisation", "role", "workshop"]
    list_select_related = ["organisation", "workshop"]
    list_filter = ["role"]
    search_fields = ["workshop__title", "organisation__name", "organisation__acronym"]
    autocomplete_fields = ["workshop", "organisation"]


@admin.register(TrainerAssignment)
class TrainerAssignmentAdmin(admin.ModelAdmin):
    list_display = ["trainer", "workshop", "assigned_at"]
    list_select_related = ["trainer", "workshop"]
    list_filter = ["workshop__status"]
    search_fields = [
        "workshop__title",
        "trainer__username",
        "trainer__first_name",
        "trainer__last_name",
        "trainer__email",
    ]
    autocomplete_fields = ["workshop", "trainer"]


@admin.register(TrainingRequest)
class TrainingRequestAdmin(admin.ModelAdmin):
    """Requests from the public contact form; staff may also record one taken by phone."""

    list_display = [
        "submitted_at",
        "name",
        "organisation",
        "member_state",
        "training_kind",
        "language",
        "staff_notice",
    ]
    list_select_related = ["member_state"]
    list_filter = ["training_kind", "member_state", "language"]
    search_fields = ["name", "organisation", "email", "message"]
    date_hierarchy = "submitted_at"
    autocomplete_fields = ["member_state"]
    readonly_fields = ["submitted_at", "staff_notice"]

    def get_queryset(self, request):
        # The state of the staff notice in the outbox: "failed" is worth a look.
        notices = Notification.objects.filter(
            kind=NotificationKind.TRAINING_REQUEST,
            target_type=ContentType.objects.get_for_model(TrainingRequest),
            target_id=OuterRef("pk"),
        )
        return (
            super()
            .get_queryset(request)
            .annotate(staff_notice_state=Subquery(notices.values("state")[:1]))
        )

    @admin.display(description="staff notice", ordering="staff_notice_state")
    def staff_notice(self, obj):
        state = getattr(obj, "staff_notice_state", None)
        return NotificationState(state).label if state else "—"
