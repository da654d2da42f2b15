"""Checking a slice of a Parquet message file a whole column at a time.

Row by row, turning each Parquet row into a Python dict and each timestamp
into a datetime cost about 30% of a scan's CPU (bench/results/scan.md). When
the file has the expected column types, the checks run on whole Arrow
columns instead; the few rows that fail go back through `check_message`, so
a reject's reason is worded the same whichever way the row was read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from unsnare.scan.rows import BATCH_ROWS
from unsnare.scan.tables import SHUFFLE


def _is_text(t: pa.DataType) -> bool:
    return bool(pa.types.is_string(t) or pa.types.is_large_string(t))


def fits(schema: pa.Schema) -> bool:
    """True when every message column has a type the column checks understand."""
    names = set(schema.names)
    if not {"conversation_id", "message_id", "timestamp", "text"} <= names:
        return False
    for name in ("conversation_id", "message_id", "text"):
        if not _is_text(schema.field(name).type):
            return False
    if not pa.types.is_timestamp(schema.field("timestamp").type):
        return False
    for name in ("sender", "platform"):
        if name in names:
            t = schema.field(name).type
            if not (_is_text(t) or pa.types.is_null(t)):
                return False
    return True


def read_slice(path: Path, first: int, count: int | None) -> pa.Table:
    """Rows first..first+count of a Parquet file, reading only the batches that hold them."""
    pf = pq.ParquetFile(path)
    total = pf.metadata.num_rows
    end = total if count is None else min(first + count, total)
    parts: list[pa.RecordBatch] = []
    row = 0
    for batch in pf.iter_batches(batch_size=BATCH_ROWS):
        if row >= end:
            break
        lo, hi = max(first - row, 0), min(end - row, batch.num_rows)
        if hi > lo:
            parts.append(batch.slice(lo, hi - lo))
        row += batch.num_rows
    if not parts:
        return pf.schema_arrow.empty_table()
    return pa.Table.from_batches(parts)


def _filled(table: pa.Table, name: str) -> Any:
    """A text column whose trimmed value is not empty (nulls count as empty)."""
    col = table.column(name)
    return pc.fill_null(pc.greater(pc.utf8_length(pc.utf8_trim_whitespace(col)), 0), False)


def split_columns(
    table: pa.Table, first: int, file_index: int, row_bits: int
) -> tuple[pa.Table, list[tuple[int, dict[str, Any]]]]:
    """(good rows in the shuffle schema, [(row number, row) for rows to check one by one])."""
    n = table.num_rows
    # Arrow keeps zoned times as UTC; a time without a zone is read as UTC, as elsewhere.
    zone = table.schema.field("timestamp").type.tz
    ts = table.column("timestamp").cast(pa.timestamp("us", tz=zone), safe=False).cast(pa.int64())
    good = pc.and_(
        pc.and_(_filled(table, "conversation_id"), _filled(table, "message_id")),
        pc.and_(_filled(table, "text"), pc.is_valid(ts)),
    )
    numbers = np.arange(first + 1, first + n + 1, dtype=np.int64)
    mask = np.asarray(good.to_numpy(zero_copy_only=False), dtype=bool)
    bad_rows = table.filter(pc.invert(good)).to_pylist()
    bad = list(zip(numbers[~mask].tolist(), bad_rows, strict=True))

    def text_col(name: str, default: str | None) -> pa.Array:
        if name not in table.column_names:
            return pa.array([default] * n, pa.string())
        col = table.column(name).cast(pa.string())
        return pc.fill_null(col, default) if default is not None else col

    platform = text_col("platform", "unknown")
    # An empty platform reads as unknown, as on the row-by-row path.
    platform = pc.if_else(pc.equal(platform, ""), "unknown", platform)
    out = pa.table(
        {
            "conversation_id": table.column("conversation_id").cast(pa.string()),
            "message_id": table.column("message_id").cast(pa.string()),
            "sender": text_col("sender", None),
            "ts_us": ts,
            "text": table.column("text").cast(pa.string()),
            "platform": platform,
            "order": pa.array((file_index << row_bits) | numbers),
        },
        schema=SHUFFLE,
    )
    return out.filter(good), bad
