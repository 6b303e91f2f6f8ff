from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from core.admin_utils import year_filter
from participants.admin_columns import RegistrationColumnsMixin
from participants.choices import RegistrationStatus
from workshops.models import Workshop

from .certificate_pdf import pdf_response
from .models import Certificate, CompletionOverride, SessionLog
from .queries import printed_certificates
from .services import issue_certificates

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


@admin.register(CompletionOverride)
class CompletionOverrideAdmin(RegistrationColumnsMixin, admin.ModelAdmin):
    """The trainers' decisions against the completion rule, with who, when and why:
    written at /trainer/, read here."""

    list_display = ["participant", "workshop", "is_completed", "reason", "decided_by", "decided_at"]
    list_select_related = ["registration__participant", "registration__workshop", "decided_by"]
    list_filter = ["is_completed", ("registration__workshop", admin.RelatedOnlyFieldListFilter)]
    search_fields = [
        "registration__participant__given_name",
        "registration__participant__family_name",
        "registration__workshop__title",
        "reason",
    ]
    fields = ["registration", "is_completed", "reason", "decided_by", "decided_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class RevokedFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("valid", "valid"), ("revoked", "revoked")]

    def queryset(self, request, queryset):
        if self.value() in ("valid", "revoked"):
            return queryset.filter(revoked_at__isnull=self.value() == "valid")
        return queryset


class IssueCertificatesForm(forms.Form):
    workshop = forms.ModelChoiceField(
        queryset=Workshop.objects.filter(
            registrations__status=RegistrationStatus.COMPLETED
        ).distinct(),
        help_text="Each completed participant of this workshop without a certificate gets "
        "one. Trainers confirm completion at /trainer/; a revoked certificate is not replaced.",
    )


@admin.register(Certificate)
class CertificateAdmin(RegistrationColumnsMixin, admin.ModelAdmin):
    """Certificates of completion: issued when a trainer confirms completion (or here,
    for a workshop's completed participants), downloaded as PDF, revoked with a
    reason. Never deleted: a revoked code keeps saying it is revoked."""

    change_list_template = "admin/training/certificate/change_list.html"
    list_display = ["code", "participant", "workshop", "issued_at", "state", "revoked_at"]
    list_select_related = ["registration__participant", "registration__workshop"]
    list_filter = [RevokedFilter, ("registration__workshop", admin.RelatedOnlyFieldListFilter)]
    search_fields = [
        "code",
        "registration__participant__given_name",
        "registration__participant__family_name",
        "registration__workshop__title",
    ]
    date_hierarchy = "issued_at"
    fields = [
        "code",
        "registration",
        "issued_at",
        "issued_by",
        "revoked_at",
        "revoked_reason",
        "revoked_by",
        "links",
    ]
    readonly_fields = fields
    actions = ["download_pdf"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "issue/",
                self.admin_site.admin_view(self.issue_view),
                name="training_certificate_issue",
            ),
            path(
                "<int:pk>/pdf/",
                self.admin_site.admin_view(self.pdf_view),
                name="training_certificate_pdf",
            ),
            *super().get_urls(),
        ]

    @admin.display(description="state", ordering="revoked_at")
    def state(self, obj):
        return "revoked" if obj.is_revoked else "valid"

    @admin.display(description="links")
    def links(self, obj):
        check = format_html('<a href="{}">public check</a>', obj.get_absolute_url())
        if obj.is_revoked:
            return check
        return format_html(
            '{} · <a href="{}">PDF</a> · <a href="{}">revoke…</a>',
            check,
            reverse("admin:training_certificate_pdf", args=[obj.pk]),
            reverse("trainer:certificate-revoke", kwargs={"code": obj.code}),
        )

    @admin.action(description="Download the selected certificates (one PDF)")
    def download_pdf(self, request, queryset):
        printed = printed_certificates(queryset)
        if not printed:
            self.message_user(request, "Revoked certificates are not printed.", messages.WARNING)
            return None
        return pdf_response(printed, filename="certificates.pdf")

    def pdf_view(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        printed = printed_certificates(Certificate.objects.filter(pk=pk))
        if not printed:
            raise Http404("No valid certificate has this id.")
        return pdf_response(printed, filename=f"certificate-{printed[0].code}.pdf")

    def issue_view(self, request):
        if not request.user.has_perm("training.add_certificate"):
            raise PermissionDenied
        form = IssueCertificatesForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            workshop = form.cleaned_data["workshop"]
            issued = issue_certificates(
                registration_ids=workshop.registrations.values_list("pk", flat=True),
                by=request.user,
            )
            self.message_user(request, f"{issued} certificate(s) issued for “{workshop}”.")
            return redirect(
                reverse("admin:training_certificate_changelist")
                + f"?registration__workshop__id__exact={workshop.pk}"
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Issue certificates for a workshop",
            "form": form,
        }
        return TemplateResponse(request, "admin/training/certificate/issue.html", context)
