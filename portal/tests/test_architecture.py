"""The shape of the code, checked on every run (README, "Architecture"):

- no import circle between modules of `portal/` (function-level imports included: a circle
  hidden inside a function is still a circle);
- dependencies point one way: core ← kits ← content apps ← home ← project (urls, api,
  settings); nothing imports a layer above its own;
- an app reaches another app only through its public modules (`selectors`, `services`);
  core and the kits are public to everyone;
- no module imports another module's private (underscore) names;
- no module is longer than MAX_LINES, outside migrations, tests and data tables.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "portal"
MAX_LINES = 400

# Layer of each top-level part of portal/ (higher numbers may import lower ones only).
CORE, KIT, APP, HOME, PROJECT = range(5)
LAYERS = {
    "core": CORE,
    "outbox": KIT,
    "glossary": KIT,
    "search": KIT,
    "news": APP,
    "visits": APP,
    "accessibility": APP,
    "feedback": APP,
    "awards": APP,
    "science": APP,
    "home": HOME,
    "settings": PROJECT,
    "urls": PROJECT,
    "api": PROJECT,
    "wsgi": PROJECT,
    "asgi": PROJECT,
}
# What an app offers to the others (core and kits offer every public module).
APP_PUBLIC_MODULES = {"selectors", "services"}


@dataclass(frozen=True)
class Edge:
    source: str  # importing module
    target: str  # imported module
    names: tuple[str, ...]  # names taken from it ("" for a plain `import x`)
    line: int


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).parts
        if "migrations" in parts or "tests" in parts:
            continue
        found[_module_name(path)] = path
    return found


MODULES = _modules()


def _resolve(name: str) -> str | None:
    """The longest module of portal/ that `name` (a module or a name inside one) denotes."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _absolute(module: str, current: str, level: int, is_package: bool) -> str:
    if not level:
        return module
    base = current.split(".")
    if not is_package:
        base = base[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join(base + ([module] if module else []))


def _edges(name: str, path: Path) -> list[Edge]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    edges = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                target = _resolve(alias.name) if alias.name.startswith("portal") else None
                if target:
                    edges.append(Edge(name, target, ("",), node.lineno))
        elif isinstance(node, ast.ImportFrom):
            module = _absolute(node.module or "", name, node.level, is_package)
            if not module.startswith("portal"):
                continue
            for alias in node.names:
                # `from pkg import submodule` imports the submodule; `from mod import name`
                # imports a name of mod.
                sub = _resolve(f"{module}.{alias.name}")
                if sub and sub == f"{module}.{alias.name}":
                    edges.append(Edge(name, sub, ("",), node.lineno))
                else:
                    target = _resolve(module)
                    if target:
                        edges.append(Edge(name, target, (alias.name,), node.lineno))
    return [edge for edge in edges if edge.target != name]


EDGES = [edge for name, path in MODULES.items() for edge in _edges(name, path)]


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _circles() -> list[list[str]]:
    graph: dict[str, set[str]] = {name: set() for name in MODULES}
    for edge in EDGES:
        graph[edge.source].add(edge.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_every_part_of_portal_has_a_layer():
    parts = {_part(name) for name in MODULES} - {""}
    assert parts <= set(LAYERS), f"give these a layer in LAYERS: {sorted(parts - set(LAYERS))}"


def test_no_import_circles():
    circles = _circles()
    assert not circles, "import circles:\n" + "\n".join(" <-> ".join(c) for c in circles)


def _violation(edge: Edge) -> str | None:
    source, target = _part(edge.source), _part(edge.target)
    where = f"{edge.source}:{edge.line} imports {edge.target}"
    if any(name.startswith("_") and not name.startswith("__") for name in edge.names):
        return f"{where} private name(s) {', '.join(edge.names)}"
    if source == target or not source:
        return None
    if LAYERS[target] > LAYERS[source]:
        return f"{where}: upward, from layer {LAYERS[source]} to {LAYERS[target]}"
    if LAYERS[target] == APP and LAYERS[source] < PROJECT:
        module = edge.target.split(".")[2] if edge.target.count(".") >= 2 else ""
        if module not in APP_PUBLIC_MODULES:
            return f"{where}: another app's private module (use its selectors or services)"
    return None


def test_dependencies_point_one_way_through_public_modules():
    violations = sorted({v for edge in EDGES if (v := _violation(edge))})
    assert not violations, "\n".join(violations)


def test_modules_are_short():
    long = []
    for path in MODULES.values():
        if "/data/" in path.as_posix():
            continue
        lines = sum(1 for _ in path.open(encoding="utf-8"))
        if lines > MAX_LINES:
            long.append(f"{path.relative_to(ROOT)} ({lines})")
    assert not long, f"modules over {MAX_LINES} lines: {', '.join(long)}"


@pytest.mark.parametrize(
    "edge, expected",
    [
        (Edge("portal.core.roles", "portal.home.models", ("HomePage",), 1), "upward"),
        (Edge("portal.search.views", "portal.news.models", ("ArticlePage",), 1), "upward"),
        (Edge("portal.visits.selectors", "portal.news.models", ("ArticlePage",), 1), "private module"),
        (Edge("portal.feedback.views", "portal.feedback.admin_views", ("_file_response",), 1), "private name"),
        (Edge("portal.feedback.views", "portal.feedback.selectors", ("petition_public",), 1), None),
        (Edge("portal.home.models", "portal.news.selectors", ("latest_by_category",), 1), None),
        (Edge("portal.news.services", "portal.core.text", ("slugify_vi",), 1), None),
        (Edge("portal.urls", "portal.feedback.views", ("",), 1), None),
    ],
)
def test_the_rules_catch_what_they_are_meant_to(edge, expected):
    verdict = _violation(edge)
    if expected is None:
        assert verdict is None
    else:
        assert verdict is not None and expected in verdict
