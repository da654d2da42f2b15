"""A throwaway PostgreSQL server for the platform benchmarks (as the test suite starts one).

UNSNARE_TEST_POSTGRES_URL, when set, names a server to use instead.
"""

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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def postgres() -> Iterator[str]:
    """A pg8000 URL of a server that lives as long as the `with` block."""
    given = os.environ.get("UNSNARE_TEST_POSTGRES_URL")
    if given:
        yield given
        return
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if not found:
        raise SystemExit("PostgreSQL server binaries are needed (/usr/lib/postgresql/*/bin)")
    bindir = Path(found[-1]).parent
    as_root = os.geteuid() == 0
    tmp = Path(tempfile.mkdtemp(prefix="unsnare-bench-pg-"))
    data, port = tmp / "data", _free_port()
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    if as_root:
        shutil.chown(tmp, "postgres")
        tmp.chmod(0o700)

    def run(*args: str) -> None:
        subprocess.run([*prefix, *args], check=True, capture_output=True, timeout=60)

    run(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "unsnare", "-E", "UTF8")
    opts = (f"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={tmp} -F "
            "-c max_connections=200")
    run(str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(tmp / "log"), "-w",
        "start")
    try:
        yield f"postgresql+pg8000://unsnare@127.0.0.1:{port}/postgres"
    finally:
        run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(tmp, ignore_errors=True)
