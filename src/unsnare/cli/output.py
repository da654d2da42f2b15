"""Shared helpers for printing to the terminal and as JSON."""

from __future__ import annotations

import sys
from typing import Any

from rich.console import Console

from unsnare.cli.jsontext import dumps_indented


def console(stderr: bool = False) -> Console:
    """A console for human output (stdout) or errors (stderr)."""
    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def print_json(data: Any) -> None:
    """Print one JSON document to stdout, UTF-8, stable key order as given."""
    # (json.dumps(data, ensure_ascii=False, indent=2, default=str), written faster)
    sys.stdout.write(dumps_indented(data))
    sys.stdout.write("\n")
