"""A bucket's messages in conversation and time order, within a memory budget.

The analysis of a bucket needs its rows sorted by (conversation, timestamp,
input order). When the bucket's shuffle files fit the budget they are read
and sorted in memory, as before. When they do not, the sort spills to disk:

1. **Runs.** The shuffle files are read a batch at a time; whenever the
   rows held reach half the budget they are sorted and written to a run file
   (the other half is room for the sorted copy).
2. **Merge.** At most `FANIN` runs are read together, each a small row group
   at a time. The smallest of the runs' last keys is a safe frontier: every
   row at or below it, from every run, comes before anything still on disk, so
   those rows are sorted together and handed on; then the runs whose batch is
   used up read their next one. With more runs than `FANIN`, runs are first
   merged into longer runs (the classic multi-pass merge).

The key includes the input order, which is unique, so the order is total:
spilled or not, the rows come out in exactly the same order, and the analysis
writes the same bytes. A conversation bigger than the budget simply passes
through the merge in order, a slice at a time, into the streamed analysis
(`unsnare.scan.stream`). Memory held: about the budget for the sort, plus the
slice of rows turned into Python objects, plus the analysis's window.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from unsnare.scan import tables

# Rows of a bucket sorted by this key (the last column is unique).
SORT_KEYS = [("conversation_id", "ascending"), ("ts_us", "ascending"), ("order", "ascending")]
# Default memory budget of one analysis task's sort (ScanOptions.sort_memory).
SORT_MEMORY = 512 * 1024 * 1024
# Runs merged at once.
FANIN = 32


def data_bytes(paths: Sequence[Path]) -> tuple[int, int]:
    """(uncompressed bytes, rows) of these Parquet files, from their footers."""
    size = rows = 0
    for p in paths:
        meta = pq.ParquetFile(p).metadata
        rows += meta.num_rows
        size += sum(meta.row_group(g).total_byte_size for g in range(meta.num_row_groups))
    return size, rows


class BucketSorter:
    """The rows of one bucket's shuffle files, sorted, a slice at a time."""

    def __init__(
        self, paths: Sequence[Path], budget: int, spill_dir: Path, fanin: int = FANIN
    ) -> None:
        self.paths = sorted(paths)
        self.budget = max(1, budget)
        self.spill_dir = spill_dir
        self.fanin = max(2, fanin)
        size, rows = data_bytes(self.paths)
        self.size = size
        self.row_bytes = max(1, size // rows) if rows else 1
        self.runs_written = 0  # run files written (0: sorted in memory)

    def _rows_in(self, budget: int) -> int:
        return max(1, budget // self.row_bytes)

    def slices(self, max_rows: int) -> Iterator[pa.Table]:
        """Sorted slices of at most `max_rows` rows (and about the budget's worth)."""
        step = max(1, min(max_rows, self._rows_in(self.budget // 4)))
        if self.size <= self.budget:
            table = tables.read_parts(self.paths, tables.SHUFFLE).sort_by(SORT_KEYS)
            for start in range(0, table.num_rows, step):
                yield table.slice(start, step)
            return
        shutil.rmtree(self.spill_dir, ignore_errors=True)
        self.spill_dir.mkdir(parents=True)
        try:
            runs = self._make_runs()
            while len(runs) > self.fanin:
                merged = self._write_run(
                    self._merge(runs[: self.fanin]), f"merge-{self.runs_written:06d}"
                )
                for r in runs[: self.fanin]:
                    r.unlink()
                runs = [*runs[self.fanin :], merged]
            for piece in self._merge(runs):
                for start in range(0, piece.num_rows, step):
                    yield piece.slice(start, step)
        finally:
            shutil.rmtree(self.spill_dir, ignore_errors=True)

    def _group_rows(self) -> int:
        # Row groups small enough that FANIN of them, and their sorted copy, fit.
        return self._rows_in(self.budget // (2 * (self.fanin + 1)))

    def _write_run(self, pieces: Iterator[pa.Table], name: str) -> Path:
        path = self.spill_dir / f"{name}.parquet"
        with pq.ParquetWriter(path, tables.SHUFFLE, compression="lz4") as writer:
            for piece in pieces:
                writer.write_table(piece, row_group_size=self._group_rows())
        self.runs_written += 1
        return path

    def _make_runs(self) -> list[Path]:
        runs: list[Path] = []
        held: list[pa.RecordBatch] = []
        held_bytes = 0
        read_rows = self._rows_in(self.budget // 8)

        def spill() -> None:
            nonlocal held, held_bytes
            table = pa.Table.from_batches(held, tables.SHUFFLE).sort_by(SORT_KEYS)
            held, held_bytes = [], 0
            runs.append(self._write_run(iter([table]), f"run-{self.runs_written:06d}"))

        for path in self.paths:
            for batch in pq.ParquetFile(path).iter_batches(batch_size=read_rows):
                held.append(batch.cast(tables.SHUFFLE))
                held_bytes += batch.nbytes
                if held_bytes >= self.budget // 2:
                    spill()
        if held:
            spill()
        return runs

    def _merge(self, runs: Sequence[Path]) -> Iterator[pa.Table]:
        """The rows of these sorted runs, in order, a frontier's worth at a time."""
        group = self._group_rows()
        readers = [pq.ParquetFile(r).iter_batches(batch_size=group) for r in runs]
        current: list[pa.Table | None] = [None] * len(readers)

        def refill(i: int) -> None:
            for batch in readers[i]:
                if batch.num_rows:
                    current[i] = pa.Table.from_batches([batch])
                    return
            current[i] = None

        for i in range(len(readers)):
            refill(i)
        while True:
            live = [i for i, t in enumerate(current) if t is not None]
            if not live:
                return
            frontier = min(_last_key(current[i]) for i in live)
            taken: list[pa.Table] = []
            for i in live:
                table = current[i]
                assert table is not None
                n = _at_or_below(table, frontier)
                if n:
                    taken.append(table.slice(0, n))
                if n == table.num_rows:
                    refill(i)
                else:
                    current[i] = table.slice(n)
            yield pa.concat_tables(taken).sort_by(SORT_KEYS)


Key = tuple[str, int, int]


def _last_key(table: pa.Table) -> Key:
    last = table.num_rows - 1
    return (
        str(table.column("conversation_id")[last].as_py()),
        int(table.column("ts_us")[last].as_py()),
        int(table.column("order")[last].as_py()),
    )


def _at_or_below(table: pa.Table, key: Key) -> int:
    """How many leading rows of this sorted table have a key at or below `key`.

    Strings compare as UTF-8 bytes in Arrow and as code points in Python: the
    same order."""
    cid, ts, order = table.column("conversation_id"), table.column("ts_us"), table.column("order")
    below = pc.or_(
        pc.less(cid, key[0]),
        pc.and_(
            pc.equal(cid, key[0]),
            pc.or_(
                pc.less(ts, key[1]),
                pc.and_(pc.equal(ts, key[1]), pc.less_equal(order, key[2])),
            ),
        ),
    )
    return int(pc.sum(below).as_py() or 0)
