import factory

from notifications.choices import NotificationKind
from notifications.models import Notification
from tests.factories.participants import RegistrationFactory


class NotificationFactory(factory.django.DjangoModelFactory):
    """A confirmation due now, for a confirmed registration."""

    class Meta:
        model = Notification

    kind = NotificationKind.CONFIRMATION
    registration = factory.SubFactory(RegistrationFactory)
    recipient = factory.LazyAttribute(lambda n: n.registration.participant.email)
    language = "en"
