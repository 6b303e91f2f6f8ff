"""The permission table: every trainer URL, GET and POST, as anonymous, as the assigned
trainer, as another trainer and as staff; a refusal changes nothing in the database."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from participants.choices import RegistrationStatus
from participants.models import Attendance, Registration
from tests.factories.participants import AttendanceFactory, RegistrationFactory
from tests.factories.training import CertificateFactory, SessionLogFactory
from tests.factories.workshops import SessionFactory, WorkshopDayFactory
from training.models import Certificate, CompletionOverride, SessionLog

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "assigned", "other trainer", "staff"]

# (page, method): the status each role gets, in the order of ROLES. Staff are not
# assigned here: the trainers' area shows staff their own assignments only.
TABLE = {
    ("home", "get"): (302, 200, 200, 200),
    ("home", "post"): (302, 405, 405, 405),
    ("workshop", "get"): (302, 200, 404, 404),
    ("workshop", "post"): (302, 405, 404, 404),
    ("roll-call", "get"): (302, 200, 404, 404),
    ("roll-call", "post"): (302, 302, 404, 404),
    ("session-log", "get"): (302, 200, 404, 404),
    ("session-log", "post"): (302, 302, 404, 404),
    ("attendance-sheet", "get"): (302, 200, 404, 404),
    ("attendance-sheet", "post"): (302, 405, 404, 404),
    ("virtual-import", "get"): (302, 200, 404, 404),
    # The upload keeps the report in the session: it writes no mark (READ_ONLY_POSTS).
    ("virtual-import", "post"): (302, 302, 404, 404),
    # Without an upload of their own, the assigned trainer is sent to the upload.
    ("virtual-import-preview", "get"): (302, 302, 404, 404),
    ("virtual-import-preview", "post"): (302, 302, 404, 404),
    ("logout", "get"): (405, 405, 405, 405),
    ("completion", "get"): (302, 200, 404, 404),
    ("completion", "post"): (302, 302, 404, 404),
    ("completion-override", "get"): (302, 200, 404, 404),
    ("completion-override", "post"): (302, 302, 404, 404),
    ("certificate-pdf", "get"): (302, 200, 404, 404),
    ("certificate-pdf", "post"): (302, 405, 404, 404),
    ("certificates-pdf", "get"): (302, 200, 404, 404),
    ("certificates-pdf", "post"): (302, 405, 404, 404),
    # Staff only, whichever workshop: a trainer, even the certificate's own, is refused.
    ("certificate-revoke", "get"): (302, 403, 403, 200),
    ("certificate-revoke", "post"): (302, 403, 403, 302),
}
# The pages staff write on; every other write is the assigned trainer's.
STAFF_WRITES = {"certificate-revoke"}
CASES = [(page, method, role) for (page, method) in TABLE for role in ROLES]
READ_ONLY_POSTS = {"virtual-import"}
ZOOM_REPORT = (
    b"Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\n"
    b"Someone,,07/18/2022 09:00:00 AM,07/18/2022 10:00:00 AM,60\n"
)


@pytest.fixture
def site(workshop, monday, make_roll):
    registration, certified = make_roll(2)
    # Confirming completion changes a status: one completes, one holder of a
    # certificate has no day attended.
    AttendanceFactory(registration=registration, day=monday)
    certified.status = RegistrationStatus.COMPLETED
    certified.save()
    certificate = CertificateFactory(registration=certified)
    session = SessionFactory(day=monday)
    slug = workshop.slug
    urls = {
        "home": reverse("trainer:home"),
        "workshop": reverse("trainer:workshop", kwargs={"slug": workshop.slug}),
        "roll-call": reverse(
            "trainer:roll-call", kwargs={"slug": workshop.slug, "date": monday.held_on}
        ),
        "session-log": reverse(
            "trainer:session-log", kwargs={"slug": workshop.slug, "pk": session.pk}
        ),
        "logout": reverse("trainer:logout"),
        "attendance-sheet": reverse("trainer:attendance-sheet", kwargs={"slug": workshop.slug}),
        "virtual-import": reverse(
            "trainer:virtual-import", kwargs={"slug": workshop.slug, "date": monday.held_on}
        ),
        "virtual-import-preview": reverse(
            "trainer:virtual-import-preview",
            kwargs={"slug": workshop.slug, "date": monday.held_on},
        ),
        "completion": reverse("trainer:completion", kwargs={"slug": slug}),
        "completion-override": reverse(
            "trainer:completion-override", kwargs={"slug": slug, "pk": certified.pk}
        ),
        "certificate-pdf": reverse(
            "trainer:certificate-pdf", kwargs={"slug": slug, "pk": certified.pk}
        ),
        "certificates-pdf": reverse("trainer:certificates-pdf", kwargs={"slug": slug}),
        "certificate-revoke": reverse(
            "trainer:certificate-revoke", kwargs={"code": certificate.code}
        ),
    }
    posts = {
        "roll-call": {"day": monday.pk, f"mark-{registration.pk}": "late"},
        "session-log": {"start_time": "09:05", "end_time": "10:35", "notes": "On time."},
        "virtual-import": lambda: {"report": SimpleUploadedFile("report.csv", ZOOM_REPORT)},
        "virtual-import-preview": {"confirm": "1"},
        "completion-override": {"outcome": "not-completed", "reason": "Left at noon."},
        "certificate-revoke": {"reason": "Issued in error."},
    }
    return urls, posts


def database_rows():
    return (
        list(Attendance.objects.values_list("registration", "day", "mark", "recorded_by")),
        list(SessionLog.objects.values_list("session", "start_time", "end_time", "logged_by")),
        list(Registration.objects.order_by("pk").values_list("pk", "status")),
        list(CompletionOverride.objects.values_list("registration", "is_completed", "reason")),
        list(Certificate.objects.order_by("pk").values_list("registration", "revoked_at")),
    )


@pytest.mark.parametrize(("page", "method", "role"), CASES)
def test_trainer_url_answers_each_role(
    client, site, page, method, role, trainer, other_trainer, staff, monday
):
    urls, posts = site
    user = {"assigned": trainer, "other trainer": other_trainer, "staff": staff}.get(role)
    if user:
        client.force_login(user)
    data = posts.get(page, {})
    data = data() if callable(data) else data
    if page == "virtual-import-preview" and method == "post" and role == "assigned":
        # A confirmation needs an upload of the trainer's own first.
        client.post(urls["virtual-import"], posts["virtual-import"]())
        data = {**data, "preview": client.session[f"trainer-virtual-import-{monday.pk}"]["id"]}
    before = database_rows()

    response = client.post(urls[page], data) if method == "post" else client.get(urls[page])

    assert response.status_code == TABLE[page, method][ROLES.index(role)]
    if role == "anonymous" and response.status_code == 302:
        assert response.url == f"{reverse('trainer:login')}?next={urls[page]}"
    writer = "staff" if page in STAFF_WRITES else "assigned"
    if (
        role == writer
        and method == "post"
        and response.status_code == 302
        and page not in READ_ONLY_POSTS
    ):
        assert database_rows() != before
    else:
        assert database_rows() == before


def test_logout_post_logs_out_and_goes_to_the_login_page(trainer_client):
    response = trainer_client.post(reverse("trainer:logout"))

    assert (response.status_code, response.url) == (302, reverse("trainer:login"))
    assert trainer_client.get(reverse("trainer:home")).status_code == 302


@pytest.mark.parametrize(
    "address",
    [
        "/trainer/workshops/colleagues-workshop/",
        "/trainer/workshops/no-such-workshop/",
        "/trainer/workshops/colleagues-workshop/days/2022-07-19/roll-call/",
        # Their day's date under this workshop: this workshop does not run that day.
        "/trainer/workshops/virtual-workshop/days/2022-07-19/roll-call/",
        "/trainer/workshops/virtual-workshop/days/2022-02-30/roll-call/",
        "/trainer/workshops/virtual-workshop/sessions/colleagues-session/log/",
        "/trainer/workshops/colleagues-workshop/sessions/colleagues-session/log/",
        "/trainer/workshops/colleagues-workshop/attendance.xlsx",
        "/trainer/workshops/colleagues-workshop/days/2022-07-19/import/",
        "/trainer/workshops/colleagues-workshop/days/2022-07-19/import/preview/",
        "/trainer/workshops/virtual-workshop/days/2022-07-19/import/",
    ],
)
def test_anything_of_another_workshop_is_a_404_for_the_trainer(
    trainer_client, workshop, monday, other_trainer, address
):
    colleagues = other_trainer.trainer_assignments.get().workshop
    colleagues.slug = "colleagues-workshop"
    colleagues.save()
    their_day = WorkshopDayFactory(workshop=colleagues, held_on=dt.date(2022, 7, 19))
    their_session = SessionFactory(day=their_day)
    SessionLogFactory(session=their_session)
    address = address.replace("colleagues-session", str(their_session.pk))
    before = database_rows()

    got = trainer_client.get(address)
    posted = trainer_client.post(
        address,
        {"day": their_day.pk, "start_time": "08:00", "end_time": "09:00"},
    )

    assert (got.status_code, posted.status_code) == (404, 404)
    assert database_rows() == before


def test_registration_of_a_workshop_the_trainer_shares_is_not_on_another_roll(
    trainer_client, workshop, monday, other_trainer
):
    # Two workshops of the same trainer: a registration of one is refused on the other's roll.
    second = other_trainer.trainer_assignments.get().workshop
    second.trainer_assignments.create(trainer=monday.workshop.trainer_assignments.get().trainer)
    theirs = RegistrationFactory(workshop=second)
    url = reverse("trainer:roll-call", kwargs={"slug": workshop.slug, "date": monday.held_on})

    response = trainer_client.post(url, {"day": monday.pk, f"mark-{theirs.pk}": "present"})

    assert response.status_code == 200
    assert Attendance.objects.count() == 0
