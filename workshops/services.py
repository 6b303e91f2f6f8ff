"""Writes to workshops: the one place each change and its side effects happen."""

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Min
from django.utils import timezone
from django.utils.text import slugify

from core.cache import records_changed
from notifications.choices import NotificationKind
from notifications.services import schedule_notification

from .choices import WorkshopStatus
from .models import TrainingRequest, Workshop, WorkshopDay


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
        records_changed()
    return workshop


def get_or_add_workshop_day(*, workshop: Workshop, held_on) -> WorkshopDay:
    """The workshop's day on `held_on`, created if missing.

    Does not refresh the workshop's dates: callers that add days call
    refresh_workshop_dates() once they are done (the admin does in save_related).
    """
    day, _ = WorkshopDay.objects.get_or_create(workshop=workshop, held_on=held_on)
    return day


def mark_workshops_delivered(*, workshops) -> int:
    """Mark the scheduled ones among `workshops` delivered; return how many.

    Only from “scheduled”: a draft or a cancelled workshop was not delivered.
    """
    delivered = Workshop.objects.filter(
        pk__in=[w.pk for w in workshops], status=WorkshopStatus.SCHEDULED
    ).update(status=WorkshopStatus.DELIVERED, updated_at=timezone.now())
    if delivered:
        records_changed()
    return delivered


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


@transaction.atomic
def submit_training_request(
    *,
    name: str,
    organisation: str,
    member_state,
    email: str,
    training_kind: str,
    message: str,
    language: str = "en",
) -> TrainingRequest:
    """Store a training request sent through the contact form, with two emails in the
    outbox in the same transaction: the notice to staff (settings.CONTACT_EMAILS) and
    an acknowledgement to the requester in `language`. Once stored, the request reaches
    staff even if the broker, a worker or the mail server is down at that moment.

    Raises ValidationError, writing nothing, when a value is invalid.
    """
    training_request = TrainingRequest(
        name=name,
        organisation=organisation,
        member_state=member_state,
        email=email,
        training_kind=training_kind,
        message=message,
        language=language,
    )
    training_request.full_clean()
    training_request.save()
    schedule_notification(
        kind=NotificationKind.TRAINING_REQUEST,
        target=training_request,
        recipient=", ".join(settings.CONTACT_EMAILS),
        language=settings.LANGUAGE_CODE,
    )
    schedule_notification(
        kind=NotificationKind.TRAINING_REQUEST_RECEIVED,
        target=training_request,
        recipient=email,
        language=language,
    )
    return training_request


def _copy_fields(instance, *, exclude=(), **overrides):
    """An unsaved copy of `instance`'s own columns (not its primary key, automatic
    timestamps or `exclude`), with `overrides`: generic, so that a field added to
    the model later is copied too."""
    model = type(instance)
    values = {
        field.attname: getattr(instance, field.attname)
        for field in model._meta.concrete_fields
        if not field.primary_key
        and field.name not in exclude
        and field.name not in overrides
        and not getattr(field, "auto_now", False)
        and not getattr(field, "auto_now_add", False)
    }
    return model(**{**values, **overrides})


@transaction.atomic
def duplicate_workshop(*, workshop: Workshop, starts_on) -> Workshop:
    """A draft copy of `workshop` whose first day is `starts_on`: its days shifted by
    the same number of days (gaps kept), its sessions with their speakers, partners,
    trainers, thematic areas and targets; no registrations or attendance, and hidden
    from the public until staff publish it. A workshop without days gets none.

    Side effects: the new rows; the public pages' cache is bumped by the saves."""
    copy = _copy_fields(
        workshop,
        exclude={"slug", "status", "starts_on", "ends_on", "is_public"},
        slug=unique_slug(Workshop, workshop.title),
        status=WorkshopStatus.DRAFT,
        is_public=False,
    )
    copy.full_clean(exclude=["slug"])
    copy.save()
    for relation in ("thematic_areas", "target_member_states", "target_agencies"):
        getattr(copy, relation).set(getattr(workshop, relation).all())
    days = list(workshop.days.order_by("held_on"))
    shift = starts_on - days[0].held_on if days else None
    new_days = {
        day.pk: WorkshopDay.objects.create(
            workshop=copy, held_on=day.held_on + shift, notes=day.notes
        )
        for day in days
    }
    for session in workshop.sessions.prefetch_related("speakers"):
        new_session = _copy_fields(session, workshop=copy, day=new_days[session.day_id])
        new_session.save()
        new_session.speakers.set(session.speakers.all())
    for partner in workshop.partners.all():
        _copy_fields(partner, workshop=copy).save()
    for assignment in workshop.trainer_assignments.all():
        _copy_fields(assignment, workshop=copy).save()
    return refresh_workshop_dates(workshop=copy)


def cancel_workshops(*, workshops) -> int:
    """Cancel the draft and scheduled ones among `workshops`; return how many.

    A delivered workshop stays delivered: it happened. Saved one by one, so that the
    public pages' cache is bumped as for any edit.
    """
    cancelled = 0
    for workshop in Workshop.objects.filter(pk__in=[w.pk for w in workshops]).cancellable():
        workshop.status = WorkshopStatus.CANCELLED
        workshop.save(update_fields=["status", "updated_at"])
        cancelled += 1
    return cancelled
