"""`Any` is kept for data that is truly foreign; its count in src/ may only go down.

The ceiling is recorded in tests/any-ceiling.txt. When a change removes uses
of `Any`, lower the ceiling to the new count (the failure message gives it);
a change that adds one should type the value instead.
"""

from __future__ import annotations

import ast
from pathlib import Path

from support import paths

ROOT = paths.ROOT
SRC = ROOT / "src" / "unsnare"
CEILING = paths.TESTS / "any-ceiling.txt"


def count_any(path: Path) -> int:
    """Uses of `typing.Any` in one module (imports not counted)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    uses = 0
    for node in ast.walk(tree):
        named = (isinstance(node, ast.Name) and node.id == "Any") or (
            isinstance(node, ast.Attribute) and node.attr == "Any")
        if named:
            uses += 1
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            # A quoted annotation ("dict[str, Any]") hides its Any from the tree.
            uses += _in_string_annotation(node.value)
    return uses


def _in_string_annotation(text: str) -> int:
    try:
        inner = ast.parse(text, mode="eval")
    except SyntaxError:
        return 0
    return sum(1 for n in ast.walk(inner) if isinstance(n, ast.Name) and n.id == "Any")


def test_any_does_not_spread() -> None:
    counts = {p.relative_to(SRC).as_posix(): count_any(p) for p in sorted(SRC.rglob("*.py"))}
    total = sum(counts.values())
    ceiling = int(CEILING.read_text(encoding="utf-8").split()[0])
    worst = ", ".join(f"{name} {n}" for name, n in
                      sorted(counts.items(), key=lambda kv: -kv[1])[:5] if n)
    assert total <= ceiling, (
        f"src/ uses Any {total} times, above the ceiling of {ceiling} "
        f"(most in: {worst}); type the new values instead"
    )


def test_the_ceiling_follows_the_count_down() -> None:
    # A ratchet: when uses of Any go away, the recorded ceiling goes down with them,
    # so a later change cannot quietly spend the room they left.
    total = sum(count_any(p) for p in SRC.rglob("*.py"))
    ceiling = int(CEILING.read_text(encoding="utf-8").split()[0])
    assert total >= ceiling, (
        f"src/ now uses Any {total} times, below the ceiling of {ceiling}: "
        f"write {total} in tests/any-ceiling.txt"
    )
