"""The shape of the code base: stages import only the stages before them, no
module grows past 600 lines, no function past cyclomatic complexity 30."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from radon.complexity import cc_visit

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "wortlaut"
MAX_LINES = 600
MAX_COMPLEXITY = 30

# One data model flows one way. A module may import its own part and the parts
# of a lower rank only: the shared vocabulary at the bottom, the shells at the top.
RANK = {
    "model": 0,
    "lexicon": 1,
    "ingest": 2,
    "analyse": 3,
    "resolve": 4,
    "store": 5,
    "pipeline": 6, "corpus": 6,
    "admission": 7,
    "batch": 8,
    "evaluate": 9, "training": 9, "serve": 9, "scale": 9, "export": 9,
    "cli": 10,
}

MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


def part_of(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def imported_parts(path: Path) -> set[str]:
    """The top-level parts of wortlaut that ``path`` imports, relative imports resolved."""
    package = ["wortlaut", *path.relative_to(PACKAGE).parent.parts]
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                prefix = ".".join(package[: len(package) - node.level + 1])
                base = f"{prefix}.{base}" if base else prefix
            # "from .. import x" may name modules: count each name as one
            modules |= {f"{base}.{alias.name}" for alias in node.names}
    return {m.split(".")[1] for m in modules if m.startswith("wortlaut.")}


def functions(blocks: list) -> list:
    """Every function, method and closure radon found, however deep."""
    found = []
    for block in blocks:
        found.append(block)
        found += functions(getattr(block, "methods", []) + getattr(block, "closures", []))
    return found


def test_every_part_has_a_rank():
    parts = {part_of(p) for p in MODULES} - {"__init__", "__main__"}
    assert parts <= set(RANK), parts - set(RANK)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_run_one_way(path: Path):
    own = part_of(path)
    if own in ("__init__", "__main__"):
        return
    upward = {p for p in imported_parts(path) if p != own and RANK.get(p, -1) >= RANK[own]}
    assert not upward, f"{own} (rank {RANK[own]}) imports {sorted(upward)}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_stay_small_and_functions_simple(path: Path):
    source = path.read_text(encoding="utf-8")
    assert source.count("\n") <= MAX_LINES
    complex_ = [f"{b.name} ({b.complexity})" for b in functions(cc_visit(source))
                if not hasattr(b, "methods") and b.complexity > MAX_COMPLEXITY]
    assert not complex_, complex_
