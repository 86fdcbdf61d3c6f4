"""The department's own settings of the cycle (admin → Cài đặt → Thi đua – khen thưởng)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="pick")
class AwardsSettings(BaseGenericSetting):
    disclosure_working_days = models.PositiveSmallIntegerField(
        _("public disclosure (working days)"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_(
            "How long nominees for the higher forms stay published for comments before the dossier goes on. "
            "Default 10 working days, the period Nghị định 152/2025/NĐ-CP, Điều 60, khoản 3 sets for the "
            "ministry's consultation; follow the department's regulation."
        ),
    )

    class Meta:
        verbose_name = _("emulation and awards")
