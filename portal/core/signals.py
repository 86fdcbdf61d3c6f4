"""Empty the anonymous page cache whenever what visitors see may have changed.

Wagtail's own front-end cache purge only purges the changed page; a new article also
changes its category listing, the home page and the sidebar, so the whole "pages" cache
is dropped (it rebuilds on the next visit of each page).
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .bulk import clear_page_cache
from .frontcache import refresh_page
from .maintenance import forget as forget_maintenance
from .models import MaintenanceWindow, SiteIdentity, SiteNavigation
from .pages import forget_view_restrictions

page_published.connect(clear_page_cache, dispatch_uid="portal_cache_published")
page_unpublished.connect(clear_page_cache, dispatch_uid="portal_cache_unpublished")
post_page_move.connect(clear_page_cache, dispatch_uid="portal_cache_moved")
# nginx's micro-cache in production (portal.core.frontcache; nothing is sent unless configured).
page_published.connect(refresh_page, dispatch_uid="portal_frontcache_published")
page_unpublished.connect(refresh_page, dispatch_uid="portal_frontcache_unpublished")


@receiver(post_save, sender=SiteIdentity, dispatch_uid="portal_cache_identity")
@receiver(post_save, sender=SiteNavigation, dispatch_uid="portal_cache_navigation")
def _settings_changed(**kwargs) -> None:
    clear_page_cache()


# The site memo (portal.core.sitememo) keeps sites with their root page.
@receiver(post_save, sender=Site, dispatch_uid="portal_cache_site_saved")
@receiver(post_delete, sender=Site, dispatch_uid="portal_cache_site_deleted")
@receiver(post_delete, sender=Page, dispatch_uid="portal_cache_deleted")
def _sites_or_pages_changed(**kwargs) -> None:
    clear_page_cache()


# A page made private (or public again) must not be served from a copy made before.
@receiver(post_save, sender=PageViewRestriction, dispatch_uid="portal_cache_restriction_saved")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="portal_cache_restriction_deleted")
def _restriction_changed(**kwargs) -> None:
    forget_view_restrictions()
    clear_page_cache()


@receiver(post_save, sender=MaintenanceWindow, dispatch_uid="portal_maintenance_saved")
@receiver(post_delete, sender=MaintenanceWindow, dispatch_uid="portal_maintenance_deleted")
def _maintenance_changed(**kwargs) -> None:
    """The notice is on every page: forget the cached window and the cached pages."""
    forget_maintenance()
    clear_page_cache()
