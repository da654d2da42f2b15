"""Benchmark: the scan's grouping by conversation in memory vs spilled to disk.

    PYTHONPATH=src .venv/bin/python bench/bench_scan_spill.py --messages 100000 --group 120000

An invented archive of ordinary chats (one sextortion conversation planted in
every 50) plus one long group chat of `--group` messages spread through the
whole file, scanned in one process with one conversation bucket (so the
whole archive is one sort) twice: with the default sort memory (sorted in
memory) and with `--budget-mb` (sorted on disk in runs, then merged). Each
scan runs in a fresh process; the figures are its CPU seconds, its peak
resident memory and the run files written. Both must write the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import os
import platform
import random
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from itertools import islice
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from support.archive import EVERYDAY, START, interleave, write_parquet  # noqa: E402

OUTPUTS = ("conversations.parquet", "findings.parquet", "rejects.parquet", "summary.json")


def rows(messages: int, group: int) -> Iterator[dict[str, Any]]:
    """Ordinary conversations with the group chat's messages spread evenly among them."""
    rng = random.Random(5)

    def member(g: int) -> dict[str, Any]:
        return {"conversation_id": "group", "message_id": f"g{g:07d}",
                "sender": f"member{rng.randrange(40)}",
                "timestamp": START + timedelta(seconds=g), "text": rng.choice(EVERYDAY),
                "platform": "discord"}

    every = max(1, messages // group) if group else 0
    g = 0
    for n, row in enumerate(islice(interleave(messages // 6 + 100), messages)):
        yield row
        if g < group and n % every == 0:
            yield member(g)
            g += 1
    for rest in range(g, group):
        yield member(rest)


def scan(archive: str, out: str, budget: int, queue: Any) -> None:
    """One scan in this (fresh) process; puts (cpu s, peak MB, run files) on the queue."""
    from unsnare.scan import ScanOptions, run_scan, spill
    from unsnare.scan.engines import LocalEngine
    from unsnare.scan.job import analyzer

    analyzer()  # built before timing, as a worker's is
    written = [0]
    real = spill.BucketSorter._write_run

    def counting(self: Any, pieces: Any, name: str) -> Path:
        written[0] += 1
        return real(self, pieces, name)

    spill.BucketSorter._write_run = counting  # type: ignore[method-assign]
    before = resource.getrusage(resource.RUSAGE_SELF)
    run_scan(ScanOptions(Path(archive), Path(out), partitions=1, chunk_rows=50_000,
                         sort_memory=budget), LocalEngine())
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    queue.put((cpu, after.ru_maxrss / 1024, written[0]))


def digest(out: Path) -> str:
    h = hashlib.sha256()
    for name in OUTPUTS:
        h.update((out / name).read_bytes())
    return h.hexdigest()[:16]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--group", type=int, default=120_000)
    parser.add_argument("--budget-mb", type=float, default=4.0)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="unsnare-bench-spill-"))
    try:
        archive = work / "messages.parquet"
        written = write_parquet(archive, rows(args.messages, args.group))
        load = [round(x, 1) for x in os.getloadavg()]
        print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.machine()}, {os.cpu_count()} "
              f"cores, CPython {platform.python_version()}, load {load}")
        print(f"archive: {written:,} messages, of which the group chat {args.group:,}")
        ctx = multiprocessing.get_context("spawn")
        digests = []
        for label, budget in (("in memory (512 MB budget)", 512 * 2**20),
                              (f"spilled ({args.budget_mb:g} MB budget)",
                               int(args.budget_mb * 2**20))):
            queue = ctx.Queue()
            out = work / label.split()[0]
            began = time.monotonic()
            child = ctx.Process(target=scan, args=(str(archive), str(out), budget, queue))
            child.start()
            cpu, peak, runs = queue.get()
            child.join()
            wall = time.monotonic() - began
            digests.append(digest(out))
            print(f"{label}: {cpu:,.1f} CPU s ({written / cpu:,.0f} messages per CPU s), "
                  f"{wall:,.1f} s wall with start-up, peak {peak:,.0f} MB, {runs} run files, "
                  f"output {digests[-1]}", flush=True)
        print("same output bytes:", len(set(digests)) == 1)

    finally:
        shutil.rmtree(work, ignore_errors=True)

if __name__ == "__main__":
    main()
