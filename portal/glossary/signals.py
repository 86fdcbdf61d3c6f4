"""A changed glossary changes pages (the <abbr> titles in article bodies): drop the cached
entries and the page cache."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from portal.core.signals import clear_page_cache

from .models import Abbreviation
from .selectors import glossary_changed


@receiver(post_save, sender=Abbreviation, dispatch_uid="portal_glossary_saved")
@receiver(post_delete, sender=Abbreviation, dispatch_uid="portal_glossary_deleted")
def _glossary_changed(**kwargs) -> None:
    glossary_changed()
    clear_page_cache()
