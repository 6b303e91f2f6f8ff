"""Writes of the reports app."""

from django.db import transaction

from publications.choices import FigureMeasure
from publications.models import NewsletterFigure

from .queries import headline_figures

MEASURE_FIELDS = {
    FigureMeasure.PEOPLE_TRAINED: "people_trained",
    FigureMeasure.EVENTS_DELIVERED: "events_delivered",
    FigureMeasure.PUBLICATIONS_PUBLISHED: "publications_published",
}


def computed_newsletter_figures(*, issue):
    """{measure: value} for the issue's period, as the reports page computes them."""
    figures = headline_figures(start=issue.period_starts_on, end=issue.period_ends_on)
    return {measure: getattr(figures, field) for measure, field in MEASURE_FIELDS.items()}


@transaction.atomic
def refresh_newsletter_figures(*, issue) -> int:
    """Set every figure of `issue` that names a measure and is not set by hand to the
    value computed for the issue's period. Returns how many figures changed.
    Three statements to compute, one to read the figures, one bulk update."""
    computed = computed_newsletter_figures(issue=issue)
    changed = []
    for figure in NewsletterFigure.objects.filter(issue=issue, is_overridden=False).exclude(
        measure=""
    ):
        if figure.value != computed[figure.measure]:
            figure.value = computed[figure.measure]
            changed.append(figure)
    NewsletterFigure.objects.bulk_update(changed, ["value"])
    return len(changed)
