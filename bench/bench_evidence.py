"""Evidence locker benchmark: add a 100,000-message export to an encrypted case,
then export that case as a sealed package with its PDF report.

Targets (issue 5): add < 5 s; export with PDF < 30 s. Prints the figures and
writes bench/results/evidence.md. Run with OMP_NUM_THREADS=1:

    OMP_NUM_THREADS=1 .venv/bin/python bench/bench_evidence.py [--messages 100000]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from unsnare.evidence import Locker
from unsnare.evidence.package import export_package, verify_package

PASSPHRASE = "bench passphrase, invented"
# Invented lines; a few carry a demand or threat so the report has a timeline.
PLAIN = [
    "hey what are you up to", "lol same", "did you see the game last night",
    "my mum is calling me brb", "ok", "send me that song", "what time is practice tomorrow",
    "haha no way", "I'm so tired today", "you play fortnite?",
]
HOSTILE = [
    "pay 200 now or I send your pictures to your followers",
    "you have one hour. send the gift cards or everyone sees it",
]


def write_export(path: Path, count: int) -> None:
    """An invented WhatsApp (Android) export with `count` messages."""
    rnd = random.Random(5)
    start = datetime(2025, 1, 1, 9, 0)
    lines = []
    for i in range(count):
        at = start + timedelta(seconds=37 * i)
        who = "Jordan Vale" if i % 2 else "Sam Okafor"
        text = HOSTILE[i % 2] if i % 5000 == 4999 else rnd.choice(PLAIN)
        stamp = f"{at.month}/{at.day}/{at.strftime('%y')}, {at.strftime('%I:%M %p').lstrip('0')}"
        lines.append(f"{stamp} - {who}: {text}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def timed(label: str, fn, results: list[tuple[str, float, float]]):  # type: ignore[no-untyped-def]
    """Run fn; record wall-clock and CPU seconds (CPU time is steadier on a shared machine)."""
    t, c = time.perf_counter(), time.process_time()
    value = fn()
    elapsed, cpu = time.perf_counter() - t, time.process_time() - c
    results.append((label, elapsed, cpu))
    print(f"{label:<58} {elapsed:8.2f} s wall {cpu:8.2f} s CPU", flush=True)
    return value


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results"
                        / "evidence.md")
    args = parser.parse_args()
    results: list[tuple[str, float, float]] = []
    with tempfile.TemporaryDirectory(prefix="unsnare-bench-") as tmp:
        root = Path(tmp)
        export = root / "WhatsApp Chat with Jordan Vale.txt"
        write_export(export, args.messages)
        size_mb = export.stat().st_size / 1e6
        print(f"export: {args.messages} messages, {size_mb:.1f} MB")
        from unsnare.importers import read_export

        timed("baseline: import only (read_export, no locker)",
              lambda: read_export(export, tz="Europe/London"), results)
        locker = timed("create locker (Argon2id 64 MiB, t=3)",
                       lambda: Locker.create(root / "l.unsnare", PASSPHRASE), results)
        case = locker.new_case("bench, no analysis")
        timed("add export, encrypted, without analysis",
              lambda: case.add_export(export, tz="Europe/London", analyze=False), results)
        case2 = locker.new_case("bench, with analysis")
        timed("add export, encrypted, with analysis (TARGET < 5 s)",
              lambda: case2.add_export(export, tz="Europe/London"), results)
        n_findings = sum(1 for e in case2.timeline() if e.kind in ("threat", "demand"))
        out = root / "package.zip"
        result = timed("export case with PDF report (TARGET < 30 s)",
                       lambda: export_package(case2, out), results)
        pkg_mb = out.stat().st_size / 1e6
        timed("package verify", lambda: verify_package(out), results)
        timed("case verify (every blob + chain)", lambda: case2.verify(record=False), results)
        locker.close()
        file_mb = (root / "l.unsnare").stat().st_size / 1e6
    print(f"threat/demand timeline events: {n_findings}; package {pkg_mb:.1f} MB; "
          f"locker {file_mb:.1f} MB; package hash {result.package_hash[:16]}...")
    write_results(args, results, size_mb, pkg_mb, file_mb, n_findings)
    return 0


def write_results(args: argparse.Namespace, results: list[tuple[str, float, float]],
                  size_mb: float,
                  pkg_mb: float, file_mb: float, n_findings: int) -> None:
    machine = (f"{platform.machine()}, {os.cpu_count()} cores, Python "
               f"{platform.python_version()}, {platform.system()}")
    lines = [
        "# Evidence locker benchmark", "",
        f"Run {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')} on {machine} (shared with "
        "other jobs; load average at the end "
        + ", ".join(f"{x:.1f}" for x in os.getloadavg())
        + "), OMP_NUM_THREADS=" + os.environ.get("OMP_NUM_THREADS", "unset") + ".",
        f"Input: invented WhatsApp export, {args.messages} messages, {size_mb:.1f} MB. "
        f"Locker file after: {file_mb:.1f} MB; package: {pkg_mb:.1f} MB; "
        f"{n_findings} threat/demand events.", "",
        "| step | wall s | CPU s |", "|---|---:|---:|",
        *[f"| {label} | {secs:.2f} | {cpu:.2f} |" for label, secs, cpu in results], "",
        "`add` includes hashing, storing the original, parsing (the importer's own time is "
        "shown as the baseline), serialising and sealing the messages (AES-256-GCM), "
        "and, where stated, the analysis.",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    sys.exit(main())
