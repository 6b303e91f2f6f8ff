"""Demo data for `make run`: the demo logins (the seeds' workshops come with the domain)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils.crypto import get_random_string

# Known passwords only where the portal runs with DEBUG on a laptop; anywhere else
# (a benchmark on production settings) each demo user gets a random one, printed once.
DEMO_USERS = [
    {"username": "staff", "password": "rso-staff-demo", "is_staff": True, "is_superuser": True},
    {
        "username": "trainer",
        "password": "rso-trainer-demo",
        "is_staff": False,
        "is_superuser": False,
    },
]


class Command(BaseCommand):
    help = "Create the demo staff and trainer logins (idempotent)."

    def handle(self, *args, **options):
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
            self.stdout.write(f"  {spec['username']:<8} password: {shown}")
