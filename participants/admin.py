from functools import partial

from django.contrib import admin, messages
from django.db.models import Exists, OuterRef, Q
from django.urls import path
from django.utils.html import format_html

from core.admin_forms import LabelledAutocompleteAdminMixin
from core.admin_large_tables import LargeTableAdminMixin
from core.admin_races import RecheckOnConflictMixin
from core.admin_utils import (
    KeptChoicesRelatedFilter,
    QuickActionCheckboxMixin,
    RelatedWithRowsFilter,
    SubquerySearchMixin,
    count_column,
    count_of,
    kept_reverse,
    year_filter,
)
from notifications.admin import NotificationAdmin
from notifications.choices import NotificationState
from notifications.models import Notification
from workshops.admin import MemberStateAdmin, SessionAdmin, WorkshopAdmin, WorkshopDayAdmin
from workshops.models import MemberState, Session, Workshop, WorkshopDay
from workshops.queries import workshop_facts

from .admin_columns import RegistrationColumnsMixin
from .admin_forms import RegistrationForm, RegistrationInlineForm, RegistrationInlineFormSet
from .admin_import import import_view
from .choices import RegistrationStatus
from .models import Attendance, Participant, Registration, Testimonial
from .services import (
    cancel_workshop,
    change_registration,
    notify_workshop_change,
    record_attendance,
    register_participant,
)


@admin.register(Participant)
class ParticipantAdmin(
    QuickActionCheckboxMixin, SubquerySearchMixin, LargeTableAdminMixin, admin.ModelAdmin
):
    list_display = [
        "family_name",
        "given_name",
        "email",
        "member_state",
        "agency",
        "gender",
        "preferred_language",
        "has_consented_to_contact",
        "registrations",
    ]
    list_display_links = ["family_name", "given_name"]
    list_select_related = ["member_state", "agency"]
    keep_counts = True
    list_filter = [
        ("member_state", KeptChoicesRelatedFilter),
        ("agency", RelatedWithRowsFilter),
        "gender",
        "preferred_language",
        "has_consented_to_contact",
    ]
    search_fields = ["given_name", "family_name", "email", "agency__name", "agency__acronym"]
    subquery_search = {"": ["given_name", "family_name", "email"], "agency": ["name", "acronym"]}
    autocomplete_fields = ["agency", "member_state"]
    # The participant picker (registrations of a workshop): a name alone does not
    # tell two people apart, their address and agency do.
    autocomplete_select_related = ["agency"]
    readonly_fields = ["created_at"]
    fieldsets = [
        (None, {"fields": [("given_name", "family_name"), "email", "gender"]}),
        ("Work", {"fields": ["member_state", "agency", "position"]}),
        (
            "Contact",
            {"fields": ["preferred_language", "has_consented_to_contact", "created_at"]},
        ),
    ]

    def autocomplete_label(self, participant):
        agency = participant.agency
        parts = [
            str(participant),
            participant.email,
            (agency.acronym or agency.name) if agency else "",
        ]
        return " · ".join(part for part in parts if part)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(registration_count=count_of(Registration.objects.all(), "participant"))
        )

    @admin.display(description="registrations", ordering="registration_count")
    def registrations(self, obj):
        url = kept_reverse("admin:participants_registration_changelist")
        return format_html(
            '<a href="{}?participant__id__exact={}">{}</a>', url, obj.pk, obj.registration_count
        )


@admin.register(Registration)
class RegistrationAdmin(
    QuickActionCheckboxMixin,
    SubquerySearchMixin,
    RecheckOnConflictMixin,
    LargeTableAdminMixin,
    admin.ModelAdmin,
):
    form = RegistrationForm
    list_display = ["participant", "workshop", "status", "member_state", "registered_at"]
    list_filter = [
        "status",
        year_filter("workshop__starts_on", "workshop year"),
        "workshop__kind",
        ("participant__member_state", KeptChoicesRelatedFilter),
        "participant__gender",
    ]
    search_fields = [
        "participant__given_name",
        "participant__family_name",
        "participant__email",
        "workshop__title",
    ]
    subquery_search = {
        "participant": ["given_name", "family_name", "email"],
        "workshop": ["title"],
    }
    # Newest first, read backwards from the primary key's index: the model's ordering
    # (workshop, then names) sorts every registration joined to both at each page.
    ordering = ["-pk"]
    list_only = [
        "status",
        "registered_at",
        "participant__given_name",
        "participant__family_name",
        "participant__member_state__name",
        "workshop__title",
    ]
    keep_counts = True
    autocomplete_fields = ["participant", "workshop"]
    fields = ["participant", "workshop", "status", "notes", "registered_at"]

    def get_queryset(self, request):
        # Here rather than list_select_related, which the changelist ignores once the
        # queryset selects anything: __str__ names both participant and workshop, and
        # the autocomplete of the attendance page lists registrations by it.
        return super().get_queryset(request).select_related("participant__member_state", "workshop")

    def get_readonly_fields(self, request, obj=None):
        # A registration's attendance is on its workshop's days: to move someone,
        # withdraw this registration and register them for the other workshop.
        if obj:
            return ["participant", "workshop", "registered_at"]
        return ["registered_at"]

    @admin.display(description="member state", ordering="participant__member_state__name")
    def member_state(self, obj):
        return obj.participant.member_state

    def save_model(self, request, obj, form, change):
        if change:
            # Through the service: a status change queues or cancels the emails.
            change_registration(registration=obj, status=obj.status, notes=obj.notes)
            return
        # New registrations go through the service, as on the workshop page and in
        # the import; RegistrationForm has already checked what it would refuse.
        saved = register_participant(
            workshop=obj.workshop, participant=obj.participant, status=obj.status, notes=obj.notes
        )
        obj.pk, obj.registered_at = saved.pk, saved.registered_at


class RegistrationWorkshopFilter(admin.SimpleListFilter):
    """The workshop of the row's registration (attendance marks, emails). Offers the
    workshop already chosen (the workshop changelist links to its emails) and, once
    a year is chosen, that year's workshops with such rows: a short list, where
    listing every workshop that has one is a DISTINCT over every row of the table
    and thousands of links."""

    title = "workshop"
    parameter_name = "registration__workshop__id__exact"

    def lookups(self, request, model_admin):
        offered = Q(pk=self.value()) if (self.value() or "").isdigit() else Q(pk__in=[])
        year = request.GET.get("year", "")
        if year.isdigit():
            with_rows = model_admin.model.objects.filter(registration__workshop=OuterRef("pk"))
            offered |= Q(Exists(with_rows), days__held_on__year=year)
        workshops = Workshop.objects.filter(offered).distinct()
        return [(str(workshop.pk), str(workshop)) for workshop in workshops]

    def queryset(self, request, queryset):
        if (self.value() or "").isdigit():
            return queryset.filter(registration__workshop=self.value())
        return queryset


class RegistrationWorkshopFilterMixin:
    """Lets RegistrationWorkshopFilter's parameter through: Django checks a parameter
    that spans relations against the list_filter's field paths, not against the
    parameters of its SimpleListFilters."""

    def lookup_allowed(self, lookup, value, request=None):
        return lookup == RegistrationWorkshopFilter.parameter_name or super().lookup_allowed(
            lookup, value, request
        )


@admin.register(Attendance)
class AttendanceAdmin(
    QuickActionCheckboxMixin,
    RegistrationWorkshopFilterMixin,
    SubquerySearchMixin,
    LargeTableAdminMixin,
    RegistrationColumnsMixin,
    admin.ModelAdmin,
):
    list_display = ["participant", "workshop", "day", "mark", "recorded_by", "recorded_at"]
    list_select_related = [
        "registration__participant",
        "registration__workshop",
        "day",
        "recorded_by",
    ]
    list_filter = ["mark", year_filter("day__held_on"), RegistrationWorkshopFilter]
    search_fields = [
        "registration__participant__given_name",
        "registration__participant__family_name",
        "registration__workshop__title",
    ]
    subquery_search = {
        "registration__participant": ["given_name", "family_name"],
        "registration__workshop": ["title"],
    }
    # Latest marks first, from the primary key's index: the model's ordering (by the
    # day's date) sorts a million marks joined to their days at each page.
    ordering = ["-pk"]
    list_only = [
        "mark",
        "recorded_at",
        "registration__participant__given_name",
        "registration__participant__family_name",
        "registration__workshop__title",
        "day__held_on",
        "recorded_by__username",
    ]
    keep_counts = True
    autocomplete_fields = ["registration", "day"]
    fields = ["registration", "day", "mark", "recorded_by", "recorded_at"]

    def get_readonly_fields(self, request, obj=None):
        if obj:
            return ["registration", "day", "recorded_by", "recorded_at"]
        return ["recorded_by", "recorded_at"]

    def save_model(self, request, obj, form, change):
        # Through the service, like the trainers' roll call, so it records who marked it.
        saved = record_attendance(
            registration=obj.registration, day=obj.day, mark=obj.mark, by=request.user
        )
        obj.pk, obj.recorded_by, obj.recorded_at = saved.pk, saved.recorded_by, saved.recorded_at


@admin.register(Testimonial)
class TestimonialAdmin(admin.ModelAdmin):
    list_display = ["__str__", "workshop", "attribution", "is_public", "created_at"]
    list_select_related = ["workshop"]
    list_filter = ["is_public"]
    search_fields = ["quote", "attribution", "workshop__title"]
    autocomplete_fields = ["workshop"]


# The workshops app's admin pages, with what this app adds to them: registrations
# belong here, and workshops must not import this app (README, "Layout"), so the
# pages are extended from this side and registered again.


class RegistrationInline(LabelledAutocompleteAdminMixin, admin.TabularInline):
    model = Registration
    form = RegistrationInlineForm
    formset = RegistrationInlineFormSet
    fields = ["participant", "status", "notes", "registered_at"]
    readonly_fields = ["registered_at"]
    autocomplete_fields = ["participant"]
    extra = 1

    def get_queryset(self, request):
        # The tabular inline prints each row's __str__, which names the workshop too.
        return super().get_queryset(request).select_related("participant", "workshop")


class WorkshopWithRegistrationsAdmin(QuickActionCheckboxMixin, WorkshopAdmin):
    """The one-page workshop schedule, with its registrations inline and counted, and
    the participants' emails that follow a change (participants.services)."""

    inlines = [*WorkshopAdmin.inlines, RegistrationInline]
    list_display = [*WorkshopAdmin.list_display, "registered", "emails"]
    # "cancel" is the base action, overridden below to tell the participants too.
    actions = WorkshopAdmin.actions

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                registration_count=count_of(
                    Registration.objects.exclude(status=RegistrationStatus.WITHDRAWN), "workshop"
                ),
                email_count=count_of(Notification.objects.all(), "registration__workshop"),
                failed_email_count=count_of(
                    Notification.objects.filter(state=NotificationState.FAILED),
                    "registration__workshop",
                ),
            )
        )

    def get_urls(self):
        view = self.admin_site.admin_view(partial(import_view, self))
        return [
            path("<int:pk>/import/", view, name="workshops_workshop_import"),
            *super().get_urls(),
        ]

    @admin.display(description="registered", ordering="registration_count")
    def registered(self, obj):
        if obj.capacity:
            return f"{obj.registration_count} / {obj.capacity}"
        return obj.registration_count

    @admin.display(description="emails", ordering="email_count")
    def emails(self, obj):
        url = kept_reverse("admin:notifications_notification_changelist")
        label = str(obj.email_count)
        if obj.failed_email_count:
            label = f"{obj.email_count} ({obj.failed_email_count} failed)"
        return format_html(
            '<a href="{}?registration__workshop__id__exact={}">{}</a>', url, obj.pk, label
        )

    def save_model(self, request, obj, form, change):
        # What participants were told, read before anything of the submit is saved.
        form.facts_before = workshop_facts(obj.pk) if change else None
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        notify_workshop_change(workshop=form.instance, before=form.facts_before)

    @admin.action(description="Cancel selected workshops and tell their participants")
    def cancel(self, request, queryset):
        selected = list(queryset)
        cancellable = list(queryset.cancellable())
        for workshop in cancellable:
            cancel_workshop(workshop=workshop)
        self.message_user(
            request,
            f"{len(cancellable)} workshop(s) cancelled; participants whose confirmation went "
            "out get a cancellation notice.",
            messages.SUCCESS,
        )
        if skipped := len(selected) - len(cancellable):
            self.message_user(
                request,
                f"{skipped} workshop(s) were delivered or already cancelled and were left "
                "as they were.",
                messages.WARNING,
            )


class WorkshopDayWithEmailsAdmin(WorkshopDayAdmin):
    """A day changed on its own page: participants hear of it as from the workshop page."""

    def save_model(self, request, obj, form, change):
        before = workshop_facts(obj.workshop_id) if obj.workshop_id else None
        super().save_model(request, obj, form, change)
        notify_workshop_change(workshop=obj.workshop, before=before)

    def delete_model(self, request, obj):
        before = workshop_facts(obj.workshop_id)
        super().delete_model(request, obj)
        notify_workshop_change(workshop=obj.workshop, before=before)

    def delete_queryset(self, request, queryset):
        workshops = list(Workshop.objects.filter(days__in=queryset).distinct())
        before = {workshop.pk: workshop_facts(workshop.pk) for workshop in workshops}
        super().delete_queryset(request, queryset)
        for workshop in workshops:
            notify_workshop_change(workshop=workshop, before=before[workshop.pk])


class SessionWithEmailsAdmin(SessionAdmin):
    """A session's times changed on its own page change the day's hours in the emails."""

    def save_model(self, request, obj, form, change):
        form.facts_before = workshop_facts(obj.workshop_id)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        notify_workshop_change(workshop=form.instance.workshop, before=form.facts_before)


class NotificationWithWorkshopAdmin(
    QuickActionCheckboxMixin, RegistrationWorkshopFilterMixin, NotificationAdmin
):
    """The outbox, filtered by workshop: each workshop's emails (the workshop
    changelist's "emails" column links here)."""

    list_display = [*NotificationAdmin.list_display, "workshop"]
    list_filter = [*NotificationAdmin.list_filter, RegistrationWorkshopFilter]

    @admin.display(description="workshop", ordering="registration__workshop__title")
    def workshop(self, obj):
        return obj.registration.workshop if obj.registration else "—"


class MemberStateWithParticipantsAdmin(MemberStateAdmin):
    list_display = [*MemberStateAdmin.list_display, "participant_count"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(participant_count=count_of(Participant.objects.all(), "member_state"))
        )

    participant_count = count_column("participant_count", "participants")


admin.site.unregister(Workshop)
admin.site.register(Workshop, WorkshopWithRegistrationsAdmin)
admin.site.unregister(WorkshopDay)
admin.site.register(WorkshopDay, WorkshopDayWithEmailsAdmin)
admin.site.unregister(Session)
admin.site.register(Session, SessionWithEmailsAdmin)
admin.site.unregister(Notification)
admin.site.register(Notification, NotificationWithWorkshopAdmin)
admin.site.unregister(MemberState)
admin.site.register(MemberState, MemberStateWithParticipantsAdmin)
