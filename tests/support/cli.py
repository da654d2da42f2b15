"""Running `unsnare` in tests: in-process through Typer's runner, or as a
separate process exactly as a person's shell would run it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import typer
from typer.testing import CliRunner, Result

# The `unsnare` console script, as code for `python -c` (uses whichever
# `unsnare` package this interpreter imports: the work tree's under PYTHONPATH).
UNSNARE_CODE = "import sys; from unsnare.cli.main import run; sys.argv[0] = 'unsnare'; run()"


def invoke(registers: Sequence[Callable[[typer.Typer], None]], *args: str,
           input: str | None = None) -> Result:
    """Run commands in this process: an app made from command modules' `register`."""
    app = typer.Typer()
    for register in registers:
        register(app)
    return CliRunner().invoke(app, list(args), input=input)


def run_unsnare(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
                path: Sequence[Path] = ()) -> subprocess.CompletedProcess[str]:
    """Run `unsnare ARGS` in a new process; `path` folders go first on PYTHONPATH."""
    full = {**os.environ, **(env or {})}
    full["PYTHONPATH"] = os.pathsep.join(
        [*map(str, path), *filter(None, [full.get("PYTHONPATH", "")])]
    )
    return subprocess.run([sys.executable, "-c", UNSNARE_CODE, *args], cwd=cwd, env=full,
                          capture_output=True, text=True, check=False)  # fmt: skip


def install_unsnare_command(folder: Path) -> Path:
    """Write an `unsnare` script into `folder` (to put first on PATH for shell examples)."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "unsnare"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -c "{UNSNARE_CODE}" "$@"\n',
                      encoding="utf-8")  # fmt: skip
    script.chmod(0o755)
    return script
