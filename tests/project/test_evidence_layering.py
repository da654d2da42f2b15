"""The evidence package's shape: one owner per concern, no import cycles, no hidden imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import unsnare.evidence
from unsnare.errors import IntegrityError, MissingBlobError
from unsnare.evidence import Locker

PACKAGE = Path(unsnare.evidence.__file__).parent
# Third-party modules imported where they are used, each for a reason: heavy
# (weasyprint, pyzipper), an optional driver (pg8000), POSIX only (fcntl).
LAZY_ALLOWED = {"weasyprint", "pyzipper", "pg8000.native", "fcntl"}


def _modules() -> dict[str, ast.Module]:
    return {p.stem: ast.parse(p.read_text(encoding="utf-8")) for p in PACKAGE.glob("*.py")}


def _evidence_imports(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for name in [node.module, *(f"{node.module}.{a.name}" for a in node.names)]:
                parts = name.split(".")
                if parts[:2] == ["unsnare", "evidence"] and len(parts) > 2 \
                        and (PACKAGE / f"{parts[2]}.py").exists():
                    found.add(parts[2])
    return found


def test_no_module_of_evidence_imports_itself_round_a_cycle() -> None:
    graph = {name: _evidence_imports(tree) - {name} for name, tree in _modules().items()
             if name != "__init__"}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for dep in graph.get(start, set()):
            if dep == goal or (dep not in seen and reaches(dep, goal, seen | {dep})):
                return True
        return False

    assert [m for m in graph if reaches(m, m, {m})] == []


def test_imports_inside_functions_are_only_the_named_third_party_ones() -> None:
    lazy: set[str] = set()
    for tree in _modules().values():
        for fn in ast.walk(tree):
            if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                for node in ast.walk(fn):
                    if isinstance(node, ast.Import):
                        lazy |= {a.name for a in node.names}
                    elif isinstance(node, ast.ImportFrom) and node.module:
                        lazy.add(node.module)
    assert lazy <= LAZY_ALLOWED


def test_a_deleted_blob_is_its_own_error() -> None:
    locker = Locker.in_memory("a passphrase long enough")
    case = locker.new_case("missing blob")
    with pytest.raises(MissingBlobError) as caught:
        case.get_blob("0" * 16)
    assert isinstance(caught.value, IntegrityError)
