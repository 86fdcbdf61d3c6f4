"""import_articles: good file, bad lines, re-run, hostile HTML, dry run."""

import datetime as dt
import json
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from PIL import Image as PILImage
from wagtail.images import get_image_model

from portal.news.importing import ImportLineError, article_record_parse, parse_published_at
from portal.news.models import ArticlePage, CategoryPage
from portal.news.selectors import article_view_count

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def write_jsonl(path, rows):
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_import(path, *extra):
    out, err = StringIO(), StringIO()
    try:
        call_command("import_articles", str(path), "--no-progress", *extra, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


GOOD = {
    "title": "Hội nghị điển hình tiên tiến Khối Tổng cục",
    "summary": "Ngày 10/4/2015 đã diễn ra hội nghị.",
    "body_html": "<p>Nội dung <b>chính</b>.</p><table><tr><td>02</td><td>Huân chương</td></tr></table>",
    "category": "Thi đua – Khen thưởng",
    "published_at": "10/04/2015 08:30",
    "source_url": "http://cu.example.vn/tin/123",
    "author": "Văn phòng",
    "image_path": "anh/hoi-nghi.jpg",
    "image_caption": "Trao cờ thi đua",
    "tags": ["thi đua", "khen thưởng"],
    "view_count": 115,
}


@pytest.fixture
def export_dir(tmp_path):
    (tmp_path / "anh").mkdir()
    PILImage.new("RGB", (60, 40), (10, 80, 160)).save(tmp_path / "anh" / "hoi-nghi.jpg")
    return tmp_path


def test_good_file_imports_published_searchable_articles(home, export_dir):
    second = {
        "title": "Bài thứ hai",
        "body_html": "<p>Khoa học</p>",
        "category": "thi dua - khen thuong",
        "published_at": "2016-01-02",
    }
    code, out, err = run_import(write_jsonl(export_dir / "a.jsonl", [GOOD, second]))
    assert code == 0, err
    assert "Đã nhập 2, cập nhật 0, không đổi 0, lỗi 0, cảnh báo 0." in out
    article = ArticlePage.objects.get(source_url=GOOD["source_url"])
    assert article.live and article.title == GOOD["title"]
    assert article.date == dt.datetime(2015, 4, 10, 8, 30, tzinfo=HCM)
    assert article_view_count(article_id=article.pk) == 115
    assert article.featured_image.title == "Trao cờ thi đua"
    assert article.featured_image_alt == "Trao cờ thi đua"
    assert sorted(t.name for t in article.tags.all()) == ["khen thưởng", "thi đua"]
    assert [b.block_type for b in article.body] == ["paragraph", "table"]
    # "thi dua - khen thuong" differs only by case, marks and dash: the same category.
    assert CategoryPage.objects.count() == 1
    assert ArticlePage.objects.live().search("hoi nghi dien hinh").count() >= 1


def test_rerun_updates_instead_of_duplicating(home, export_dir):
    path = write_jsonl(export_dir / "a.jsonl", [GOOD])
    run_import(path)
    revisions = ArticlePage.objects.get().revisions.count()
    code, out, _ = run_import(path)
    assert code == 0 and "không đổi 1" in out
    assert ArticlePage.objects.count() == 1
    assert ArticlePage.objects.get().revisions.count() == revisions  # nothing changed, no new revision
    changed = dict(GOOD, summary="Tóm tắt đã sửa", view_count=90)
    code, out, _ = run_import(write_jsonl(export_dir / "b.jsonl", [changed]))
    assert "cập nhật 1" in out
    article = ArticlePage.objects.get()
    assert article.summary == "Tóm tắt đã sửa"
    assert article_view_count(article_id=article.pk) == 115  # a lower historic count never lowers ours
    assert get_image_model().objects.count() == 1  # same picture stored once


def test_match_on_title_and_date_without_source_url(home, export_dir):
    row = {k: v for k, v in GOOD.items() if k not in ("source_url", "image_path")}
    run_import(write_jsonl(export_dir / "a.jsonl", [row]))
    run_import(
        write_jsonl(export_dir / "b.jsonl", [dict(row, published_at="2015-04-10T15:00:00+07:00", summary="Mới")])
    )
    assert ArticlePage.objects.count() == 1
    assert ArticlePage.objects.get().summary == "Mới"


def test_bad_lines_are_reported_and_do_not_stop_the_others(home, export_dir):
    rows = [
        GOOD,
        "{not json",
        {"title": "Không có nội dung", "category": "Tin", "published_at": "01/01/2020"},
        {"title": "Ngày sai", "body_html": "<p>x</p>", "category": "Tin", "published_at": "31/02/2020"},
        {
            "title": "Ảnh thiếu",
            "body_html": "<p>x</p>",
            "category": "Tin",
            "published_at": "01/01/2020",
            "image_path": "khong-co.jpg",
        },
        {
            "title": "Ảnh ngoài thư mục",
            "body_html": "<p>x</p>",
            "category": "Tin",
            "published_at": "01/01/2020",
            "image_path": "../../etc/passwd",
        },
        {
            "title": "Lượt xem âm",
            "body_html": "<p>x</p>",
            "category": "Tin",
            "published_at": "01/01/2020",
            "view_count": -3,
        },
        {
            "title": "Chỉ có script",
            "body_html": "<script>alert(1)</script>",
            "category": "Tin",
            "published_at": "01/01/2020",
        },
        "[1, 2]",
        {"title": "Bài tốt cuối", "body_html": "<p>Tốt</p>", "category": "Tin", "published_at": "2020-05-05 10:00"},
    ]
    code, out, err = run_import(write_jsonl(export_dir / "a.jsonl", rows))
    assert code == 1
    # The two lines whose picture is missing or outside the folder land without it, warned.
    assert "Đã nhập 4, cập nhật 0, không đổi 0, lỗi 6, cảnh báo 2." in out
    for line in (2, 3, 4, 7, 8, 9):
        assert f"Dòng {line}: " in err and f"Dòng {line}: cảnh báo" not in err
    assert "Dòng 3: Thiếu body_html." in err
    assert "Dòng 5: cảnh báo: Không có tệp ảnh “khong-co.jpg”." in err
    assert "Dòng 6: cảnh báo: Đường dẫn ảnh “../../etc/passwd” nằm ngoài thư mục nhập" in err
    assert ArticlePage.objects.filter(title__in=["Ảnh thiếu", "Ảnh ngoài thư mục"], featured_image=None).count() == 2
    assert ArticlePage.objects.count() == 4
    assert not CategoryPage.objects.filter(title="Tin").get().get_children().filter(title="Ngày sai").exists()


def test_an_article_whose_body_picture_is_missing_lands_without_it(home, export_dir):
    body = (
        '<p>Đoàn kiểm tra làm việc tại cơ sở.</p><img src="anh/hoi-nghi.jpg" alt="Đoàn kiểm tra">'
        '<img src="anh/mat-roi.jpg" alt="Ảnh đã mất"><img src="http://cu.example.vn/a.jpg">'
    )
    rows = [{**GOOD, "body_html": body}, {**GOOD, "title": "Bài thứ hai", "source_url": "", "image_path": "anh/x.png"}]
    code, out, err = run_import(write_jsonl(export_dir / "a.jsonl", rows))
    assert code == 0, err
    assert "Đã nhập 2, cập nhật 0, không đổi 0, lỗi 0, cảnh báo 3." in out
    assert "Dòng 1: cảnh báo: Không có tệp ảnh “anh/mat-roi.jpg”. Bài viết đã được nhập, không có ảnh này." in err
    assert "Dòng 1: cảnh báo: Bỏ ảnh http://cu.example.vn/a.jpg" in err
    assert "Dòng 2: cảnh báo: Không có tệp ảnh “anh/x.png”. Bài viết đã được nhập, không có ảnh đại diện." in err
    article = ArticlePage.objects.get(source_url=GOOD["source_url"])
    assert [b.block_type for b in article.body].count("image") == 1 and article.featured_image
    assert ArticlePage.objects.get(title="Bài thứ hai").featured_image is None
    # The dry run reports the same warnings and writes nothing.
    ArticlePage.objects.all().delete()
    code, out, err = run_import(write_jsonl(export_dir / "b.jsonl", rows[1:]), "--dry-run")
    assert code == 0 and "cảnh báo 1." in out and "Dòng 1: cảnh báo: Không có tệp ảnh “anh/x.png”." in err


def test_hostile_html_is_cleaned(home, export_dir):
    row = dict(
        GOOD,
        image_path="",
        body_html='<p onmouseover="x()">An toàn<script>document.cookie</script></p><a href="javascript:alert(1)">link</a><iframe src="https://evil.example"></iframe>',
    )
    code, _, _ = run_import(write_jsonl(export_dir / "a.jsonl", [row]))
    assert code == 0
    article = ArticlePage.objects.get()
    stored = json.dumps(article.body.get_prep_value()).lower()
    assert (
        "script" not in stored and "onmouseover" not in stored and "javascript" not in stored and "evil" not in stored
    )


def test_dry_run_writes_nothing(home, export_dir):
    code, out, _ = run_import(write_jsonl(export_dir / "a.jsonl", [GOOD, "{bad"]), "--dry-run")
    assert code == 1
    assert "Chạy thử, không ghi gì" in out and "Đã nhập 1" in out
    assert ArticlePage.objects.count() == 0
    assert get_image_model().objects.count() == 0


def test_missing_file(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("import_articles", "/khong/co/tep.jsonl")


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2015-04-10T08:30:00+07:00", dt.datetime(2015, 4, 10, 8, 30, tzinfo=HCM)),
        ("2015-04-10T01:30:00Z", dt.datetime(2015, 4, 10, 8, 30, tzinfo=HCM)),
        ("2015-04-10 08:30", dt.datetime(2015, 4, 10, 8, 30, tzinfo=HCM)),
        ("2015-04-10", dt.datetime(2015, 4, 10, 0, 0, tzinfo=HCM)),
        ("10/04/2015", dt.datetime(2015, 4, 10, 0, 0, tzinfo=HCM)),
        ("10/4/2015 8:30", dt.datetime(2015, 4, 10, 8, 30, tzinfo=HCM)),
    ],
)
def test_published_at_formats(value, expected):
    assert parse_published_at(value) == expected


@pytest.mark.parametrize("value", ["", None, "hôm qua", "32/01/2020", "2020-13-01", 20200101])
def test_published_at_rejects(value):
    with pytest.raises(ImportLineError):
        parse_published_at(value)


def test_record_requires_fields():
    with pytest.raises(ImportLineError):
        article_record_parse({"title": "x", "body_html": "<p>y</p>", "published_at": "2020-01-01"})
    with pytest.raises(ImportLineError):
        article_record_parse({"title": "x" * 300, "body_html": "y", "category": "c", "published_at": "2020-01-01"})
