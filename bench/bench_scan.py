"""Benchmark: `unsnare scan` on Dask (1 and 2 workers) and Spark local[2].

    PYTHONPATH=src .venv/bin/python bench/bench_scan.py --workdir /tmp/b   # the issue's sizes
    PYTHONPATH=src .venv/bin/python bench/bench_scan.py --messages 1000000 --hashes 200000

Messages: an invented Parquet archive of ordinary teenage chats with one
sextortion conversation planted in every 50 (at known places: its first alert,
the ask for a picture, is message 2; the threat is message 4). Each engine
scans the same file; the figures are messages per second of wall time for the
whole scan (read, shuffle by conversation, analyse, merge and write; the
engine's own start-up is timed apart) and per CPU second of the whole process
tree (driver, JVM, every worker). It then checks that every planted
conversation was flagged at its first alert and that the three engines wrote
the same bytes.

Hashes: random PDQ hashes in Parquet files of `--hash-file-rows` each
(written a chunk at a time, never all in memory), one in every 1,000 a
near-duplicate (1-24 bits) of a bank entry, matched on Dask with 2 workers
against a bank of random hashes; each file is one scan on the same cluster.
Hashes per second, every planted match found, each worker's peak memory.

Bounded and resumable: with `--workdir`, inputs and each finished step (an
engine's run, a hash file) are kept in `state.json`, and a rerun goes on from
there; `--stop-at HH:MM` (UTC) starts no new step after that time, and the
report says plainly what was and was not run. Generated inputs are deleted
once every step is done (`--keep-inputs` keeps them).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from distributed import as_completed

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from support.archive import PLANTED, PLANTED_ALERT, interleave, write_parquet  # noqa: E402
from unsnare.hashing._segment import compiled  # noqa: E402
from unsnare.hashing.banks import BankEntry, HashBank, SignalType  # noqa: E402
from unsnare.scan import BankSnapshot, ScanOptions, run_scan  # noqa: E402
from unsnare.scan.engines import DaskEngine  # noqa: E402
from unsnare.scan.job import run_task  # noqa: E402

OUTPUTS = ("conversations.parquet", "findings.parquet", "rejects.parquet", "summary.json")


def peak_mb() -> float:
    """This process's peak resident memory in MB (VmHWM), from /proc."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def tree_cpu() -> float:
    """CPU seconds of this process and every process under it (Dask workers, Spark's JVM
    and its Python workers), including children they have already reaped."""
    tick = os.sysconf("SC_CLK_TCK")
    stats: dict[int, tuple[int, float]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # After the name: state, ppid, ... utime (12), stime, cutime, cstime.
        used = sum(int(f) for f in fields[11:15]) / tick
        stats[int(entry.name)] = (int(fields[1]), used)
    total, todo = 0.0, [os.getpid()]
    while todo:
        pid = todo.pop()
        total += stats.get(pid, (0, 0.0))[1]
        todo.extend(p for p, (parent, _) in stats.items() if parent == pid)
    return total


def load_now() -> list[float]:
    return [round(x, 1) for x in os.getloadavg()]


def make_messages(path: Path, messages: int) -> None:
    """Write the archive (to a temporary name first, so a crash leaves nothing to reuse)."""
    tmp = path.with_suffix(".parquet.tmp")
    # About 18 messages a conversation on average; ask for more than enough.
    written = write_parquet(tmp, interleave(messages // 6 + 100), limit=messages)
    os.replace(tmp, path)
    print(f"archive: {written:,} messages written")


def planted_in(path: Path, messages: int) -> list[str]:
    """The planted conversations written whole into the archive."""
    counts = pq.read_table(path, columns=["conversation_id"]).column(0).value_counts()
    lengths = {str(v["values"]): int(v["counts"]) for v in counts.to_pylist()}
    planted = [
        f"c{k:09d}"
        for k in range(messages // 6 + 100)
        if k % 50 == 25 and lengths.get(f"c{k:09d}") == len(PLANTED)
    ]
    print(f"archive: {sum(lengths.values()):,} messages, {len(lengths):,} conversations, "
          f"{len(planted):,} planted whole")
    return planted


def digest(out: Path) -> str:
    """One SHA-256 over every output file."""
    h = hashlib.sha256()
    for name in OUTPUTS:
        h.update((out / name).read_bytes())
    return h.hexdigest()[:16]


def check_planted(out: Path, planted: list[str]) -> tuple[int, int]:
    """(planted found at their first alert, other conversations flagged)."""
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
    load = load_now()
    try:
        before = tree_cpu()
        began = time.monotonic()
        summary = run_scan(ScanOptions(archive, out, partitions, chunk_rows), engine)
        wall = time.monotonic() - began
        cpu = tree_cpu() - before
    finally:
        engine.close()
    found, others = check_planted(out, planted)
    row = {
        "engine": label,
        "messages": summary.messages,
        "seconds": wall,
        "rate": summary.messages / wall,
        "startup": startup,
        "cpu": cpu,
        "per_cpu": summary.messages / cpu,
        "found": found,
        "planted": len(planted),
        "others": others,
        "digest": digest(out),
        "load": [load, load_now()],
        "at": f"{datetime.now(UTC):%H:%M}",
    }
    shutil.rmtree(out, ignore_errors=True)
    print(f"{label}: {row['rate']:,.0f} messages/s ({wall:,.1f} s, start-up {startup:.1f} s, "
          f"{row['per_cpu']:,.0f} messages per CPU second); "
          f"planted found at their first alert {found}/{len(planted)}; other flagged {others}; "
          f"output {row['digest']}", flush=True)
    return row


_HEX = np.frombuffer(b"0123456789abcdef", dtype=np.uint8)


def hex_column(values: np.ndarray) -> pa.Array:
    """(n, 32) bytes as n strings of 64 hex digits, built without a Python string each."""
    n = len(values)
    text = np.empty((n, 64), dtype=np.uint8)
    text[:, 0::2] = _HEX[values >> 4]
    text[:, 1::2] = _HEX[values & 15]
    offsets = np.arange(0, 64 * n + 1, 64, dtype=np.int64)
    return pa.LargeStringArray.from_buffers(n, pa.py_buffer(offsets), pa.py_buffer(text))


def make_bank(size: int) -> np.ndarray:
    return np.random.default_rng(11).integers(0, 256, (size, 32), dtype=np.uint8)


def make_hash_file(path: Path, first: int, count: int, bank: np.ndarray, seed: int) -> int:
    """Write hashes first..first+count (ids h0000000000...); returns how many were planted.

    One in every 1,000 rows is a bank entry with 1-24 bits flipped."""
    rng = np.random.default_rng(seed)
    schema = pa.schema([("id", pa.string()), ("pdq", pa.string())])
    planted = 0
    tmp = path.with_suffix(".parquet.tmp")
    with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
        for start in range(first, first + count, 500_000):
            stop = min(start + 500_000, first + count)
            values = rng.integers(0, 256, (stop - start, 32), dtype=np.uint8)
            numbers = np.arange(start, stop, dtype=np.int64)
            for row in np.flatnonzero(numbers % 1000 == 500):
                value = bank[rng.integers(len(bank))].copy()
                for bit in rng.choice(256, int(rng.integers(1, 25)), replace=False):
                    value[bit // 8] ^= np.uint8(1 << (bit % 8))
                values[row] = value
                planted += 1
            ids = pc.binary_join_element_wise(
                "h", pc.utf8_lpad(pa.array(numbers).cast(pa.string()), 10, "0"), "")
            writer.write_table(pa.table({"id": ids, "pdq": hex_column(values).cast(pa.string())},
                                        schema=schema))
    os.replace(tmp, path)
    return planted


def worker_peak() -> float:
    return peak_mb()


class OnceShared:
    """A Dask engine whose bank snapshot was broadcast once, for many scans in a row."""

    name = "dask"

    def __init__(self, engine: DaskEngine, banks: BankSnapshot) -> None:
        self.engine = engine
        self.shared = engine.client.scatter(banks, broadcast=True)

    def run(self, tasks: Any, banks: Any) -> None:
        client = self.engine.client
        for future in as_completed(client.map(run_task, list(tasks), banks=self.shared,
                                              pure=False)):
            future.result()

    def close(self) -> None:
        self.engine.close()


def hash_snapshot(bank: np.ndarray) -> tuple[BankSnapshot, float]:
    began = time.monotonic()
    snap = BankSnapshot()
    hexes = hex_column(bank).to_pylist()
    snap.add(HashBank("bench"), (BankEntry(SignalType.PDQ, v, entry_id=i + 1)
                                 for i, v in enumerate(hexes)))
    return snap, time.monotonic() - began


def hash_files(work: Path, state: dict[str, Any], args: argparse.Namespace) -> None:
    """Scan the hash files one by one on one 2-worker cluster, each a step of its own."""
    files = -(-args.hashes // args.hash_file_rows)
    folder = work / "hash-input"
    folder.mkdir(exist_ok=True)
    done: dict[str, Any] = state.setdefault("hash_files", {})
    if len(done) >= files:
        return
    bank = make_bank(args.bank)
    snap, built = hash_snapshot(bank)
    state["hash_build"] = built
    engine = DaskEngine(workers=2)
    # One broadcast for every file, as one scan of them all would make.
    shared = OnceShared(engine, snap)
    try:
        for k in range(files):
            name = f"hashes-{k:05d}.parquet"
            if name in done:
                continue
            if past(args.stop_at):
                print(f"stop-at {args.stop_at} reached: hash file {k} and later not run")
                break
            first = k * args.hash_file_rows
            count = min(args.hash_file_rows, args.hashes - first)
            began = time.monotonic()
            planted = make_hash_file(folder / name, first, count, bank, seed=1000 + k)
            made = time.monotonic() - began
            single = work / "hash-one"
            shutil.rmtree(single, ignore_errors=True)
            single.mkdir()
            os.link(folder / name, single / name)
            out = work / "hash-out"
            shutil.rmtree(out, ignore_errors=True)
            load = load_now()
            before = tree_cpu()
            began = time.monotonic()
            summary = run_scan(ScanOptions(single, out, chunk_rows=args.chunk_rows), shared,
                               snap)
            wall = time.monotonic() - began
            cpu = tree_cpu() - before
            matched = pq.read_table(out / "hash_matches.parquet", columns=["id"]).column(0)
            numbers = np.unique(pc.cast(pc.utf8_slice_codeunits(matched, 1), pa.int64()))
            found = int(np.count_nonzero(numbers % 1000 == 500))
            done[name] = {
                "hashes": summary.hashes, "seconds": wall, "cpu": cpu, "planted": planted,
                "found": found, "matches": summary.hash_matches, "generate_s": made,
                "load": [load, load_now()], "at": f"{datetime.now(UTC):%H:%M}",
            }
            state["hash_worker_mb"] = max(engine.client.run(worker_peak).values())
            save_state(work, state)
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(single, ignore_errors=True)
            if not args.keep_inputs:
                (folder / name).unlink()
            print(f"{name}: {summary.hashes:,} hashes, {summary.hashes / wall:,.0f}/s, "
                  f"{summary.hashes / cpu:,.0f} per CPU s, planted found {found}/{planted}, "
                  f"load {load}", flush=True)
    finally:
        engine.close()


def hash_totals(state: dict[str, Any]) -> dict[str, Any] | None:
    done = state.get("hash_files") or {}
    if not done:
        return None
    rows = list(done.values())
    total = {key: sum(r[key] for r in rows)
             for key in ("hashes", "seconds", "cpu", "planted", "found", "matches")}
    total.update(files=len(rows), build=state.get("hash_build", float("nan")),
                 worker_mb=state.get("hash_worker_mb", float("nan")),
                 loads=[r["load"] for r in rows], first=rows[0]["at"], last=rows[-1]["at"])
    return total


def report(args: argparse.Namespace, state: dict[str, Any]) -> str:
    runs = list(state.get("runs", {}).values())
    lines = [
        "# unsnare scan: messages/s on Dask and Spark, PDQ hashes/s",
        "",
        f"Run {state['started']} UTC on {platform.machine()}, {os.cpu_count()} cores, "
        f"CPython {platform.python_version()}; load average (1 / 5 / 15 min) at the start "
        f"{' / '.join(map(str, state['load']))} (the machine is shared).",
        f"Command: `bench/bench_scan.py --messages {args.messages} --hashes {args.hashes} "
        f"--bank {args.bank} --partitions {args.partitions}`.",
        "CPU seconds are the whole process tree's (driver, every Dask worker, Spark's JVM and "
        "Python workers), from /proc.",
    ]
    if runs:
        lines += [
            "",
            "| engine | messages | wall s | messages/s | CPU s | messages per CPU s | "
            "engine start-up s | load before → after | planted found at threat | "
            "other flagged | output digest |",
            "|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for r in runs:
            lines.append(
                f"| {r['engine']} | {r['messages']:,} | {r['seconds']:,.1f} | {r['rate']:,.0f} | "
                f"{r['cpu']:,.0f} | {r['per_cpu']:,.0f} | {r['startup']:.1f} | "
                f"{r['load'][0][0]} → {r['load'][1][0]} | {r['found']}/{r['planted']} | "
                f"{r['others']} | `{r['digest']}` |"
            )
        same = len({r["digest"] for r in runs}) == 1
        lines += ["", f"Same output bytes on every engine: {same}."]
    hashes = hash_totals(state)
    if hashes:
        loads = [lo[0][0] for lo in hashes["loads"]]
        lines += [
            "",
            "| hashes | files | bank | wall s | hashes/s (2 Dask workers) | CPU s | "
            "hashes per CPU s | index build s | planted found | peak MB per worker | "
            "load (1 min) |",
            "|---|---|---|---|---|---|---|---|---|---|---|",
            f"| {hashes['hashes']:,} | {hashes['files']} | {args.bank:,} | "
            f"{hashes['seconds']:,.1f} | {hashes['hashes'] / hashes['seconds']:,.0f} | "
            f"{hashes['cpu']:,.0f} | {hashes['hashes'] / hashes['cpu']:,.0f} | "
            f"{hashes['build']:.1f} | {hashes['found']}/{hashes['planted']} | "
            f"{hashes['worker_mb']:,.0f} | {min(loads)}-{max(loads)} |",
        ]
    return "\n".join(lines) + "\n"


def past(stop_at: str | None) -> bool:
    """Whether the UTC time of day `stop_at` (HH:MM) has passed."""
    if not stop_at:
        return False
    return f"{datetime.now(UTC):%H:%M}" >= stop_at


def load_state(work: Path) -> dict[str, Any]:
    path = work / "state.json"
    return dict(json.loads(path.read_text("utf-8"))) if path.exists() else {}


def save_state(work: Path, state: dict[str, Any]) -> None:
    tmp = work / "state.json.tmp"
    tmp.write_text(json.dumps(state, indent=1), "utf-8")
    os.replace(tmp, work / "state.json")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000_000)
    parser.add_argument("--hashes", type=int, default=100_000_000)
    parser.add_argument("--bank", type=int, default=1_000_000)
    parser.add_argument("--hash-file-rows", type=int, default=5_000_000)
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--chunk-rows", type=int, default=250_000)
    parser.add_argument("--skip-spark", action="store_true")
    parser.add_argument("--engines", default=None,
                        help="comma-separated subset of: dask1, dask2, spark (default all)")
    parser.add_argument("--two-workers-first", action="store_true",
                        help="run Dask with 2 workers before 1 worker and Spark")
    parser.add_argument("--hashes-first", action="store_true",
                        help="run the hash files before the message runs")
    parser.add_argument("--stop-at", metavar="HH:MM", help="start no new step after (UTC)")
    parser.add_argument("--keep-inputs", action="store_true")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="keep inputs and finished steps here (a rerun resumes)")
    parser.add_argument("--results", type=Path, default=None,
                        help="write a Markdown table here (e.g. bench/results/scan.md)")
    args = parser.parse_args()
    if args.hashes and not compiled():
        parser.error("the compiled PDQ kernel (unsnare.hashing._mih) is not built: the hash "
                     "figures would be NumPy's; build it first (see notes/pdq-speed.md)")
    work = args.workdir or Path(tempfile.mkdtemp(prefix="unsnare-bench-scan-"))
    work.mkdir(parents=True, exist_ok=True)
    state = load_state(work)
    state.setdefault("started", f"{datetime.now(UTC):%Y-%m-%d %H:%M}")
    state.setdefault("load", load_now())
    save_state(work, state)
    try:
        steps = [lambda: message_runs(work, state, args), lambda: hash_files(work, state, args)]
        for step in (reversed(steps) if args.hashes_first else steps):
            step()
        text = report(args, state)
        print(text)
        if args.results:
            args.results.write_text(text, encoding="utf-8")
        messages_done = not args.messages or all(
            label in state.get("runs", {}) for label, _ in engines(args))
        hashes_done = (hash_totals(state) or {}).get("hashes", 0) >= args.hashes
        complete = messages_done and hashes_done
        if complete and not args.keep_inputs:
            shutil.rmtree(work / "archive", ignore_errors=True)
            shutil.rmtree(work / "hash-input", ignore_errors=True)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


def message_runs(work: Path, state: dict[str, Any], args: argparse.Namespace) -> None:
    """Each engine's scan of the archive, each a step of its own."""
    if not args.messages:
        return
    runs: dict[str, Any] = state.setdefault("runs", {})
    todo = [(label, make) for label, make in engines(args) if label not in runs]
    if args.two_workers_first:
        todo.sort(key=lambda pair: pair[0] != "dask, 2 workers")
    if not todo:
        return
    archive_dir = work / "archive"
    archive_dir.mkdir(exist_ok=True)
    archive = archive_dir / "messages.parquet"
    if not archive.exists():
        make_messages(archive, args.messages)
    planted = planted_in(archive, args.messages)
    for label, make in todo:
        if past(args.stop_at):
            print(f"stop-at {args.stop_at} reached: {label} not run")
            return
        runs[label] = scan_once(label, make, archive, work, planted, args.partitions,
                                args.chunk_rows)
        save_state(work, state)
    print("same output bytes on every engine:", len({r["digest"] for r in runs.values()}) == 1)


def engines(args: argparse.Namespace) -> Iterator[tuple[str, Any]]:
    chosen = set((args.engines or "dask1,dask2,spark").split(","))
    if args.skip_spark:
        chosen.discard("spark")
    if "dask1" in chosen:
        yield "dask, 1 worker", lambda: DaskEngine(workers=1)
    if "dask2" in chosen:
        yield "dask, 2 workers", lambda: DaskEngine(workers=2)
    if "spark" in chosen:
        from unsnare.spark import SparkEngine

        yield "spark local[2]", lambda: SparkEngine("local[2]")


if __name__ == "__main__":
    main()
