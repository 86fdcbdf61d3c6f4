"""A case for the checker: one person or collective, the candidate year, and one record per
year (the fixed format of `manage.py awards_eligibility CASE.json`, README "Emulation and
awards")."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

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
# Forms of discipline of cán bộ, công chức, viên chức (Nghị định 112/2020/NĐ-CP, Điều 7 and 15),
# by severity: the collectives' titles exclude a member disciplined "từ hình thức cảnh cáo trở
# lên" (Luật 06/2022/QH15, Điều 27, 28), i.e. a severity of 2 or more.
DISCIPLINE_FORMS = {
    "khien_trach": (1, "khiển trách"),
    "canh_cao": (2, "cảnh cáo"),
    "ha_bac_luong": (3, "hạ bậc lương"),
    "giang_chuc": (3, "giáng chức"),
    "cach_chuc": (4, "cách chức"),
    "bai_nhiem": (4, "bãi nhiệm"),
    "buoc_thoi_viec": (5, "buộc thôi việc"),
}
CANH_CAO = DISCIPLINE_FORMS["canh_cao"][0]
GRAVE_FORMS = tuple(code for code, (severity, _name) in DISCIPLINE_FORMS.items() if severity >= CANH_CAO)


class CaseError(ValueError):
    """A malformed case; the message says what is wrong, in Vietnamese."""


@dataclass(frozen=True)
class YearRecord:
    year: int
    rating: str | None = None
    titles: frozenset[str] = frozenset()  # titles and awards for the achievements of this year
    initiatives: int = 0  # recognised at cơ sở level that year
    discipline: bool = False
    discipline_form: str | None = None  # DISCIPLINE_FORMS; None: not recorded
    discipline_until: date | None = None  # the day the decision's effect ends; None: not recorded
    months_worked: int | None = None  # maternity leave included
    members_total: int | None = None
    members_ldtt: int | None = None
    members_cstd: int | None = None
    facts: tuple[tuple[str, bool], ...] = ()

    def fact(self, name: str) -> bool | None:
        return dict(self.facts).get(name)

    def rank(self) -> int | None:
        return RATINGS.get(self.rating) if self.rating else None

    def discipline_name(self) -> str:
        return DISCIPLINE_FORMS[self.discipline_form][1] if self.discipline_form else "chưa ghi hình thức"


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


def _discipline_details(entry: dict, year: int, discipline: bool, where: str) -> tuple[str | None, date | None]:
    """The optional "discipline_form" and "discipline_until" (ISO date the effect ends) of an
    entry with "discipline": true."""
    form, until = entry.get("discipline_form"), entry.get("discipline_until")
    if (form is not None or until is not None) and not discipline:
        raise CaseError(f"{where}: “discipline_form”, “discipline_until” chỉ ghi khi “discipline” là true.")
    if form is not None and form not in DISCIPLINE_FORMS:
        raise CaseError(f"{where}: “discipline_form” phải là một trong {', '.join(DISCIPLINE_FORMS)}.")
    if until is None:
        return form, None
    try:
        day = date.fromisoformat(until) if isinstance(until, str) and len(until) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise CaseError(f"{where}: “discipline_until” phải là ngày dạng YYYY-MM-DD.")
    if day.year < year:
        raise CaseError(f"{where}: kỷ luật năm {year} không thể hết hiệu lực trước năm đó ({until}).")
    return form, day


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
        form, until = _discipline_details(entry, entry_year, discipline, where)
        record = YearRecord(
            year=entry_year,
            rating=rating,
            titles=_codes(entry, "titles", where) | _codes(entry, "awards", where),
            initiatives=_int(entry, "initiatives", where, high=1000) or 0,
            discipline=discipline,
            discipline_form=form,
            discipline_until=until,
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
