"""Prize money for a title or form: its coefficient (hệ số) times the base salary (mức lương cơ
sở) in force on the decision date, rounded up to the step the decree names.

Coefficients are data by decree version (../rules/cycle/prizes.json): Nghị định 152/2025/NĐ-CP
(from 01/07/2025) gives, among others, Chiến sĩ thi đua toàn quốc 4,5, cấp bộ, tỉnh 3,0, cơ sở
1,0, Lao động tiên tiến 0,3, Tập thể lao động xuất sắc 1,5, Tập thể lao động tiên tiến 0,8,
Cờ thi đua của Chính phủ 12,0, and (Điều 54, khoản 1) Bằng khen của Thủ tướng 3,5 and Bằng khen
cấp bộ, tỉnh 1,5 for a person. Rounding up to tens of thousands of đồng is Nghị định
91/2017/NĐ-CP, Điều 68, khoản 2. A coefficient we have not found is None: no amount is guessed.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from functools import lru_cache

from .rulesets import RULES_DIR


@dataclass(frozen=True)
class Prize:
    amount: int | None
    coefficient: Decimal | None
    base_salary: int | None
    basis: tuple[str, ...]
    question: str = ""


@lru_cache(maxsize=1)
def _versions() -> tuple[dict, ...]:
    data = json.loads((RULES_DIR / "cycle" / "prizes.json").read_text(encoding="utf-8"))
    return tuple(sorted(data["versions"], key=lambda version: version["from"]))


def prize_version(on: dt.date) -> dict | None:
    """The coefficients in force on `on`, or None before the first version we ship."""
    found = None
    for version in _versions():
        if dt.date.fromisoformat(version["from"]) <= on:
            found = version
    return found


def round_up(value: Decimal, step: int) -> int:
    """Up to the next multiple of `step` (1.112.000 → 1.120.000 with a step of 10.000)."""
    return int((value / step).to_integral_value(rounding=ROUND_CEILING)) * step


def prize_for(code: str, kind: str, on: dt.date, base_salary: int | None) -> Prize:
    """The prize for `code` awarded to an individual or collective by a decision dated `on`."""
    version = prize_version(on)
    if version is None:
        return Prize(None, None, base_salary, (), "Chưa có bảng hệ số tiền thưởng cho ngày quyết định này.")
    entry = version["coefficients"].get(code, {})
    coefficient = entry.get(kind)
    if coefficient is None:
        return Prize(
            None, None, base_salary, (version["name"],), "Chưa có hệ số tiền thưởng của hình thức này: nhập số tiền."
        )
    coefficient = Decimal(str(coefficient))
    if not base_salary:
        return Prize(None, coefficient, None, (entry["basis"],), "Chưa có mức lương cơ sở cho ngày này.")
    amount = round_up(coefficient * base_salary, int(version["rounding_step"]))
    return Prize(amount, coefficient, base_salary, (entry["basis"], version["rounding_basis"]))
