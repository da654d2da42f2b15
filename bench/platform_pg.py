"""A throwaway PostgreSQL server for the platform benchmarks, started as the test suite
starts one (`tests/support/postgres.py`, the one starter of both).

UNSNARE_TEST_POSTGRES_URL, when set, names a server to use instead.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from support.postgres import ENV_URL, free_port, pg_bin, throwaway_server  # noqa: E402

__all__ = ["free_port", "postgres"]


@contextmanager
def postgres(*settings: str) -> Iterator[str]:
    """A pg8000 URL of a server that lives as long as the `with` block; `settings` are
    more `name=value` server settings."""
    given = os.environ.get(ENV_URL)
    if given:
        yield given
        return
    bindir = pg_bin()
    if bindir is None:
        raise SystemExit("PostgreSQL server binaries are needed (/usr/lib/postgresql/*/bin)")
    with throwaway_server(bindir, "max_connections=200", *settings,
                          prefix="unsnare-bench-pg-") as url:
        yield url
