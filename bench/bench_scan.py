"""Benchmark: `unsnare scan` on Dask (1 and 2 workers) and Spark local[2].

    PYTHONPATH=src .venv/bin/python bench/bench_scan.py                       # the issue's sizes
    PYTHONPATH=src .venv/bin/python bench/bench_scan.py --messages 1000000 --hashes 200000

Messages: an invented Parquet archive of ordinary teenage chats with one
sextortion conversation planted in every 50 (at known places: its threat is
message 4). Each engine scans the same file; the figures are messages per
second of wall time for the whole scan (read, shuffle by conversation,
analyse, merge and write; the engine's own start-up is timed apart). It then
checks that every planted conversation was flagged at its threat message and
that the three engines wrote the same bytes.

Hashes: random PDQ hashes in Parquet, one in every 1,000 a near-duplicate
(1-24 bits) of a bank entry, matched on Dask with 2 workers against a bank of
random hashes broadcast once; hashes per second, every planted match found,
and each worker's peak memory (VmHWM).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from scan.archive import PLANTED, PLANTED_ALERT, interleave, write_parquet  # noqa: E402
from unsnare.hashing.banks import BankEntry, HashBank, SignalType  # noqa: E402
from unsnare.scan import BankSnapshot, ScanOptions, run_scan  # noqa: E402
from unsnare.scan.engines import DaskEngine  # noqa: E402

OUTPUTS = ("conversations.parquet", "findings.parquet", "rejects.parquet", "summary.json")


def peak_mb() -> float:
    """This process's peak resident memory in MB (VmHWM), from /proc."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def make_messages(path: Path, messages: int) -> list[str]:
    """Write the archive; returns the planted conversations that were written whole."""
    # About 18 messages a conversation on average; ask for more than enough.
    written = write_parquet(path, interleave(messages // 6 + 100), limit=messages)
    counts = pq.read_table(path, columns=["conversation_id"]).column(0).value_counts()
    lengths = {str(v["values"]): int(v["counts"]) for v in counts.to_pylist()}
    planted = [
        f"c{k:09d}"
        for k in range(messages // 6 + 100)
        if k % 50 == 25 and lengths.get(f"c{k:09d}") == len(PLANTED)
    ]
    print(f"archive: {written:,} messages, {len(lengths):,} conversations, "
          f"{len(planted):,} planted whole")
    return planted


def digest(out: Path) -> str:
    """One SHA-256 over every output file."""
    h = hashlib.sha256()
    for name in OUTPUTS:
        h.update((out / name).read_bytes())
    return h.hexdigest()[:16]


def check_planted(out: Path, planted: list[str]) -> tuple[int, int]:
    """(planted found at their threat message, other conversations flagged)."""
    rows = pq.read_table(out / "conversations.parquet",
                         columns=["conversation_id", "first_alert_message_id"]).to_pylist()
    alerts = {r["conversation_id"]: r["first_alert_message_id"] for r in rows}
    found = sum(1 for c in planted if alerts.get(c) == f"{c}-m{PLANTED_ALERT:04d}")
    return found, len(set(alerts) - set(planted))


def scan_once(label: str, make: Any, archive: Path, work: Path, planted: list[str],
              partitions: int, chunk_rows: int) -> dict[str, Any]:
    started = time.monotonic()
    engine = make()
    startup = time.monotonic() - started
    out = work / label.replace(" ", "_").replace(",", "").replace("[", "").replace("]", "")
    shutil.rmtree(out, ignore_errors=True)
    try:
        before = cpu_seconds(engine)
        began = time.monotonic()
        summary = run_scan(ScanOptions(archive, out, partitions, chunk_rows), engine)
        wall = time.monotonic() - began
        after = cpu_seconds(engine)
    finally:
        engine.close()
    cpu = after - before if before == before else float("nan")
    found, others = check_planted(out, planted)
    row = {
        "engine": label,
        "messages": summary.messages,
        "seconds": wall,
        "rate": summary.messages / wall,
        "startup": startup,
        "cpu": cpu,
        "per_cpu": summary.messages / cpu if cpu == cpu else float("nan"),
        "found": found,
        "others": others,
        "digest": digest(out),
    }
    print(f"{label}: {row['rate']:,.0f} messages/s ({wall:,.1f} s, start-up {startup:.1f} s, "
          f"{row['per_cpu']:,.0f} messages per CPU second); "
          f"planted found at their threat {found}/{len(planted)}; other flagged {others}; "
          f"output {row['digest']}")
    return row


def process_cpu() -> float:
    """CPU seconds this process has used (user + system)."""
    return time.process_time()


def cpu_seconds(engine: Any) -> float:
    """CPU seconds used so far by the driver and every Dask worker (NaN for Spark)."""
    if not isinstance(engine, DaskEngine):
        return float("nan")
    return time.process_time() + sum(engine.client.run(process_cpu).values())


def random_hex(rng: random.Random, bits: int) -> str:
    return f"{rng.getrandbits(bits):0{bits // 4}x}"


def flip(value: str, bits: int, rng: random.Random) -> str:
    number = int(value, 16)
    for bit in rng.sample(range(256), bits):
        number ^= 1 << bit
    return f"{number:064x}"


def make_hashes(path: Path, count: int, bank: list[str], rng: random.Random) -> set[str]:
    """Write `count` hash rows; returns the ids planted near a bank entry."""
    schema = pa.schema([("id", pa.string()), ("pdq", pa.string())])
    planted: set[str] = set()
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        for start in range(0, count, 100_000):
            ids, values = [], []
            for i in range(start, min(start + 100_000, count)):
                ids.append(f"h{i:010d}")
                if i % 1000 == 500:
                    values.append(flip(rng.choice(bank), rng.randint(1, 24), rng))
                    planted.add(ids[-1])
                else:
                    values.append(random_hex(rng, 256))
            writer.write_table(pa.table({"id": ids, "pdq": values}, schema=schema))
    return planted


def worker_peak() -> float:
    return peak_mb()


def hash_bench(work: Path, hashes: int, bank_size: int, chunk_rows: int) -> dict[str, Any]:
    rng = random.Random(11)
    bank = [random_hex(rng, 256) for _ in range(bank_size)]
    folder = work / "hash-input"
    folder.mkdir(exist_ok=True)
    planted = make_hashes(folder / "hashes.parquet", hashes, bank, rng)
    began = time.monotonic()
    snap = BankSnapshot()
    snap.add(HashBank("bench"), (BankEntry(SignalType.PDQ, v, entry_id=i + 1)
                                 for i, v in enumerate(bank)))
    built = time.monotonic() - began
    engine = DaskEngine(workers=2)
    out = work / "hash-out"
    shutil.rmtree(out, ignore_errors=True)
    try:
        before = cpu_seconds(engine)
        began = time.monotonic()
        summary = run_scan(ScanOptions(folder, out, chunk_rows=chunk_rows), engine, snap)
        wall = time.monotonic() - began
        cpu = cpu_seconds(engine) - before
        peaks = engine.client.run(worker_peak)
    finally:
        engine.close()
    matched = set(pq.read_table(out / "hash_matches.parquet", columns=["id"]).column(0)
                  .to_pylist())
    row = {
        "hashes": summary.hashes,
        "bank": bank_size,
        "seconds": wall,
        "rate": summary.hashes / wall,
        "per_cpu": summary.hashes / cpu,
        "build": built,
        "planted": len(planted),
        "found": len(planted & matched),
        "worker_mb": max(peaks.values()),
    }
    print(f"hashes: {row['rate']:,.0f} hashes/s on 2 Dask workers ({row['per_cpu']:,.0f} per "
          f"CPU second; {wall:,.1f} s for "
          f"{summary.hashes:,} against {bank_size:,}; index built in {built:.1f} s); planted "
          f"found {row['found']}/{row['planted']}; peak memory per worker "
          f"{row['worker_mb']:,.0f} MB")
    return row


def report(args: argparse.Namespace, runs: list[dict[str, Any]], hashes: dict[str, Any] | None,
           load: tuple[float, float, float], planted: int, started: datetime) -> str:
    lines = [
        "# unsnare scan: messages/s on Dask and Spark, PDQ hashes/s",
        "",
        f"Run {started:%Y-%m-%d %H:%M} UTC on {platform.machine()}, "
        f"{os.cpu_count()} cores, CPython {platform.python_version()}; load average before "
        f"the run {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (the machine is shared).",
        f"Command: `bench/bench_scan.py --messages {args.messages} --hashes {args.hashes} "
        f"--bank {args.bank} --partitions {args.partitions}`.",
        "",
        "| engine | messages | wall s | messages/s | messages per CPU s | engine start-up s | "
        "planted found at threat | other flagged | output digest |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in runs:
        lines.append(
            f"| {r['engine']} | {r['messages']:,} | {r['seconds']:,.1f} | {r['rate']:,.0f} | "
            f"{r['per_cpu']:,.0f} | {r['startup']:.1f} | {r['found']}/{planted} | "
            f"{r['others']} | `{r['digest']}` |"
        )
    same = len({r["digest"] for r in runs}) == 1
    lines += ["", f"Same output bytes on every engine: {same}."]
    if hashes:
        lines += [
            "",
            "| hashes | bank | wall s | hashes/s (2 Dask workers) | hashes per CPU s | "
            "index build s | planted found | peak MB per worker |",
            "|---|---|---|---|---|---|---|---|",
            f"| {hashes['hashes']:,} | {hashes['bank']:,} | {hashes['seconds']:,.1f} | "
            f"{hashes['rate']:,.0f} | {hashes['per_cpu']:,.0f} | {hashes['build']:.1f} | "
            f"{hashes['found']}/"
            f"{hashes['planted']} | {hashes['worker_mb']:,.0f} |",
        ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000_000)
    parser.add_argument("--hashes", type=int, default=100_000_000)
    parser.add_argument("--bank", type=int, default=1_000_000)
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--chunk-rows", type=int, default=250_000)
    parser.add_argument("--skip-spark", action="store_true")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--results", type=Path, default=None,
                        help="write a Markdown table here (e.g. bench/results/scan.md)")
    args = parser.parse_args()
    load = os.getloadavg()
    started = datetime.now(UTC)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="unsnare-bench-scan-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        archive_dir = work / "archive"
        archive_dir.mkdir(exist_ok=True)
        archive = archive_dir / "messages.parquet"
        planted = make_messages(archive, args.messages)
        runs = []
        for label, make in engines(args.skip_spark):
            runs.append(scan_once(label, make, archive, work, planted, args.partitions,
                                  args.chunk_rows))
        print("same output bytes on every engine:", len({r["digest"] for r in runs}) == 1)
        hashes = hash_bench(work, args.hashes, args.bank, args.chunk_rows) if args.hashes else None
        text = report(args, runs, hashes, load, len(planted), started)
        if args.results:
            args.results.write_text(text, encoding="utf-8")
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


def engines(skip_spark: bool) -> Iterator[tuple[str, Any]]:
    yield "dask, 1 worker", lambda: DaskEngine(workers=1)
    yield "dask, 2 workers", lambda: DaskEngine(workers=2)
    if not skip_spark:
        from unsnare.spark import SparkEngine

        yield "spark local[2]", lambda: SparkEngine("local[2]")


if __name__ == "__main__":
    main()
