"""What the survey emails say: the invitation and the one reminder, rendered when the
outbox sends them, in the language of the invitation (the participant's preferred
language when it was made). Registered with the outbox in SurveysConfig.ready();
when each is due is surveys/services.py.
"""

from django.conf import settings
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from notifications.choices import NotificationKind
from notifications.registry import Obsolete, register
from participants.choices import RegistrationStatus

from .choices import SurveyKind
from .models import Invitation

KINDS = (NotificationKind.SURVEY_INVITATION, NotificationKind.SURVEY_REMINDER)
# A batch of invitations: one query for the invitations with what the email needs,
# one for which of them were answered.
PREFETCH = (
    GenericPrefetch(
        "target",
        [
            Invitation.objects.select_related(
                "registration__participant", "survey__workshop"
            ).prefetch_related("responses")
        ],
    ),
)


def survey_url(invitation) -> str:
    """The invitation's link, in its language (/id/survey/<token>/ for Indonesian)."""
    with translation.override(invitation.language):
        path = reverse("survey", kwargs={"token": invitation.token})
    return f"{settings.SITE_URL}{path}"


def render(notification) -> EmailMultiAlternatives:
    """The email of one outbox row; Obsolete when it is no longer due. The reasons
    name no one: staff read them in the admin, and they may be logged."""
    invitation = notification.target
    if invitation is None:
        raise Obsolete("the invitation was deleted")
    registration = invitation.registration
    participant = registration.participant
    if registration.status == RegistrationStatus.WITHDRAWN:
        raise Obsolete("the registration was withdrawn")
    if not participant.has_consented_to_contact:
        raise Obsolete("the participant has not consented to be contacted")
    if not participant.email:
        raise Obsolete("the participant has no email address")
    if invitation.responses.all():
        raise Obsolete("the survey has been answered")
    if invitation.is_expired():
        raise Obsolete("the invitation has expired")

    survey = invitation.survey
    workshop = survey.workshop
    is_reminder = notification.kind == NotificationKind.SURVEY_REMINDER
    with translation.override(invitation.language), timezone.override(workshop.timezone):
        context = {
            "name": participant.given_name,
            "workshop": workshop,
            "is_impact": survey.kind == SurveyKind.IMPACT,
            "is_reminder": is_reminder,
            "url": survey_url(invitation),
            "expires_at": invitation.expires_at,
            "contact": ", ".join(settings.NOTIFICATIONS_REPLY_TO),
        }
        subject = _subject(survey.kind, is_reminder, workshop.title)
        text = render_to_string("surveys/email/invitation.txt", context).strip() + "\n"
        html = render_to_string("surveys/email/invitation.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[participant.email])
    message.attach_alternative(html, "text/html")
    return message


def _subject(kind, is_reminder, title) -> str:
    values = {"title": title}
    if kind == SurveyKind.IMPACT:
        subject = gettext("What has changed since %(title)s? A short follow-up survey") % values
    else:
        subject = gettext("How was %(title)s? A short evaluation survey") % values
    if is_reminder:
        subject = gettext("Reminder: %(subject)s") % {"subject": subject}
    # The title is typed by staff: a line break in a header would make Django refuse it.
    return " ".join(subject.split())


def register_renderers() -> None:
    register(KINDS, render=render, prefetch=PREFETCH)
