from django.core.management.base import BaseCommand

from outbox import delivery


class Command(BaseCommand):
    help = (
        "Delivers every mail of the outbox that is due now, in this process (no task worker needed), "
        "and deletes sent mails older than OUTBOX_KEEP_DAYS. For cron, e.g. every 10 minutes."
    )

    def handle(self, *args, **options):
        outcomes = delivery.deliver_due()
        deleted = delivery.purge()
        self.stdout.write(
            f"Gesendet: {outcomes[delivery.SENT]}, später erneut: {outcomes[delivery.RETRY]}, "
            f"fehlgeschlagen: {outcomes[delivery.FAILED]}, alte gelöscht: {deleted}"
        )
