from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    """Thi đua – khen thưởng: emulation movements, the yearly records of people and units, and
    nominations checked against the law (the rule engine is `eligibility/`, plain Python)."""

    name = "portal.awards"
    label = "awards"
    verbose_name = _("Emulation and awards")
