import datetime as dt

import factory

from participants.choices import RegistrationStatus
from tests.factories.participants import RegistrationFactory
from tests.factories.workshops import SessionFactory, UserFactory
from training.certificate_codes import new_code
from training.models import Certificate, CompletionOverride, SessionLog


class SessionLogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionLog

    session = factory.SubFactory(SessionFactory)
    start_time = dt.time(9, 10)
    end_time = dt.time(10, 40)
    notes = "Started ten minutes late: the interpreters' line dropped."
    logged_by = factory.SubFactory(UserFactory)


class CompletionOverrideFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompletionOverride

    registration = factory.SubFactory(RegistrationFactory)
    is_completed = True
    reason = "Followed the missing day from the border post by phone."
    decided_by = factory.SubFactory(UserFactory)


class CertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certificate

    registration = factory.SubFactory(RegistrationFactory, status=RegistrationStatus.COMPLETED)
    code = factory.LazyFunction(new_code)
