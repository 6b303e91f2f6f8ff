from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Every figure the portal prints: the home page's, and the staff reports'."""

    name = "reports"
    verbose_name = "Reports"

    def ready(self):
        from .invalidation import connect_signals

        connect_signals()
