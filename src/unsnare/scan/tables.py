"""The scan's output tables: their Parquet schemas and a deterministic writer.

Every table is sorted on all its columns before it is written, with fixed
writer settings, so the same findings make the same bytes whatever engine
and partitioning produced them.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

SHUFFLE = pa.schema(
    [
        ("conversation_id", pa.string()),
        ("message_id", pa.string()),
        ("sender", pa.string()),
        ("ts_us", pa.int64()),
        ("text", pa.string()),
        ("platform", pa.string()),
        ("order", pa.int64()),
    ]
)
CONVERSATIONS = pa.schema(
    [
        ("conversation_id", pa.string()),
        ("platform", pa.string()),
        ("messages", pa.int64()),
        ("risk_level", pa.string()),
        ("risk_score", pa.float64()),
        ("scheme", pa.string()),
        ("stage", pa.string()),
        ("crisis", pa.bool_()),
        ("first_alert_message_id", pa.string()),
        ("findings", pa.int64()),
        ("identifiers", pa.string()),
    ]
)
FINDINGS = pa.schema(
    [
        ("conversation_id", pa.string()),
        ("message_id", pa.string()),
        ("tactic", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("detector", pa.string()),
        ("version", pa.string()),
        ("score", pa.float64()),
        ("layer", pa.string()),
        ("explanation", pa.string()),
    ]
)
FINDINGS_WITH_TEXT = FINDINGS.append(pa.field("text", pa.string()))
MATCHES = pa.schema(
    [
        ("id", pa.string()),
        ("signal", pa.string()),
        ("bank", pa.string()),
        ("bank_kind", pa.string()),
        ("distance", pa.int64()),
        ("matched_id", pa.int64()),
    ]
)
REJECTS = pa.schema(
    [
        ("source", pa.string()),
        ("row", pa.int64()),
        ("field", pa.string()),
        ("reason", pa.string()),
        ("conversation_id", pa.string()),
        ("message_id", pa.string()),
    ]
)
# Final output files, by table name.
OUTPUTS = {
    "conversations": CONVERSATIONS,
    "findings": FINDINGS,
    "hash_matches": MATCHES,
    "rejects": REJECTS,
}


def to_table(rows: Sequence[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    """A table of these rows (dicts keyed by column) in this schema."""
    return pa.Table.from_pylist(list(rows), schema=schema)


def write_atomic(table: pa.Table, path: Path) -> None:
    """Write a Parquet file so a crash never leaves half a file under the final name."""
    tmp = path.with_name(path.name + ".tmp")
    pq.write_table(table, tmp, compression="zstd", row_group_size=1_000_000)
    os.replace(tmp, path)


def write_sorted(table: pa.Table, path: Path) -> None:
    """Sort on every column, then write with fixed settings (byte-for-byte repeatable)."""
    table = table.replace_schema_metadata(None)
    if table.num_rows:
        table = table.sort_by([(name, "ascending") for name in table.column_names])
    write_atomic(table.combine_chunks(), path)


def read_parts(paths: Sequence[Path], schema: pa.Schema) -> pa.Table:
    """All the part files of one table, concatenated (an empty table if none)."""
    tables = [pq.read_table(p, schema=schema) for p in sorted(paths)]
    if not tables:
        return schema.empty_table()
    return pa.concat_tables(tables)
