"""`manage.py awards_eligibility CASE.json`, the fixed interface: JSON out, exit 0; exit 2 with a
Vietnamese message on a malformed case; no database needed."""

import ast
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
ENGINE = ROOT / "portal" / "awards" / "eligibility"

CASE = {
    "kind": "individual",
    "year": 2025,
    "history": [
        {
            "year": 2023,
            "rating": "htxsnv",
            "titles": ["cstd_co_so"],
            "initiatives": 1,
            "awards": ["bang_khen_bo_tinh"],
            "discipline": False,
            "months_worked": 12,
            "members_total": None,
            "members_ldtt": None,
            "members_cstd": None,
        },
        {"year": 2024, "rating": "httnv", "titles": ["ldtt", "cstd_co_so"], "initiatives": 1},
        {"year": 2025, "rating": "htxsnv", "initiatives": 1},
    ],
}


def run(tmp_path, data, **env):
    path = tmp_path / "case.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "manage.py", "awards_eligibility", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "portal.settings.dev", **env},
    )


def test_prints_every_title_with_reasons_and_articles(tmp_path):
    # A database that does not exist: the command never opens one.
    done = run(tmp_path, CASE, DATABASE_URL=f"sqlite:///{tmp_path}/absent/portal.db")
    assert done.returncode == 0, done.stderr
    verdicts = json.loads(done.stdout)
    assert set(verdicts) >= {"ldtt", "cstd_co_so", "cstd_bo_tinh", "bang_khen_bo_tinh", "bang_khen_ttg"}
    for verdict in verdicts.values():
        assert set(verdict) == {"eligible", "reasons", "basis"} and verdict["eligible"] in (True, False, None)
    assert verdicts["cstd_co_so"] == {
        "eligible": True,
        "reasons": [],
        "basis": ["Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 23"],
    }
    assert verdicts["bang_khen_bo_tinh"]["eligible"] is True  # 2024 and 2025 Chiến sĩ thi đua cơ sở, 2 initiatives


def test_a_malformed_case_exits_2_with_a_vietnamese_message(tmp_path):
    bad = run(tmp_path, {**CASE, "kind": "nhóm"})
    assert bad.returncode == 2 and "“kind” phải là" in bad.stderr and bad.stdout == ""
    broken = run(tmp_path, "{không phải json")
    assert broken.returncode == 2 and "JSON hợp lệ" in broken.stderr
    early = run(tmp_path, {"kind": "individual", "year": 2010, "history": [{"year": 2010, "rating": "httnv"}]})
    assert early.returncode == 2 and "Chưa có bộ quy định nào cho năm 2010" in early.stderr


def test_the_engine_imports_no_django():
    for path in ENGINE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            assert not any(n.split(".")[0] in ("django", "wagtail", "portal") for n in names), (path.name, names)
