"""The emails about a training request sent through the contact form: the notice to
staff and the acknowledgement to the requester, rendered when the outbox sends them.
Registered with the outbox in WorkshopsConfig.ready()."""

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from notifications.choices import NotificationKind
from notifications.registry import Obsolete, register


def render_staff_notice(notification) -> EmailMessage:
    training_request = notification.target
    if training_request is None:
        raise Obsolete("the training request was deleted")
    # Staff read it in the office's language, whatever the sender's page was in.
    with translation.override(settings.LANGUAGE_CODE):
        subject = translation.gettext("Training request: %(organisation)s (%(member_state)s)") % {
            "organisation": training_request.organisation,
            "member_state": training_request.member_state,
        }
        body = render_to_string(
            "workshops/email/training_request.txt", {"training_request": training_request}
        )
    # The organisation is typed by the public: a line break in a header would make
    # Django refuse the email (BadHeaderError), so the subject is one line.
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        to=settings.CONTACT_EMAILS,
        reply_to=[training_request.email],
    )


def render_acknowledgement(notification) -> EmailMultiAlternatives:
    """To the requester, in the language of the page they wrote from. It repeats none
    of what they typed (only the choices they made): anyone can type any address into
    the form, and an acknowledgement must not carry a stranger's text to it."""
    training_request = notification.target
    if training_request is None:
        raise Obsolete("the training request was deleted")
    context = {
        "training_request": training_request,
        "contact": ", ".join(settings.NOTIFICATIONS_REPLY_TO),
    }
    with translation.override(notification.language):
        message = EmailMultiAlternatives(
            subject=translation.gettext("We have received your training request"),
            body=render_to_string("workshops/email/training_request_received.txt", context),
            to=[training_request.email],
        )
        message.attach_alternative(
            render_to_string("workshops/email/training_request_received.html", context),
            "text/html",
        )
    return message


def register_renderers() -> None:
    register([NotificationKind.TRAINING_REQUEST], render=render_staff_notice, prefetch=["target"])
    register(
        [NotificationKind.TRAINING_REQUEST_RECEIVED],
        render=render_acknowledgement,
        prefetch=["target"],
    )
