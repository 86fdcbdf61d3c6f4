from __future__ import annotations

import logging

from wagtail.log_actions import log

from portal.core.steps import ActionRefused

logger = logging.getLogger("portal.awards")


class AwardsActionError(ActionRefused):
    """A refused step: its message is shown to the user as it is (Vietnamese)."""


def record(instance, action: str, *, user, **data) -> None:
    """Wagtail's action log (Báo cáo → Nhật ký) and the application log; never a person's name."""
    log(instance, f"portal.awards.{action}", user=user, data=data or None)
    logger.info("awards %s %s: %s by user %s", type(instance).__name__, instance.pk, action, getattr(user, "pk", None))
