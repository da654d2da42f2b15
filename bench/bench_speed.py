"""Benchmark (issue 17): Unsnare end to end beside whatsapp-chat-parser, same file, same run.

Every figure is a whole process, from start to exit, so start-up imports and
output count. Runs are interleaved (peer, then each Unsnare command, then
again) and the best of three is kept; wall time, CPU time (user + sys) and
peak memory come from the child's own resource usage. The machine is shared,
so the load average is printed at the start and end.

The peer needs Node and `npm ci` in bench/peers (the tests never do); without
them its rows are left out and said to be.

    OMP_NUM_THREADS=1 .venv/bin/python bench/bench_speed.py [--n 1000000] [--write]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_import import write_meta, write_telegram  # noqa: E402
from speed_data import write_android, write_lines  # noqa: E402

HERE = Path(__file__).resolve().parent
PEER = HERE / "peers" / "whatsapp_chat_parser.mjs"
_READ = (
    "import sys\nfrom unsnare.importers import read_export\n"
    "r = read_export(sys.argv[1], tz='UTC')\n"
    "print(sum(len(c.messages) for c in r.conversations))\n"
)
_STREAM = (
    "import sys\nfrom unsnare.importers import open_export\n"
    "with open_export(sys.argv[1], tz='UTC') as o:\n"
    "    print(sum(1 for s in o.streams for _ in s.messages()))\n"
)


def run(cmd: list[str]) -> tuple[float, float, float]:
    """(wall s, CPU s user+sys, peak RSS MB) of one child process, output discarded.

    A command starting with "PYTHONPATH=DIR" runs with that source tree (the
    baseline rows: an older checkout measured in the same run).
    """
    env = dict(os.environ)
    if cmd[0].startswith("PYTHONPATH="):
        env["PYTHONPATH"], cmd = cmd[0].split("=", 1)[1], cmd[1:]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode:
        raise SystemExit(f"{cmd} failed ({proc.returncode}): {err[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def commands(wa: Path, lines: Path, others: dict[str, Path]) -> dict[str, list[str]]:
    """The measured commands, by row name."""
    py = [sys.executable]
    cli = [*py, "-m", "unsnare.cli.main"]
    rows: dict[str, list[str]] = {}
    node = shutil.which("node")
    if node and (HERE / "peers" / "node_modules" / "whatsapp-chat-parser").is_dir():
        rows["whatsapp-chat-parser 4.0.2 (Node)"] = [node, str(PEER), str(wa)]
    rows["Unsnare read_export"] = [*py, "-c", _READ, str(wa)]
    rows["Unsnare open_export (streamed)"] = [*py, "-c", _STREAM, str(wa)]
    rows["unsnare import --json"] = [*cli, "import", str(wa), "--json", "--tz", "UTC"]
    rows["unsnare analyze --json (WhatsApp)"] = [*cli, "analyze", str(wa), "--json", "--tz", "UTC"]
    if lines.exists():
        rows["unsnare analyze --json (text file)"] = [*cli, "analyze", str(lines), "--json"]
    for name, path in others.items():
        rows[f"{name} open_export (streamed)"] = [*py, "-c", _STREAM, str(path)]
        rows[f"{name} import --json"] = [*cli, "import", str(path), "--json", "--tz", "UTC"]
    return rows


def main() -> None:
    """Generate the files, run everything interleaved, print (and optionally write) the table."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000, help="messages in the WhatsApp export")
    ap.add_argument("--text-n", type=int, default=200_000, help="lines in the text file")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json-formats", action="store_true",
                    help="also Telegram result.json and a Messenger thread of --n messages")
    ap.add_argument("--only", default="", help="comma-separated row-name fragments to run")
    ap.add_argument("--dir", type=Path, help="reuse/keep the generated files here")
    ap.add_argument("--baseline-src", type=Path,
                    help="an older checkout's src/: its rows run beside this one's")
    ap.add_argument("--write", action="store_true", help="write bench/results/speed.md")
    args = ap.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    tmp = args.dir or Path(tempfile.mkdtemp(prefix="unsnare-speed-"))
    tmp.mkdir(parents=True, exist_ok=True)
    wa, lines = tmp / f"wa_{args.n}.txt", tmp / f"lines_{args.text_n}.txt"
    if not wa.exists():
        write_android(wa, args.n)
    if not lines.exists():
        write_lines(lines, args.text_n)
    others: dict[str, Path] = {}
    if args.json_formats:
        others["Telegram"] = tmp / f"telegram_{args.n}" / "result.json"
        if not others["Telegram"].exists():
            others["Telegram"].parent.mkdir(parents=True, exist_ok=True)
            write_telegram(others["Telegram"], args.n)
        others["Messenger"] = tmp / f"meta_{args.n}"
        if not others["Messenger"].exists():
            write_meta(others["Messenger"], args.n)
    rows = commands(wa, lines, others)
    if args.only:
        keep = [f.strip() for f in args.only.split(",")]
        rows = {k: v for k, v in rows.items() if any(f in k for f in keep)}
    if args.baseline_src:
        base = f"PYTHONPATH={args.baseline_src.resolve()}"
        rows.update({f"(baseline) {k}": [base, *v] for k, v in rows.items() if "Node" not in k})
    load0 = os.getloadavg()
    print(f"load average at start: {load0[0]:.2f} {load0[1]:.2f} {load0[2]:.2f} (2 cores)")
    print(f"WhatsApp export: {args.n:,} messages, {wa.stat().st_size / 1e6:.0f} MB; "
          f"text file: {args.text_n:,} lines")
    best: dict[str, tuple[float, float, float]] = {}
    for r in range(args.repeat):
        for name, cmd in rows.items():
            wall, cpu, rss = run(cmd)
            print(f"  run {r + 1} {name:<38} {wall:6.2f} s wall {cpu:6.2f} s CPU {rss:6.0f} MB",
                  flush=True)
            old = best.get(name)
            best[name] = (wall, cpu, rss) if old is None else (
                min(old[0], wall), min(old[1], cpu), max(old[2], rss))
    load1 = os.getloadavg()
    print(f"load average at end: {load1[0]:.2f} {load1[1]:.2f} {load1[2]:.2f}")
    peer = next((v for k, v in best.items() if "parser" in k), None)
    table = ["| run (whole process, best of 3) | wall s | CPU s | peak MB | msg/s (CPU) | "
             "× peer (CPU) |", "|---|---|---|---|---|---|"]
    for name, (wall, cpu, rss) in best.items():
        n = args.text_n if "text file" in name else args.n
        ratio = (f"{cpu / peer[1]:.2f}" if peer and "nsnare" in name
                 and "text file" not in name else "")
        table.append(f"| {name} | {wall:.2f} | {cpu:.2f} | {rss:.0f} | {n / cpu:,.0f} | {ratio} |")
    print("\n".join(table))
    if not args.dir:
        shutil.rmtree(tmp)
    if args.write:
        machine = f"{platform.machine()}, {os.cpu_count()} cores, 24 GB, " \
                  f"CPython {platform.python_version()}"
        HERE.joinpath("results", "speed.md").write_text(
            f"# End to end beside whatsapp-chat-parser ({datetime.now(UTC):%Y-%m-%d %H:%M} UTC)\n\n"
            f"Machine: {machine}; shared: load average {load0[0]:.2f} at start, "
            f"{load1[0]:.2f} at end. Command: `OMP_NUM_THREADS=1 .venv/bin/python "
            f"bench/bench_speed.py --n {args.n} --write`. {args.n:,}-message Android export "
            f"({wa.stat().st_size / 1e6:.0f} MB; multi-line, media, deleted, edited, calls, "
            f"emoji) and a {args.text_n:,}-line text chat.\n\n" + "\n".join(table) + "\n",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
