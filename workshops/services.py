"""Writes to workshops: the one place each change and its side effects happen."""

from django.db import transaction
from django.db.models import Max, Min
from django.utils.text import slugify

from .models import Workshop, WorkshopDay


def refresh_workshop_dates(*, workshop: Workshop) -> Workshop:
    """Derive starts_on/ends_on from the workshop's days (both None without days).

    Call after any change to a workshop's days; the admin does so in save_related.
    """
    bounds = workshop.days.aggregate(first=Min("held_on"), last=Max("held_on"))
    if (workshop.starts_on, workshop.ends_on) != (bounds["first"], bounds["last"]):
        workshop.starts_on, workshop.ends_on = bounds["first"], bounds["last"]
        Workshop.objects.filter(pk=workshop.pk).update(
            starts_on=workshop.starts_on, ends_on=workshop.ends_on
        )
    return workshop


@transaction.atomic
def set_workshop_days(*, workshop: Workshop, dates) -> list[WorkshopDay]:
    """Make the workshop run on exactly these dates, keeping days that already exist.

    Days no longer listed are deleted with their sessions and attendance; raises
    ValidationError (nothing written) when a date is invalid.
    """
    wanted = sorted(set(dates))
    workshop.days.exclude(held_on__in=wanted).delete()
    existing = set(workshop.days.values_list("held_on", flat=True))
    for held_on in wanted:
        if held_on not in existing:
            day = WorkshopDay(workshop=workshop, held_on=held_on)
            day.full_clean()
            day.save()
    refresh_workshop_dates(workshop=workshop)
    return list(workshop.days.all())


def unique_slug(model, text: str, *, max_length: int = 120) -> str:
    """A slug for `text` not yet used by `model`: the slugified text, then -2, -3..."""
    base = slugify(text)[:max_length].strip("-") or "item"
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        suffix = f"-{n}"
        slug = f"{base[: max_length - len(suffix)]}{suffix}"
    return slug
