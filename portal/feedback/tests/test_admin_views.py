"""The department's admin (admin_views.py, wagtail_hooks.py): petitions listed and never edited, the
handling page with its inbox, filters and permissions."""

import datetime as dt
import json

from django.contrib.auth import get_user_model

from portal.feedback.models import (
    AnswerState,
    Petition,
    PetitionStatus,
)

from .factories import GOOD, post, submit


def test_admin_lists_petitions_and_never_edits_them(portal, client):
    from django.contrib.auth.models import Permission

    from portal.core import roles
    from portal.core.tests.factories import make_user

    body = post(client, GOOD).json()
    petition = Petition.objects.get(code=body["code"])
    editor = make_user("bt", roles.EDITORS)
    client.force_login(editor)
    assert client.get("/admin/petitions/").status_code in (302, 403)  # personal data: not for everyone
    editor.user_permissions.add(Permission.objects.get(codename="view_petition"))
    listing = client.get("/admin/petitions/")
    assert listing.status_code == 200 and body["code"] in listing.content.decode()
    for url in (
        f"/admin/petitions/edit/{petition.pk}/",
        f"/admin/petitions/delete/{petition.pk}/",
        "/admin/petitions/new/",
    ):
        assert client.get(url).status_code in (302, 403, 404), url
    assert Petition.objects.count() == 1


def test_admin_handling_page_inbox_filters_and_permissions(client, staff):
    officer, leader = staff
    petition, _ = submit(client, content="<img src=x onerror=alert(1)> nội dung đủ dài để gửi đi")
    late, _ = submit(client, title="Phản ánh đã quá hạn")
    Petition.objects.filter(pk=late.pk).update(classify_by=dt.date(2020, 1, 2))
    client.force_login(officer)
    inbox = client.get("/admin/petitions/").content.decode()
    assert petition.code in inbox and "Quá hạn" in inbox
    overdue_only = client.get("/admin/petitions/", {"overdue": "true"}).content.decode()
    assert late.code in overdue_only and petition.code not in overdue_only
    url = f"/admin/petitions/inspect/{petition.pk}/"
    page = client.get(url).content.decode()
    assert "<img src=x" not in page and "&lt;img src=x" in page
    assert 'value="accept"' in page and 'value="refuse"' not in page  # officers do not refuse
    response = client.post(url, {"action": "accept", "accept-note": ""})
    assert response.status_code == 302 and Petition.objects.get(pk=petition.pk).status == "processing"
    denied = client.post(url, {"action": "refuse", "refuse-reason": "x", "refuse-legal_basis": "y"})
    assert denied.status_code in (302, 403) and denied.get("Location") != url
    assert Petition.objects.get(pk=petition.pk).status == "processing"
    bad = client.post(url, {"action": "extend", "extend-reason": ""})
    assert bad.status_code == 400 and Petition.objects.get(pk=petition.pk).extended_at is None
    saved = client.post(
        url,
        {
            "action": "answer",
            "answer-body": json.dumps(
                {
                    "blocks": [
                        {
                            "key": "a",
                            "type": "unstyled",
                            "text": "Câu trả lời của Sở.",
                            "depth": 0,
                            "inlineStyleRanges": [],
                            "entityRanges": [],
                        }
                    ],
                    "entityMap": {},
                }
            ),
            "submit_for_approval": "1",
        },
    )
    assert saved.status_code == 302
    assert Petition.objects.get(pk=petition.pk).answer.state == AnswerState.PENDING
    client.force_login(leader)
    assert 'value="approve"' in client.get(url).content.decode()
    assert client.post(url, {"action": "approve"}).status_code == 302
    assert Petition.objects.get(pk=petition.pk).status == PetitionStatus.ANSWERED
    outsider = get_user_model().objects.create_user("khach", password="x-Secret-123")
    client.force_login(outsider)
    assert client.get(url).status_code in (302, 403)
