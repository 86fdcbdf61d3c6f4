"""How a person's discipline bears on the years whose achievements count.

Under a rule set with "discipline_counts_from": "end_of_effect", achievements count only from
the day the discipline decision's effect ends: a discipline decided in year D whose effect ends
on day U bars every year up to D and every year that ends before U (False); the year U falls in
counts only from U, which the council decides (None, with the question); an unknown U bars the
years before D and leaves D and every later year a question until the date is recorded. Under a
rule set without it, only the disciplined year is a question.
The rule's text is the rule set's "discipline_basis" (docs/awards.md, "Discipline").
Collectives are judged by their own articles (Luật 06/2022/QH15, Điều 27, 28), not here.
"""

from __future__ import annotations

from .case import Case, YearRecord
from .outcome import Outcome
from .rulesets import RuleSet


def discipline_bar(case: Case, year: int, rules: RuleSet | None) -> Outcome | None:
    """None when the achievements of `year` count for the person of `case` (judged under
    `rules`, the candidate year's rule set); else why not (False) or the question (None)."""
    by_effect = rules is not None and rules.discipline_counts_from == "end_of_effect"
    basis = [rules.discipline_basis] if by_effect and rules.discipline_basis else []
    found = [
        outcome
        for record in case.history.values()
        if record.discipline and (outcome := _bar(record, year, by_effect, basis)) is not None
    ]
    if not found:
        return None
    return next((o for o in found if o.value is False), found[0])


def _bar(record: YearRecord, year: int, by_effect: bool, basis: list[str]) -> Outcome | None:
    """What the discipline of `record` (the entry of the year it took effect) says of `year`."""
    what = f"kỷ luật năm {record.year} ({record.discipline_name()})"
    until = record.discipline_until
    if not by_effect:
        if year != record.year:
            return None
        return Outcome(None, [f"Năm {year} có {what}: cần xác định có tính thành tích năm này hay không."])
    if year < record.year:
        when = f"hết hiệu lực ngày {until:%d/%m/%Y}" if until else "chưa ghi ngày hết hiệu lực"
        return Outcome(
            False, [f"Năm {year} trước {what}, {when}: thành tích chỉ tính từ khi kỷ luật hết hiệu lực."], list(basis)
        )
    if until is None:
        missing = "ngày hết hiệu lực" if record.discipline_form else "hình thức và ngày hết hiệu lực"
        return Outcome(None, [f"Năm {year}: {what} chưa ghi {missing}; cần xác định để tính thành tích."], list(basis))
    ends_with_year = (until.month, until.day) == (12, 31)
    if year < until.year or (year == until.year and ends_with_year):
        return Outcome(
            False,
            [f"Năm {year} trong thời gian {what}, hết hiệu lực ngày {until:%d/%m/%Y}: không tính thành tích."],
            list(basis),
        )
    if year == until.year and (until.month, until.day) != (1, 1):
        return Outcome(
            None,
            [
                f"Năm {year}: {what} hết hiệu lực ngày {until:%d/%m/%Y}, thành tích chỉ tính từ ngày đó; "
                "Hội đồng xác định năm này có được tính hay không."
            ],
            list(basis),
        )
    return None
