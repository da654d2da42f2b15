"""Checking a hash file a whole column at a time, and handing hashes over in blocks.

Row by row, a hash cost a Python dict, a character-by-character hex check and
one call into the search kernel: about half the CPU of a hash scan
(docs/scan.md). Here the hex columns are checked with one regular expression
over the column and decoded into a (n, 32) byte array in one NumPy step; the
banks then search the whole block in one call. Rows that fail the column
checks go through `check_hash`, so a reject reads the same whichever way its
row was read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from unsnare.scan.columnar import read_slice
from unsnare.scan.rows import BATCH_ROWS, HashRow, Reject, check_hash, raw_rows

U8 = npt.NDArray[np.uint8]
I64 = npt.NDArray[np.int64]

# Hex digit -> value; 255 marks a byte that is not a hex digit (checked before use).
_NIBBLE = np.full(256, 255, dtype=np.uint8)
for _i, _c in enumerate(b"0123456789abcdef"):
    _NIBBLE[_c] = _i
for _i, _c in enumerate(b"ABCDEF"):
    _NIBBLE[_c] = 10 + _i


@dataclass
class HashBlock:
    """Checked rows of one block: item ids, the PDQs some of them carry, their MD5s."""

    ids: pa.Array
    pdq_rows: I64  # which ids the rows of `pdq` belong to
    pdq: U8  # (len(pdq_rows), 32)
    md5: list[tuple[int, str]] = field(default_factory=list)  # (id row, lower-case hex)


def _is_text(t: pa.DataType) -> bool:
    return bool(pa.types.is_string(t) or pa.types.is_large_string(t))


def fits(schema: pa.Schema) -> bool:
    """True when the id and hash columns are text, which the column checks understand."""
    names = set(schema.names)
    if "id" not in names or not names & {"pdq", "md5"}:
        return False
    return all(
        _is_text(schema.field(n).type) or (n != "id" and pa.types.is_null(schema.field(n).type))
        for n in ("id", "pdq", "md5")
        if n in names
    )


def decode_hex(column: pa.Array, width: int) -> U8:
    """Non-null strings of exactly `width` hex digits, as a (n, width // 2) byte array."""
    column = column.cast(pa.large_string())
    n = len(column)
    if not n:
        return np.empty((0, width // 2), dtype=np.uint8)
    offsets = np.frombuffer(column.buffers()[1], dtype=np.int64)[column.offset :]
    data = np.frombuffer(column.buffers()[2], dtype=np.uint8)
    # Every value has the same length, so the values sit end to end in the data buffer.
    digits = _NIBBLE[data[offsets[0] : offsets[0] + n * width]].reshape(n, width // 2, 2)
    if (digits == 255).any():
        raise ValueError("decode_hex was given a value that is not hexadecimal")
    out: U8 = (digits[:, :, 0] << np.uint8(4)) | digits[:, :, 1]
    return out


def _hex_state(table: pa.Table, name: str, width: int) -> tuple[pa.Array, pa.Array]:
    """(value is null, value is exactly `width` hex digits) for a column (absent = null)."""
    n = table.num_rows
    if name not in table.column_names or pa.types.is_null(table.schema.field(name).type):
        return pa.array(np.ones(n, dtype=bool)), pa.array(np.zeros(n, dtype=bool))
    col = table.column(name)
    good = pc.fill_null(pc.match_substring_regex(col, f"^[0-9a-fA-F]{{{width}}}$"), False)
    return pc.is_null(col), good


def column_blocks(
    path: Path, first: int, count: int | None
) -> Iterator[tuple[HashBlock, list[Reject], int]]:
    """(block, rejects, rows read) for rows first..first+count of a Parquet hash file."""
    table = read_slice(path, first, count)
    for start in range(0, table.num_rows, BATCH_ROWS):
        part = table.slice(start, BATCH_ROWS)
        yield (*_check_columns(part, path.name, first + start), part.num_rows)


def _check_columns(table: pa.Table, source: str, first: int) -> tuple[HashBlock, list[Reject]]:
    ids = table.column("id").combine_chunks()
    # An id with a letter or digit is surely not blank; anything odder is checked by hand.
    id_ok = pc.fill_null(pc.match_substring_regex(ids, "[0-9A-Za-z]"), False)
    pdq_null, pdq_ok = _hex_state(table, "pdq", 64)
    md5_null, md5_ok = _hex_state(table, "md5", 32)
    fast = pc.and_(
        pc.and_(id_ok, pc.or_(pdq_null, pdq_ok)),
        pc.and_(pc.or_(md5_null, md5_ok), pc.or_(pdq_ok, md5_ok)),
    )
    fast_mask = np.asarray(fast.to_numpy(zero_copy_only=False), dtype=bool)
    good = table.filter(fast)
    good_ids = good.column("id").combine_chunks().cast(pa.string())
    pdq_rows = np.empty(0, dtype=np.int64)
    pdq = np.empty((0, 32), dtype=np.uint8)
    if "pdq" in good.column_names and not pa.types.is_null(good.schema.field("pdq").type):
        col = good.column("pdq").combine_chunks()
        pdq_rows = np.flatnonzero(np.asarray(col.is_valid().to_numpy(zero_copy_only=False)))
        pdq = decode_hex(col.drop_null(), 64)
    md5: list[tuple[int, str]] = []
    if "md5" in good.column_names and not pa.types.is_null(good.schema.field("md5").type):
        values = good.column("md5").to_pylist()
        md5 = [(i, v.lower()) for i, v in enumerate(values) if v is not None]
    # The rest, one by one: the same checks and the same wording as a JSON Lines row.
    numbers = np.flatnonzero(~fast_mask) + first + 1
    slow = [
        check_hash(row, source, int(number))
        for number, row in zip(numbers.tolist(), table.filter(pc.invert(fast)).to_pylist(),
                               strict=True)
    ]
    rejects = [r for r in slow if isinstance(r, Reject)]
    block = HashBlock(good_ids, pdq_rows.astype(np.int64), pdq, md5)
    checked = [r for r in slow if isinstance(r, HashRow)]
    return (_join(block, rows_block(checked)) if checked else block), rejects


def rows_block(rows: list[HashRow]) -> HashBlock:
    """A block of rows checked one by one."""
    with_pdq = [i for i, r in enumerate(rows) if r.pdq is not None]
    pdq = decode_hex(pa.array([rows[i].pdq for i in with_pdq], pa.string()), 64)
    md5 = [(i, r.md5) for i, r in enumerate(rows) if r.md5 is not None]
    return HashBlock(pa.array([r.id for r in rows], pa.string()),
                     np.array(with_pdq, dtype=np.int64), pdq, md5)


def _join(a: HashBlock, b: HashBlock) -> HashBlock:
    shift = len(a.ids)
    return HashBlock(
        pa.concat_arrays([a.ids, b.ids]),
        np.concatenate([a.pdq_rows, b.pdq_rows + shift]),
        np.concatenate([a.pdq, b.pdq]),
        a.md5 + [(i + shift, v) for i, v in b.md5],
    )


def row_blocks(
    path: Path, first: int, count: int | None
) -> Iterator[tuple[HashBlock, list[Reject], int]]:
    """(block, rejects, rows read) for any hash file, each row checked on its own."""
    checked: list[HashRow] = []
    rejects: list[Reject] = []
    read = 0
    for number, raw in raw_rows(path, first, count):
        read += 1
        row: HashRow | Reject = raw if isinstance(raw, Reject) else check_hash(
            raw, path.name, number
        )
        if isinstance(row, Reject):
            rejects.append(row)
        else:
            checked.append(row)
        if read == BATCH_ROWS:
            yield rows_block(checked), rejects, read
            checked, rejects, read = [], [], 0
    if read:
        yield rows_block(checked), rejects, read


def blocks(path: Path, first: int, count: int | None) -> Iterator[
    tuple[HashBlock, list[Reject], int]
]:
    """The hash file's rows in checked blocks, by columns when the file allows it."""
    if path.suffix == ".parquet" and fits(pq.read_schema(path)):
        return column_blocks(path, first, count)
    return row_blocks(path, first, count)
