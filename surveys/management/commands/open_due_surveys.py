"""What Celery beat does every quarter of an hour, for `make run` (where no beat runs):
make the survey invitations that have fallen due."""

from django.core.management.base import BaseCommand

from surveys.services import open_due_surveys


class Command(BaseCommand):
    help = "Invite the participants of workshops whose evaluation or impact survey is due."

    def handle(self, *args, **options):
        self.stdout.write(str(open_due_surveys()))
