"""Reading a scan's input rows and sorting good rows from bad ones.

A message archive is Parquet or JSON Lines with one row a message
(`conversation_id`, `message_id`, `sender`, `timestamp`, `text`, optional
`platform`); a hash input has `id` and `pdq` and/or `md5`. A bad row never
stops a scan: it becomes a `Reject` naming the file, the row and the reason,
and the rest is read on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from unsnare.errors import InputError

MESSAGE_FIELDS = ("conversation_id", "message_id", "sender", "timestamp", "text")
HASH_FIELDS = ("id", "pdq", "md5")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# Rows read from a Parquet file in one go: bounded memory on any file size.
BATCH_ROWS = 65_536


@dataclass(frozen=True, slots=True)
class Reject:
    """A row the scan could not use, and why (never its text)."""

    source: str
    row: int
    field: str
    reason: str
    conversation_id: str | None = None
    message_id: str | None = None


@dataclass(frozen=True, slots=True)
class MessageRow:
    """A checked message row; `ts_us` is UTC microseconds, `order` its place in the input."""

    conversation_id: str
    message_id: str
    sender: str | None
    ts_us: int
    text: str
    platform: str
    order: int


@dataclass(frozen=True, slots=True)
class HashRow:
    """A checked hash row: an item id with a PDQ and/or an MD5 (lower-case hex)."""

    id: str
    pdq: str | None
    md5: str | None


def raw_rows(path: Path, first: int = 0, count: int | None = None) -> Iterator[
    tuple[int, dict[str, Any] | Reject]
]:
    """(1-based row number, row dict or Reject) for rows first..first+count of a file."""
    if path.suffix == ".parquet":
        yield from _parquet_rows(path, first, count)
    else:
        yield from _jsonl_rows(path, first, count)


def _parquet_rows(
    path: Path, first: int, count: int | None
) -> Iterator[tuple[int, dict[str, Any] | Reject]]:
    pf = pq.ParquetFile(path)
    end = pf.metadata.num_rows if count is None else min(first + count, pf.metadata.num_rows)
    row = 0
    for batch in pf.iter_batches(batch_size=BATCH_ROWS):
        if row >= end:
            break
        if row + batch.num_rows <= first:
            row += batch.num_rows
            continue
        cols = batch.to_pydict()
        names = list(cols)
        for i in range(batch.num_rows):
            if first <= row < end:
                yield row + 1, {n: cols[n][i] for n in names}
            row += 1


def _jsonl_rows(
    path: Path, first: int, count: int | None
) -> Iterator[tuple[int, dict[str, Any] | Reject]]:
    with path.open("rb") as fh:
        for index, raw in enumerate(fh):
            if index < first:
                continue
            if count is not None and index >= first + count:
                break
            number = index + 1
            if not raw.strip():
                continue
            try:
                item = json.loads(raw)
            except (ValueError, UnicodeDecodeError):
                yield number, Reject(path.name, number, "", "this line is not valid JSON")
                continue
            if not isinstance(item, dict):
                yield number, Reject(path.name, number, "", "this line is not a JSON object")
                continue
            yield number, item


def _ident(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value
    return None


def parse_timestamp(value: Any) -> int | None:
    """UTC microseconds from a datetime, an ISO 8601 string or epoch seconds; None if bad.

    A time without a zone is read as UTC (the documented convention for archives)."""
    when: datetime
    if isinstance(value, datetime):
        when = value
    elif isinstance(value, str):
        try:
            when = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if value != value or abs(value) > 1e11:  # NaN, or not seconds since 1970
            return None
        return round(value * 1_000_000)
    else:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    delta = when - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def check_message(
    row: dict[str, Any], source: str, number: int, order: int
) -> MessageRow | Reject:
    """The row as a `MessageRow`, or a `Reject` naming the first bad field."""
    conv = _ident(row.get("conversation_id"))
    mid = _ident(row.get("message_id"))

    def bad(field: str, reason: str) -> Reject:
        return Reject(source, number, field, reason, conv, mid)

    if conv is None:
        return bad("conversation_id", "no conversation_id (a non-empty text or number)")
    if mid is None:
        return bad("message_id", "no message_id (a non-empty text or number)")
    sender = row.get("sender")
    if sender is not None and not isinstance(sender, str):
        sender = _ident(sender)
        if sender is None:
            return bad("sender", "sender is not text")
    ts = parse_timestamp(row.get("timestamp"))
    if ts is None:
        return bad("timestamp", "missing or unreadable timestamp (use ISO 8601 with a zone)")
    text = row.get("text")
    if not isinstance(text, str):
        return bad("text", "no text" if text is None else "text is not a string")
    if not text.strip():
        return bad("text", "no text")
    platform = row.get("platform")
    if platform is not None and not isinstance(platform, str):
        return bad("platform", "platform is not text")
    return MessageRow(conv, mid, sender, ts, text, platform or "unknown", order)


def check_hash(row: dict[str, Any], source: str, number: int) -> HashRow | Reject:
    """The row as a `HashRow` (hex lower-cased), or a `Reject`."""
    item = _ident(row.get("id"))
    if item is None:
        return Reject(source, number, "id", "no id (a non-empty text or number)")
    found: dict[str, str | None] = {}
    for name, size in (("pdq", 64), ("md5", 32)):
        value = row.get(name)
        if value is None or value == "":
            found[name] = None
            continue
        if not isinstance(value, str):
            return Reject(source, number, name, f"{name} is not text", message_id=item)
        clean = value.strip().lower()
        if len(clean) != size or any(c not in "0123456789abcdef" for c in clean):
            return Reject(
                source, number, name, f"{name} is not {size} hexadecimal digits", message_id=item
            )
        found[name] = clean
    if found["pdq"] is None and found["md5"] is None:
        return Reject(source, number, "pdq", "neither pdq nor md5 is given", message_id=item)
    return HashRow(item, found["pdq"], found["md5"])


def parquet_file(path: Path) -> pq.ParquetFile:
    """A Parquet file opened for reading, or an error that names it."""
    try:
        return pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as err:
        raise InputError(
            "this is not a readable Parquet file",
            file=str(path),
            hint="Check that the file was written completely (a copy cut short cannot be read), "
            "or give the messages as JSON Lines.",
        ) from err


def columns_of(path: Path) -> set[str]:
    """The column names of a Parquet file, or the keys of a JSON Lines file's first object."""
    if path.suffix == ".parquet":
        return set(parquet_file(path).schema_arrow.names)
    with path.open("rb") as fh:
        for raw in fh:
            try:
                item = json.loads(raw)
            except (ValueError, UnicodeDecodeError):
                continue
            if isinstance(item, dict):
                return set(item)
    return set()
