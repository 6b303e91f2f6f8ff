from django.db import models


class Report(models.Model):
    """No table: the anchor of the reports page in the admin and of its permission,
    reports.view_report (Django creates permissions for models only)."""

    class Meta:
        managed = False
        default_permissions = ("view",)
        verbose_name = "report"
        verbose_name_plural = "reports"

    def __str__(self):
        return "report"
