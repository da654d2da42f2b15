"""The package, its command and its error handling."""

from __future__ import annotations

import subprocess
import sys

import unsnare
from unsnare.errors import InputError, UnsnareError


def test_version_is_exposed() -> None:
    assert unsnare.__version__


def test_error_explains_where_and_what_to_try() -> None:
    err = InputError("this is not a WhatsApp export", file="chat.txt", line=3, hint="pick --format")
    assert isinstance(err, UnsnareError)
    assert err.explain() == "chat.txt, line 3: this is not a WhatsApp export\nWhat to try: pick --format"


def test_cli_version_runs() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "unsnare.cli.main", "--version"], capture_output=True, text=True
    )
    assert out.returncode == 0
    assert out.stdout.startswith("unsnare ")
