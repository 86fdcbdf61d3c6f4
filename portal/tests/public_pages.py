"""Every public page type of the demo site, as (name, address) pairs, for the checks that run over
all of them (axe-core in accessibility/tests/test_axe.py, the Nu HTML Checker in
test_html_validity.py). Needs the demo content (`seed_demo`)."""

from __future__ import annotations


def demo_public_pages() -> list[tuple[str, str]]:
    from portal.awards.models import Nomination
    from portal.feedback.models import PetitionPublication
    from portal.news.models import ArticlePage, CategoryPage
    from portal.science.models import Task

    awards = ArticlePage.objects.live().get(slug="hoi-nghi-dien-hinh-tien-tien-giai-doan-2020-2025")
    category = CategoryPage.objects.live().filter(depth=3).first()
    nested = CategoryPage.objects.live().filter(depth=4).first()
    disclosed = Nomination.objects.filter(disclosure_opens__isnull=False).first()
    video = next((a for a in ArticlePage.objects.live() if "external_video" in [b.block_type for b in a.body]), None)
    pages = [
        ("home", "/"),
        ("category", category.url),
        ("category, filtered by date", f"{category.url}?from=01/01/2026&to=31/12/2026"),
        ("sub-category", nested.url),
        ("article with table and image", awards.url),
        ("search results", "/tim-kiem/?q=hoi+nghi"),
        ("search without results", "/tim-kiem/?q=zzqqxx"),
        ("search in questions and answers", "/tim-kiem/?q=ho+so+de+xuat&type=hoi-dap"),
        ("glossary page", "/tu-viet-tat/"),
        ("html sitemap", "/so-do-cong-thong-tin/"),
        ("not found", "/khong-co-trang-nay/"),
        ("petitions landing page", "/phan-anh-kien-nghi/"),
        ("petition form", "/phan-anh-kien-nghi/gui/"),
        ("petition lookup", "/phan-anh-kien-nghi/tra-cuu/"),
        ("questions and answers", "/hoi-dap/"),
        ("published question", f"/hoi-dap/{PetitionPublication.objects.get().slug}/"),
        ("site satisfaction", "/danh-gia-hai-long/"),
        ("honor roll", "/bang-vang/"),
        ("nominees published for comments", "/cong-khai-khen-thuong/"),
        ("a nominee with the comment form", f"/cong-khai-khen-thuong/{disclosed.pk}/"),
        ("S&T tasks under way", "/nhiem-vu-khcn/dang-tien-hanh/"),
        ("S&T task results, filtered", "/nhiem-vu-khcn/ket-qua/?linh-vuc=nong-nghiep&q=nong+nghiep"),
        ("an accepted S&T task", f"/nhiem-vu-khcn/{Task.objects.filter(status='accepted').first().pk}/"),
        ("S&T statistics", "/thong-ke-khcn/"),
        ("S&T open data", "/thong-ke-khcn/du-lieu-mo/"),
        ("search in S&T tasks", "/tim-kiem/?q=nong+nghiep&type=nhiem-vu-khcn"),
    ]
    if video:
        pages.append(("article with video", video.url))
    return pages
