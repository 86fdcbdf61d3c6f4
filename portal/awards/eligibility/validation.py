"""Checking a rule set before it is used: an administrator enters a new version when a decree
changes (admin → Bộ quy định xét tặng), so every mistake must be caught with a message saying
where, not found later as a wrong answer. The structure is checked, then the rule set is tried
on sample cases of every kind it covers."""

from __future__ import annotations

from .case import parse_case
from .engine import Checker, evaluate
from .rulesets import ruleset_from_dict

TYPES = sorted(name[2:] for name in dir(Checker) if name.startswith("c_"))
KINDS = ("individual", "collective")


def _conditions(conditions, where: str, errors: list[str]) -> None:
    if not isinstance(conditions, list) or not conditions:
        errors.append(f"{where}: cần một danh sách điều kiện.")
        return
    for number, spec in enumerate(conditions, start=1):
        here = f"{where}, điều kiện {number}"
        if not isinstance(spec, dict) or spec.get("type") not in TYPES:
            errors.append(f"{here}: “type” phải là một trong {', '.join(TYPES)}.")
            continue
        if spec["type"] == "any_of":
            branches = spec.get("branches")
            if not isinstance(branches, list) or len(branches) < 2:
                errors.append(f"{here}: “any_of” cần ít nhất hai nhánh (“branches”).")
                continue
            for index, branch in enumerate(branches, start=1):
                _conditions(branch, f"{here}, nhánh {index}", errors)
        if "basis" in spec and (not isinstance(spec["basis"], str) or not spec["basis"].strip()):
            errors.append(f"{here}: “basis” (căn cứ pháp lý) phải là văn bản, điều, khoản.")


def _cites(conditions) -> bool:
    """Whether some condition (or branch) names its legal basis."""
    for spec in conditions if isinstance(conditions, list) else []:
        if isinstance(spec, dict) and (spec.get("basis") or any(_cites(b) for b in spec.get("branches") or [])):
            return True
    return False


def _samples(kind: str, first: int) -> list[dict]:
    """A few cases of `kind` over six years ending in `first` + 5, strong, weak and mixed."""
    years = list(range(first, first + 6))
    cases = []
    for rating, initiatives, titles in (("htxsnv", 2, ["ldtt", "cstd_co_so"]), ("htnv", 0, []), ("httnv", 1, ["ldtt"])):
        history = [
            {
                "year": year,
                "rating": rating,
                "titles": titles if year < years[-1] else [],
                "initiatives": initiatives,
                "discipline": False,
                "months_worked": 12,
                "members_total": 10 if kind == "collective" else None,
                "members_ldtt": 8 if kind == "collective" else None,
                "members_cstd": 2 if kind == "collective" else None,
            }
            for year in years
        ]
        cases.append({"kind": kind, "year": years[-1], "history": history})
    return cases


def validate_ruleset(data) -> list[str]:
    """The problems of a rule set in the format of rules/*.json (README), in Vietnamese; [] when
    it can be used."""
    if not isinstance(data, dict):
        return ["Bộ quy định phải là một đối tượng JSON."]
    errors = []
    for key in ("version", "name"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            errors.append(f"Thiếu “{key}”.")
    years = data.get("years")
    if not (
        isinstance(years, list)
        and len(years) == 2
        and all(isinstance(y, int) and not isinstance(y, bool) for y in years)
    ):
        errors.append("“years” phải là [năm đầu, năm cuối] các năm thành tích được xét.")
    elif not 1945 <= years[0] <= years[1] <= 2100:
        errors.append("“years”: năm đầu không được sau năm cuối (trong khoảng 1945–2100).")
    if data.get("count_after_award") not in (None, "year_after"):
        errors.append("“count_after_award” chỉ nhận “year_after” hoặc null.")
    if data.get("discipline_counts_from") not in (None, "end_of_effect"):
        errors.append("“discipline_counts_from” chỉ nhận “end_of_effect” hoặc null.")
    titles = data.get("titles")
    if not isinstance(titles, dict) or not titles:
        errors.append("“titles” phải liệt kê các danh hiệu, hình thức theo mã.")
        return errors
    for code, title in titles.items():
        where = f"“{code}”"
        if not isinstance(title, dict) or not isinstance(title.get("name"), str):
            errors.append(f"{where}: cần “name” (tên danh hiệu) và “kinds”.")
            continue
        kinds = title.get("kinds")
        if not isinstance(kinds, dict) or not kinds or set(kinds) - set(KINDS):
            errors.append(f"{where}: “kinds” chỉ gồm “individual” và/hoặc “collective”.")
            continue
        for kind, conditions in kinds.items():
            _conditions(conditions, f"{where} ({kind})", errors)
            if not _cites(conditions):
                errors.append(f"{where} ({kind}): không điều kiện nào ghi căn cứ pháp lý (“basis”).")
    if errors:
        return errors
    rules = ruleset_from_dict(data)
    for kind in KINDS:
        if not rules.codes(kind):
            continue
        for sample in _samples(kind, rules.first_year):
            try:
                evaluate(parse_case(sample), rulesets=(rules,))
            except Exception as error:  # noqa: BLE001 — any failure is the administrator's to fix
                errors.append(f"Không chạy được trên hồ sơ mẫu ({kind}): {type(error).__name__}: {error}.")
                break
    return errors
