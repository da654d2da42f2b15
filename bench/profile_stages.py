"""Where the time goes (issue 17): import, analysis and output, stage by stage.

Each stage is timed in this process (CPU time, user + sys, and wall time).
Rows marked "alone" time one piece by itself; rows starting "=" are the
whole path, so the rest of it is the difference. Start-up rows are fresh
processes, each adding imports to the row before. Files are invented by bench/speed_data.py.

    OMP_NUM_THREADS=1 .venv/bin/python bench/profile_stages.py [--n 100000] [--text-n 200000]
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed_data import write_android, write_lines  # noqa: E402


def timed(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    """(CPU s, wall s, result) of fn(), with a collection first so stages start alike."""
    gc.collect()
    c, w = time.process_time(), time.perf_counter()
    out = fn()
    return time.process_time() - c, time.perf_counter() - w, out


def startup(*code: str) -> tuple[float, float]:
    """(CPU s, wall s) of a fresh Python process running `code` (best of 3)."""
    best = (9e9, 9e9)
    for _ in range(3):
        w = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", "\n".join(code)])
        _, _, ru = os.wait4(proc.pid, 0)
        best = (min(best[0], ru.ru_utime + ru.ru_stime), min(best[1], time.perf_counter() - w))
    return best


def import_stages(path: Path) -> list[tuple[str, float, float]]:
    """Rows for reading one WhatsApp export, each adding a stage."""
    from unsnare.importers import open_export, read_export, serialize, whatsapp
    from unsnare.importers import whatsapp_syntax as wa
    from unsnare.importers.serialize import write_stream_json
    from unsnare.importers.source import ExportSource, iter_text_blocks

    rows: list[tuple[str, float, float]] = []

    def blocks() -> int:
        with open_export(path, tz="UTC") as o, ExportSource(path) as s2:
            del o
            return sum(len(b) for b in iter_text_blocks(s2, _member(s2)))

    def first_pass() -> int:
        with ExportSource(path) as s2:
            member = _member(s2)
            head = whatsapp._head(s2, member)
            layout = whatsapp._layout_of(head)
            template = whatsapp._templates(head, layout)[0]
            return whatsapp._scan(s2, member, layout, template).android

    def sweep() -> int:
        n = 0
        with ExportSource(path) as s2:
            for block in iter_text_blocks(s2, _member(s2)):
                for _ in wa.DATE_FIRST.android_line.finditer(block):
                    n += 1
        return n

    def streamed() -> int:
        with open_export(path, tz="UTC") as o:
            return sum(1 for s in o.streams for _ in s.messages())

    def streamed_python() -> int:
        whatsapp.USE_COMPILED = serialize.USE_COMPILED = False
        try:
            return streamed()
        finally:
            whatsapp.USE_COMPILED = serialize.USE_COMPILED = True

    def materialised() -> int:
        return sum(len(c.messages) for c in read_export(path, tz="UTC").conversations)

    def as_json() -> int:
        out = io.StringIO()
        with open_export(path, tz="UTC") as o:
            write_stream_json(o.streams[0], out)
        return len(out.getvalue())

    for name, fn in (
        ("open the export, sniff, decode every block", blocks),
        ("first pass alone (layout, date order, names; C for the usual shape)", first_pass),
        ("second pass: header regex sweep alone", sweep),
        ("= stream every Message (open_export)", streamed),
        ("  the same with the Python code alone (no unsnare._fastread)", streamed_python),
        ("= read_export (materialise the Conversation)", materialised),
        ("= stream + JSON text (import --json, no I/O)", as_json),
    ):
        cpu, wall, _ = timed(fn)
        rows.append((name, cpu, wall))
    return rows


def _member(src: Any) -> str:
    from unsnare.importers.whatsapp import chat_members

    return chat_members(src)[0]


def analysis_stages(path: Path) -> list[tuple[str, float, float]]:
    """Rows for `unsnare analyze` on one export: read, each analysis step, output."""
    from unsnare.analysis import Analyzer, PatternDetector
    from unsnare.analysis.engine import combine_layers
    from unsnare.analysis.identifiers import extract_identifiers
    from unsnare.analysis.learned.detector import LearnedDetector
    from unsnare.analysis.literals import required_alternatives
    from unsnare.analysis.text import tokens
    from unsnare.cli.output import print_json
    from unsnare.importers import read_export

    rows: list[tuple[str, float, float]] = []
    cpu, wall, engine = timed(Analyzer)
    rows.append(("build the Analyzer (rules, model file)", cpu, wall))
    cpu, wall, result = timed(lambda: read_export(path, tz="UTC"))
    rows.append(("read_export", cpu, wall))
    conv = result.conversations[0]
    gc.disable()
    texts = [m.text for m in conv.messages]
    cpu, wall, folded = timed(lambda: [engine._folder.fold(t).text for t in texts])
    rows.append(("  view part alone: fold every text", cpu, wall))
    cpu, wall, _ = timed(lambda: [tokens(f) for f in folded])
    rows.append(("  view part alone: word sets (tokens)", cpu, wall))
    cpu, wall, view = timed(lambda: engine.view(conv))
    rows.append(("view: fold, tokens, prefilter", cpu, wall))
    findings = []
    steps = 0.0
    rules_cpu = rules_wall = 0.0
    for detector, gated in engine.plan:
        if gated and view.prefiltered is not None and detector.name not in view.prefiltered:
            continue
        cpu, wall, got = timed(lambda d=detector: d.detect(view))
        findings.extend(got)
        rows.append((f"detector {detector.name}", cpu, wall))
        steps += cpu
        if isinstance(detector, PatternDetector):
            rules_cpu, rules_wall = rules_cpu + cpu, rules_wall + wall
        if isinstance(detector, LearnedDetector):
            distinct = list(dict.fromkeys(m.folded for m in view.messages))
            cpu, wall, _ = timed(lambda d=detector, t=distinct: d.model.batch_margins(t))
            rows.append(("  learned part alone: margins of every distinct text", cpu, wall))
    rows.append(("= every rule (pattern) detector", rules_cpu, rules_wall))
    known = [
        required_alternatives(c.pattern) is not None
        for d in engine.registry
        for c in getattr(d, "_compiled", ())
    ]
    rows.append((f"  (rules the scanner can skip: {sum(known)} of {len(known)})", 0.0, 0.0))
    cpu, wall, _ = timed(lambda: combine_layers(findings, view))
    rows.append(("combine layers", cpu, wall))
    steps += cpu
    cpu, wall, _ = timed(lambda: extract_identifiers(view.messages, "US", conv.platform))
    rows.append(("identifiers", cpu, wall))
    steps += cpu
    gc.enable()
    cpu, wall, report = timed(lambda: engine.analyze(conv))
    rows.append(("(whole Analyzer.analyze, for reference)", cpu, wall))
    view_cpu = next(c for n, c, _ in rows if n.startswith("view:"))
    rows.append(("  rest: roles, order, crisis, risk, stages (whole - rows above)",
                 max(0.0, cpu - steps - view_cpu), 0.0))
    cpu, wall, data = timed(report.to_dict)
    rows.append(("report.to_dict()", cpu, wall))

    def output() -> None:
        real, sys.stdout = sys.stdout, io.StringIO()
        try:
            print_json(data)
        finally:
            sys.stdout = real

    cpu, wall, _ = timed(output)
    rows.append((f"JSON text (print_json, {len(report.findings):,} findings)", cpu, wall))
    return rows


def table(title: str, rows: list[tuple[str, float, float]]) -> str:
    """A Markdown table of the rows."""
    lines = [f"| {title} | CPU s | wall s |", "|---|---|---|"]
    lines += [f"| {name} | {cpu:.2f} | {wall:.2f} |" for name, cpu, wall in rows]
    return "\n".join(lines)


def main() -> None:
    """Generate the files, time each stage, print the tables."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--text-n", type=int, default=200_000)
    ap.add_argument("--dir", type=Path, help="reuse the generated files here")
    ap.add_argument("--analysis-only", action="store_true",
                    help="only the `unsnare analyze` tables (no start-up or import rows)")
    args = ap.parse_args()
    tmp = args.dir or Path(tempfile.mkdtemp(prefix="unsnare-profile-"))
    wa, lines = tmp / f"wa_{args.n}.txt", tmp / f"lines_{args.text_n}.txt"
    if not wa.exists():
        write_android(wa, args.n)
    if not lines.exists():
        write_lines(lines, args.text_n)
    print(f"load average {os.getloadavg()[0]:.2f} (2 cores)")
    if args.analysis_only:
        print(table(f"`unsnare analyze`, {args.text_n:,}-line text file", analysis_stages(lines)))
        print()
        print(table(f"`unsnare analyze`, {args.n:,}-message WhatsApp export", analysis_stages(wa)))
        print(f"load average {os.getloadavg()[0]:.2f} at the end")
        return
    start = [
        ("python -c pass", startup("pass")),
        ("+ import unsnare.importers", startup("import unsnare.importers")),
        ("+ the CLI with every command registered",
         startup("from unsnare.cli.main import _register_commands", "_register_commands()")),
        ("+ unsnare.analysis and a built Analyzer",
         startup("from unsnare.cli.main import _register_commands", "_register_commands()",
                 "from unsnare.analysis import Analyzer", "Analyzer()")),
    ]
    print(table("start-up (fresh process, best of 3)", [(n, c, w) for n, (c, w) in start]))
    print()
    print(table(f"WhatsApp import, {args.n:,} messages", import_stages(wa)))
    print()
    print(table(f"`unsnare analyze`, {args.text_n:,}-line text file", analysis_stages(lines)))
    print()
    print(table(f"`unsnare analyze`, {args.n:,}-message WhatsApp export", analysis_stages(wa)))
    print(f"load average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
