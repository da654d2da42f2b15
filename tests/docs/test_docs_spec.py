"""The documentation as a specification: every command, option, tactic and
importer is documented; the blocks marked runnable run; and the imports between
packages go the way docs/architecture.md draws them."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from typer import _click as click

from support.cli import install_unsnare_command
from support.docs import DOCS, ROOT, CodeBlock, pages, runnable_blocks
from unsnare.analysis import Tactic
from unsnare.cli import commands_registry
from unsnare.importers import default_registry

SRC = ROOT / "src" / "unsnare"


def _commands() -> Iterator[tuple[str, click.Command]]:
    app = typer.Typer()
    for register in commands_registry.registrars():
        register(app)

    def walk(command: click.Command, path: str) -> Iterator[tuple[str, click.Command]]:
        yield path, command
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, f"{path} {name}")

    yield from walk(typer.main.get_group(app), "unsnare")


def test_every_command_and_option_is_documented() -> None:
    text = "\n".join(pages().values())
    missing = []
    for path, command in _commands():
        if path != "unsnare" and path not in text:
            missing.append(path)
        for param in command.params:
            if getattr(param, "hidden", False):
                continue
            missing += [f"{path} {o}" for o in param.opts
                        if o.startswith("--") and o != "--help" and o not in text]  # fmt: skip
    assert not missing, f"document these in docs/: {missing}"


def test_every_tactic_is_documented() -> None:
    text = pages()["analysis.md"]
    assert [t.value for t in Tactic if f"`{t.value}`" not in text] == []


def test_every_importer_is_documented() -> None:
    text = pages()["importers.md"]
    assert [n for n in default_registry().names() if f"| `{n}` |" not in text] == []


def test_the_architecture_page_has_a_runnable_walk_through() -> None:
    assert any(b.page == "architecture.md" for b in runnable_blocks())


def _run_block(block: CodeBlock, folder: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PATH"] = f"{install_unsnare_command(folder / '.bin').parent}{os.pathsep}{env['PATH']}"
    env.update(COLUMNS="100", HOME=str(folder), XDG_DATA_HOME=str(folder / ".data"),
               UNSNARE_DATA_DIR=str(folder / ".unsnare"))  # fmt: skip
    for name in ("UNSNARE_LOCKER", "UNSNARE_PASSPHRASE", "UNSNARE_DATABASE_URL"):
        env.pop(name, None)
    if block.language == "python":
        command = [sys.executable, "-c", block.code]
    else:
        assert block.language in ("sh", "bash", "console"), block.where
        command = ["bash", "-euo", "pipefail", "-c", block.code]
    return subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True,
                          timeout=300, check=False)  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("block", runnable_blocks(), ids=lambda b: b.where)
def test_a_runnable_block_runs(block: CodeBlock, tmp_path: Path) -> None:
    done = _run_block(block, tmp_path)
    assert done.returncode == 0, f"{block.where}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"


# --- the layers drawn in docs/architecture.md ---------------------------------


def _layers() -> dict[str, int]:
    """Each package's layer, 0 at the top of the page's table."""
    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| ([a-z ]+) \| ((?:`\w+`(?:, )?)+) \|$", text, flags=re.M)
    assert rows, "the layer table in docs/architecture.md is missing"
    return {pkg: depth for depth, (_, cells) in enumerate(rows)
            for pkg in re.findall(r"`(\w+)`", cells)}  # fmt: skip


def _imports(path: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "unsnare":
                yield from (f"unsnare.{a.name}" for a in node.names)
            else:
                yield node.module


def test_every_package_is_in_the_drawing() -> None:
    ours = {p.name.removesuffix(".py") for p in SRC.iterdir()
            if not p.name.startswith(("_", ".")) and (p.is_dir() or p.suffix == ".py")}  # fmt: skip
    ours.discard("py")
    assert ours - {"__pycache__"} == set(_layers())


def test_imports_only_go_down_the_layers() -> None:
    layer = _layers()
    wrong = set()
    for path in SRC.rglob("*.py"):
        owner = path.relative_to(SRC).parts[0].removesuffix(".py")
        if owner not in layer:
            continue
        for module in _imports(path):
            parts = module.split(".")
            used = parts[1] if parts[0] == "unsnare" and len(parts) > 1 else None
            if used in layer and used != owner and layer[used] <= layer[owner]:
                wrong.add(f"{path.relative_to(SRC)} imports unsnare.{used}")
    assert not wrong, sorted(wrong)
