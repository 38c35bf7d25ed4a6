"""The site's mailer (MAILERS["default"]): every message goes into the outbox, none to the mail server.

`send_mail()`, `mail_admins()`, Django's password reset and every other sender keep working
unchanged; the mail is an `OutgoingMail` row, written in the sender's transaction (a rolled-back
save sends nothing), and its delivery is queued when that transaction commits. The mailer named
by OPTIONS["delivery"] (SMTP, or the console for `make run`) is the one the worker delivers with.
"""

import logging

from django.core.mail import mailers
from django.core.mail.backends.base import BaseEmailBackend
from django.db import DatabaseError, transaction

from outbox import delivery
from outbox.models import OutgoingMail

logger = logging.getLogger(__name__)


class QueuedEmailBackend(BaseEmailBackend):
    def __init__(self, *args, delivery: str = "delivery", **kwargs):
        super().__init__(*args, **kwargs)
        self.delivery = delivery

    def send_messages(self, email_messages) -> int:
        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            mail = OutgoingMail.from_message(message, self.delivery)
            try:
                with transaction.atomic():
                    mail.save()
            except DatabaseError:  # TransactionManagementError included
                # No database to keep it in (it is down, or the sender's transaction broke, as when
                # an error report is mailed): hand it to the mail server at once, as before the outbox.
                logger.exception("Outbox: mail not stored; sending it directly")
                count += mailers[self.delivery].send_messages([message])
                continue
            delivery.enqueue_on_commit(mail.pk)
            count += 1
        return count
