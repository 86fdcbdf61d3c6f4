"""What is read (speech/script.py): sentences, and a page's title, summary, body and captions
through read_aloud_parts()."""

import pytest

from portal.accessibility.speech.normalize import Normalizer
from portal.accessibility.speech.script import article_script, split_sentences
from portal.glossary.selectors import seed_entries

from .factories import BODY


@pytest.mark.parametrize(
    ("paragraph", "sentences"),
    [
        ("Câu một. Câu hai! Câu ba?", ["Câu một.", "Câu hai!", "Câu ba?"]),
        (
            "Tại TP. Hồ Chí Minh, PGS. Nguyễn Văn A. phát biểu. Hết.",
            ["Tại TP. Hồ Chí Minh, PGS. Nguyễn Văn A. phát biểu.", "Hết."],
        ),
        ("Giá 1.500 đồng. Tăng 2,5%.", ["Giá 1.500 đồng.", "Tăng 2,5%."]),
        ("Ông nói: “Làm ngay.” Mọi người đồng ý.", ["Ông nói: “Làm ngay.”", "Mọi người đồng ý."]),
        ("   ", []),
    ],
)
def test_sentences(paragraph, sentences):
    assert split_sentences(paragraph) == sentences


def test_article_script_reads_title_summary_body_and_captions(category):
    from portal.news.tests.factories import make_article

    article = make_article(category, "Hội nghị tổng kết năm 2026", summary="Tổng kết công tác KH&CN.", body=BODY)
    article.body.append(("image", {"image": None, "alt_text": "", "caption": "Quang cảnh hội nghị."}))
    script = article_script(article, Normalizer(seed_entries()))
    assert [(s.kind, s.text) for s in script] == [
        ("title", "Hội nghị tổng kết năm 2026"),
        ("summary", "Tổng kết công tác KH&CN."),
        ("body", "Ngày 15/04/2026, Sở KH&CN tổ chức hội nghị."),
        ("body", "Có 02 đơn vị nhận Bằng khen."),
        ("body", "Thứ nhất: 8h30 khai mạc."),
        ("body", "Đổi mới sáng tạo là động lực."),
        ("body", "Giám đốc Sở"),
        ("caption", "Quang cảnh hội nghị."),
    ]
    assert script[0].spoken == "Hội nghị tổng kết năm hai nghìn không trăm hai mươi sáu"
    assert script[2].spoken.startswith(
        "Ngày mười lăm tháng tư năm hai nghìn không trăm hai mươi sáu, Sở khoa học và công nghệ"
    )
    assert script[3].spoken == "Có hai đơn vị nhận Bằng khen."
    assert script[-1].spoken == "Ảnh: Quang cảnh hội nghị."
