"""`run_scan` end to end: planted conversations found, rejects kept, the same bytes on
every engine and partitioning, and a crashed run resumed."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from support.archive import PLANTED_ALERT, conversations
from support.scan import COUNT, same_bytes
from unsnare.errors import UsageError
from unsnare.scan import ScanOptions, run_scan
from unsnare.scan.engines import DaskEngine, LocalEngine
from unsnare.scan.hashbanks import BankSnapshot
from unsnare.scan.job import Task


@pytest.fixture(scope="module")
def dask() -> Iterator[DaskEngine]:
    engine = DaskEngine(workers=2)
    yield engine
    engine.close()


def test_every_planted_conversation_found_at_its_first_alert(reference: Path) -> None:
    flagged = {r["conversation_id"]: r for r in pq.read_table(
        reference / "conversations.parquet").to_pylist()}
    planted = [cid for cid, _, p in conversations(COUNT) if p]
    assert planted
    for cid in planted:
        assert flagged[cid]["first_alert_message_id"] == f"{cid}-m{PLANTED_ALERT:04d}"
        assert flagged[cid]["scheme"] == "financial_sextortion"
        assert flagged[cid]["risk_level"] in ("high", "critical")
    summary = json.loads((reference / "summary.json").read_text())
    assert summary["conversations"] == COUNT + 0  # the rejected rows' "c1" never had a good row
    assert summary["flagged"] == len(flagged)


def test_no_message_text_unless_asked(reference: Path, archive: Path, tmp_path: Path) -> None:
    assert "text" not in pq.read_schema(reference / "findings.parquet").names
    run_scan(ScanOptions(archive, tmp_path, include_text=True), LocalEngine())
    rows = pq.read_table(tmp_path / "findings.parquet").to_pylist()
    assert any("bitcoin" in (r["text"] or "") for r in rows)
    assert not (tmp_path / "_scan").exists()  # the shuffle held text: it is gone


def test_bad_rows_are_kept_with_their_reason(reference: Path) -> None:
    rejects = pq.read_table(reference / "rejects.parquet").to_pylist()
    reasons = {r["reason"] for r in rejects}
    assert "this line is not valid JSON" in reasons
    assert "no text" in reasons
    assert "text is not a string" in reasons
    assert any("timestamp" in r for r in reasons)
    assert all(r["source"] == "b.jsonl" and r["row"] > 0 for r in rejects)
    summary = json.loads((reference / "summary.json").read_text())
    assert summary["rejected_rows"] == len(rejects) >= 8


@pytest.mark.parametrize(("partitions", "chunk_rows"), [(1, 300), (5, 100_000), (16, 700)])
def test_dask_gives_the_same_bytes(
    archive: Path, reference: Path, tmp_path: Path, dask: DaskEngine, partitions: int,
    chunk_rows: int
) -> None:
    run_scan(ScanOptions(archive, tmp_path, partitions, chunk_rows), dask)
    same_bytes(reference, tmp_path)


class Crash(Exception):
    pass


class CrashingEngine:
    """Runs `allowed` tasks, then fails the way a lost worker would."""

    name = "crashing"

    def __init__(self, allowed: int) -> None:
        self.allowed = allowed

    def run(self, tasks: Sequence[Task], banks: BankSnapshot | None) -> None:
        for task in tasks:
            if self.allowed == 0:
                raise Crash("worker lost")
            self.allowed -= 1
            LocalEngine().run([task], banks)

    def close(self) -> None:
        pass


def test_a_crashed_run_resumes_without_redoing_finished_work(
    archive: Path, reference: Path, tmp_path: Path
) -> None:
    options = ScanOptions(archive, tmp_path, partitions=4, chunk_rows=500)
    with pytest.raises(Crash):
        run_scan(options, CrashingEngine(allowed=5))
    done = sorted(p.name for p in (tmp_path / "_scan" / "done").iterdir())
    assert len(done) == 5
    with pytest.raises(UsageError, match="other inputs or options"):
        run_scan(ScanOptions(archive, tmp_path, partitions=2, chunk_rows=500), LocalEngine())
    summary = run_scan(options, LocalEngine())
    assert summary.resumed_tasks == 5
    same_bytes(reference, tmp_path)


def test_a_folder_of_chat_exports(tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    lines = ["[01/03/2026, 10:00:00] Kai: hey you look cute in your pics",
             "[01/03/2026, 10:01:00] Kai: send me a pic",
             "[01/03/2026, 10:02:00] Sam: ok",
             "[01/03/2026, 10:03:00] Kai: I have your nudes. Pay me $500 in bitcoin or I send "
             "them to all your followers and your family"]
    (exports / "chat.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (exports / "broken.json").write_text("{", encoding="utf-8")
    summary = run_scan(ScanOptions(exports, tmp_path / "out"), LocalEngine())
    rows: list[dict[str, Any]] = pq.read_table(
        tmp_path / "out" / "conversations.parquet").to_pylist()
    assert [r["conversation_id"] for r in rows] == ["chat.txt"]
    assert rows[0]["first_alert_message_id"] is not None
    rejects = pq.read_table(tmp_path / "out" / "rejects.parquet").to_pylist()
    assert [r["source"] for r in rejects] == ["broken.json"]
    assert summary.rejected == 1


def test_parquet_rows_are_checked_like_json_lines(tmp_path: Path) -> None:
    import pyarrow as pa

    from support.archive import SCHEMA, START

    rows = [
        {"conversation_id": "c", "message_id": "1", "sender": "a", "timestamp": START,
         "text": "hi", "platform": None},
        {"conversation_id": "c", "message_id": "2", "sender": "a", "timestamp": None,
         "text": "hi", "platform": "sms"},
        {"conversation_id": " ", "message_id": "3", "sender": "a", "timestamp": START,
         "text": "hi", "platform": "sms"},
        {"conversation_id": "c", "message_id": "4", "sender": None, "timestamp": START,
         "text": "  ", "platform": "sms"},
    ]
    (tmp_path / "pq").mkdir()
    pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMA), tmp_path / "pq" / "m.parquet")
    (tmp_path / "js").mkdir()
    with (tmp_path / "js" / "m.jsonl").open("w", encoding="utf-8") as fh:
        for row in rows:
            when = row["timestamp"]
            fh.write(json.dumps(dict(row, timestamp=when.isoformat() if when else None)) + "\n")
    for name in ("pq", "js"):
        run_scan(ScanOptions(tmp_path / name, tmp_path / f"{name}-out"), LocalEngine())
    found = [
        [(r["row"], r["field"], r["reason"]) for r in
         pq.read_table(tmp_path / f"{name}-out" / "rejects.parquet").to_pylist()]
        for name in ("pq", "js")
    ]
    assert found[0] == found[1]
    assert [f for _, f, _ in found[0]] == ["timestamp", "conversation_id", "text"]


def test_progress_counts_partitions_and_rows(archive: Path, tmp_path: Path) -> None:
    calls: list[tuple[int, int, int]] = []
    summary = run_scan(ScanOptions(archive, tmp_path / "out", partitions=3, chunk_rows=200),
                       LocalEngine(), progress=lambda *call: calls.append(call))
    # Each phase reports at least once, and its last report has every task done.
    ends = [c for i, c in enumerate(calls) if i + 1 == len(calls) or calls[i + 1][1] != c[1]]
    assert len(ends) == 2 and all(done == total for done, total, _ in ends)
    assert ends[1] == (3, 3, summary.messages)  # the analysis: 3 buckets, every message
    assert ends[0][1] > 3 and ends[0][2] >= summary.messages  # the split: every row read
