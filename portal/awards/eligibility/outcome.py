"""The answer of one condition: True, False or None (the records cannot decide; the reasons
then hold the question), with the reasons and the legal basis behind it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Outcome:
    value: bool | None
    reasons: list[str] = field(default_factory=list)
    basis: list[str] = field(default_factory=list)

    def copy(self) -> Outcome:
        """A copy whose lists the caller may extend without touching this one (a cached
        answer is shared between conditions)."""
        return Outcome(self.value, list(self.reasons), list(self.basis))


def all_of(outcomes: list[Outcome]) -> Outcome:
    """Every outcome must hold; the reasons given are those of the deciding outcomes (the
    failures, else the open questions)."""
    values = [o.value for o in outcomes]
    value = False if False in values else (None if None in values else True)
    reasons = [] if value is True else [r for o in outcomes if o.value is value for r in o.reasons]
    return Outcome(value, reasons, [b for o in outcomes for b in o.basis])
