"""Run Unsnare in a child process and measure its peak memory (ru_maxrss of that child)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from support import paths

SRC = str(paths.SRC)
MB = 1024 * 1024
# The bound: memory proportional to the file, never over 10x its size + 100 MB.
BASE_ALLOWANCE = 100 * MB


@dataclass(frozen=True)
class ChildRun:
    """What a child process did: exit code, output and peak resident memory."""

    exit_code: int
    stdout: str
    stderr: str
    peak_bytes: int


# Linux keeps a process's peak memory across exec, so a child forked from the
# test runner would report the runner's size. A tiny launcher forks the real
# child instead and writes that child's own peak (wait4) to a file.
_LAUNCHER = """
import os, sys
pid = os.posix_spawn(sys.executable, [sys.executable, *sys.argv[2:]], os.environ)
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as f:
    f.write(str(usage.ru_maxrss * 1024))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_python(
    code: str,
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 300,
) -> ChildRun:
    """Run `code` in a fresh interpreter importing this checkout; measure its peak RSS."""
    env = {**os.environ, "PYTHONPATH": SRC, "OMP_NUM_THREADS": "1", **(env or {})}
    with tempfile.TemporaryDirectory() as tmp:
        peak = Path(tmp) / "peak"
        proc = subprocess.run(
            [sys.executable, "-c", _LAUNCHER, str(peak), "-c", code, *args],
            capture_output=True,
            env=env,
            cwd=cwd,
            timeout=timeout,
            check=False,
        )
        return ChildRun(
            exit_code=proc.returncode,
            stdout=proc.stdout.decode("utf-8", "replace"),
            stderr=proc.stderr.decode("utf-8", "replace"),
            peak_bytes=int(peak.read_text()) if peak.is_file() else 0,
        )


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> ChildRun:
    """Run the `unsnare` command line in a child process."""
    code = "import sys; from unsnare.cli.main import run; sys.argv[0] = 'unsnare'; run()"
    return run_python(code, *args, cwd=cwd, env=env)


def memory_bound(file_bytes: int) -> int:
    """The most memory reading a file of this size may take."""
    return 10 * file_bytes + BASE_ALLOWANCE
