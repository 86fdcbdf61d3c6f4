"""The Nu HTML Checker (vnu-jar from npm, run with Java) over every public page type of the demo
site, and over the pages a citizen reaches by sending a form (the petition form with errors, the
receipt, the tracking result, the thank-you page of the satisfaction question): no error allowed.

Skipped where Java or `npm ci` is missing, except where PORTAL_REQUIRE_AXE is set (CI), where it
fails: the same switch as the accessibility scans."""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from portal.tests.public_pages import demo_public_pages

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
JAVA = shutil.which("java")


@pytest.fixture
def demo_site(db):
    from django.core.management import call_command

    call_command("seed_demo", stdout=open(os.devnull, "w"))


def _sent_pages(client) -> list[tuple[str, bytes]]:
    from portal.feedback.models import PetitionField

    form_page = client.get("/phan-anh-kien-nghi/gui/").content.decode()
    token = re.search(r'name="token" value="([^"]+)"', form_page).group(1)
    invalid = client.post("/phan-anh-kien-nghi/gui/", {"full_name": "", "title": "", "content": "", "token": token})
    petition = {
        "full_name": "Trần Văn Bình",
        "address": "Xã Thanh Ba",
        "phone": "0987 654 321",
        "email": "binh@example.vn",
        "title": "Hỏi về thủ tục công bố hợp chuẩn",
        "content": "Đề nghị Sở hướng dẫn hồ sơ công bố hợp chuẩn cho sản phẩm chè túi lọc của hợp tác xã.",
        "field": PetitionField.objects.get(name="Tiêu chuẩn – Đo lường – Chất lượng").pk,
        "consent": "1",
        "token": token,
    }
    receipt = client.post("/phan-anh-kien-nghi/gui/", petition)
    assert receipt.status_code == 200, receipt.content[:500]
    text = receipt.content.decode()
    code = re.search(r"PAKN-[0-9A-Z-]+", text).group(0)
    key = re.search(r"<dd><strong>([^<]+)</strong></dd>", text.split("PAKN-", 1)[1]).group(1)
    pages = [("petition form with errors", invalid.content), ("petition receipt", receipt.content)]
    found = client.post("/phan-anh-kien-nghi/tra-cuu/", {"code": code, "key": key})
    assert found.status_code == 200, found.content[:300]
    pages.append(("tracking result", found.content))
    pages.append(
        ("tracking, not found", client.post("/phan-anh-kien-nghi/tra-cuu/", {"code": code, "key": "x"}).content)
    )
    pages.append(("satisfaction answered", client.post("/danh-gia-hai-long/", {"score": "5", "next": "/"}).content))
    from portal.awards.models import Nomination

    nominee = f"/cong-khai-khen-thuong/{Nomination.objects.filter(disclosure_opens__isnull=False).first().pk}/"
    pages.append(("comment on a nominee with errors", client.post(nominee, {"text": ""}).content))
    sent = client.post(nominee, {"text": "Đồng chí gương mẫu, tận tụy.", "consent": "1"})
    pages.append(("comment received", client.get(sent["Location"]).content))
    return pages


def test_every_public_page_type_is_valid_html(client, demo_site, tmp_path):
    if not (JAVA and VNU.exists()):
        if os.environ.get("PORTAL_REQUIRE_AXE"):
            pytest.fail("Java or vnu-jar is missing: install default-jre-headless and run `npm ci` (see .ci/run)")
        pytest.skip("the Nu HTML Checker needs Java and vnu-jar (`npm ci`; .ci/run installs both)")
    pages = []
    for name, path in demo_public_pages():
        response = client.get(path)
        assert response.status_code in (200, 404), (name, response.status_code)
        pages.append((name, response.content))
    pages += _sent_pages(client)
    files = {}
    for number, (name, html) in enumerate(pages):
        target = tmp_path / f"page-{number:02d}.html"
        target.write_bytes(html)
        files[target.name] = name
    run = subprocess.run(
        [JAVA, "-Xss8m", "-jar", str(VNU), "--errors-only", "--format", "json", *[str(tmp_path / f) for f in files]],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(run.stderr or '{"messages": []}')["messages"]
    found = [
        f"{files.get(m.get('url', '').rpartition('/')[2], m.get('url'))}: line {m.get('lastLine')}: {m['message']}"
        for m in messages
    ]
    assert found == [], "\n".join(found)
