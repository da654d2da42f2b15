"""Temporary files of the web app, and what a crash left behind.

Uploads are read from memory, so the only temporary files left are packages
being downloaded and sealed reports (`sealed.py`; unreadable once their
server's key is gone). Their folders carry the server's process id, so a new
start can remove what a killed server left (and anything older versions of
Unsnare left in clear, in `unsnare-*` folders) without touching the folders
of another server that is still running.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import tempfile
from pathlib import Path

PREFIX = "unsnare-"
# Only folders that tempfile.mkdtemp made for Unsnare (8 random characters at the
# end), never a file a person saved as "unsnare-something".
_OURS = re.compile(
    r"^unsnare-(?:(?:upload|package|verify|reports)-)?(?:(?P<pid>\d+)-)?[a-z0-9_]{8}$"
)


def private_tempdir(kind: str, parent: Path | None = None) -> Path:
    """A new folder only this user can open (mode 0700), marked with this process id."""
    return Path(tempfile.mkdtemp(prefix=f"{PREFIX}{kind}-{os.getpid()}-", dir=parent))


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_leftovers(folder: Path | None = None) -> list[str]:
    """Remove this user's `unsnare-*` temporary folders that no running server owns;
    return their names."""
    base = Path(folder or tempfile.gettempdir())
    removed: list[str] = []
    try:
        entries = list(base.glob(f"{PREFIX}*"))
    except OSError:
        return removed
    for entry in entries:
        ours = _OURS.match(entry.name)
        try:
            if not ours or not stat.S_ISDIR((info := entry.lstat()).st_mode):
                continue
            if info.st_uid != os.getuid():
                continue
        except OSError:
            continue
        if ours["pid"] and _alive(int(ours["pid"])):
            continue
        with contextlib.suppress(OSError):
            shutil.rmtree(entry)
            removed.append(entry.name)
    return removed
