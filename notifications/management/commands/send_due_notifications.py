from django.core.management.base import BaseCommand

from notifications.services import send_due_notifications


class Command(BaseCommand):
    help = (
        "Send every email of the outbox that is due now (what the periodic sweep does), "
        "and take back emails claimed by a sender that stopped. Safe to run beside workers."
    )

    def handle(self, *args, **options):
        report = send_due_notifications()
        self.stdout.write(f"Emails: {report}.")
