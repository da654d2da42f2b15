"""Reading and writing hash-bank files (documented in docs/hashing.md).

Readers: our JSON (`unsnare-hash-bank`), our CSV and plain CSV (one reader:
a header row names the columns, or the first column holding hashes is used),
python-threatexchange's local-file format (`pdq <hash>` per line, as HMA's
file exchange reads it), and the hash list that `unsnare protect` writes.
Writers: our JSON and our CSV.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from unsnare.errors import HashingError
from unsnare.hashing.banks import (
    BankEntry,
    BankKind,
    HashBank,
    SignalType,
    entry,
    guess_signal_type,
)
from unsnare.hashing.pdq import FileHashes
from unsnare.hashing.signals import builtin_signal_types

BANK_FORMAT = "unsnare-hash-bank"
HASH_LIST_FORMAT = "unsnare-hash-list"
CSV_COLUMNS = ("signal_type", "hash", "source", "added", "labels")
# python-threatexchange signal type names (SignalType.get_name()) we can hold.
TE_TYPES = {
    name: SignalType(t.name) for t in builtin_signal_types() for name in t.exchange_names
}


@dataclass(frozen=True)
class BankFile:
    """What a bank file held: entries, bank settings if recorded, and skipped lines."""

    format: str
    entries: list[BankEntry]
    bank: HashBank | None = None
    skipped: list[str] = field(default_factory=list)


def _err(msg: str, path: Path, line: int | None = None, fld: str | None = None) -> HashingError:
    return HashingError(
        msg,
        file=str(path),
        line=line,
        field=fld,
        hint="See docs/hashing.md for the file formats Unsnare reads.",
    )


def _make(kind: str | None, value: str, path: Path, line: int, **extra: Any) -> BankEntry:
    sig = kind or guess_signal_type(value)
    if sig is None:
        raise _err(f"'{value[:80]}' is not a PDQ (64 hex) or MD5 (32 hex) hash", path, line, "hash")
    try:
        return entry(sig, value, **extra)
    except (HashingError, ValueError) as exc:
        raise _err(getattr(exc, "message", str(exc)), path, line, "hash") from exc


def _when(text: str, path: Path, line: int) -> datetime | None:
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError as exc:
        raise _err(f"'{text}' is not an ISO 8601 date and time", path, line, "added") from exc
    if value.tzinfo is None:
        raise _err(f"'{text}' has no time zone (add Z or +01:00)", path, line, "added")
    return value


def read_json(path: Path, text: str) -> BankFile:
    """Our JSON bank format, or the hash list `unsnare protect` writes."""
    try:
        doc = json.loads(text)
    except ValueError as exc:
        raise _err(f"not valid JSON ({exc})", path) from exc
    if not isinstance(doc, dict) or doc.get("format") not in (BANK_FORMAT, HASH_LIST_FORMAT):
        raise _err(f'JSON without "format": "{BANK_FORMAT}"', path, fld="format")
    if doc["format"] == HASH_LIST_FORMAT:
        out = []
        for i, item in enumerate(doc.get("items", []), 1):
            for sig in ("pdq", "md5"):
                if item.get(sig):
                    out.append(_make(sig, item[sig], path, i, source="unsnare protect"))
        return BankFile(HASH_LIST_FORMAT, out)
    info = doc.get("bank") or {}
    bank = None
    if info.get("name"):
        bank = HashBank(
            str(info["name"]),
            BankKind(info.get("kind", "blocklist")),
            int(info.get("max_distance", 31)),
            str(info.get("description", "")),
        )
    out = []
    for i, item in enumerate(doc.get("entries", []), 1):
        if not isinstance(item, dict) or "hash" not in item:
            raise _err(f'entry {i} has no "hash"', path, i, "hash")
        out.append(
            _make(
                item.get("signal_type"),
                str(item["hash"]),
                path,
                i,
                source=str(item.get("source", "")),
                labels=[str(x) for x in item.get("labels", [])],
                added=_when(str(item.get("added") or ""), path, i),
            )
        )
    return BankFile(BANK_FORMAT, out, bank)


def read_csv(path: Path, text: str) -> BankFile:
    """Our CSV (signal_type,hash,source,added,labels) or any CSV with a hash column."""
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return BankFile("csv", [])
    header = [c.strip().lower() for c in rows[0]]
    has_header = not any(guess_signal_type(c) for c in rows[0])
    cols: dict[str, int] = {}
    if has_header:
        cols = {name: i for i, name in enumerate(header)}
        hash_col = next(
            (cols[n] for n in ("hash", "pdq", "md5", "signal", "value") if n in cols), None
        )
        if hash_col is None:
            raise _err("no column called hash, pdq, md5, signal or value", path, 1, "hash")
        fixed = header[hash_col] if header[hash_col] in ("pdq", "md5") else None
        body = enumerate(rows[1:], 2)
    else:
        hash_col = next(i for i, c in enumerate(rows[0]) if guess_signal_type(c))
        fixed, body = None, enumerate(rows, 1)
    out = []
    for line, row in body:
        if not any(c.strip() for c in row):
            continue
        if hash_col >= len(row):
            raise _err("this row has no hash", path, line, "hash")

        def cell(name: str, row: list[str] = row) -> str:
            return row[cols[name]].strip() if name in cols and cols[name] < len(row) else ""

        kind = cell("signal_type") or fixed
        labels = [x for x in cell("labels").split(";") if x]
        out.append(
            _make(
                kind,
                row[hash_col],
                path,
                line,
                source=cell("source"),
                labels=labels,
                added=_when(cell("added"), path, line),
            )
        )
    return BankFile("unsnare-csv" if "signal_type" in cols else "csv", out)


def read_threatexchange(path: Path, text: str) -> BankFile:
    """python-threatexchange local files: `<signal type> <hash>` (or a bare hash) per line."""
    out, skipped = [], []
    for line, raw in enumerate(text.splitlines(), 1):
        item = raw.strip()
        if not item:
            continue
        kind, _, value = item.partition(" ")
        if not value:
            kind, value = "", kind
        if kind and kind not in TE_TYPES:
            skipped.append(f"line {line}: signal type '{kind}' is not a PDQ or MD5 hash; skipped")
            continue
        out.append(
            _make(
                TE_TYPES.get(kind),
                value.strip(),
                path,
                line,
                source=f"threatexchange file {path.name}",
            )
        )
    return BankFile("threatexchange", out, skipped=skipped)


READERS: dict[str, Callable[[Path, str], BankFile]] = {
    "json": read_json,
    "csv": read_csv,
    "threatexchange": read_threatexchange,
}


def detect_format(text: str) -> str:
    """Guess which reader suits a file's text."""
    head = text.lstrip("\ufeff").lstrip()
    if head.startswith("{"):
        return "json"
    first = head.splitlines()[0] if head else ""
    if "," not in first and " " in first.strip():
        return "threatexchange"
    return "csv"


def read_bank_file(path: str | Path, fmt: str | None = None) -> BankFile:
    """Read a bank file in the given format (json, csv, threatexchange) or a guessed one."""
    p = Path(path)
    try:
        text = p.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise _err(f"cannot read this file ({exc.__class__.__name__})", p) from exc
    name = fmt or detect_format(text)
    if name not in READERS:
        raise HashingError(
            f"unknown bank file format '{name}'",
            field="format",
            hint=f"Use one of: {', '.join(READERS)}.",
        )
    return READERS[name](p, text.lstrip("\ufeff"))


def bank_to_json(bank: HashBank, entries: list[BankEntry]) -> str:
    """Our JSON bank format."""
    doc = {
        "format": BANK_FORMAT,
        "version": 1,
        "bank": {
            "name": bank.name,
            "kind": bank.kind.value,
            "max_distance": bank.max_distance,
            "description": bank.description,
        },
        "entries": [
            {
                "signal_type": e.signal_type.value,
                "hash": e.value,
                "source": e.source,
                "added": e.added.isoformat(),
                "labels": list(e.labels),
            }
            for e in entries
        ],
    }
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"


def bank_to_csv(entries: list[BankEntry]) -> str:
    """Our CSV bank format (labels joined with ';')."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for e in entries:
        writer.writerow(
            [e.signal_type.value, e.value, e.source, e.added.isoformat(), ";".join(e.labels)]
        )
    return buf.getvalue()


HASH_LIST_COLUMNS = ("file", "media_type", "size", "sha256", "md5", "pdq", "pdq_quality", "warning")


def low_quality_warning(item: FileHashes) -> str:
    """The warning for a PDQ hash with quality under 50 (empty when fine)."""
    if not item.low_quality:
        return ""
    return (
        f"PDQ quality {item.quality} is under 50 (a very plain or tiny picture): "
        "matches may be missed or wrong. The hash is kept."
    )


def hash_list_json(items: list[FileHashes], created: datetime) -> str:
    """The hash list `unsnare protect` writes (no pixels, only hashes and file names)."""
    doc = {
        "format": HASH_LIST_FORMAT,
        "version": 1,
        "created": created.isoformat(),
        "items": [
            {
                "file": i.path,
                "media_type": i.media_type,
                "size": i.size,
                "sha256": i.sha256,
                "md5": i.md5,
                "pdq": i.pdq,
                "pdq_quality": i.quality,
                "warning": low_quality_warning(i) or None,
            }
            for i in items
        ],
    }
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"


def hash_list_csv(items: list[FileHashes]) -> str:
    """The same hash list as CSV."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(HASH_LIST_COLUMNS)
    for i in items:
        quality = "" if i.quality is None else i.quality
        writer.writerow(
            [
                i.path,
                i.media_type,
                i.size,
                i.sha256,
                i.md5,
                i.pdq or "",
                quality,
                low_quality_warning(i),
            ]
        )
    return buf.getvalue()
