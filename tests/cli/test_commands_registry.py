"""The command list: lazy loading keeps `--version` and `--help` light, and the
list agrees with the commands the modules really define."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys

import pytest
import typer
from typer.testing import CliRunner

from unsnare.cli import commands_registry
from unsnare.cli.main import app

HEAVY = ("numpy", "sqlalchemy", "unsnare.analysis", "unsnare.evidence", "unsnare.importers")


def _modules_loaded_by(*args: str) -> list[str]:
    code = (
        "import json, sys\n"
        "from unsnare.cli.main import run\n"
        f"sys.argv = ['unsnare', *{list(args)!r}]\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded: list[str] = json.loads(out.stdout.strip().splitlines()[-1])
    return loaded


@pytest.mark.parametrize("args", [("--version",), ("--help",)])
def test_version_and_help_import_no_command_module(args: tuple[str, ...]) -> None:
    loaded = _modules_loaded_by(*args)
    assert not [m for m in loaded if m.startswith(HEAVY)]


def _eager() -> typer.Typer:
    eager = typer.Typer()
    for register in commands_registry.registrars():
        register(eager)
    return eager


def test_the_list_names_every_command_in_help_order() -> None:
    group = typer.main.get_group(_eager())
    ctx = typer.Context(group)
    assert [e.name for e in commands_registry.COMMANDS] == group.list_commands(ctx)


def test_each_summary_is_the_first_paragraph_of_the_command_help() -> None:
    group = typer.main.get_group(_eager())
    for entry in commands_registry.COMMANDS:
        command = group.commands[entry.name]
        first = inspect.cleandoc(command.help or "").split("\n\n")[0].strip()
        assert entry.summary == first, entry.name


@pytest.mark.parametrize("module", commands_registry.MODULES)
def test_each_module_defines_the_commands_listed_for_it(module: str) -> None:
    alone = typer.Typer()
    commands_registry.register_module(module, alone)
    defined = set(typer.main.get_group(alone).commands)
    assert defined == {e.name for e in commands_registry.COMMANDS if e.module == module}


def test_a_command_runs_through_the_lazy_root() -> None:
    result = CliRunner().invoke(app, ["guide", "--help"])
    assert result.exit_code == 0
    assert "guide" in result.output


def test_a_typo_gets_the_nearest_command_name() -> None:
    result = CliRunner().invoke(app, ["anaylze"])
    assert result.exit_code == 2
    assert "Did you mean 'analyze'?" in result.output
