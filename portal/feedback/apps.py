from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "portal.feedback"
    label = "feedback"
    verbose_name = _("Citizen petitions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.search.sources import register

        from .search import QUESTIONS_SOURCE

        register(QUESTIONS_SOURCE)
