"""The figures the portal prints, computed by the database: the one home of every
count, so that the home page, the newsletter and the staff reports agree."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count

from core.cache import cached_per_generation
from participants.choices import TRAINED_STATUSES
from participants.models import Registration
from publications.models import Publication
from workshops.choices import WorkshopStatus
from workshops.models import Workshop


@dataclass(frozen=True)
class HeadlineFigures:
    people_trained: int
    events_delivered: int
    publications_published: int


def headline_figures(*, start: dt.date | None = None, end: dt.date | None = None):
    """The figures a newsletter prints (“313 people trained, 7 conferences and events,
    1 new publication”), for all time or for the period start..end (both included).

    - people trained: distinct participants with a registration in TRAINED_STATUSES
      (attended or completed), so a person trained twice counts once;
    - events delivered: workshops of any kind with status “delivered”;
    - publications published: publications on the public library.

    A workshop belongs to the period its last day falls in (ends_on): one that spans
    the end of a period counts once, in the period it was completed in. Non-public
    workshops count too: is_public hides a page, not the work done. Three statements.
    """
    workshops = Workshop.objects.all()
    publications = Publication.objects.published()
    if start is not None:
        workshops = workshops.filter(ends_on__gte=start)
        publications = publications.filter(published_on__gte=start)
    if end is not None:
        workshops = workshops.filter(ends_on__lte=end)
        publications = publications.filter(published_on__lte=end)
    trained = Registration.objects.filter(status__in=TRAINED_STATUSES)
    if start is not None or end is not None:
        trained = trained.filter(workshop__in=workshops)
    return HeadlineFigures(
        people_trained=trained.aggregate(n=Count("participant", distinct=True))["n"],
        events_delivered=workshops.filter(status=WorkshopStatus.DELIVERED).count(),
        publications_published=publications.count(),
    )


# Registrations and attendance do not bump the content generation (a trainer's roll
# call must not empty the page cache), so the figures also expire on their own.
ALL_TIME_SECONDS = 60


def all_time_figures() -> HeadlineFigures:
    """headline_figures() for all time, as the home page prints them: counting the
    distinct people trained reads every registration, so it is computed at most
    once per content generation and minute."""
    return cached_per_generation(
        "reports:all-time-figures", headline_figures, timeout=ALL_TIME_SECONDS
    )
