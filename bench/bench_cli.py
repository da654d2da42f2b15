"""Measure how fast the command line starts: `unsnare --version`, `unsnare --help`
and one command's own help, each in a fresh Python process.

Run:  .venv/bin/python bench/bench_cli.py [--repeat 10]

Target (issue 13): `--version` and `--help` in < 0.3 s. Baseline in the same
run: a bare `python -c pass` (the interpreter's own start), and the old way of
starting, which imported every command module first.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time

RUN = "import sys; from unsnare.cli.main import run; sys.argv[0] = 'unsnare'; run()"
# What `unsnare` did before the command list became lazy: import every command module.
EAGER = (
    "import sys; from unsnare.cli import main; main._register_commands(); "
    "sys.argv[0] = 'unsnare'; main.run()"
)
CASES = (
    ("python -c pass (baseline)", ["-c", "pass"]),
    ("unsnare --version", ["-c", RUN, "--version"]),
    ("unsnare --help", ["-c", RUN, "--help"]),
    ("unsnare analyze --help", ["-c", RUN, "analyze", "--help"]),
    ("old start: --version with every module", ["-c", EAGER, "--version"]),
)


def _best(args: list[str], repeat: int) -> float:
    env = {**os.environ, "COLUMNS": "100"}
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, *args], env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    """Time each case and print the best wall time of the repeats."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, "
          f"CPython {platform.python_version()}; best of {args.repeat}")
    for label, argv in CASES:
        print(f"{label:42} {_best(argv, args.repeat) * 1000:7.0f} ms")


if __name__ == "__main__":
    main()
