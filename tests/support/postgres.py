"""A throwaway PostgreSQL server for the whole session (the `postgres_url` fixture)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from support.components import require


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A real, throwaway PostgreSQL server for this test session (pg8000 URL).

    UNSNARE_TEST_POSTGRES_URL, when set, points at a server to use instead.
    """
    given = os.environ.get("UNSNARE_TEST_POSTGRES_URL")
    if given:
        yield given
        return
    bindir = _pg_bin()
    require(bindir is not None, "PostgreSQL server binaries (/usr/lib/postgresql/*/bin)")
    assert bindir is not None
    as_root = os.geteuid() == 0
    if as_root:
        # PostgreSQL refuses to run as root; CI runs as root, so use the postgres user.
        require(shutil.which("runuser") is not None, "runuser (to start PostgreSQL as root)")
    tmp = Path(tempfile.mkdtemp(prefix="unsnare-pg-"))
    data, port = tmp / "data", _free_port()
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    if as_root:
        shutil.chown(tmp, "postgres")
        tmp.chmod(0o700)

    def run(*args: str) -> None:
        subprocess.run([*prefix, *args], check=True, capture_output=True, timeout=60)

    run(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "unsnare", "-E", "UTF8")
    opts = f"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={tmp} -F"
    run(str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(tmp / "log"), "-w", "start")
    try:
        yield f"postgresql+pg8000://unsnare@127.0.0.1:{port}/postgres"
    finally:
        run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(tmp, ignore_errors=True)
