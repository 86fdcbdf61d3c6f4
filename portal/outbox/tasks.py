"""Background delivery of queued e-mail (django-tasks; at once with the immediate backend)."""

import logging

from django_tasks import task

from .delivery import mail_deliver

logger = logging.getLogger("portal.mail")


@task()
def deliver_mail(mail_id: int) -> bool:
    try:
        return mail_deliver(mail_id)
    except Exception:  # never break the request (immediate backend); the scheduler retries
        logger.exception("e-mail %s could not be delivered", mail_id)
        return False
