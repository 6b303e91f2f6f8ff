"""Which writes make the stored staff reports stale: the rows the figures count that
are not public content (the reports are cached under both generations, see
reports.queries.cached_period_report). Writes that send no signal (bulk_create,
QuerySet.update()) call core.cache.records_changed() themselves."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save

from core.cache import records_changed

COUNTED_MODELS = (
    "participants.Participant",
    "participants.Registration",
    "participants.Attendance",
)


def _counted_rows_changed(sender, **kwargs):
    records_changed()


def connect_signals() -> None:
    """Called from ReportsConfig.ready(), once the models are loaded."""
    for label in COUNTED_MODELS:
        model = apps.get_model(label)
        post_save.connect(_counted_rows_changed, sender=model, dispatch_uid=f"reports_save_{label}")
        post_delete.connect(
            _counted_rows_changed, sender=model, dispatch_uid=f"reports_delete_{label}"
        )
