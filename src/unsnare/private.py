"""Files and folders only their owner can read: hash lists, databases, lockers.

Hash lists say which pictures a person is trying to stop; databases and
lockers hold their case. On a shared computer none of it should be readable
by other accounts, whatever the umask is.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def make_private_dir(path: Path) -> None:
    """Create `path` and any missing parents as owner-only folders.

    Folders that already exist keep their mode: they may be the person's own
    (their home, their Desktop) and are not ours to change.
    """
    missing: list[Path] = []
    at = path
    while not at.exists() and at != at.parent:
        missing.append(at)
        at = at.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=DIR_MODE)
            os.chmod(folder, DIR_MODE)  # mkdir's mode is filtered by the umask


def write_private(path: Path, data: str | bytes) -> None:
    """Write a whole file readable and writable by its owner only."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    with os.fdopen(fd, "wb") as f:
        os.fchmod(f.fileno(), FILE_MODE)  # an existing file keeps its old mode otherwise
        f.write(raw)


def create_private_file(path: Path) -> None:
    """Create an empty owner-only file, e.g. for SQLite to fill (it keeps the mode).

    Raises FileExistsError when something is already there.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.fchmod(fd, FILE_MODE)
    os.close(fd)
