"""`manage.py seed_demo`: idempotent demo content (identity, menus, categories, articles,
images drawn locally, staff accounts, a few citizen petitions). Running it again changes nothing that exists."""

import datetime as dt
import io
import math
import random
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Site

from portal.core import roles
from portal.core.bulk import bulk_publishing
from portal.core.models import SiteIdentity, SiteNavigation
from portal.core.site_setup import portal_setup
from portal.feedback.demo import demo_petitions_seed
from portal.home import demo_data as data
from portal.news.models import ArticlePage, CategoryPage
from portal.news.services import article_view_count_set_minimum

PALETTE = [
    (11, 79, 138),
    (179, 18, 27),
    (18, 120, 84),
    (196, 120, 20),
    (90, 60, 140),
    (20, 120, 140),
    (120, 90, 40),
    (60, 60, 60),
]


def draw_picture(seed: int, size=(960, 600)) -> bytes:
    """An abstract illustration (gradient, hills, sun), different for every seed."""
    rnd = random.Random(seed)
    base = PALETTE[seed % len(PALETTE)]
    img = PILImage.new("RGB", size)
    draw = ImageDraw.Draw(img)
    w, h = size
    for y in range(h):
        t = y / h
        draw.line([(0, y), (w, y)], fill=tuple(int(c * (1 - t) + 235 * t) for c in base))
    draw.ellipse([w * 0.7, h * 0.1, w * 0.7 + 120, h * 0.1 + 120], fill=(250, 220, 120))
    for layer in range(3):
        points = [(0, h)]
        for x in range(0, w + 80, 80):
            points.append((x, h * (0.55 + 0.12 * layer) + rnd.randint(-40, 40)))
        points.append((w, h))
        shade = tuple(max(0, c - 40 * layer) for c in (40, 120 + 20 * layer, 60))
        draw.polygon(points, fill=shade)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=82)
    return out.getvalue()


def draw_emblem() -> bytes:
    img = PILImage.new("RGBA", (160, 160), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.ellipse([4, 4, 156, 156], fill=(200, 16, 46), outline=(250, 200, 40), width=6)
    points = []
    for i in range(10):
        radius = 58 if i % 2 == 0 else 23
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((80 + radius * math.cos(angle), 80 + radius * math.sin(angle)))
    draw.polygon(points, fill=(250, 220, 40))
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


class Command(BaseCommand):
    help = "Load demo content (idempotent)."

    def handle(self, *args, **options):
        # Recordings of the demo articles are left to the scheduler (generate_audio --missing).
        with bulk_publishing(), transaction.atomic():
            home = portal_setup()
            site = Site.objects.get(is_default_site=True)
            self.seed_identity(site)
            categories = self.seed_categories(home)
            created = self.seed_articles(categories)
            self.seed_navigation(site, categories)
        passwords = self.seed_users()
        User = get_user_model()
        demo_petitions_seed(
            officer=User.objects.get(username="canbopakn"), leader=User.objects.get(username="lanhdaopakn")
        )
        self.stdout.write(
            _("Demo content ready: %(categories)d categories, %(articles)d articles (%(new)d new).")
            % {"categories": len(categories), "articles": ArticlePage.objects.count(), "new": created}
        )
        for username, password in passwords.items():
            self.stdout.write(
                _("Demo account %(user)s, password: %(password)s") % {"user": username, "password": password}
            )

    # -- pieces ----------------------------------------------------------------------
    def image(self, title: str, seed: int, emblem: bool = False):
        Image = get_image_model()
        existing = Image.objects.filter(title=title).first()
        if existing:
            return existing
        content = draw_emblem() if emblem else draw_picture(seed)
        name = f"demo-{seed}.{'png' if emblem else 'jpg'}"
        image = Image(title=title, file=ImageFile(io.BytesIO(content), name=name))
        image.save()
        return image

    def seed_identity(self, site):
        identity = SiteIdentity.for_site(site)
        if not identity.department_name:
            for field, value in data.IDENTITY.items():
                setattr(identity, field, value)
            identity.emblem = self.image("Biểu trưng của Sở", 0, emblem=True)
            identity.social_links = [("social", {"network": "facebook", "url": "https://www.facebook.com/"})]
            identity.save()
        if not site.site_name:
            site.site_name = identity.site_title
            site.save()

    def seed_categories(self, home) -> dict[str, CategoryPage]:
        result = {}
        for title, slug, intro, children in data.CATEGORIES:
            top = self.category(home, title, slug, intro)
            result[slug] = top
            for child_title, child_slug in children:
                result[child_slug] = self.category(top, child_title, child_slug, "")
        return result

    def category(self, parent, title, slug, intro) -> CategoryPage:
        existing = CategoryPage.objects.child_of(parent).filter(slug=slug).first()
        if existing:
            return existing
        page = CategoryPage(title=title, slug=slug, intro=f"<p>{intro}</p>" if intro else "")
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    def seed_articles(self, categories) -> int:
        created = 0
        rnd = random.Random(2026)
        now = timezone.localtime()
        for theme_index, (cat_slug, title_pattern, paragraphs) in enumerate(data.THEMES):
            for offset, year in enumerate(range(now.year - 4, now.year + 1)):
                month = 1 + (theme_index + 3 * offset) % 10
                date = timezone.make_aware(
                    dt.datetime(year, month, 3 + (theme_index * 2 + offset) % 24, 8 + offset, 30)
                )
                if date > timezone.now():
                    date = date.replace(year=year - 1)
                values = {
                    "district": data.DISTRICTS[(theme_index + offset) % len(data.DISTRICTS)],
                    "product": data.PRODUCTS[(theme_index + offset) % len(data.PRODUCTS)],
                    "topic": data.TOPICS[(theme_index + offset) % len(data.TOPICS)],
                    "year": date.year,
                    "next_year": date.year + 1,
                    "year_prev": date.year - 2,
                    "day": date.day,
                    "day2": date.day + 2,
                    "month": date.month,
                    "month2": min(12, date.month + 2),
                    "quarter": ["I", "II", "III", "IV"][(date.month - 1) // 3],
                    "n1": rnd.randint(3, 12),
                    "n2": rnd.randint(14, 60),
                    "n3": rnd.randint(80, 250),
                    "pct": rnd.choice(["98,5", "99,2", "100", "97,8"]),
                }
                title = title_pattern.format(**values)
                texts = [p.format(**values) for p in paragraphs]
                is_featured = offset == 4 and theme_index < 6
                created += self.article(
                    categories[cat_slug],
                    title=title,
                    date=date,
                    summary=texts[0],
                    paragraphs=texts[1:],
                    image_seed=theme_index + 1 if offset % 2 == 0 else None,
                    is_featured=is_featured,
                    view_count=rnd.randint(40, 2400),
                    author="Phòng Quản lý khoa học" if theme_index % 2 else "Văn phòng Sở",
                    tags=[cat_slug.replace("-", " "), str(date.year)],
                )
        a = data.AWARDS_ARTICLE
        date = timezone.make_aware(dt.datetime.strptime(a["date"], "%Y-%m-%d %H:%M"))
        image = self.image(a["image_caption"], 99)
        extra = [
            (
                "table",
                {
                    "data": a["table"]["rows"],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": a["table"]["caption"],
                },
            ),
            ("image", {"image": image, "alt_text": a["image_caption"], "caption": a["image_caption"]}),
            ("quote", {"text": a["quote"][0], "attribution": a["quote"][1]}),
        ]
        created += self.article(
            categories[a["category"]],
            title=a["title"],
            date=date,
            summary=a["summary"],
            paragraphs=a["paragraphs"],
            image_seed=None,
            is_featured=True,
            view_count=a["view_count"],
            author=a["author"],
            extra_blocks=extra,
            featured=image,
            tags=["thi đua", "khen thưởng", "điển hình tiên tiến"],
            slug=a["slug"],
        )
        return created

    def article(
        self,
        category,
        *,
        title,
        date,
        summary,
        paragraphs,
        image_seed,
        is_featured,
        view_count,
        author,
        tags,
        extra_blocks=(),
        featured=None,
        slug=None,
    ) -> int:
        from portal.core.text import slugify_vi

        slug = slug or slugify_vi(title)
        if ArticlePage.objects.child_of(category).filter(slug=slug).exists():
            return 0
        if featured is None and image_seed is not None:
            featured = self.image(f"Ảnh minh họa {category.title} {image_seed}", image_seed)
        body = [("paragraph", "".join(f"<p>{p}</p>" for p in paragraphs[:2]))]
        body.extend(extra_blocks)
        if paragraphs[2:]:
            body.append(("paragraph", "".join(f"<p>{p}</p>" for p in paragraphs[2:])))
        page = ArticlePage(
            title=title,
            slug=slug,
            summary=summary,
            body=body,
            date=date,
            author=author,
            is_featured=is_featured,
            featured_image=featured,
            featured_image_alt=title if featured else "",
            first_published_at=date,
        )
        category.add_child(instance=page)
        page.tags.set(tags)
        page.save_revision().publish()
        article_view_count_set_minimum(article_id=page.pk, count=view_count)
        return 1

    def seed_navigation(self, site, categories):
        nav = SiteNavigation.for_site(site)
        if nav.main_menu or nav.quick_links or nav.site_links:
            return
        menu = []
        for title, slug, _intro, children in data.CATEGORIES[:6]:
            menu.append(
                (
                    "item",
                    {
                        "title": title,
                        "page": categories[slug],
                        "link_url": "",
                        "children": [{"title": t, "page": categories[s], "link_url": ""} for t, s in children],
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

    def seed_users(self) -> dict[str, str]:
        """Demo staff. Passwords are random; they are shown (and reset) only when DEBUG is on."""
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
                shown[username] = password
            elif created:
                user.set_unusable_password()
                user.save()
        return shown
