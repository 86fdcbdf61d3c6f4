"""The article page keeps within its weight budget and loads nothing that delays its first
paint (benchmarks/page_weight.py; `make bench` prints the same figures)."""

from django.contrib.staticfiles import finders
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from benchmarks.page_weight import BUDGET_BYTES, measure
from portal.news.tests.factories import make_article


def _read_static(url: str) -> bytes:
    path = finders.find(url.removeprefix("/static/"))
    assert path, url
    with open(path, "rb") as handle:
        return handle.read()


def test_an_article_with_pictures_is_light_and_paints_without_waiting(client, category):
    picture = get_image_model().objects.create(title="Hội thảo", file=get_test_image_file(size=(1600, 1000)))
    body = [
        ("paragraph", "<p>" + "Sở Khoa học và Công nghệ tổ chức hội thảo. " * 60 + "</p>"),
        ("image", {"image": picture, "alt_text": "Toàn cảnh hội thảo", "caption": "Toàn cảnh"}),
        ("image", {"image": picture, "alt_text": "Đại biểu phát biểu", "caption": ""}),
    ]
    article = make_article(
        category, "Hội thảo ứng dụng khoa học", featured_image=picture, featured_image_alt="Hội trường", body=body
    )
    weight = measure(client.get(article.url).content.decode(), _read_static)
    assert weight.total <= BUDGET_BYTES, weight
    assert weight.css and weight.js  # the page's own files were found and counted
    assert weight.blocking_scripts == []
    assert weight.images_without_size == []
    assert weight.eager_images_below == []
    assert weight.featured_srcset
