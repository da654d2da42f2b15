"""A throwaway PostgreSQL server: the whole test session's (the `postgres_url` fixture),
and the platform benchmarks' (bench/platform_pg.py starts it the same way)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from support.components import require

ENV_URL = "UNSNARE_TEST_POSTGRES_URL"


def pg_bin() -> Path | None:
    """The folder of the newest installed PostgreSQL's server programs, if any."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(found[-1]).parent if found else None


def free_port() -> int:
    """A loopback TCP port nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def throwaway_server(
    bindir: Path, *settings: str, prefix: str = "unsnare-pg-"
) -> Iterator[str]:
    """A pg8000 URL of a new server on loopback that lives as long as the `with` block;
    `settings` are more `name=value` server settings."""
    as_root = os.geteuid() == 0
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    data, port = tmp / "data", free_port()
    # PostgreSQL refuses to run as root; CI runs as root, so use the postgres user.
    runner = ["runuser", "-u", "postgres", "--"] if as_root else []
    if as_root:
        shutil.chown(tmp, "postgres")
        tmp.chmod(0o700)

    def run(*args: str) -> None:
        subprocess.run([*runner, *args], check=True, capture_output=True, timeout=60)

    run(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "unsnare", "-E", "UTF8")
    opts = f"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={tmp} -F"
    opts += "".join(f" -c {s}" for s in settings)
    run(str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(tmp / "log"), "-w", "start")
    try:
        yield f"postgresql+pg8000://unsnare@127.0.0.1:{port}/postgres"
    finally:
        run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A real, throwaway PostgreSQL server for this test session (pg8000 URL).

    UNSNARE_TEST_POSTGRES_URL, when set, points at a server to use instead.
    """
    given = os.environ.get(ENV_URL)
    if given:
        yield given
        return
    bindir = pg_bin()
    require(bindir is not None, "PostgreSQL server binaries (/usr/lib/postgresql/*/bin)")
    assert bindir is not None
    if os.geteuid() == 0:
        require(shutil.which("runuser") is not None, "runuser (to start PostgreSQL as root)")
    with throwaway_server(bindir) as url:
        yield url
