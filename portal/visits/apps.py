from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "portal.visits"
    label = "visits"
    verbose_name = _("Visit statistics")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import buffer, services

        buffer.set_writer(services.visits_write)
        buffer.install_exit_flush()
