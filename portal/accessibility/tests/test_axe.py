"""axe-core (WCAG 2.0/2.1 A and AA) on every public page type, in normal and high-contrast mode,
at desktop and phone width, in Debian's chromium: no violation allowed. In high-contrast mode
the 7:1 (AAA) contrast rule runs too.

The scan is a Node script (axe-core and playwright-core from npm, `npm ci` in .ci/run). Without
them the test is skipped, except where PORTAL_REQUIRE_AXE is set (CI), where it fails."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from portal.core.tests.browser import BROWSER, CHROMIUM

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = Path(__file__).with_name("axe_scan.mjs")
NODE = shutil.which("node")
READY = (
    bool(NODE)
    and (ROOT / "node_modules/axe-core/axe.min.js").exists()
    and (ROOT / "node_modules/playwright-core").exists()
)

pytestmark = BROWSER


@pytest.fixture
def demo_site(transactional_db, settings):
    from django.core.management import call_command

    settings.DEBUG = False
    call_command("seed_demo", stdout=open(os.devnull, "w"))


def test_public_pages_have_no_axe_violations(live_server, demo_site):
    if not READY:
        if os.environ.get("PORTAL_REQUIRE_AXE"):
            pytest.fail("axe-core/playwright-core are missing: run `npm ci` (see .ci/run)")
        pytest.skip("axe-core and playwright-core are not installed (`npm ci`; .ci/run does it)")
    from portal.feedback.models import PetitionPublication
    from portal.news.models import ArticlePage, CategoryPage

    awards = ArticlePage.objects.live().get(slug="hoi-nghi-dien-hinh-tien-tien-giai-doan-2020-2025")
    category = CategoryPage.objects.live().filter(depth=3).first()
    nested = CategoryPage.objects.live().filter(depth=4).first()
    video = next((a for a in ArticlePage.objects.live() if "external_video" in [b.block_type for b in a.body]), None)
    pages = [
        ("home", "/"),
        ("category", category.url),
        ("sub-category", nested.url),
        ("article with table and image", awards.url),
        ("search results", "/tim-kiem/?q=hoi+nghi"),
        ("search without results", "/tim-kiem/?q=zzqqxx"),
        ("search in questions and answers", "/tim-kiem/?q=ho+so+de+xuat&type=hoi-dap"),
        ("glossary page", "/tu-viet-tat/"),
        ("html sitemap", "/so-do-cong-thong-tin/"),
        ("not found", "/khong-co-trang-nay/"),
        ("petition form", "/phan-anh-kien-nghi/gui/"),
        ("petition lookup", "/phan-anh-kien-nghi/tra-cuu/"),
        ("questions and answers", "/hoi-dap/"),
        ("published question", f"/hoi-dap/{PetitionPublication.objects.get().slug}/"),
    ]
    if video:
        pages.append(("article with video", video.url))
    request = {
        "pages": [{"name": name, "url": live_server.url + path} for name, path in pages]
        + [{"name": "glossary dialog", "url": live_server.url + "/", "open": "[data-glossary-open]"}],
        "modes": ["normal", "high"],
    }
    run = subprocess.run(
        [NODE, str(SCRIPT)],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
        env={**os.environ, "CHROMIUM": CHROMIUM},
    )
    assert run.returncode == 0, run.stderr[-3000:]
    results = json.loads(run.stdout)
    assert len(results) == len(request["pages"]) * 2 * 2
    for result in results:
        assert result["contrast"] == result["mode"]  # the mode really was applied
        assert result["styled"] == ("#ffff00" if result["mode"] == "high" else "#0b4f8a"), result
        assert result["status"] == (404 if result["name"] == "not found" else 200), result
    failures = [
        f"{r['name']} ({r['mode']}, {r['width']} px): {v['id']}: {v['help']} at {[n['target'] for n in v['nodes']]}"
        for r in results
        for v in r["violations"]
    ]
    assert failures == [], "\n".join(failures)
