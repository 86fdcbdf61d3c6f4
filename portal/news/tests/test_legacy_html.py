"""The import sanitiser: nothing executable survives, structure becomes blocks."""

import pytest

from portal.news.legacy_html import html_to_blocks, sanitize

HOSTILE = [
    "<script>alert(1)</script><p>ok</p>",
    '<p onclick="steal()">ok</p>',
    '<a href="javascript:alert(1)">ok</a>',
    '<a href="JaVaScRiPt:alert(1)">ok</a>',
    '<img src="x" onerror="alert(1)">',
    '<iframe src="https://evil.example/"></iframe><p>ok</p>',
    "<style>body{display:none}</style><p>ok</p>",
    '<svg onload="alert(1)"><p>ok</p></svg>',
    '<object data="x.swf"></object><p>ok</p>',
    '<p style="background:url(javascript:alert(1))">ok</p>',
    '<form action="https://evil.example"><input name="p"></form><p>ok</p>',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">ok</a>',
]


@pytest.mark.parametrize("html", HOSTILE)
def test_nothing_executable_survives(html):
    clean = sanitize(html).lower()
    for needle in (
        "<script",
        "onclick",
        "onerror",
        "onload",
        "javascript:",
        "evil.example",
        "<style",
        "<svg",
        "<object",
        "style=",
        "<form",
        "<input",
        "data:",
    ):
        assert needle not in clean
    blocks = html_to_blocks(html).blocks
    dumped = repr(blocks).lower()
    assert "javascript:" not in dumped and "<script" not in dumped and "onerror" not in dumped


def test_allowed_iframe_becomes_external_video():
    result = html_to_blocks('<p>Trước</p><iframe src="https://www.youtube.com/embed/abc" title="Phóng sự"></iframe>')
    assert [b[0] for b in result.blocks] == ["paragraph", "external_video"]
    assert result.blocks[1][1] == {"url": "https://www.youtube.com/embed/abc", "title": "Phóng sự"}


def test_table_quote_and_paragraphs():
    html = (
        "<h1>Tiêu đề cũ</h1><p>Một <strong>đậm</strong></p>"
        "<table><caption>Kết quả</caption><tr><th>Hình thức</th><th>Số</th></tr><tr><td>Bằng khen</td><td>43</td></tr></table>"
        "<blockquote>Mẫn cán, trí tuệ</blockquote><div><p>Cuối</p></div>"
    )
    blocks = html_to_blocks(html).blocks
    assert [b[0] for b in blocks] == ["paragraph", "table", "quote", "paragraph"]
    assert blocks[0][1] == "<h2>Tiêu đề cũ</h2><p>Một <b>đậm</b></p>"
    assert blocks[1][1]["data"] == [["Hình thức", "Số"], ["Bằng khen", "43"]]
    assert blocks[1][1]["first_row_is_table_header"] is True
    assert blocks[1][1]["table_caption"] == "Kết quả"
    assert blocks[2][1]["text"] == "Mẫn cán, trí tuệ"


def test_loose_text_is_wrapped_and_escaped():
    blocks = html_to_blocks("Dòng đầu<br>dòng hai &lt;b&gt;").blocks
    assert blocks == [("paragraph", "<p>Dòng đầu<br/>dòng hai &lt;b&gt;</p>")]


def test_images_resolved_or_reported():
    seen = []

    def resolve(src, caption):
        seen.append((src, caption))
        return "IMAGE" if src == "local.jpg" else None

    result = html_to_blocks(
        '<figure><img src="local.jpg" alt="Trao cờ"><figcaption>Lễ trao cờ</figcaption></figure><img src="http://old/x.jpg">',
        resolve_image=resolve,
        default_alt="Bài",
    )
    assert result.blocks == [("image", {"image": "IMAGE", "alt_text": "Trao cờ", "caption": "Lễ trao cờ"})]
    assert result.warnings == ["image:http://old/x.jpg"]
