"""Publishing answers as Hỏi đáp (services/publication.py, anonymise.py, search.py): the citizen's
consent, removal of other people's names, the site search and the API."""

import json

import pytest

from portal.feedback import services
from portal.feedback.models import (
    Petition,
    PetitionPublication,
)

from .factories import GOOD, answer, submit


def test_publication_refused_when_the_citizen_said_no(client, staff):
    officer, leader = staff
    petition, _ = submit(client, publish_allowed=False)
    answer(petition, officer, leader)
    with pytest.raises(services.PetitionActionError, match="không công bố|không được công bố"):
        services.petition_publish(
            petition=petition, user=leader, title="Tiêu đề công bố", question="Câu hỏi", answer="<p>Trả lời</p>"
        )
    assert not PetitionPublication.objects.exists()


def test_published_questions_are_a_type_of_the_site_search(client, staff, category):
    from portal.news.tests.factories import make_article

    officer, leader = staff
    petition, _key = submit(client)
    petition = answer(petition, officer, leader, "<p>Hồ sơ <b>đăng ký</b> gửi về Phòng Quản lý khoa học.</p>")
    services.petition_publish(
        petition=petition,
        user=leader,
        title="Đăng ký nhiệm vụ khoa học cấp tỉnh",
        question="Thủ tục đăng ký nhiệm vụ thế nào?",
        answer=petition.answer.body,
    )
    make_article(category, "Kế hoạch tuyển chọn nhiệm vụ năm 2027")

    # The header search (no type) opens news and shows the number found in Hỏi đáp.
    html = client.get("/tim-kiem/", {"q": "nhiem vu"}).content.decode()
    assert 'aria-current="page">Tin bài' in html and 'Hỏi đáp <span class="search-type-count">(1)' in html
    assert "Kế hoạch tuyển chọn" in html and "cấp tỉnh</a>" not in html
    # The Hỏi đáp tab: marked title, excerpt from the question, the field and the link.
    qa = client.get("/tim-kiem/", {"q": "dang ky", "type": "hoi-dap"}).content.decode()
    assert "<mark>Đăng</mark> <mark>ký</mark> nhiệm vụ khoa học cấp tỉnh" in qa
    assert "Khoa học và công nghệ" in qa and f'href="/hoi-dap/{petition.publication.slug}/"' in qa
    assert GOOD["full_name"] not in qa and GOOD["phone"] not in qa
    # Words found only in the answer: the excerpt comes from the answer, without its tags.
    answer_only = client.get("/tim-kiem/", {"q": "phong quan ly", "type": "hoi-dap"}).content.decode()
    assert "<mark>Phòng</mark> <mark>Quản</mark> <mark>lý</mark> khoa học" in answer_only and "<b>" not in answer_only
    # Punctuation alone finds nothing in either type (not every entry).
    nonsense = client.get("/tim-kiem/", {"q": "???", "type": "hoi-dap"}).content.decode()
    assert 'Hỏi đáp <span class="search-type-count">(0)' in nonsense and "cấp tỉnh</a>" not in nonsense
    # No news matches and no type asked for: the Hỏi đáp tab opens by itself.
    assert 'aria-current="page">Hỏi đáp' in client.get("/tim-kiem/", {"q": "thu tuc"}).content.decode()
    # The date range applies to the questions too; a withdrawn entry leaves the results.
    old = client.get("/tim-kiem/", {"q": "dang ky", "type": "hoi-dap", "to": "2020-01-01"}).content.decode()
    assert "cấp tỉnh</a>" not in old
    services.petition_unpublish(petition=petition, user=leader)
    gone = client.get("/tim-kiem/", {"q": "dang ky", "type": "hoi-dap"}).content.decode()
    assert "cấp tỉnh</a>" not in gone


def test_published_questions_api_searches_like_the_page(client, staff):
    officer, leader = staff
    petition, _key = submit(client)
    petition = answer(petition, officer, leader)
    services.petition_publish(
        petition=petition,
        user=leader,
        title="Đăng ký nhiệm vụ khoa học cấp tỉnh",
        question="Thủ tục đăng ký nhiệm vụ thế nào?",
        answer=petition.answer.body,
    )
    data = client.get("/api/v1/feedback/questions", {"q": "dang ky nhiem vu"}).json()
    assert data["count"] == 1 and data["items"][0]["title"] == "Đăng ký nhiệm vụ khoa học cấp tỉnh"
    item = data["items"][0]
    assert item["url"].endswith(f"/hoi-dap/{petition.publication.slug}/") and item["field"] == "Khoa học và công nghệ"
    assert GOOD["full_name"] not in json.dumps(data) and GOOD["phone"] not in json.dumps(data)
    assert client.get("/api/v1/feedback/questions", {"q": "khong co tu nay"}).json()["count"] == 0
    assert client.get("/api/v1/feedback/questions", {"year": 1990}).status_code == 422
    assert client.get("/api/v1/feedback/questions", {"page_size": 500}).status_code == 422
    services.petition_unpublish(petition=petition, user=leader)
    assert client.get("/api/v1/feedback/questions").json()["count"] == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hàng xóm là ông Trần Văn Bình đổ rác ra đường Lê Lợi.", "Hàng xóm là ông […] đổ rác ra đường Lê Lợi."),
        ("Anh Tuấn nói với bà Nguyễn Thị Hồng rằng chị Lan biết.", "Anh […] nói với bà […] rằng chị […] biết."),
        ("Nguyễn Thị Mai Anh ở Thành phố Hồ Chí Minh hỏi.", "[…] ở Thành phố Hồ Chí Minh hỏi."),
        ("Học tập tư tưởng Hồ Chí Minh tại Trường Nguyễn Du.", "Học tập tư tưởng Hồ Chí Minh tại Trường Nguyễn Du."),
        (
            "Em xin hỏi Giám đốc Sở Khoa học và Công nghệ, UBND tỉnh và KH&CN.",
            "Em xin hỏi Giám đốc Sở Khoa học và Công nghệ, UBND tỉnh và KH&CN.",
        ),
    ],
)
def test_anonymise_removes_other_peoples_names(home, text, expected):
    petition = Petition(full_name="Đỗ Minh Khôi", address="")
    assert services.anonymise(text, petition) == expected


def test_published_answers_are_in_the_xml_sitemap_only_while_live(
    client, staff, settings, django_capture_on_commit_callbacks
):
    officer, leader = staff
    petition, _key = submit(client)
    petition = answer(petition, officer, leader)
    services.petition_publish(
        petition=petition, user=leader, title="Đăng ký nhiệm vụ", question="Thủ tục?", answer=petition.answer.body
    )
    slug = PetitionPublication.objects.get().slug
    location = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + f"/hoi-dap/{slug}/"
    xml = client.get("/sitemap.xml").content.decode()
    assert f"<loc>{location}</loc><lastmod>" in xml
    # The HTML site map lists Hỏi đáp itself, not each answer.
    html = client.get("/so-do-cong-thong-tin/").content.decode()
    assert 'href="/hoi-dap/"' in html and f"/hoi-dap/{slug}/" not in html
    with django_capture_on_commit_callbacks(execute=True):  # the page cache is emptied on commit
        services.petition_unpublish(petition=petition, user=leader)
    assert location not in client.get("/sitemap.xml").content.decode()
