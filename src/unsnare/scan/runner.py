"""Plans a scan, runs it on an engine with progress, resumes, and writes the results.

Phase 1 splits message files into conversation buckets, reads chat exports
and matches hash files; phase 2 analyses each bucket. Every finished task
leaves a done record under `OUT/_scan/done`, so a run stopped by a crash
starts again where it stopped. At the end the parts are merged, sorted and
written as `conversations.parquet`, `findings.parquet`, `hash_matches.parquet`
and `rejects.parquet`, with `summary.json`; the working folder (which holds
message text) is then removed.
"""

from __future__ import annotations

import json
import shutil
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unsnare.errors import InputError, UsageError
from unsnare.scan import tables
from unsnare.scan.engines import Engine
from unsnare.scan.hashbanks import BankSnapshot
from unsnare.scan.job import Task, done_path, work_dir
from unsnare.scan.rows import columns_of, parquet_file
from unsnare.scan.spill import SORT_MEMORY
from unsnare.scan.stream import STREAM_FROM

ARCHIVE_SUFFIXES = (".parquet", ".jsonl")
Progress = Callable[[int, int, int], None]


@dataclass(frozen=True)
class ScanOptions:
    """What to scan and how; the same options give the same output bytes."""

    input: Path
    out: Path
    partitions: int = 8
    chunk_rows: int = 250_000
    include_text: bool = False
    # A conversation longer than this is analysed in windows (see `scan.stream`).
    stream_from: int = STREAM_FROM
    # Bytes of rows one analysis task sorts in memory; a bigger bucket spills to
    # disk (see `scan.spill`). Does not change the output, so not in the resume check.
    sort_memory: int = SORT_MEMORY


@dataclass
class ScanSummary:
    """What a scan found, for the end-of-run report and `summary.json`."""

    messages: int = 0
    conversations: int = 0
    levels: Counter[str] = field(default_factory=Counter)
    flagged: int = 0
    findings: Counter[str] = field(default_factory=Counter)
    hashes: int = 0
    hash_matches: int = 0
    rejected: int = 0
    seconds: float = 0.0
    resumed_tasks: int = 0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (`seconds` left out so the file is repeatable)."""
        return {
            "messages": self.messages,
            "conversations": self.conversations,
            "flagged": self.flagged,
            "levels": dict(sorted(self.levels.items())),
            "findings_by_tactic": dict(sorted(self.findings.items())),
            "hashes": self.hashes,
            "hash_matches": self.hash_matches,
            "rejected_rows": self.rejected,
        }


def _inputs(path: Path) -> tuple[list[Path], list[Path]]:
    """(archive files, chat exports) under the input, each sorted by name."""
    if not path.exists():
        raise InputError("this input does not exist", file=str(path), hint="Check the path.")
    if path.is_file():
        if path.suffix in ARCHIVE_SUFFIXES:
            return [path], []
        return [], [path]
    archives: list[Path] = []
    exports: list[Path] = []
    for child in sorted(path.iterdir()):
        if child.name.startswith("."):
            continue
        (archives if child.suffix in ARCHIVE_SUFFIXES else exports).append(child)
    return archives, exports


def _chunks(path: Path, chunk_rows: int) -> list[tuple[int, int]]:
    if path.suffix != ".parquet":
        return [(0, 0)]  # a JSON Lines file is read by one task from start to end
    total = parquet_file(path).metadata.num_rows
    return [(start, chunk_rows) for start in range(0, max(total, 1), chunk_rows)]


def plan(options: ScanOptions, banks: BankSnapshot | None) -> list[Task]:
    """The phase-1 tasks, in a fixed order."""
    archives, exports = _inputs(options.input)
    out = str(options.out)
    tasks: list[Task] = []
    for index, path in enumerate(archives):
        cols = columns_of(path)
        if "text" in cols:
            kind = "split"
        elif cols & {"pdq", "md5"}:
            if banks is None:
                raise UsageError(
                    "this file holds image hashes, but no hash bank was given",
                    file=str(path),
                    hint="Add --bank NAME (a bank in your store) or --bank-file FILE.",
                )
            kind = "hashes"
        else:
            raise InputError(
                "this file has neither message columns nor hash columns",
                file=str(path),
                hint="Messages need conversation_id, message_id, sender, timestamp and text; "
                "image hashes need id and pdq and/or md5.",
            )
        for c, (first, count) in enumerate(_chunks(path, options.chunk_rows)):
            tasks.append(
                Task(kind, f"{kind}-f{index:05d}-c{c:05d}", out, str(path), index, first,
                     count or 0, options.partitions, options.include_text)
            )
    for index, path in enumerate(exports):
        tasks.append(
            Task("export", f"export-{index:05d}", out, str(path),
                 include_text=options.include_text)
        )
    return tasks


def _bucket_tasks(options: ScanOptions) -> list[Task]:
    shuffle = work_dir(options.out) / "shuffle"
    buckets = sorted(int(p.name[1:]) for p in shuffle.glob("b*")) if shuffle.exists() else []
    return [
        Task("analyse", f"analyse-b{b:05d}", str(options.out), first=b,
             buckets=options.partitions, include_text=options.include_text,
             stream_from=options.stream_from, sort_memory=options.sort_memory)
        for b in buckets
    ]


def _fingerprint(options: ScanOptions, banks: BankSnapshot | None) -> dict[str, Any]:
    archives, exports = _inputs(options.input)
    return {
        "inputs": [[str(p), p.stat().st_size, p.stat().st_mtime_ns] for p in archives + exports],
        "partitions": options.partitions,
        "chunk_rows": options.chunk_rows,
        "include_text": options.include_text,
        "stream_from": options.stream_from,
        "banks": banks.names() if banks is not None else [],
    }


def _check_resume(options: ScanOptions, banks: BankSnapshot | None) -> None:
    record = work_dir(options.out) / "plan.json"
    want = _fingerprint(options, banks)
    if record.exists():
        if json.loads(record.read_text("utf-8")) != want:
            raise UsageError(
                "this output folder holds an unfinished scan of other inputs or options",
                file=str(options.out),
                hint="Run with the same input and options to resume it, or choose another --out.",
            )
        return
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text(json.dumps(want, sort_keys=True), "utf-8")


def _done(options: ScanOptions, tasks: Sequence[Task]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for t in tasks:
        p = done_path(options.out, t.key)
        if p.exists():
            found[t.key] = json.loads(p.read_text("utf-8"))
    return found


def _run_phase(
    engine: Engine,
    options: ScanOptions,
    tasks: Sequence[Task],
    banks: BankSnapshot | None,
    progress: Progress | None,
    summary: ScanSummary,
) -> dict[str, dict[str, Any]]:
    before = _done(options, tasks)
    summary.resumed_tasks += len(before)
    todo = [t for t in tasks if t.key not in before]
    errors: list[BaseException] = []

    def work() -> None:
        try:
            engine.run(todo, banks)
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread below
            errors.append(exc)

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    # The done records are the progress: the same display whatever the engine.
    while thread.is_alive():
        thread.join(0.5)
        if progress is not None:
            now = _done(options, tasks)
            progress(len(now), len(tasks), sum(int(c.get("rows", c.get("messages", 0)))
                                               for k, c in now.items() if k not in before))
    if errors:
        raise errors[0]
    return _done(options, tasks)


def run_scan(
    options: ScanOptions,
    engine: Engine,
    banks: BankSnapshot | None = None,
    progress: Progress | None = None,
) -> ScanSummary:
    """Scan the input on the engine; resumes an unfinished run in the same output folder."""
    if min(options.partitions, options.chunk_rows, options.stream_from,
           options.sort_memory) < 1:
        raise UsageError(
            "--partitions, --chunk-rows, --stream-from and --sort-memory must be at least 1"
        )
    if options.out.exists() and not options.out.is_dir():
        raise UsageError(
            "the output must be a folder, and this is a file",
            file=str(options.out),
            hint="Give --out a new or existing folder; the results are several Parquet files.",
        )
    started = time.monotonic()
    first = plan(options, banks)  # before the output folder: a bad input leaves nothing behind
    options.out.mkdir(parents=True, exist_ok=True)
    summary = ScanSummary()
    _check_resume(options, banks)
    phase1 = _run_phase(engine, options, first, banks, progress, summary)
    phase2 = _run_phase(engine, options, _bucket_tasks(options), None, progress, summary)
    for counts in list(phase1.values()) + list(phase2.values()):
        summary.rejected += int(counts.get("rejected", 0))
        summary.hashes += int(counts.get("hashes", 0))
        summary.hash_matches += int(counts.get("matches", 0))
        summary.messages += int(counts.get("messages", 0))
        summary.conversations += int(counts.get("conversations", 0))
        summary.levels.update(counts.get("levels", {}))
        summary.findings.update(counts.get("tactics", {}))
    summary.flagged = sum(summary.levels[x] for x in ("medium", "high", "critical"))
    _merge(options, hashes=any(t.kind == "hashes" for t in first))
    (options.out / "summary.json").write_text(
        json.dumps(summary.to_dict(), indent=2, sort_keys=True) + "\n", "utf-8"
    )
    # The working folder holds copies of message text: never leave it behind.
    shutil.rmtree(work_dir(options.out))
    summary.seconds = time.monotonic() - started
    return summary


def _merge(options: ScanOptions, hashes: bool) -> None:
    parts = work_dir(options.out) / "parts"
    findings = tables.FINDINGS_WITH_TEXT if options.include_text else tables.FINDINGS
    wanted = {
        "conversations": tables.CONVERSATIONS,
        "findings": findings,
        "rejects": tables.REJECTS,
    }
    if hashes:
        wanted["hash_matches"] = tables.MATCHES
    for name, schema in wanted.items():
        table = tables.read_parts(list(parts.glob(f"{name}-*.parquet")), schema)
        tables.write_sorted(table, options.out / f"{name}.parquet")
