from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScienceConfig(AppConfig):
    """Nhiệm vụ KH&CN: the registry of the province's science and technology tasks, published
    with its statistics as pages, API and open data (Luật Tiếp cận thông tin 2016, Điều 17)."""

    name = "portal.science"
    label = "science"
    verbose_name = _("S&T tasks")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.search.sources import register

        from .search import TASKS_SOURCE

        register(TASKS_SOURCE)
