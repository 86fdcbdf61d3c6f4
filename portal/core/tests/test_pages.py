"""New pages get ASCII slugs folded from the title; old Unicode slugs keep working."""

import json

from portal.core.pages import VietnameseSlugInput
from portal.news.tests.factories import make_category


def test_a_new_page_without_slug_gets_the_folded_title(home):
    from portal.news.models import CategoryPage

    first = home.add_child(instance=CategoryPage(title="Đổi mới sáng tạo & Ứng dụng"))
    second = home.add_child(instance=CategoryPage(title="Đổi mới sáng tạo & ứng dụng"))
    assert first.slug == "doi-moi-sang-tao-ung-dung"  # Django's slugify gave "oi-moi-…"
    assert second.slug == "doi-moi-sang-tao-ung-dung-2"


def test_a_page_with_an_old_unicode_slug_is_still_served(client, home):
    category = make_category(home, "Tin cũ")
    category.slug = "tin-cũ"
    category.save()
    response = client.get("/tin-c%C5%A9/")
    assert response.status_code == 200 and "Tin cũ" in response.content.decode()


def test_the_editors_slug_field_folds_vietnamese_letters_first():
    attrs = VietnameseSlugInput().get_context("slug", "", {"id": "id_slug"})["widget"]["attrs"]
    replacements = {plain: pattern for (pattern, _flags), plain in json.loads(attrs["data-w-slug-formatters-value"])}
    assert "đ" in replacements["d"] and "ổ" in replacements["o"] and "ự" in replacements["u"]
