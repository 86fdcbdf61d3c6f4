"""Demo records of emulation and awards, written for this project: 8 units of a Sở KH&CN with
15 officials each, six years of ratings and initiatives, and the titles the rules gave them in
the years already decided (the last year is left for the council). Deterministic and idempotent."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from .eligibility import evaluate, parse_case
from .eligibility.case import GRAVE_FORMS
from .models import Award, Discipline, Official, Posting, Unit, YearRecord
from .selectors import cases_data

UNITS = [
    "Văn phòng Sở",
    "Phòng Kế hoạch – Tài chính",
    "Phòng Quản lý khoa học",
    "Phòng Quản lý công nghệ và Đổi mới sáng tạo",
    "Thanh tra Sở",
    "Chi cục Tiêu chuẩn Đo lường Chất lượng",
    "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
    "Trung tâm Thông tin và Thống kê khoa học và công nghệ",
]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hà", "Đinh", "Lưu"]
MIDDLE = ["Văn", "Thị", "Minh", "Thu", "Đức", "Hồng", "Quang", "Thanh", "Ngọc", "Xuân"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dung",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hiếu",
    "Hoa",
    "Huy",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Nam",
    "Nga",
    "Phương",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trang",
    "Tuấn",
    "Yến",
]
POSITIONS = ["Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên chính", "Chuyên viên", "Chuyên viên", "Viên chức"]
OFFICIALS_PER_UNIT = 15
YEARS = 6
# Two discipline decisions (index of the official, form, years before the year under review it
# took effect, its day, and how many months its effect lasts as the decision says): a khiển
# trách ending in the middle of a year (the checker asks about that year) and a cảnh cáo in the
# year under review (no title that year; the unit's collective titles are barred too).
DISCIPLINES = [(37, "khien_trach", 3, (4, 15), 12), (104, "canh_cao", 0, (5, 20), 12)]


def _rating(rng: random.Random, strength: float) -> str:
    roll = rng.random() + strength
    return "htxsnv" if roll > 1.05 else "httnv" if roll > 0.35 else "htnv" if roll > 0.08 else "khtnv"


def _decision(number: int, achievement_year: int) -> tuple[str, dt.date]:
    return f"{number}/QĐ-SKHCN", dt.date(achievement_year + 1, 1, 10 + number % 15)


@transaction.atomic
def demo_records() -> str:
    if Unit.objects.exists():
        return ""
    rng = random.Random(2026)
    last = timezone.localdate().year - 1  # the year the council is about to review
    years = range(last - YEARS + 1, last + 1)
    department = Unit.objects.create(name="Sở Khoa học và Công nghệ")
    units = [Unit.objects.create(name=name, parent=department) for name in UNITS]
    officials = []
    for unit in units:
        for number in range(OFFICIALS_PER_UNIT):
            name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
            position = POSITIONS[0] if number == 0 else POSITIONS[min(number, len(POSITIONS) - 1)]
            officials.append(
                (Official.objects.create(full_name=name, unit=unit, position=position), rng.random() * 0.45)
            )
    # Every twentieth official came from another unit two years ago (their postings say so).
    moved_on = last - 1
    came_from = {}
    position = {unit.pk: n for n, unit in enumerate(units)}
    for official, _strength in officials[::20]:
        earlier = units[(position[official.unit_id] + 1) % len(units)]
        came_from[official.pk] = earlier
        Posting.objects.create(
            official=official, unit=earlier, start_year=years[0], end_year=moved_on - 1, sort_order=0
        )
        Posting.objects.create(official=official, unit_id=official.unit_id, start_year=moved_on, sort_order=1)

    for index, form, years_before, (month, day), months in DISCIPLINES:
        start = dt.date(last - years_before, month, day)
        end_month = start.month + months
        until = dt.date(start.year + (end_month - 1) // 12, (end_month - 1) % 12 + 1, start.day) - dt.timedelta(days=1)
        Discipline.objects.create(
            official=officials[index][0],
            form=form,
            decision_number=f"{index}/QĐ-SKHCN-KL",
            effective_date=start,
            effect_until=until,
        )
    # Cảnh cáo or above: the member's unit is marked that year (Điều 27, 28).
    grave = {
        (pk, day.year)
        for pk, day in Discipline.objects.filter(form__in=GRAVE_FORMS).values_list("official_id", "effective_date")
    }

    def unit_of(official, year: int) -> int:
        earlier = came_from.get(official.pk)
        return earlier.pk if earlier is not None and year < moved_on else official.unit_id

    decision, earned = 100, {}
    scopes = random.Random(2027)  # its own draws: the records above stay what they were
    for year in years:
        rows = [
            YearRecord(
                official=official,
                year=year,
                rating=_rating(rng, strength),
                initiatives=1 if rng.random() < 0.18 + strength / 3 else 0,
                months_worked=12 if rng.random() > 0.03 else 7,
            )
            for official, strength in officials
        ]
        for row in rows:  # a quarter of the initiatives recognised across the province
            row.initiative_scope = "bo_tinh" if row.initiatives and scopes.random() < 0.25 else "co_so"
        YearRecord.objects.bulk_create(rows)
        conferred = []
        cases = cases_data([official for official, _strength in officials], year)  # two queries a year
        for official, _strength in officials:
            verdicts = evaluate(parse_case(cases[official.pk]))
            earned[official.pk, year] = {c for c in ("ldtt", "cstd_co_so") if verdicts[c].eligible is True}
            if year == last:
                continue  # not decided yet: the checker proposes, the council decides
            for code in ("ldtt", "cstd_co_so", "bang_khen_bo_tinh"):
                if code in verdicts and verdicts[code].eligible is True:
                    decision += 1
                    number, date = _decision(decision, year)
                    conferred.append(
                        Award(
                            official=official,
                            code=code,
                            achievement_year=year,
                            decision_number=number,
                            decision_date=date,
                        )
                    )
        Award.objects.bulk_create(conferred)
    for unit in units:
        for year in years:
            members = [o for o, _s in officials if unit_of(o, year) == unit.pk]
            YearRecord.objects.create(
                unit=unit,
                year=year,
                rating="htxsnv" if rng.random() < 0.35 else "httnv",
                members_total=len(members),
                members_ldtt=sum(1 for o in members if "ldtt" in earned[o.pk, year]),
                members_cstd=sum(1 for o in members if "cstd_co_so" in earned[o.pk, year]),
                discipline=any((o.pk, year) in grave for o in members),
            )
    for year in years[:-1]:  # the units' titles of the years already decided
        cases = cases_data(units, year)
        collective = []
        for unit in units:
            verdicts = evaluate(parse_case(cases[unit.pk]))
            code = next((c for c in ("tt_ldxs", "tt_ldtt") if verdicts.get(c) and verdicts[c].eligible is True), None)
            if code:
                decision += 1
                number, date = _decision(decision, year)
                collective.append(
                    Award(unit=unit, code=code, achievement_year=year, decision_number=number, decision_date=date)
                )
        Award.objects.bulk_create(collective)
    from .demo_cycle import demo_cycle
    from .demo_organisation import demo_organisation

    organisation = demo_organisation(department, list(years))

    cycle = demo_cycle(last)
    return f"{cycle}\n{organisation}\nThi đua – khen thưởng: {len(units)} đơn vị, {len(officials)} cán bộ, {len(years)} năm hồ sơ, {Award.objects.count()} danh hiệu đã tặng."
