"""Demo data for `make run`: the demo logins, then the seeds' workshops, participants,
publications, news and newsletter (rso_portal/demo/), and on request bulk synthetic
workshops for load tests.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse
from django.db.models import Q
from django.utils.crypto import get_random_string

from demo.loader import load_seed_data
from demo.synthetic import load_synthetic
from training.queries import workshops_for_trainer

# Known passwords only where the portal runs with DEBUG on a laptop; anywhere else
# (a benchmark on production settings) each demo user gets a random one, printed once.
DEMO_USERS = [
    # Not a superuser: the office's staff work through the "Staff" group's rights.
    {
        "username": "staff",
        "password": "rso-staff-demo",
        "is_staff": True,
        "is_superuser": False,
        "group": "Staff",
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
            if spec.get("group"):
                user.groups.add(_staff_group(spec["group"]))
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


# What the office's staff edit in the admin; users only to pick trainers from.
STAFF_APPS = ["workshops", "participants", "training", "publications"]


def _staff_group(name: str) -> Group:
    """The staff group, with every right on the apps staff work in and the right to
    view users (the trainer picker): made or brought up to date."""
    group, _ = Group.objects.get_or_create(name=name)
    rights = Permission.objects.filter(
        Q(content_type__app_label__in=STAFF_APPS)
        | Q(content_type__app_label="auth", codename="view_user")
    )
    if set(group.permissions.values_list("pk", flat=True)) != set(
        rights.values_list("pk", flat=True)
    ):
        group.permissions.set(rights)
    return group
