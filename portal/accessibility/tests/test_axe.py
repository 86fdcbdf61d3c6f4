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
from portal.tests.public_pages import demo_public_pages

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
    pages = demo_public_pages()
    request = {
        "pages": [{"name": name, "url": live_server.url + path} for name, path in pages]
        + [
            {
                "name": "glossary dialog",
                "url": live_server.url + "/",
                "open": "[data-glossary-open]",
                "wait": "dialog[open] [data-glossary-filter]",
            },
            # The phone header unfolded: reading aids, search and menu.
            {
                "name": "phone menu",
                "url": live_server.url + "/",
                "open": "[data-menu-button]",
                "wait": "#main-menu",
                "widths": [360],
            },
        ],
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
    assert len(results) == (len(request["pages"]) * 2 - 1) * 2  # the phone menu at one width
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
