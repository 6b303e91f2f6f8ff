"""Demo data for `make run`: the demo logins, then the seeds' workshops, participants,
publications, news and newsletter (rso_portal/demo/), made-up evaluation answers of
the delivered workshops with one open survey link, and on request bulk synthetic
workshops for load tests.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse
from django.utils.crypto import get_random_string

from demo.loader import load_seed_data
from demo.surveys import load_survey_demo
from demo.synthetic import load_synthetic
from participants.choices import RegistrationStatus
from participants.models import Registration
from surveys.emails import survey_url
from training.models import Certificate
from training.queries import certificate_check_url, workshops_for_trainer
from training.services import issue_certificates

# Known passwords only where the portal runs with DEBUG on a laptop; anywhere else
# (a benchmark on production settings) each demo user gets a random one, printed once.
# Not superusers: the office's staff work through the groups that the reports app's
# migrations make ("Programme staff", "Communications"). The demo staff login does
# both jobs, as a small office's staff do; the communications login only its own.
DEMO_USERS = [
    {
        "username": "staff",
        "password": "rso-staff-demo",
        "is_staff": True,
        "is_superuser": False,
        "groups": ["Programme staff", "Communications"],
    },
    {
        "username": "comms",
        "password": "rso-comms-demo",
        "is_staff": True,
        "is_superuser": False,
        "groups": ["Communications"],
    },
    {
        "username": "trainer",
        "password": "rso-trainer-demo",
        "is_staff": False,
        "is_superuser": False,
    },
]


class Command(BaseCommand):
    help = (
        "Create the demo staff and trainer logins and the demo data built from the seed "
        "documents; with --synthetic N, also synthetic workshops 1..N (idempotent)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--synthetic",
            type=int,
            default=0,
            metavar="N",
            help="Also make sure synthetic workshops 0001..N exist (3 days, 20 sessions, "
            "25 registrations each) with 2 news articles each; existing numbers are "
            "skipped, so reruns add nothing.",
        )

    def handle(self, *args, **options):
        count = options["synthetic"]
        if count < 0:
            raise CommandError("--synthetic takes a number of workshops, 0 or more.")
        # One transaction for everything: an error leaves the database as it was, not
        # half loaded. Output waits for the commit, so no password is printed for a user
        # that was rolled back.
        with transaction.atomic():
            lines, users = self._create_users()
            tally = load_seed_data(trainer=users["trainer"])
            lines += tally.summary_lines()
            lines += _trainer_lines(users["trainer"])
            lines += _certificate_lines(users["trainer"])
            survey_tally, invitation = load_survey_demo()
            lines += survey_tally.summary_lines(survey_url(invitation) if invitation else None)
            if count:
                lines += load_synthetic(count=count).summary_lines()
        for line in lines:
            self.stdout.write(line)

    def _create_users(self):
        lines, users = [], {}
        for spec in DEMO_USERS:
            password = spec["password"] if settings.DEBUG else get_random_string(20)
            user, created = get_user_model().objects.get_or_create(
                username=spec["username"],
                defaults={
                    "is_staff": spec["is_staff"],
                    "is_superuser": spec["is_superuser"],
                    "email": f"{spec['username']}@example.org",
                },
            )
            if created:
                user.set_password(password)
                user.save(update_fields=["password"])
                shown = password
            else:
                shown = password if settings.DEBUG else "(unchanged)"
                if user.is_superuser != spec["is_superuser"]:
                    # A demo database from before the staff login lost its superuser.
                    user.is_superuser = spec["is_superuser"]
                    user.save(update_fields=["is_superuser"])
            if spec.get("groups"):
                user.groups.add(*Group.objects.filter(name__in=spec["groups"]))
            lines.append(f"  {spec['username']:<8} password: {shown}")
            users[spec["username"]] = user
        return lines, users


def _trainer_lines(trainer) -> list[str]:
    """What the demo trainer can do, for `make run` to print under the logins."""
    workshops = list(workshops_for_trainer(trainer).order_by("starts_on", "title"))
    lines = [
        f"Trainers' area, {reverse('trainer:home')}: {trainer.username} is assigned to "
        f"{len(workshops)} workshops,"
    ]
    lines += [
        f"  {w.starts_on:%d %b %Y}{f' to {w.ends_on:%d %b %Y}' if w.ends_on != w.starts_on else ''}"
        f": {w.title}"
        for w in workshops
    ]
    if workshops:
        first = next((w for w in workshops if w.starts_on), workshops[0])
        lines.append(
            "  where the trainer calls the roll of a day (present / late / absent, one save, "
            "corrections later), e.g. "
            + reverse("trainer:roll-call", kwargs={"slug": first.slug, "date": first.starts_on})
        )
        lines.append(
            "  and logs each session as delivered (actual times, notes, who spoke) from the "
            "workshop's page, " + reverse("trainer:workshop", kwargs={"slug": first.slug})
        )
    return lines


def _certificate_lines(trainer) -> list[str]:
    """Certificates for the completed participants of the demo trainer's delivered
    workshops (none issued twice: reruns add nothing), and where to check one."""
    delivered = workshops_for_trainer(trainer).past()
    completed = Registration.objects.filter(
        workshop__in=delivered, status=RegistrationStatus.COMPLETED
    ).values_list("pk", flat=True)
    issued = issue_certificates(registration_ids=completed, by=trainer)
    certificates = Certificate.objects.filter(registration__workshop__in=delivered)
    example = certificates.filter(revoked_at__isnull=True).order_by("pk").first()
    if example is None:
        return []
    return [
        f"Certificates of completion: {certificates.count()} for the trainer's delivered "
        f"workshops ({issued} new), downloaded from each workshop's completion page, "
        + reverse("trainer:completion", kwargs={"slug": example.registration.workshop.slug}),
        f"  and checked by anyone at {certificate_check_url(example.code)}",
    ]
