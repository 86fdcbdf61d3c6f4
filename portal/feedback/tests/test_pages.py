"""Every public petition address a person may type answers with a page."""

import re

from portal.feedback.tests.factories import submit


def test_the_petitions_landing_page_leads_to_each_service(client, portal):
    html = client.get("/phan-anh-kien-nghi/").content.decode()
    assert "<h1>Phản ánh, kiến nghị</h1>" in html
    for path in ("/phan-anh-kien-nghi/gui/", "/phan-anh-kien-nghi/tra-cuu/", "/hoi-dap/"):
        assert f'href="{path}"' in html
    assert 'class="breadcrumb"' in html and "Đã trả lời" in html  # the live counters


def _processing(html: str) -> str:
    return re.search(r"<dt>Đang xử lý</dt><dd>([^<]*)</dd>", html).group(1)


def test_the_landing_page_counts_petitions_live(client, portal, django_capture_on_commit_callbacks):
    before = _processing(client.get("/phan-anh-kien-nghi/").content.decode())
    with django_capture_on_commit_callbacks(execute=True):  # the counters are dropped on commit
        submit(client)
    after = _processing(client.get("/phan-anh-kien-nghi/").content.decode())
    assert int(after) == int(before) + 1


def test_rating_addresses_opened_directly_answer_with_a_page(client, portal):
    site = client.get("/danh-gia-hai-long/")
    assert site.status_code == 200 and 'name="score"' in site.content.decode()  # the question itself
    answer = client.get("/phan-anh-kien-nghi/danh-gia/")
    assert answer.status_code == 302 and answer["Location"] == "/phan-anh-kien-nghi/tra-cuu/"


def test_petition_pages_have_a_breadcrumb(client, portal):
    for path in ("/phan-anh-kien-nghi/gui/", "/phan-anh-kien-nghi/tra-cuu/", "/hoi-dap/"):
        html = client.get(path).content.decode()
        assert 'class="breadcrumb"' in html and 'href="/phan-anh-kien-nghi/"' in html, path


def test_the_error_summary_names_each_field_in_the_form_order(client, portal):
    response = client.post("/phan-anh-kien-nghi/gui/", {"full_name": "", "title": "", "content": ""})
    assert response.status_code == 400
    html = response.content.decode()
    summary = html[html.index('id="form-errors"') : html.index('class="petition-form"')]
    links = re.findall(r'<a href="#(id_\w+)">([^<]*)</a>', summary)
    anchors = [anchor for anchor, _ in links]
    assert anchors == ["id_full_name", "id_phone", "id_field", "id_title", "id_content", "id_consent"]
    assert links[0][1] == "Họ và tên: Trường này là bắt buộc."
    assert all(": " in text for _, text in links)  # every line names its field
    for anchor in anchors:  # each link leads to a control of the form
        assert f'id="{anchor}"' in html
