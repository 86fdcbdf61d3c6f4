"""Synthetic Vietnamese articles in bulk, for search and listing benchmarks (`seed_synthetic`).

Creating a Wagtail page through the ORM costs several saves, a revision and a search-index
update (about 5 pages/s here), which would take hours for 100,000 articles. This module writes
the page tree rows directly in batches instead: the materialised paths come from treebeard's
own helpers (Page._get_path / _str2int), one INSERT per batch for wagtailcore_page and
one for news_articlepage, then indexes each batch through the search backend's own bulk API,
exactly as `update_index` does, and fills the public search index (ArticleSearchText). The
result is ordinary live pages that the admin, the site and search treat like any other. Only
for test and benchmark databases: there are no revisions.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from portal.core.text import slugify_vi

from .models import ArticlePage, ArticleSearchText, CategoryPage, category_paths
from .services import category_get_or_create

# Words and phrases of the department's daily news, combined at random into titles and text.
SUBJECTS = [
    "Hội nghị",
    "Hội thảo",
    "Tọa đàm",
    "Lễ trao giải",
    "Kế hoạch",
    "Quyết định",
    "Thông báo",
    "Hướng dẫn",
    "Báo cáo",
    "Đoàn công tác",
    "Chương trình",
    "Dự án",
    "Đề tài",
    "Nhiệm vụ",
    "Lớp tập huấn",
    "Cuộc thi",
    "Triển lãm",
    "Hội chợ",
    "Phong trào",
    "Chỉ thị",
]
ACTIONS = [
    "tổng kết",
    "triển khai",
    "nghiệm thu",
    "đánh giá",
    "phát động",
    "sơ kết",
    "công bố",
    "kiểm tra",
    "phê duyệt",
    "giới thiệu",
    "ứng dụng",
    "chuyển giao",
    "khen thưởng",
    "tuyên truyền",
]
TOPICS = [
    "thi đua khen thưởng",
    "điển hình tiên tiến",
    "khoa học và công nghệ",
    "đổi mới sáng tạo",
    "chuyển đổi số",
    "sở hữu trí tuệ",
    "tiêu chuẩn đo lường chất lượng",
    "an toàn bức xạ",
    "ứng dụng công nghệ sinh học",
    "khởi nghiệp sáng tạo",
    "năng suất chất lượng",
    "cải cách thủ tục hành chính",
    "phổ biến giáo dục pháp luật",
    "điện mặt trời",
    "diễn đàn doanh nghiệp",
    "nông nghiệp công nghệ cao",
    "giống cây trồng",
    "thông tin thống kê",
    "thị trường công nghệ",
    "phòng chống thiên tai",
    "bảo vệ môi trường",
    "nước sạch nông thôn",
    "chỉ dẫn địa lý",
    "nhãn hiệu tập thể",
    "sản phẩm OCOP",
    "truy xuất nguồn gốc",
    "trí tuệ nhân tạo",
    "dữ liệu mở",
    "an toàn thông tin",
    "hạ tầng số",
]
PLACES = [
    "tỉnh",
    "huyện Cẩm Xuyên",
    "thành phố Hà Tĩnh",
    "thị xã Kỳ Anh",
    "huyện Hương Sơn",
    "huyện Đức Thọ",
    "Đà Nẵng",
    "Hà Nội",
    "Thành phố Hồ Chí Minh",
    "các xã vùng cao",
]
SUFFIXES = [
    "năm 2025",
    "giai đoạn 2021-2025",
    "6 tháng đầu năm",
    "quý I/2026",
    "nhiệm kỳ 2020-2025",
    "lần thứ nhất",
    "cấp tỉnh",
    "cấp cơ sở",
    "",
    "",
    "",
]
FILLER = [
    "Sở Khoa học và Công nghệ",
    "Ủy ban nhân dân tỉnh",
    "các sở, ban, ngành",
    "doanh nghiệp",
    "người dân",
    "cán bộ, công chức",
    "đơn vị sự nghiệp",
    "Ban Thi đua - Khen thưởng",
    "tổ chức khoa học và công nghệ",
    "Hội đồng khoa học",
    "chuyên gia",
    "nhà khoa học",
    "đã tham dự",
    "nhấn mạnh",
    "đề nghị",
    "thống nhất",
    "tiếp tục",
    "nâng cao hiệu quả",
    "thời gian tới",
    "kết quả nổi bật",
    "góp phần",
    "phát triển kinh tế - xã hội",
    "địa phương",
    "đạt được",
    "khó khăn, vướng mắc",
    "giải pháp",
    "trọng tâm",
    "đồng thời",
    "theo đó",
]


@dataclass
class SyntheticReport:
    articles: int
    insert_seconds: float
    index_seconds: float

    @property
    def index_rate(self) -> float:
        return self.articles / self.index_seconds if self.index_seconds else 0.0


def _sentence(rng: random.Random, words: int) -> str:
    parts: list[str] = []
    while sum(len(p.split()) for p in parts) < words:
        parts.append(rng.choice(FILLER + TOPICS + ACTIONS))
    text = " ".join(parts)
    return text[0].upper() + text[1:] + "."


def synthetic_texts(rng: random.Random) -> tuple[str, str, str]:
    """A title, a summary and a body paragraph that read like the department's news."""
    title = " ".join(
        x
        for x in (
            rng.choice(SUBJECTS),
            rng.choice(ACTIONS),
            rng.choice(TOPICS),
            rng.choice(PLACES),
            rng.choice(SUFFIXES),
        )
        if x
    )
    summary = _sentence(rng, 30)
    body = " ".join(_sentence(rng, 25) for _ in range(6))
    return title, summary, body


def _categories(count: int) -> list[CategoryPage]:
    parent, _ = category_get_or_create(name="Dữ liệu thử nghiệm")
    return [category_get_or_create(name=f"Chuyên mục thử nghiệm {i + 1}", parent=parent)[0] for i in range(count)]


def _insert_batch(
    parent: CategoryPage, start: int, rows: list[dict], page_ct: ContentType, locale: Locale
) -> list[int]:
    """Insert `rows` as children start+1… of `parent`; returns the new page ids."""
    pages = []
    for offset, row in enumerate(rows, start=1):
        slug = f"{slugify_vi(row['title'], 60)}-{start + offset}"
        pages.append(
            Page(
                title=row["title"],
                draft_title=row["title"],
                slug=slug,
                content_type=page_ct,
                live=True,
                has_unpublished_changes=False,
                path=Page._get_path(parent.path, parent.depth + 1, start + offset),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                first_published_at=row["date"],
                last_published_at=row["date"],
                latest_revision_created_at=row["date"],
                locale=locale,
                translation_key=uuid.uuid4(),
            )
        )
    created = Page.objects.bulk_create(pages)
    ids = [p.pk for p in created]
    if None in ids:  # back ends that do not return ids from bulk inserts
        ids = list(Page.objects.filter(path__in=[p.path for p in pages]).order_by("path").values_list("pk", flat=True))
    table = ArticlePage._meta.db_table
    columns = [
        "page_ptr_id",
        "summary",
        "body",
        "featured_image_id",
        "featured_image_alt",
        "author",
        "date",
        "is_featured",
        "source_url",
    ]
    date_field = ArticlePage._meta.get_field("date")
    values = [
        (
            pk,
            row["summary"],
            json.dumps([{"type": "paragraph", "value": f"<p>{row['body']}</p>", "id": str(uuid.uuid4())}]),
            None,
            "",
            "",
            date_field.get_db_prep_save(row["date"], connection),
            False,
            "",
        )
        for pk, row in zip(ids, rows, strict=True)
    ]
    quote = connection.ops.quote_name
    sql = f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)
    return ids


def _rows(rng: random.Random, count: int) -> Iterator[dict]:
    start = dt.datetime(2015, 1, 1, tzinfo=dt.UTC)
    span = int((dt.datetime(2026, 11, 1, tzinfo=dt.UTC) - start).total_seconds())
    for _ in range(count):
        title, summary, body = synthetic_texts(rng)
        yield {
            "title": title,
            "summary": summary,
            "body": body,
            "date": start + dt.timedelta(seconds=rng.randrange(span)),
        }


def seed_synthetic(
    *,
    articles: int,
    categories: int = 10,
    batch_size: int = 2000,
    seed: int = 2026,
    index: bool = True,
    wagtail_index: bool = True,
    progress: Callable[[int], None] | None = None,
) -> SyntheticReport:
    """Add `articles` live synthetic articles spread over `categories` test categories.
    `wagtail_index=False` skips Wagtail's own index (only the admin search reads it), which
    is the slow part on PostgreSQL; the public search index is always filled."""
    rng = random.Random(seed)
    targets = _categories(categories)
    page_ct = ContentType.objects.get_for_model(ArticlePage)
    locale = Locale.get_default()
    backend = get_search_backend()
    insert_seconds = index_seconds = 0.0
    rows = _rows(rng, articles)
    done = 0
    while done < articles:
        size = min(batch_size, articles - done)
        batch = [next(rows) for _ in range(size)]
        t0 = time.perf_counter()
        ids: list[int] = []
        with transaction.atomic():
            per_category: dict[int, list[dict]] = {}
            for i, row in enumerate(batch):
                per_category.setdefault((done + i) % len(targets), []).append(row)
            for position, chunk in per_category.items():
                parent = CategoryPage.objects.select_for_update().get(pk=targets[position].pk)
                last = parent.get_last_child()
                start = Page._str2int(last.path[-Page.steplen :]) if last else 0
                ids += _insert_batch(parent, start, chunk, page_ct, locale)
                Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(chunk))
        t1 = time.perf_counter()
        insert_seconds += t1 - t0
        if index:
            pages = list(ArticlePage.objects.filter(pk__in=ids).prefetch_related("tags"))
            if wagtail_index:
                backend.add_bulk(ArticlePage, pages)  # Wagtail's index (admin search)
            categories = category_paths()
            ArticleSearchText.objects.bulk_create(  # the public search's index
                [ArticleSearchText(page_id=p.pk, text=p.search_text(categories), date=p.date) for p in pages],
                batch_size=500,
            )
            index_seconds += time.perf_counter() - t1
        done += size
        if progress:
            progress(size)
    return SyntheticReport(articles=articles, insert_seconds=insert_seconds, index_seconds=index_seconds)
