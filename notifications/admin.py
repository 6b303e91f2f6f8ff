from django.contrib import admin, messages
from django.utils.text import Truncator

from core.admin_large_tables import LargeTableAdminMixin

from .models import Notification
from .services import resend_notifications


@admin.register(Notification)
class NotificationAdmin(LargeTableAdminMixin, admin.ModelAdmin):
    """The outbox, read-only: rows change through the senders and the resend action."""

    list_display = [
        "kind",
        "recipient",
        "state",
        "attempts",
        "error",
        "due_at",
        "sent_at",
        "about",
    ]
    # By when it was due, from choices that need no query (today, the past 7 days,
    # this month, this year): a date hierarchy lists the years and months that
    # occur, which reads every email of the outbox on each page.
    list_filter = [("due_at", admin.DateFieldListFilter), "state", "kind", "language"]
    search_fields = ["recipient", "message_id"]
    actions = ["resend"]
    fields = [
        "kind",
        "about",
        "recipient",
        "language",
        "state",
        "due_at",
        "attempts",
        "last_error",
        "claimed_at",
        "sent_at",
        "message_id",
        "offset_days",
        "revision",
        "created_at",
    ]

    def get_queryset(self, request):
        # "about" prints the registration (participant and workshop) or the other row.
        return (
            super()
            .get_queryset(request)
            .select_related("registration__participant", "registration__workshop")
            .prefetch_related("target")
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Read-only pages: a row changes only through the senders and the resend action.
        return False

    def has_resend_permission(self, request):
        return super().has_change_permission(request)

    @admin.display(description="last error")
    def error(self, obj):
        return Truncator(obj.last_error).chars(80)

    @admin.display(description="about")
    def about(self, obj):
        return obj.registration or obj.target or "—"

    @admin.action(description="Resend the selected failed emails", permissions=["resend"])
    def resend(self, request, queryset):
        selected = queryset.count()
        resent = resend_notifications(notifications=queryset)
        self.message_user(request, f"{resent} failed email(s) put back in the outbox.")
        if skipped := selected - resent:
            self.message_user(
                request,
                f"{skipped} email(s) were not failed (pending, sending, sent or cancelled) "
                "and were left as they were.",
                messages.WARNING,
            )
