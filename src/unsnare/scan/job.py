"""The work of one scan task, the same whichever engine runs it.

Tasks read and write files under the output folder only, so Dask, Spark or
a plain loop can run them; each ends by writing a small "done" record, which
is what makes a run resumable and what the progress display counts.

- `split`: reads a slice of an input file, checks each row, and writes the
  good rows into one shuffle file per conversation bucket (so a conversation
  spread over many files or partitions is analysed whole).
- `analyse`: reads one bucket, sorts each conversation by time, analyses it.
- `export`: reads one chat export with the importers and analyses it.
- `hashes`: matches a slice of a hash input against the broadcast banks.
"""

from __future__ import annotations

import json
import os
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from unsnare.analysis import AnalysisReport, Analyzer
from unsnare.analysis.early import first_alert
from unsnare.analysis.report import Finding, Identifier
from unsnare.errors import UnsnareError
from unsnare.importers import read_export
from unsnare.models import Conversation, Message, Participant, Source
from unsnare.scan import columnar, hashcols, tables
from unsnare.scan.hashbanks import BankSnapshot
from unsnare.scan.rows import MessageRow, Reject, check_message, raw_rows
from unsnare.scan.spill import SORT_MEMORY, BucketSorter
from unsnare.scan.stream import STREAM_FROM, StreamedConversation, StreamedResult

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# Input row order packs the file's index above its row number, so messages with
# equal timestamps keep their input order whatever the partitioning.
_ROW_BITS = 40
_ROW_MASK = (1 << _ROW_BITS) - 1


@dataclass(frozen=True, slots=True)
class Task:
    """One unit of work; `key` names its done record and part files."""

    kind: str
    key: str
    out: str
    path: str = ""
    file_index: int = 0
    first: int = 0
    count: int = 0
    buckets: int = 1
    include_text: bool = False
    stream_from: int = STREAM_FROM
    sort_memory: int = SORT_MEMORY


_analyzers: list[Analyzer] = []


def analyzer() -> Analyzer:
    """This process's analyser, built on first use and then kept (one per worker)."""
    if not _analyzers:
        _analyzers.append(Analyzer())
    return _analyzers[0]


def bucket_of(conversation_id: str, buckets: int) -> int:
    """A conversation's bucket: stable across processes (Python's hash() is not)."""
    return zlib.crc32(conversation_id.encode("utf-8", "surrogatepass")) % buckets


def work_dir(out: str | Path) -> Path:
    """Where a scan keeps its shuffle files, parts and done records."""
    return Path(out) / "_scan"


def done_path(out: str | Path, key: str) -> Path:
    """The done record of a task."""
    return work_dir(out) / "done" / f"{key}.json"


def run_task(task: Task, banks: BankSnapshot | None = None) -> dict[str, Any]:
    """Run one task, record it as done, and return its counts."""
    if task.kind == "split":
        counts = _split(task)
    elif task.kind == "analyse":
        counts = _analyse_bucket(task)
    elif task.kind == "export":
        counts = _export(task)
    elif task.kind == "hashes":
        counts = _hashes(task, banks)
    else:
        raise ValueError(f"unknown task kind {task.kind}")
    record = done_path(task.out, task.key)
    record.parent.mkdir(parents=True, exist_ok=True)
    tmp = record.with_name(record.name + ".tmp")
    tmp.write_text(json.dumps(counts, sort_keys=True), "utf-8")
    os.replace(tmp, record)
    return counts


def _part(task: Task, table: str) -> Path:
    path = work_dir(task.out) / "parts" / f"{table}-{task.key}.parquet"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _write_rejects(task: Task, rejects: list[Reject]) -> None:
    rows = [
        {
            "source": r.source,
            "row": r.row,
            "field": r.field,
            "reason": r.reason,
            "conversation_id": r.conversation_id,
            "message_id": r.message_id,
        }
        for r in rejects
    ]
    tables.write_atomic(tables.to_table(rows, tables.REJECTS), _part(task, "rejects"))


def _split(task: Task) -> dict[str, Any]:
    path = Path(task.path)
    rejects: list[Reject] = []
    parts: list[pa.Table] = []
    rows = 0
    count = task.count or None
    items: list[tuple[int, dict[str, Any] | Reject]]
    if path.suffix == ".parquet" and columnar.fits(pq.read_schema(path)):
        table = columnar.read_slice(path, task.first, count)
        rows = table.num_rows
        good, bad = columnar.split_columns(table, task.first, task.file_index, _ROW_BITS)
        parts.append(good)
        items = list(bad)
    else:
        items = list(raw_rows(path, task.first, count))
        rows = len(items)
    # Rows read one by one, and rows the column checks turned down, are checked here.
    loose: list[dict[str, Any]] = []
    for number, raw in items:
        if isinstance(raw, Reject):
            rejects.append(raw)
            continue
        checked = check_message(raw, path.name, number, (task.file_index << _ROW_BITS) | number)
        if isinstance(checked, Reject):
            rejects.append(checked)
        else:
            loose.append(_shuffle_row(checked))
    parts.append(tables.to_table(loose, tables.SHUFFLE))
    _write_buckets(task, pa.concat_tables(parts))
    _write_rejects(task, rejects)
    return {"rows": rows, "rejected": len(rejects)}


def _write_buckets(task: Task, table: pa.Table) -> None:
    """One shuffle file per bucket that holds any of these rows."""
    if not table.num_rows:
        return
    ids = table.column("conversation_id").to_pylist()
    bucket = np.fromiter((bucket_of(c, task.buckets) for c in ids), np.int64, len(ids))
    for b in np.unique(bucket).tolist():
        folder = work_dir(task.out) / "shuffle" / f"b{b:05d}"
        folder.mkdir(parents=True, exist_ok=True)
        chosen = table.filter(pa.array(bucket == b))
        tables.write_atomic(chosen, folder / f"{task.key}.parquet")


def _shuffle_row(m: MessageRow) -> dict[str, Any]:
    return {
        "conversation_id": m.conversation_id,
        "message_id": m.message_id,
        "sender": m.sender,
        "ts_us": m.ts_us,
        "text": m.text,
        "platform": m.platform,
        "order": m.order,
    }


# Rows of a sorted bucket turned into Python objects at a time.
_READ_ROWS = 65_536


def _analyse_bucket(task: Task) -> dict[str, Any]:
    folder = work_dir(task.out) / "shuffle" / f"b{task.first:05d}"
    # Sorted in memory when the bucket fits the budget, else spilled to disk and
    # merged (`unsnare.scan.spill`): the same rows in the same order either way.
    sorter = BucketSorter(
        list(folder.glob("*.parquet")), task.sort_memory,
        work_dir(task.out) / "spill" / f"b{task.first:05d}",
    )  # fmt: skip
    results = _Results(task.include_text)
    held: list[Message] = []
    streamed: StreamedConversation | None = None
    current: tuple[str, str] | None = None  # (conversation id, platform)

    def finish() -> None:
        if current is None:
            return
        if streamed is not None:
            results.add_streamed(current[0], current[1], streamed.finish())
        else:
            results.add(_conversation(current[0], current[1], held), current[0])

    # Read in slices: a bucket's rows are never all Python objects at once, and a
    # conversation longer than `stream_from` is analysed a window at a time.
    for piece in sorter.slices(_READ_ROWS):
        cols = piece.to_pydict()
        for i, conversation_id in enumerate(cols["conversation_id"]):
            if current is None or conversation_id != current[0]:
                finish()
                current, held, streamed = (conversation_id, cols["platform"][i]), [], None
            message = _message(cols, i)
            if streamed is not None:
                streamed.add([message])
                continue
            held.append(message)
            if len(held) > task.stream_from:
                streamed = StreamedConversation(analyzer(), *current, window=task.stream_from)
                streamed.add(held)
                held = []
    finish()
    return results.write(task)


def _message(cols: dict[str, list[Any]], i: int) -> Message:
    order = cols["order"][i]
    return Message(
        id=cols["message_id"][i],
        sender=cols["sender"][i],
        timestamp=_EPOCH + timedelta(microseconds=cols["ts_us"][i]),
        text=cols["text"][i],
        source=Source("", f"input {order >> _ROW_BITS}", path=f"row {order & _ROW_MASK}"),
    )


def _conversation(conversation_id: str, platform: str, messages: list[Message]) -> Conversation:
    senders = dict.fromkeys(m.sender for m in messages if m.sender is not None)
    return Conversation(
        id=conversation_id,
        platform=platform,
        format="scan",
        participants=tuple(Participant(s, s) for s in senders),
        messages=tuple(messages),
        timezone="UTC",
    )


class _Results:
    """Collects the rows one task sends to the conversations and findings tables."""

    def __init__(self, include_text: bool) -> None:
        self.include_text = include_text
        self.conversations: list[dict[str, Any]] = []
        self.findings: list[dict[str, Any]] = []
        self.messages = 0
        self.levels: Counter[str] = Counter()
        self.tactics: Counter[str] = Counter()

    def add(self, conv: Conversation, conversation_id: str) -> None:
        engine = analyzer()
        report = engine.analyze(conv, is_email=conv.platform == "email")
        self.messages += len(conv.messages)
        self.levels[str(report.risk.level)] += 1
        if not report.risk.flagged:
            return
        at = first_alert(engine, conv)
        self.conversations.append(_conversation_row(
            conversation_id, conv.platform, len(conv.messages), report,
            conv.messages[at].id if at is not None else None, report.identifiers,
        ))  # fmt: skip
        texts = {m.id: m.text for m in conv.messages} if self.include_text else {}
        self._add_findings(conversation_id, report.findings, texts)

    def add_streamed(self, conversation_id: str, platform: str, result: StreamedResult) -> None:
        """A conversation analysed in windows (see `unsnare.scan.stream`)."""
        self.messages += result.messages
        self.levels[str(result.risk.level)] += 1
        if not result.risk.flagged:
            return
        self.conversations.append(_conversation_row(
            conversation_id, platform, result.messages, result, result.first_alert_id,
            result.identifiers,
        ))  # fmt: skip
        self._add_findings(conversation_id, result.findings, result.texts)

    def _add_findings(
        self, conversation_id: str, findings: Sequence[Finding], texts: dict[str, str]
    ) -> None:
        for f in findings:
            self.tactics[str(f.tactic)] += 1
            layer = f.get("layer")
            row: dict[str, Any] = {
                "conversation_id": conversation_id,
                "message_id": f.message_id,
                "tactic": str(f.tactic),
                "start": f.start,
                "end": f.end,
                "detector": f.detector,
                "version": f.version,
                "score": round(f.score, 6),
                "layer": str(layer) if layer is not None else "rule",
                "explanation": f.explanation,
            }
            if self.include_text:
                row["text"] = texts.get(f.message_id)
            self.findings.append(row)

    def write(self, task: Task) -> dict[str, Any]:
        schema = tables.FINDINGS_WITH_TEXT if self.include_text else tables.FINDINGS
        tables.write_atomic(
            tables.to_table(self.conversations, tables.CONVERSATIONS),
            _part(task, "conversations"),
        )
        tables.write_atomic(tables.to_table(self.findings, schema), _part(task, "findings"))
        return {
            "messages": self.messages,
            "conversations": sum(self.levels.values()),
            "levels": dict(self.levels),
            "tactics": dict(self.tactics),
        }


def _conversation_row(
    conversation_id: str,
    platform: str,
    messages: int,
    report: AnalysisReport | StreamedResult,
    first_alert_id: str | None,
    found: Sequence[Identifier],
) -> dict[str, Any]:
    identifiers = sorted(
        json.dumps(i.to_dict(), sort_keys=True, ensure_ascii=False) for i in found
    )
    return {
        "conversation_id": conversation_id,
        "platform": platform,
        "messages": messages,
        "risk_level": str(report.risk.level),
        "risk_score": round(report.risk.score, 6),
        "scheme": str(report.scheme),
        "stage": str(report.stage),
        "crisis": report.crisis,
        "first_alert_message_id": first_alert_id,
        "findings": len(report.findings),
        "identifiers": "[" + ",".join(identifiers) + "]",
    }


def _export(task: Task) -> dict[str, Any]:
    path = Path(task.path)
    results = _Results(task.include_text)
    rejects: list[Reject] = []
    try:
        imported = read_export(path)
    except UnsnareError as exc:
        rejects.append(Reject(path.name, 0, exc.field or "", exc.explain()))
    else:
        many = len(imported.conversations) > 1
        for i, conv in enumerate(imported.conversations):
            # Named by the export so ids from different exports never collide.
            name = f"{path.name}#{i}" if many else path.name
            results.add(conv, name)
    counts = results.write(task)
    _write_rejects(task, rejects)
    counts.update(rows=counts["messages"], rejected=len(rejects))
    return counts


def _hashes(task: Task, banks: BankSnapshot | None) -> dict[str, Any]:
    if banks is None:
        raise ValueError("a hash scan needs banks")
    path = Path(task.path)
    rejects: list[Reject] = []
    found: list[pa.Table] = [tables.MATCHES.empty_table()]
    rows = 0
    # Blocks of rows checked by columns where the file allows, matched a block per call.
    for block, bad, read in hashcols.blocks(path, task.first, task.count or None):
        rows += read
        rejects.extend(bad)
        found.append(banks.match_block(block))
    matches = pa.concat_tables(found)
    tables.write_atomic(matches, _part(task, "hash_matches"))
    _write_rejects(task, rejects)
    return {"hashes": rows - len(rejects), "rows": rows, "rejected": len(rejects),
            "matches": matches.num_rows}
