"""Demo news for `seed_demo` (through the "portal_demo" hook): categories, articles over
several years with drawn pictures, view counts. Idempotent: what exists is left alone."""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core.demo import demo_image
from portal.core.text import slugify_vi

from . import demo_data as data
from .models import ArticlePage, CategoryPage
from .services import article_view_count_set_minimum


def demo_news_seed(home) -> str:
    categories = _seed_categories(home)
    created = _seed_articles(categories)
    return _("Demo content ready: %(categories)d categories, %(articles)d articles (%(new)d new).") % {
        "categories": len(categories),
        "articles": ArticlePage.objects.count(),
        "new": created,
    }


def _seed_categories(home) -> dict[str, CategoryPage]:
    result = {}
    for title, slug, intro, children in data.CATEGORIES:
        top = _category(home, title, slug, intro)
        result[slug] = top
        for child_title, child_slug in children:
            result[child_slug] = _category(top, child_title, child_slug, "")
    return result


def _category(parent, title, slug, intro) -> CategoryPage:
    existing = CategoryPage.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = CategoryPage(title=title, slug=slug, intro=f"<p>{intro}</p>" if intro else "")
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _seed_articles(categories) -> int:
    created = 0
    rnd = random.Random(2026)
    now = timezone.localtime()
    for theme_index, (cat_slug, title_pattern, paragraphs, *fixed) in enumerate(data.THEMES):
        fixed_month = fixed[0]["month"] if fixed else None
        for offset, year in enumerate(range(now.year - 4, now.year + 1)):
            month = fixed_month or 1 + (theme_index + 3 * offset) % 10
            date = timezone.make_aware(dt.datetime(year, month, 3 + (theme_index * 2 + offset) % 24, 8 + offset, 30))
            if date > timezone.now():
                date = date.replace(year=year - 1)
            quarter, quarter_year = (date.month - 1) // 3 or 4, date.year - (date.month <= 3)
            values = {
                "district": data.DISTRICTS[(theme_index + offset) % len(data.DISTRICTS)],
                "product": data.PRODUCTS[(theme_index + offset) % len(data.PRODUCTS)],
                "topic": data.TOPICS[(theme_index + offset) % len(data.TOPICS)],
                "year": date.year,
                "last_year": date.year - 1,
                "year_prev": date.year - 2,
                "day": date.day,
                "day_before2": date.day - 2,
                "month": date.month,
                "month2": min(12, date.month + 2),
                "quarter": f"{['I', 'II', 'III', 'IV'][quarter - 1]}/{quarter_year}",
                "n1": rnd.randint(3, 12),
                "n2": rnd.randint(14, 60),
                "n3": rnd.randint(80, 250),
                "pct": rnd.choice(["98,5", "99,2", "100", "97,8"]),
            }
            title = title_pattern.format(**values)
            texts = [p.format(**values) for p in paragraphs]
            is_featured = offset == 4 and theme_index < 6
            created += _article(
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
    image = demo_image(a["image_caption"], 99)
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
    created += _article(
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


def _article(
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
    slug = slug or slugify_vi(title)
    if ArticlePage.objects.child_of(category).filter(slug=slug).exists():
        return 0
    if featured is None and image_seed is not None:
        featured = demo_image(f"Ảnh minh họa {category.title} {image_seed}", image_seed)
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
