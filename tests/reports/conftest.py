import datetime as dt

import pytest

from participants.choices import AttendanceMark, Gender, RegistrationStatus
from tests.factories.participants import (
    AttendanceFactory,
    ParticipantFactory,
    RegistrationFactory,
)
from tests.factories.publications import PublicationFactory
from tests.factories.workshops import (
    MemberStateFactory,
    OrganisationFactory,
    StaffFactory,
    ThematicAreaFactory,
)
from tests.public.builders import make_event
from workshops.choices import DeliveryMode, WorkshopKind, WorkshopStatus

PERIOD = (dt.date(2022, 7, 1), dt.date(2022, 10, 31))


@pytest.fixture
def known_data(db):
    """A data set whose figures for PERIOD are worked out by hand: 4 people trained
    (ada twice, bo by a day's mark, cy with no member state, di in a workshop that
    began before the period), 3 events delivered, 1 publication."""
    indonesia = MemberStateFactory(name="Indonesia")
    thailand = MemberStateFactory(name="Thailand")
    polri = OrganisationFactory(name="Indonesian National Police", member_state=indonesia)
    rtp = OrganisationFactory(name="Royal Thai Police", member_state=thailand)
    smuggling = ThematicAreaFactory(name="People smuggling")
    trafficking = ThematicAreaFactory(name="Trafficking in persons")

    def person(name, state, agency, gender=Gender.FEMALE):
        return ParticipantFactory(given_name=name, member_state=state, agency=agency, gender=gender)

    ada = person("Ada", indonesia, polri)
    bo = person("Bo", thailand, rtp, Gender.MALE)
    cy = person("Cy", None, None, Gender.UNDISCLOSED)
    di = person("Di", thailand, rtp)
    withdrawn = person("Withdrawn", indonesia, polri)
    absent = person("Absent", indonesia, polri)
    cancelled_guest = person("Cancelled", indonesia, polri)
    november_guest = person("November", thailand, rtp)

    def attend(workshop, participant, status, mark=None):
        registration = RegistrationFactory(
            workshop=workshop, participant=participant, status=status
        )
        if mark:
            AttendanceFactory(registration=registration, day=workshop.days.first(), mark=mark)

    august = make_event(
        days=[dt.date(2022, 8, 10)],
        status=WorkshopStatus.DELIVERED,
        kind=WorkshopKind.WORKSHOP,
        delivery_mode=DeliveryMode.VIRTUAL,
    )
    august.thematic_areas.set([smuggling])
    attend(august, ada, RegistrationStatus.ATTENDED)
    attend(august, bo, RegistrationStatus.CONFIRMED, AttendanceMark.LATE)
    attend(august, withdrawn, RegistrationStatus.WITHDRAWN, AttendanceMark.PRESENT)
    attend(august, absent, RegistrationStatus.CONFIRMED, AttendanceMark.ABSENT)

    september = make_event(
        days=[dt.date(2022, 9, 5)],
        status=WorkshopStatus.DELIVERED,
        kind=WorkshopKind.COURSE,
        delivery_mode=DeliveryMode.IN_PERSON,
    )
    september.thematic_areas.set([smuggling, trafficking])
    attend(september, ada, RegistrationStatus.COMPLETED)
    attend(september, cy, RegistrationStatus.ATTENDED)

    cancelled = make_event(days=[dt.date(2022, 9, 20)], status=WorkshopStatus.CANCELLED)
    attend(cancelled, cancelled_guest, RegistrationStatus.ATTENDED)

    spanning_end = make_event(
        days=[dt.date(2022, 10, 31), dt.date(2022, 11, 1)], status=WorkshopStatus.DELIVERED
    )
    attend(spanning_end, november_guest, RegistrationStatus.ATTENDED)

    spanning_start = make_event(
        days=[dt.date(2022, 6, 30), dt.date(2022, 7, 1)],
        status=WorkshopStatus.DELIVERED,
        kind=WorkshopKind.FORUM,
        delivery_mode=DeliveryMode.HYBRID,
    )
    attend(spanning_start, di, RegistrationStatus.CONFIRMED, AttendanceMark.PRESENT)

    PublicationFactory(published_on=dt.date(2022, 7, 30))
    PublicationFactory(published_on=dt.date(2022, 6, 30))
    PublicationFactory(published_on=dt.date(2022, 8, 1), is_published=False)


@pytest.fixture
def staff_client(client, db):
    client.force_login(StaffFactory())
    return client
