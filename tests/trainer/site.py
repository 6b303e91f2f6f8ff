"""The demo trainer's area in small, and the address of every kind of trainer page,
for the accessibility (browser) and HTML validity checks."""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model

from participants.choices import RegistrationStatus
from tests.factories.participants import AttendanceFactory, RegistrationFactory
from tests.factories.training import CertificateFactory, SessionLogFactory
from tests.factories.workshops import (
    SessionFactory,
    TrainerAssignmentFactory,
    WorkshopDayFactory,
    WorkshopFactory,
)

USERNAME, PASSWORD = "trainer", "rso-trainer-demo"
SLUG = "virtual-training-workshop-malaysia-2022"
WORKSHOP = f"/trainer/workshops/{SLUG}/"
ROLL_CALL = f"{WORKSHOP}days/2022-07-18/roll-call/"
# Pages a visitor sees before logging in.
ANONYMOUS_PAGES = [
    "/trainer/login/",
    "/trainer/password-reset/",
    "/trainer/password-reset/sent/",
    "/trainer/password-reset/Mg/no-such-token/",
]


@dataclass
class TrainerSite:
    trainer: object
    monday: object
    pages: list[str]  # the logged-in trainer's pages


def build_trainer_site() -> TrainerSite:
    """The demo trainer of load_demo (its login and password) with the two-day virtual
    workshop of 18 and 20 July 2022: 23 participants on the roll, the second day called
    and the first not yet, one session logged and one not; the first participant
    completed, with a certificate."""
    trainer = get_user_model().objects.create_user(USERNAME, password=PASSWORD)
    workshop = WorkshopFactory(
        slug=SLUG,
        title="Virtual Training Workshop on Addressing People Smuggling and Trafficking in Persons",
        timezone="Asia/Kuala_Lumpur",
    )
    TrainerAssignmentFactory(workshop=workshop, trainer=trainer)
    monday = WorkshopDayFactory(workshop=workshop, held_on=dt.date(2022, 7, 18))
    wednesday = WorkshopDayFactory(workshop=workshop, held_on=dt.date(2022, 7, 20))
    registrations = []
    for n in range(1, 24):
        registration = RegistrationFactory(
            workshop=workshop,
            participant__given_name="Demo",
            participant__family_name=f"Participant {n:04d}",
        )
        registrations.append(registration)
        AttendanceFactory(
            registration=registration,
            day=wednesday,
            mark="late" if n == 3 else "present",
            recorded_by=trainer if n > 1 else None,
        )
    # The first completed, with a certificate: the completion page and the public check.
    first = registrations[0]
    first.status = RegistrationStatus.COMPLETED
    first.save()
    certificate = CertificateFactory(registration=first)
    logged = SessionLogFactory(session=SessionFactory(day=monday, title="Trafficking in Persons"))
    SessionFactory(day=wednesday, title="Victim-Centered Approaches")
    pages = [
        "/trainer/",
        WORKSHOP,
        ROLL_CALL,
        f"{WORKSHOP}days/2022-07-20/roll-call/",
        f"{WORKSHOP}sessions/{logged.session.pk}/log/",
        "/id/trainer/",
        f"/th{ROLL_CALL}",
        f"{WORKSHOP}days/2022-07-18/import/",
        f"{WORKSHOP}completion/",
        f"{WORKSHOP}completion/{first.pk}/",
        # Public, but shown here: the page a certificate's QR code opens.
        f"/certificates/{certificate.code}/",
        "/certificates/",
    ]
    return TrainerSite(trainer=trainer, monday=monday, pages=pages)
