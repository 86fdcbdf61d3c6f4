"""`manage.py seed_demo`: idempotent demo content. Home seeds what is the department's as a
whole (identity, menus and quick links, staff accounts); every app adds its own content
through the "portal_demo" hook (news: categories and articles; feedback: petitions in each
state; …), in the hook's order. Running it again changes nothing that exists."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Site

from portal.core import roles
from portal.core.bulk import bulk_publishing
from portal.core.demo import demo_image
from portal.core.models import SiteIdentity, SiteNavigation
from portal.core.staff import twofactor
from portal.home import demo_data as data
from portal.home.setup import portal_setup
from portal.news import selectors as news


class Command(BaseCommand):
    help = "Load demo content (idempotent)."

    def handle(self, *args, **options):
        # Recordings of the demo articles are left to the scheduler (generate_audio --missing).
        with bulk_publishing(), transaction.atomic():
            home = portal_setup()
            site = Site.objects.get(is_default_site=True)
            self.seed_identity(site)
            passwords = self.seed_users()
            summaries = [seed(home) for seed in hooks.get_hooks("portal_demo")]
            self.seed_navigation(site)
        for summary in summaries:
            if summary:
                self.stdout.write(summary)
        for username, (password, second) in passwords.items():
            self.stdout.write(
                _("Demo account %(user)s, password: %(password)s") % {"user": username, "password": password}
            )
            if second:
                key, codes = second
                self.stdout.write(
                    "  "
                    + _("two-step sign-in: app key %(key)s, or one of the recovery codes %(codes)s")
                    % {"key": key, "codes": ", ".join(codes[:3])}
                )

    # -- pieces ----------------------------------------------------------------------
    def seed_identity(self, site):
        identity = SiteIdentity.for_site(site)
        if not identity.department_name:
            for field, value in data.IDENTITY.items():
                setattr(identity, field, value)
            identity.emblem = demo_image("Biểu trưng của Sở", 0, emblem=True)
            identity.social_links = [("social", {"network": "facebook", "url": "https://www.facebook.com/"})]
            identity.save()
        if not site.site_name:
            site.site_name = identity.site_title
            site.save()

    def seed_navigation(self, site):
        categories = news.categories_by_slug()
        nav = SiteNavigation.for_site(site)
        if nav.main_menu or nav.quick_links or nav.site_links:
            return
        menu = []
        for top, children in news.category_tree(limit=6):
            menu.append(
                (
                    "item",
                    {
                        "title": top.title,
                        "page": top,
                        "link_url": "",
                        "children": [{"title": c.title, "page": c, "link_url": ""} for c in children]
                        + [
                            {"title": title, "page": None, "link_url": url}
                            for title, url in data.MENU_CHILDREN.get(top.slug, [])
                        ],
                    },
                )
            )
        nav.main_menu = menu
        quick = []
        for title in data.QUICK_LINKS:
            if title in data.QUICK_LINK_TARGETS:
                quick.append(
                    ("link", {"title": title, "page": categories[data.QUICK_LINK_TARGETS[title]], "link_url": ""})
                )
            else:
                quick.append(("link", {"title": title, "page": None, "link_url": data.QUICK_LINK_PATHS[title]}))
        nav.quick_links = quick
        nav.site_links = [("link", {"title": t, "page": None, "link_url": u}) for t, u in data.SITE_LINKS]
        nav.save()

    def seed_users(self) -> dict[str, tuple[str, tuple[str, list[str]] | None]]:
        """Demo staff. Passwords are random; they are shown (and reset) only when DEBUG is on,
        with, for the accounts that need two-step sign-in, a new app key and recovery codes."""
        User = get_user_model()
        shown = {}
        for username, first, last, group_attr in data.DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={"first_name": first, "last_name": last, "email": f"{username}@example.vn", "is_staff": True},
            )
            user.groups.add(Group.objects.get(name=getattr(roles, group_attr, group_attr)))
            if settings.DEBUG:
                password = secrets.token_urlsafe(9)
                user.set_password(password)
                user.save()
                second = twofactor.two_factor_demo(user) if twofactor.needs_two_factor(user) else None
                shown[username] = (password, second)
            elif created:
                user.set_unusable_password()
                user.save()
        return shown
