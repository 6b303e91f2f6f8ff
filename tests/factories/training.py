import datetime as dt

import factory

from tests.factories.workshops import SessionFactory, UserFactory
from training.models import SessionLog


class SessionLogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionLog

    session = factory.SubFactory(SessionFactory)
    start_time = dt.time(9, 10)
    end_time = dt.time(10, 40)
    notes = "Started ten minutes late: the interpreters' line dropped."
    logged_by = factory.SubFactory(UserFactory)
