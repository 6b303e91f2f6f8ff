from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Every figure the portal prints: the home page's, and the staff reports'."""

    name = "reports"
    verbose_name = "Reports"
