"""`tests/` mirrors `src/unsnare/`: every test file names the module or package it
tests, or sits in a cross-cutting folder that tests/README.md lists."""

from __future__ import annotations

import re
from pathlib import Path

from support.paths import SRC, TESTS

PACKAGE = SRC / "unsnare"
SKIP = {"data", "support", "artifacts", "__pycache__"}


def _cross_cutting() -> set[str]:
    """The folders listed under "Cross-cutting folders" in tests/README.md."""
    text = (TESTS / "README.md").read_text(encoding="utf-8")
    section = text.split("## Cross-cutting folders", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^- `tests/(\w+)/`", section, re.MULTILINE))


def _test_files() -> list[Path]:
    return sorted(p for p in TESTS.rglob("test_*.py")
                  if not SKIP & set(p.relative_to(TESTS).parts[:-1]))


def _names_a_module(test: Path) -> bool:
    """tests/a/b/test_x_aspect.py names src/unsnare/a/b/x.py (or _x.py, or the package x)."""
    rel = test.relative_to(TESTS)
    folder = PACKAGE.joinpath(*rel.parts[:-1])
    if not folder.is_dir():
        return False
    words = rel.stem.removeprefix("test_").split("_")
    for end in range(len(words), 0, -1):
        name = "_".join(words[:end])
        for candidate in (name, "_" + name):
            if (folder / f"{candidate}.py").exists() or any((folder / candidate).glob("*.py")):
                return True
    return False


def test_the_readme_lists_the_cross_cutting_folders_that_exist() -> None:
    folders = _cross_cutting()
    assert folders >= {"docs", "e2e", "security", "project"}
    for name in folders:
        assert (TESTS / name).is_dir(), f"tests/README.md lists tests/{name}/, which is gone"
        assert not (PACKAGE / name).exists(), f"tests/{name}/ would mirror src/unsnare/{name}/"


def test_every_test_file_names_a_module_or_a_cross_cutting_folder() -> None:
    cross = _cross_cutting()
    stray = [str(p.relative_to(TESTS)) for p in _test_files()
             if p.relative_to(TESTS).parts[0] not in cross and not _names_a_module(p)]
    assert not stray, (
        "these test files name no module of src/unsnare/ (rename to "
        "tests/<package>/test_<module>[_aspect].py, or list the folder in "
        f"tests/README.md): {stray}")


def test_helpers_live_in_support_and_folders_are_not_packages() -> None:
    misplaced = []
    for path in TESTS.rglob("*.py"):
        parts = path.relative_to(TESTS).parts
        if SKIP & set(parts[:-1]):
            continue
        if path.name == "conftest.py" or path.name.startswith("test_"):
            continue
        misplaced.append("/".join(parts))
    assert not misplaced, f"helpers belong in tests/support/ (and no __init__.py): {misplaced}"


def test_the_rule_accepts_what_it_should() -> None:
    assert _names_a_module(TESTS / "evidence" / "test_locker_delete.py")
    assert _names_a_module(TESTS / "analysis" / "detectors" / "test_multilingual.py")
    assert _names_a_module(TESTS / "analysis" / "test_identifiers.py")
    assert _names_a_module(TESTS / "test_dates.py")
    assert not _names_a_module(TESTS / "evidence" / "test_nothing_here.py")
    assert not _names_a_module(TESTS / "nowhere" / "test_locker.py")
