"""The roll that tests/training/zoom_reports/meeting_block.csv is matched to."""

import datetime as dt
from pathlib import Path

from participants.choices import RegistrationStatus
from tests.factories.participants import ParticipantFactory, RegistrationFactory
from tests.factories.workshops import OrganisationFactory, SessionFactory

REPORTS = Path(__file__).parent / "zoom_reports"


def make_zoom_roll(day) -> dict:
    """The day's roll, by first name: Ada (in the report by email, three connections),
    Duc (as "DUC, Nguyen Van", no email), two Siti Aminah of two agencies (the report's
    Siti Aminah is either), Bo (one hour of the three), Cy (not in the report), and the
    host's email on a withdrawn registration (not on the roll). The day is scheduled
    from 09:00 to 12:00: the 60 % minimum is 108 minutes."""
    workshop = day.workshop
    SessionFactory(day=day, start_time=dt.time(9, 0), end_time=dt.time(10, 30))
    SessionFactory(day=day, start_time=dt.time(10, 45), end_time=dt.time(12, 0))

    def register(given, family, email, status=RegistrationStatus.CONFIRMED, agency=None):
        participant = ParticipantFactory(
            given_name=given,
            family_name=family,
            email=email,
            agency=OrganisationFactory(name=agency, acronym=agency) if agency else None,
        )
        return RegistrationFactory(workshop=workshop, participant=participant, status=status)

    return {
        "ada": register("Ada", "Lovelace", "ada@example.org"),
        "duc": register("Văn Đức", "Nguyễn", "duc@mps.example"),
        "siti_bnp": register("Siti", "Aminah", "siti@bnp.example", agency="BNP"),
        "siti_imi": register("Siti", "Aminah", "siti@imigrasi.example", agency="IMI"),
        "bo": register("Bo", "Short", "bo@example.org", status=RegistrationStatus.ATTENDED),
        "cy": register("Cy", "Absent", "cy@example.org"),
        "host": register("Host", "Trainer", "host@rso.example", RegistrationStatus.WITHDRAWN),
    }
