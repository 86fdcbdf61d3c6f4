"""Rule-set versions entered by an administrator: checked before they are saved (with the place
of each mistake), then judging their years in place of the shipped rule set."""

import copy
import json

import pytest
from django.core.exceptions import ValidationError

from portal.awards.eligibility.rulesets import RULES_DIR
from portal.awards.eligibility.validation import validate_ruleset
from portal.awards.models import Official, RuleSetVersion, Unit, YearRecord
from portal.awards.roles import OFFICERS, SECRETARIES
from portal.awards.selectors import eligibility_for, rules_for
from portal.core.tests.factories import make_user

SHIPPED = json.loads((RULES_DIR / "2025-luat-2022-nd152.json").read_text(encoding="utf-8"))


def _stricter() -> dict:
    """A pretend decree from 2025: Lao động tiên tiến asks hoàn thành xuất sắc."""
    data = copy.deepcopy(SHIPPED)
    data["version"], data["name"] = "thu-nghiem-2025", "Bộ quy định thử nghiệm 2025"
    data["titles"]["ldtt"]["kinds"]["individual"][0]["rating"] = "htxsnv"
    return data


def test_every_shipped_rule_set_passes_the_check():
    for path in RULES_DIR.glob("*.json"):
        assert validate_ruleset(json.loads(path.read_text(encoding="utf-8"))) == [], path.name


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(years=[2030, 2020]), "năm đầu không được sau năm cuối"),
        (lambda d: d["titles"]["ldtt"]["kinds"]["individual"][0].update(type="rating_above"), "“type” phải là"),
        (lambda d: d["titles"]["ldtt"]["kinds"]["individual"][0].update(rating="xuat_sac"), "Không chạy được"),
        (lambda d: d["titles"]["ldtt"]["kinds"].update(team=[]), "“kinds” chỉ gồm"),
        (lambda d: d.pop("version"), "Thiếu “version”"),
    ],
)
def test_mistakes_are_named(change, message):
    data = copy.deepcopy(SHIPPED)
    change(data)
    assert any(message in error for error in validate_ruleset(data)), validate_ruleset(data)


def test_an_entered_version_judges_its_years(db):
    unit = Unit.objects.create(name="Phòng Quản lý khoa học")
    official = Official.objects.create(full_name="Đinh Văn Quân", unit=unit)
    YearRecord.objects.create(official=official, year=2025, rating="httnv")
    assert eligibility_for(official, 2025)["ldtt"].eligible is True
    version = RuleSetVersion(data=_stricter(), note="Nghị định thử nghiệm thay đổi tiêu chuẩn")
    version.full_clean()
    version.save()
    assert rules_for(2025).name == "Bộ quy định thử nghiệm 2025"
    assert eligibility_for(official, 2025)["ldtt"].eligible is False
    version.active = False
    version.save()
    assert eligibility_for(official, 2025)["ldtt"].eligible is True
    broken = RuleSetVersion(data={"version": "x"}, note="Sai")
    with pytest.raises(ValidationError):
        broken.full_clean()


def test_only_the_secretaries_keep_the_versions(db, home, client):
    officer, secretary = make_user("canbotdkt", OFFICERS), make_user("thukyhd", SECRETARIES)
    assert officer.has_perm("awards.view_rulesetversion") and not officer.has_perm("awards.add_rulesetversion")
    client.force_login(secretary)
    url = "/admin/snippets/awards/rulesetversion/add/"
    bad = _stricter()
    bad["titles"]["ldtt"]["kinds"]["individual"][0]["type"] = "khong_co"
    response = client.post(url, {"note": "Thử", "active": "on", "data": json.dumps(bad, ensure_ascii=False)})
    assert response.status_code == 200 and "“type” phải là" in response.content.decode()
    assert not RuleSetVersion.objects.exists()
    good = client.post(url, {"note": "Thử", "active": "on", "data": json.dumps(_stricter(), ensure_ascii=False)})
    assert good.status_code == 302 and RuleSetVersion.objects.get().version == "thu-nghiem-2025"
