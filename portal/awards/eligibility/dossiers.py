"""The documents each nomination dossier must hold (../rules/cycle/dossiers.json): those every
dossier needs, then those of its title or form (a Chiến sĩ thi đua cấp tỉnh also needs the
confirmation of its initiative's scope, the higher forms the result of their public disclosure)."""

from __future__ import annotations

import json
from functools import lru_cache

from .rulesets import RULES_DIR


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads((RULES_DIR / "cycle" / "dossiers.json").read_text(encoding="utf-8"))


def checklist(code: str) -> list[dict]:
    """[{"key", "name", "optional"?}] for the title or form `code`, in the order to file them."""
    data = _data()
    return [*data["common"], *data["extra"].get(code, [])]


def dossier_basis() -> str:
    return _data()["basis"]


def missing(code: str, received: list[str] | set[str]) -> list[str]:
    """Names of the required documents still missing (optional ones never hold a dossier back)."""
    have = set(received)
    return [item["name"] for item in checklist(code) if item["key"] not in have and not item.get("optional")]


def needs_disclosure(code: str) -> bool:
    """Whether nominees for `code` are published for comments before the dossier goes on."""
    return code in _data().get("disclosed", ())
