from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "portal.visits"
    label = "visits"
    verbose_name = _("Visit statistics")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.core import pageviews

        from . import buffer, services

        buffer.set_writer(services.visits_write)
        # The one pipeline that counts page views (portal.core.pageviews).
        pageviews.set_recorder(record=services.hit_record, pending=services.pending_page_views)
        buffer.install_exit_flush()
