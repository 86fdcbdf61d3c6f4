from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "portal.core"
    label = "core"
    verbose_name = _("Portal core")

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects cache invalidation)
        from .adminscripts import install
        from .staff import audit  # noqa: F401  (log-ins, failures and lock-outs in the audit log)

        install()  # Wagtail's choosers started without inline scripts (the admin's CSP)

        from django.db import models
        from wagtail.admin.forms.models import register_form_field_override

        from .pages import VietnameseSlugInput

        register_form_field_override(models.SlugField, override={"widget": VietnameseSlugInput})
