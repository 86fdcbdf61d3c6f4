"""Fixtures of the search tests: a corpus of articles and abbreviations."""

import datetime as dt

import pytest

from portal.news.tests.factories import make_article, make_category

from .factories import HCM


@pytest.fixture
def corpus(home, category):
    other = make_category(home, "Thi đua – Khen thưởng")
    return {
        "dien": make_article(
            category,
            "Tiết kiệm điện trong cơ quan nhà nước",
            summary="Sử dụng điện tiết kiệm, hiệu quả.",
            date=dt.datetime(2024, 5, 1, tzinfo=HCM),
        ),
        "dien_dan": make_article(
            category,
            "Diễn đàn khởi nghiệp đổi mới sáng tạo",
            summary="Diễn đàn thường niên của tỉnh.",
            date=dt.datetime(2025, 5, 1, tzinfo=HCM),
        ),
        "hoi_nghi": make_article(
            other,
            "Hội nghị điển hình tiên tiến",
            summary="Biểu dương điển hình tiên tiến giai đoạn 2020–2025.",
            date=dt.datetime(2023, 4, 10, tzinfo=HCM),
        ),
        "split": make_article(
            category,
            "Mô hình trồng chè",
            summary="Diện tích mô hình đạt 20 ha, mô hình được nhân rộng.",
            date=dt.datetime(2025, 9, 1, tzinfo=HCM),
        ),
        "other": other,
    }


@pytest.fixture
def abbreviations(home, category):
    return {
        "short": make_article(category, "Sở KH&CN tổ chức tập huấn", summary="Tập huấn nghiệp vụ."),
        "long": make_article(
            category, "Ứng dụng khoa học và công nghệ vào sản xuất", summary="Chuyển giao cho nông dân."
        ),
        "ubnd": make_article(category, "Ủy ban nhân dân tỉnh ban hành kế hoạch", summary="Kế hoạch năm."),
    }
