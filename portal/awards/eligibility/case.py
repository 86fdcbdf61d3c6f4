"""A case for the checker: one person or collective, the candidate year, and one record per
year (the fixed format of `manage.py awards_eligibility CASE.json`, README "Emulation and
awards")."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

RATINGS = {"htxsnv": 3, "httnv": 2, "htnv": 1, "khtnv": 0}
RATING_NAMES = {
    "htxsnv": "hoàn thành xuất sắc nhiệm vụ",
    "httnv": "hoàn thành tốt nhiệm vụ",
    "htnv": "hoàn thành nhiệm vụ",
    "khtnv": "không hoàn thành nhiệm vụ",
}
KINDS = ("individual", "collective")
# Answers to the rule sets' questions the records may carry ("facts" of a year entry, optional):
# leads_bloc — the collective led its emulation bloc or cluster that year (the bloc's vote);
# initiative_bo_tinh / initiative_toan_quoc — an initiative (or accepted S&T task) of that year was
# recognised with an effect across the ministry or province / across the country.
FACTS = {
    "leads_bloc": "dẫn đầu cụm, khối thi đua",
    "initiative_bo_tinh": "có sáng kiến, đề tài được công nhận có phạm vi ảnh hưởng cấp bộ, cấp tỉnh",
    "initiative_toan_quoc": "có sáng kiến, đề tài được công nhận có phạm vi ảnh hưởng toàn quốc",
}
FIRST_YEAR, LAST_YEAR = 1945, 2100


class CaseError(ValueError):
    """A malformed case; the message says what is wrong, in Vietnamese."""


@dataclass(frozen=True)
class YearRecord:
    year: int
    rating: str | None = None
    titles: frozenset[str] = frozenset()  # titles and awards for the achievements of this year
    initiatives: int = 0  # recognised at cơ sở level that year
    discipline: bool = False
    months_worked: int | None = None  # maternity leave included
    members_total: int | None = None
    members_ldtt: int | None = None
    members_cstd: int | None = None
    facts: tuple[tuple[str, bool], ...] = ()

    def fact(self, name: str) -> bool | None:
        return dict(self.facts).get(name)

    def rank(self) -> int | None:
        return RATINGS.get(self.rating) if self.rating else None


@dataclass
class Case:
    kind: str
    year: int
    history: dict[int, YearRecord] = field(default_factory=dict)

    def record(self, year: int) -> YearRecord | None:
        return self.history.get(year)


def _int(entry: dict, name: str, where: str, *, low: int = 0, high: int = 10**6) -> int | None:
    value = entry.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise CaseError(f"{where}: “{name}” phải là số nguyên từ {low} đến {high}.")
    return value


def _codes(entry: dict, name: str, where: str) -> frozenset[str]:
    value = entry.get(name) or []
    if not isinstance(value, list) or not all(isinstance(code, str) and code for code in value):
        raise CaseError(f"{where}: “{name}” phải là danh sách mã danh hiệu, hình thức khen thưởng.")
    return frozenset(value)


def parse_case(data) -> Case:
    """A Case from the JSON object, or CaseError saying what is wrong."""
    if not isinstance(data, dict):
        raise CaseError("Hồ sơ phải là một đối tượng JSON.")
    kind = data.get("kind")
    if kind not in KINDS:
        raise CaseError("“kind” phải là “individual” (cá nhân) hoặc “collective” (tập thể).")
    year = data.get("year")
    if isinstance(year, bool) or not isinstance(year, int) or not FIRST_YEAR <= year <= LAST_YEAR:
        raise CaseError(f"“year” phải là năm xét, từ {FIRST_YEAR} đến {LAST_YEAR}.")
    entries = data.get("history")
    if not isinstance(entries, list):
        raise CaseError("“history” phải là danh sách, mỗi năm một mục.")
    history: dict[int, YearRecord] = {}
    for number, entry in enumerate(entries, start=1):
        where = f"Mục thứ {number} của “history”"
        if not isinstance(entry, dict):
            raise CaseError(f"{where} phải là một đối tượng JSON.")
        entry_year = _int(entry, "year", where, low=FIRST_YEAR, high=LAST_YEAR)
        if entry_year is None:
            raise CaseError(f"{where}: thiếu “year”.")
        if entry_year in history:
            raise CaseError(f"Năm {entry_year} có hai mục trong “history”.")
        if entry_year > year:
            raise CaseError(f"Năm {entry_year} sau năm xét {year}.")
        rating = entry.get("rating")
        if rating is not None and rating not in RATINGS:
            raise CaseError(f"{where}: “rating” phải là một trong {', '.join(RATINGS)}.")
        discipline = entry.get("discipline", False)
        if not isinstance(discipline, bool):
            raise CaseError(f"{where}: “discipline” phải là true hoặc false.")
        record = YearRecord(
            year=entry_year,
            rating=rating,
            titles=_codes(entry, "titles", where) | _codes(entry, "awards", where),
            initiatives=_int(entry, "initiatives", where, high=1000) or 0,
            discipline=discipline,
            months_worked=_int(entry, "months_worked", where, high=12),
            members_total=_int(entry, "members_total", where),
            members_ldtt=_int(entry, "members_ldtt", where),
            members_cstd=_int(entry, "members_cstd", where),
        )
        facts = entry.get("facts") or {}
        if not isinstance(facts, dict) or any(k not in FACTS or not isinstance(v, bool) for k, v in facts.items()):
            raise CaseError(f"{where}: “facts” chỉ nhận {', '.join(FACTS)} với giá trị true hoặc false.")
        record = replace(record, facts=tuple(sorted(facts.items())))
        for part in ("members_ldtt", "members_cstd"):
            count = getattr(record, part)
            if count is not None and record.members_total is not None and count > record.members_total:
                raise CaseError(f"{where}: “{part}” lớn hơn “members_total”.")
        history[entry_year] = record
    if year not in history:
        raise CaseError(f"“history” phải có mục của năm xét {year}.")
    return Case(kind=kind, year=year, history=history)
