"""Grouping by conversation spills to disk past a memory budget: the same order, the same bytes."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from support.archive import EVERYDAY
from support.scan import long_chat_among, same_bytes
from unsnare.scan import ScanOptions, run_scan, spill, tables
from unsnare.scan.engines import LocalEngine
from unsnare.scan.spill import SORT_KEYS, BucketSorter

# Conversation ids whose order differs between naive character and byte order
# would show up here: upper case, accents, an emoji, a prefix of another id.
IDS = ("a", "ab", "B", "é", "z", "Ω", "😀", "conv-10", "conv-9")


def shuffle_files(folder: Path, files: int, rows: int, seed: int = 3) -> list[Path]:
    """Shuffle files as the split writes them: unsorted rows, equal timestamps on purpose."""
    rng = random.Random(seed)
    folder.mkdir()
    paths = []
    for f in range(files):
        batch = [
            {"conversation_id": rng.choice(IDS), "message_id": f"f{f}-{i}", "sender": "s",
             "ts_us": rng.randrange(5), "text": rng.choice(EVERYDAY) * rng.randint(1, 3),
             "platform": "sms", "order": (f << 40) | i}
            for i in range(rows)
        ]
        path = folder / f"split-{f}.parquet"
        tables.write_atomic(tables.to_table(batch, tables.SHUFFLE), path)
        paths.append(path)
    return paths


def collected(sorter: BucketSorter, max_rows: int) -> pa.Table:
    pieces = list(sorter.slices(max_rows))
    assert all(p.num_rows <= max_rows for p in pieces)
    return pa.concat_tables(pieces) if pieces else tables.SHUFFLE.empty_table()


@pytest.mark.parametrize(
    ("budget", "fanin"),
    [
        (10**9, 32),  # fits: sorted in memory
        (4_000, 32),  # spilled, one merge pass
        (1_500, 3),  # spilled, more runs than the fan-in: runs merged into runs first
        (1, 2),  # a budget smaller than one row: a row at a time, still right
    ],
)
def test_a_spilled_sort_gives_the_in_memory_order(tmp_path: Path, budget: int, fanin: int) -> None:
    paths = shuffle_files(tmp_path / "shuffle", files=4, rows=120)
    expected = tables.read_parts(paths, tables.SHUFFLE).sort_by(SORT_KEYS)
    sorter = BucketSorter(paths, budget, tmp_path / "spill", fanin=fanin)
    got = collected(sorter, max_rows=50)
    assert got.to_pylist() == expected.to_pylist()
    assert (sorter.runs_written > 0) == (budget < sorter.size)
    if budget < 4_000:
        assert sorter.runs_written > fanin  # the multi-pass merge was used
    assert not (tmp_path / "spill").exists()  # the spill files never outlive the sort


def test_an_empty_bucket(tmp_path: Path) -> None:
    assert collected(BucketSorter([], 1, tmp_path / "spill"), 10).num_rows == 0


def test_a_conversation_bigger_than_the_budget_is_analysed_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    long_chat_among(folder, 40, seed=12, per_minute=3)
    written: list[int] = []
    real = BucketSorter._write_run

    def counting(self: BucketSorter, pieces: Any, name: str) -> Path:
        path = real(self, pieces, name)
        written.append(pq.ParquetFile(path).metadata.num_rows)
        return path

    monkeypatch.setattr(spill.BucketSorter, "_write_run", counting)
    for stream_from in (100_000, 40):  # whole, and streamed in windows
        memory, spilled = tmp_path / f"memory{stream_from}", tmp_path / f"spilled{stream_from}"
        # chunk_rows=97: many shuffle files per bucket, each holding part of "long".
        base = ScanOptions(folder, memory, partitions=2, chunk_rows=97, stream_from=stream_from)
        run_scan(base, LocalEngine())
        assert not written
        # 3,000 bytes: "long" alone (239 messages) is about five times that.
        run_scan(ScanOptions(folder, spilled, partitions=2, chunk_rows=97,
                             stream_from=stream_from, sort_memory=3_000), LocalEngine())
        assert len(written) > 10 and max(written) < 239
        written.clear()
        same_bytes(memory, spilled)
        flagged = pq.read_table(spilled / "conversations.parquet").to_pylist()
        assert [(c["conversation_id"], c["messages"]) for c in flagged] == [("long", 239)]
        assert flagged[0]["first_alert_message_id"] == "m00150"
