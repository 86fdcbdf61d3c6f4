"""Background work shared by the apps: delivering queued e-mail."""

import logging

from django_tasks import task

logger = logging.getLogger("portal.mail")


@task()
def deliver_mail(mail_id: int) -> bool:
    from .mail import mail_deliver

    try:
        return mail_deliver(mail_id)
    except Exception:  # never break the request (immediate backend); the scheduler retries
        logger.exception("e-mail %s could not be delivered", mail_id)
        return False
