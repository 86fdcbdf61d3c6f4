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
        from django.db.models.signals import post_delete, post_save

        from portal.core.bulk import clear_page_cache
        from portal.search.sources import register

        from . import models
        from .search import TASKS_SOURCE

        register(TASKS_SOURCE)
        # The public lists, task pages and statistics show these: a change empties the
        # anonymous page cache (once per import or demo run: portal.core.bulk).
        for model in (models.Task, models.Organisation, models.Indicator, models.IndicatorValue):
            post_save.connect(clear_page_cache, sender=model, dispatch_uid=f"science_cache_{model.__name__}_save")
            post_delete.connect(clear_page_cache, sender=model, dispatch_uid=f"science_cache_{model.__name__}_del")
