"""A bank's index kept on disk, so a process opens a big bank without rebuilding it.

Each bank gets one directory, `<index dir>/<bank name>/`, holding the PDQ
index (see `PDQIndex.save`; its tables are memory-mapped on load), the MD5
ids, and `stamp.json`: which state of the bank the files hold (its creation
time and change counters, the highest entry id) plus each file's size and
CRC-32. The database stays the source of truth: files that are missing,
unreadable, or whose checksums do not match are ignored and the index is
rebuilt. A save writes a temporary directory and renames it into place, so a
reader never sees a half-written index.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
import zlib
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from unsnare.hashing.banks import BankRevision, HashBank
from unsnare.hashing.index import PDQIndex

_FORMAT = "unsnare-bank-index"
_VERSION = 1
_CHUNK = 1 << 22


@dataclass(frozen=True)
class Stamp:
    """Which state of a bank a saved index holds."""

    created: str
    revision: int
    removals: int
    max_id: int
    pdq: int
    md5: int

    @classmethod
    def of(cls, bank: HashBank, rev: BankRevision, max_id: int, pdq: int, md5: int) -> Stamp:
        """The stamp for a bank at this revision."""
        return cls(bank.created.isoformat(), rev.revision, rev.removals, max_id, pdq, md5)


@dataclass
class SavedIndex:
    """What a saved bank index holds once loaded."""

    stamp: Stamp
    pdq: PDQIndex
    md5: dict[str, int]


def _crc(path: Path) -> int:
    crc = 0
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            crc = zlib.crc32(chunk, crc)
    return crc


def save_bank_index(
    root: Path, name: str, stamp: Stamp, pdq: PDQIndex, md5: dict[str, int]
) -> None:
    """Write the bank's index under root/name, replacing the old copy in one rename."""
    root.mkdir(parents=True, exist_ok=True)
    tmp = root / f".{name}.{uuid.uuid4().hex}.tmp"
    try:
        pdq.save(tmp / "pdq")
        values = list(md5)
        np.save(tmp / "md5_values.npy", np.asarray(values, dtype="<U32").reshape(-1))
        np.save(tmp / "md5_ids.npy", np.asarray([md5[v] for v in values], dtype=np.int64))
        files = {
            str(p.relative_to(tmp)): [p.stat().st_size, _crc(p)]
            for p in sorted(tmp.rglob("*"))
            if p.is_file()
        }
        meta = {"format": _FORMAT, "version": _VERSION, "stamp": asdict(stamp), "files": files}
        # The stamp goes last: a directory without one is never trusted.
        (tmp / "stamp.json").write_text(json.dumps(meta, indent=1), "utf-8")
        final = root / name
        old = root / f".{name}.{uuid.uuid4().hex}.old"
        if final.exists():
            os.rename(final, old)
        os.rename(tmp, final)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        for stale in root.glob(f".{name}.*.old"):
            shutil.rmtree(stale, ignore_errors=True)


def load_bank_index(root: Path, name: str) -> SavedIndex | None:
    """The saved index of the bank, or None when there is none or it cannot be trusted."""
    src = root / name
    try:
        meta: dict[str, Any] = json.loads((src / "stamp.json").read_text("utf-8"))
        if meta.get("format") != _FORMAT or meta.get("version") != _VERSION:
            return None
        stamp = Stamp(**meta["stamp"])
        for rel, (size, crc) in meta["files"].items():
            path = src / rel
            if path.stat().st_size != size or _crc(path) != crc:
                return None
        pdq = PDQIndex.load(src / "pdq", mmap=True)
        values = np.load(src / "md5_values.npy")
        ids = np.load(src / "md5_ids.npy")
        md5 = dict(zip(values.tolist(), ids.tolist(), strict=True))
        if len(pdq) != stamp.pdq or len(md5) != stamp.md5:
            return None
    # Anything wrong with the files means "rebuild": the database is the truth.
    except Exception:  # noqa: BLE001
        return None
    return SavedIndex(stamp, pdq, md5)
