"""The evaluators of the rule sets' conditions, and `evaluate(case)`.

Three-valued: every condition answers True, False or None (the records cannot decide it; the
reason then is the question to settle). All conditions of a title must hold: one False makes it
False, else one None makes it None. "any_of" holds when one branch holds.
"""

from __future__ import annotations

from dataclasses import dataclass

from .case import FACTS, GRAVE_FORMS, RATING_NAMES, RATINGS, Case
from .discipline import discipline_bar
from .outcome import Outcome, all_of
from .rulesets import RuleSet, load_rulesets, ruleset_for

# Awards for a one-off achievement (đột xuất) or a thematic movement (chuyên đề) are recorded
# with these suffixes: they are never the basis of a title that counts consecutive years.
NOT_PERIODIC = ("_dot_xuat", "_chuyen_de")


@dataclass
class Verdict:
    eligible: bool | None
    reasons: list[str]
    basis: list[str]

    def as_dict(self) -> dict:
        return {"eligible": self.eligible, "reasons": self.reasons, "basis": self.basis}


class Checker:
    """One case judged under the rule sets; results are cached per (title, year)."""

    def __init__(self, case: Case, rulesets=None):
        self.case = case
        self.rulesets = rulesets or load_rulesets()
        self._cache: dict[tuple[str, int], Outcome] = {}
        self._counted: dict[int, Outcome | None] = {}

    # -- what the records say --------------------------------------------------------------

    def names(self, code: str) -> str:
        for rules in self.rulesets:
            if code in rules.titles:
                return rules.titles[code]["name"]
        return code

    def holds(self, code: str, year: int) -> bool | None:
        """Whether the candidate holds `code` for the achievements of `year`: listed in the
        records, or, for the candidate year, worked out by the rules when not listed."""
        record = self.case.record(year)
        if record is None:
            return False
        barred = self.counted(year)
        if barred is not None:
            return barred.value
        if code in record.titles:
            return True
        rules = self._rules(year)
        if year == self.case.year and rules and rules.conditions(code, self.case.kind) is not None:
            return self.judge(code, year).value
        return False

    def _rules(self, year: int) -> RuleSet | None:
        return ruleset_for(year, self.rulesets)

    def counted(self, year: int) -> Outcome | None:
        """None when the achievements of `year` count for this person; else why not (False) or
        the question (None): the rule of the candidate year's rule set (eligibility.discipline).
        Collectives are judged by their own articles (no_discipline)."""
        if self.case.kind != "individual":
            return None
        if year not in self._counted:
            self._counted[year] = discipline_bar(self.case, year, self._rules(self.case.year))
        return self._counted[year]

    # -- judging ---------------------------------------------------------------------------

    def judge(self, code: str, year: int) -> Outcome:
        key = (code, year)
        if key in self._cache:
            return self._cache[key]
        self._cache[key] = Outcome(None, [f"{self.names(code)}: điều kiện phụ thuộc vòng tròn."], [])
        rules = self._rules(year)
        conditions = rules.conditions(code, self.case.kind) if rules else None
        if conditions is None:
            outcome = Outcome(None, [f"Chưa có quy định nào được mã hóa cho {self.names(code)} năm {year}."], [])
        else:
            outcome = all_of([self.condition(c, code, year, rules) for c in conditions])
        self._cache[key] = outcome
        return outcome

    def condition(self, spec: dict, code: str, year: int, rules: RuleSet) -> Outcome:
        evaluator = getattr(self, "c_" + spec["type"])
        outcome = evaluator(spec, code, year, rules)
        if spec.get("basis"):
            outcome.basis = [spec["basis"], *outcome.basis]
        return outcome

    # -- the evaluators (condition types) ---------------------------------------------------

    def c_rating_at_least(self, spec, code, year, rules) -> Outcome:
        record = self.case.record(year)
        wanted = spec["rating"]
        if (barred := self.counted(year)) is not None:
            return barred.copy()
        if record is None or record.rating is None:
            return Outcome(None, [f"Năm {year} chưa có kết quả xếp loại: cần {RATING_NAMES[wanted]} trở lên."])
        if RATINGS[record.rating] >= RATINGS[wanted]:
            return Outcome(True)
        return Outcome(
            False, [f"Năm {year} xếp loại {RATING_NAMES[record.rating]}, cần {RATING_NAMES[wanted]} trở lên."]
        )

    def c_title(self, spec, code, year, rules) -> Outcome:
        if (barred := self.counted(year)) is not None:
            return barred.copy()
        held = self.holds(spec["code"], year)
        name = self.names(spec["code"])
        if held is True:
            return Outcome(True)
        if held is None:
            return Outcome(None, [f"Chưa xác định được danh hiệu {name} năm {year}."])
        return Outcome(False, [f"Năm {year} không đạt danh hiệu {name}."])

    def c_initiatives_at_least(self, spec, code, year, rules) -> Outcome:
        years = spec.get("years", 1)
        total = undecided = 0
        questions: list[str] = []
        for y in range(year - years + 1, year + 1):
            if (r := self.case.record(y)) is None or not r.initiatives:
                continue
            barred = self.counted(y)
            if barred is None:
                total += r.initiatives
            elif barred.value is None:
                undecided += r.initiatives
                questions += barred.reasons
        span = f"năm {year}" if years == 1 else f"{years} năm {year - years + 1}–{year}"
        if total >= spec["count"]:
            return Outcome(True)
        if total + undecided >= spec["count"]:
            return Outcome(None, questions)
        return Outcome(False, [f"Có {total} sáng kiến được công nhận ở cấp cơ sở trong {span}, cần {spec['count']}."])

    def c_rating_years(self, spec, code, year, rules) -> Outcome:
        """`count` consecutive years up to `year`, each rated `rating` or better."""
        parts = [
            self.c_rating_at_least({"rating": spec["rating"]}, code, y, rules)
            for y in range(year - spec["count"] + 1, year + 1)
        ]
        return all_of(parts)

    def c_consecutive(self, spec, code, year, rules) -> Outcome:
        """The title `code` in each of `count` consecutive years up to `year`."""
        count = spec["count"]
        needed = f"Cần {count} năm liên tục đạt {self.names(spec['code'])} đến năm {year}"
        return self._held_in(spec["code"], range(year - count + 1, year + 1), needed)

    def c_consecutive_times(self, spec, code, year, rules) -> Outcome:
        """The title `code` `count` times running, each time covering `every` years: for the
        candidate year and for each `every` years before it ("02 lần liên tục" Chiến sĩ thi đua
        cấp tỉnh, each given for three years of Chiến sĩ thi đua cơ sở: 2022 and 2025)."""
        count, every = spec["count"], spec["every"]
        years = [year - every * n for n in range(count - 1, -1, -1)]
        needed = f"Cần {count:02d} lần liên tục đạt {self.names(spec['code'])} (năm {', '.join(map(str, years))})"
        return self._held_in(spec["code"], years, needed)

    def _held_in(self, wanted: str, years, needed: str) -> Outcome:
        """The title `wanted` held in every one of `years`: False naming the years missing (after
        `needed`, what the rule asks), None for the first year not decided yet."""
        held = {y: self.holds(wanted, y) for y in years}
        missing = [y for y in years if held[y] is False]
        barred = {y: b for y in years if (b := self.counted(y)) is not None}
        if missing:
            why = [r for y in missing if y in barred for r in barred[y].reasons]
            return Outcome(False, [f"{needed}; thiếu năm {', '.join(map(str, missing))}.", *why])
        unknown = [y for y in years if held[y] is None]
        if unknown:
            if unknown[0] in barred:
                return barred[unknown[0]].copy()
            return Outcome(None, [f"Chưa xác định được danh hiệu {self.names(wanted)} năm {unknown[0]}."])
        return Outcome(True)

    def c_any_of(self, spec, code, year, rules) -> Outcome:
        branches = [all_of([self.condition(c, code, year, rules) for c in branch]) for branch in spec["branches"]]
        values = [b.value for b in branches]
        basis = [item for b in branches for item in b.basis]
        if True in values:
            return Outcome(True, [], basis)
        reasons = [r for b in branches for r in b.reasons]
        return Outcome(None if None in values else False, reasons, basis)

    def c_question(self, spec, code, year, rules) -> Outcome:
        """A question the rules ask; answered when the records carry the fact it names: in the
        candidate year, or in any of the `years` years up to it (an initiative of the three
        years of Chiến sĩ thi đua cơ sở counts). True when one year says so; False only when
        every year of the span answers no; else the question stays."""
        if not spec.get("fact"):
            return Outcome(None, [spec["question"]])
        span = range(year - spec.get("years", 1) + 1, year + 1)
        answers = [
            r.fact(spec["fact"]) if (r := self.case.record(y)) is not None and self.counted(y) is None else None
            for y in span
        ]
        if True in answers:
            return Outcome(True, basis=[spec["basis"]] if spec.get("basis") else [])
        if answers and all(answer is False for answer in answers):
            when = f"năm {year}" if len(answers) == 1 else f"các năm {span[0]}–{year}"
            return Outcome(False, [f"{when[0].upper()}{when[1:]} không {FACTS[spec['fact']]}."])
        return Outcome(None, [spec["question"]])

    def c_members_share(self, spec, code, year, rules) -> Outcome:
        record = self.case.record(year)
        total, part = (record.members_total, getattr(record, spec["field"])) if record else (None, None)
        label = spec["label"]
        if not total or part is None:
            return Outcome(None, [f"Năm {year} chưa có số thành viên và số {label}."])
        share = part / total
        wanted = spec["share"]
        ok = share > wanted if spec.get("strict") else share >= wanted
        sign = "trên" if spec.get("strict") else "từ"
        if ok:
            return Outcome(True)
        return Outcome(
            False, [f"Năm {year} có {part}/{total} thành viên đạt {label} ({share:.0%}), cần {sign} {wanted:.0%}."]
        )

    def c_members_at_least(self, spec, code, year, rules) -> Outcome:
        record = self.case.record(year)
        part = getattr(record, spec["field"]) if record else None
        if part is None:
            return Outcome(None, [f"Năm {year} chưa có số thành viên đạt {spec['label']}."])
        if part >= spec["count"]:
            return Outcome(True)
        return Outcome(False, [f"Năm {year} có {part} thành viên đạt {spec['label']}, cần ít nhất {spec['count']}."])

    def c_no_discipline(self, spec, code, year, rules) -> Outcome:
        """Collectives: the article itself excludes a member disciplined at cảnh cáo or above (a
        lighter form recorded does not). Individuals: the year must count (`counted`)."""
        if self.case.kind == "individual":
            barred = self.counted(year)
            return Outcome(True) if barred is None else barred.copy()
        record = self.case.record(year)
        if not record or not record.discipline:
            return Outcome(True)
        if record.discipline_form and record.discipline_form not in GRAVE_FORMS:
            return Outcome(True)
        return Outcome(False, [f"Năm {year} có thành viên bị kỷ luật từ hình thức cảnh cáo trở lên."])

    def c_min_months(self, spec, code, year, rules) -> Outcome:
        record = self.case.record(year)
        months = record.months_worked if record else None
        if months is None or months >= spec["months"]:
            return Outcome(True)
        return Outcome(None, [f"Năm {year} chỉ công tác {months} tháng (kể cả nghỉ thai sản): {spec['question']}"])

    def c_not_used(self, spec, code, year, rules) -> Outcome:
        """One achievement is not used twice for awards of the same kind (Luật 06/2022, Điều 5):
        the same form already given for one of the years the conditions cover."""
        years = range(year - spec["years"] + 1, year)  # the candidate year is what is being decided
        used = [y for y in years if (r := self.case.record(y)) and code in r.titles]
        if used:
            return Outcome(
                False,
                [
                    f"Đã được tặng {self.names(code)} cho thành tích năm {used[-1]}: thành tích các năm này đã được dùng."
                ],
            )
        return Outcome(True)

    def c_after_award(self, spec, code, year, rules) -> Outcome:
        """Consecutive years of `rating` or better after the basis award `award`, up to `year`:
        at least `years` of them, with `cstd` times Chiến sĩ thi đua cơ sở and `excellent` years
        rated hoàn thành xuất sắc among them. How the years are counted from the award depends
        on the decree (rules.count_after_award); where it is silent and the answer depends on
        it, None with the question."""
        award = spec["award"]
        basis_years = [y for y, r in self.case.history.items() if y < year and award in r.titles]
        if not basis_years:
            only_special = any(
                t.startswith(award) and t.endswith(NOT_PERIODIC) for r in self.case.history.values() for t in r.titles
            )
            extra = " (khen thưởng đột xuất, chuyên đề không là căn cứ)" if only_special else ""
            return Outcome(False, [f"Chưa có {self.names(award)}{extra}."])
        start = max(basis_years)
        used = [y for y, r in self.case.history.items() if start <= y < year and code in r.titles]
        if used:
            start = max(used)
        after = self._run_after(spec, start + 1, year)
        if rules.count_after_award == "year_after":
            after.basis = [rules.count_basis] if rules.count_basis else []
            return after
        including = self._run_after(spec, start, year)
        if after.value == including.value:
            return after
        return Outcome(
            None,
            [
                f"Tính từ năm sau năm {start} ({self.names(award)}) thì {'đạt' if after.value else 'chưa đạt'}, "
                f"tính cả năm {start} thì {'đạt' if including.value else 'chưa đạt'}: nghị định đang áp dụng "
                "không quy định cách tính, cần Hội đồng thi đua – khen thưởng xác định."
            ],
        )

    def _run_after(self, spec, first: int, year: int) -> Outcome:
        minimum = RATINGS[spec["rating"]]
        run = []
        stop: Outcome | None = None  # the discipline that ended the run, if one did
        for y in range(year, first - 1, -1):
            record = self.case.record(y)
            if (stop := self.counted(y)) is not None:
                break
            if record is None or record.rating is None or RATINGS[record.rating] < minimum:
                break
            run.append(y)
        needed = spec["years"]
        if len(run) < needed:
            if stop is not None and stop.value is None:
                return stop.copy()
            gap = year - len(run)
            why = f"năm {gap} không đạt" if gap >= first else f"chỉ tính từ năm {first}"
            return Outcome(
                False,
                [
                    f"Cần {needed} năm liên tục {RATING_NAMES[spec['rating']]} trở lên đến năm {year}; có {len(run)} ({why}).",
                    *(stop.reasons if stop is not None else []),
                ],
            )
        cstd = sum(1 for y in run if self.holds("cstd_co_so", y))
        excellent = sum(1 for y in run if self.case.record(y).rating == "htxsnv")
        problems = []
        if cstd < spec.get("cstd", 0):
            problems.append(f"có {cstd} lần Chiến sĩ thi đua cơ sở trong {len(run)} năm, cần {spec['cstd']}")
        if excellent < spec.get("excellent", 0):
            problems.append(f"có {excellent} năm hoàn thành xuất sắc nhiệm vụ, cần {spec['excellent']}")
        if problems:
            return Outcome(False, ["Từ năm " + str(run[-1]) + ": " + "; ".join(problems) + "."])
        return Outcome(True)


def evaluate(case: Case, rulesets=None) -> dict[str, Verdict]:
    """Every title and form of the case's kind, judged for the candidate year."""
    checker = Checker(case, rulesets)
    rules = ruleset_for(case.year, checker.rulesets)
    if rules is None:
        return {}
    result = {}
    for code in rules.codes(case.kind):
        outcome = checker.judge(code, case.year)
        basis = list(dict.fromkeys([*outcome.basis]))
        result[code] = Verdict(outcome.value, list(dict.fromkeys(outcome.reasons)), basis)
    return result
