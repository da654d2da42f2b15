"""`unsnare analyze` and `unsnare eval`: explain what is happening in a
conversation, a pasted message or an email; measure on labelled lines."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from unsnare.analysis import AnalysisReport, Analyzer, analyze, analyze_text
from unsnare.analysis.base import EXPLANATION_KEYS
from unsnare.analysis.email import looks_like_email
from unsnare.analysis.evaluation import Breakdown, EvalResult, evaluate, evaluate_folder, read_lines
from unsnare.analysis.evaluation import FolderResult as EvalFolderResult
from unsnare.cli.output import console, print_json
from unsnare.errors import InputError, UsageError
from unsnare.response import services_for

# Reading stdin or a file stops here; a bigger paste is cut and the report says so.
_MAX_READ = 64 * 1024 * 1024


def register(app: typer.Typer) -> None:
    """Add the `analyze` and `eval` commands."""
    app.command("analyze")(analyze_command)
    app.command("eval")(eval_command)


def _read_limited(stream: Any, name: str) -> tuple[str, bool]:
    data = stream.read(_MAX_READ + 1)
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogateescape")
    cut = len(data) > _MAX_READ
    return data[:_MAX_READ].decode("utf-8", "replace"), cut


def _reports_for_path(
    path: Path, fmt: str | None = None, tz: str | None = None, chat: str | None = None
) -> list[AnalysisReport]:
    if not path.exists():
        raise InputError(
            "there is no such file or folder",
            file=str(path),
            hint="check the path, or use --text to paste a message",
        )
    if path.is_file() and (path.suffix.lower() == ".eml" or _starts_like_email(path)):
        with path.open("rb") as fh:
            text, cut = _read_limited(fh, str(path))
        report = analyze_text(text)
        return [_note_cut(report, cut)]
    from unsnare.importers import read_export

    # The same reading options as `unsnare import`, so an export reads the same way.
    result = read_export(path, format=fmt, tz=tz, chat=chat)
    return [analyze(c) for c in result.conversations]


def _starts_like_email(path: Path) -> bool:
    # A saved email is often .txt; its first lines (mail headers) tell.
    if path.suffix.lower() not in (".txt", ".msg", ".mbox", ""):
        return False
    try:
        with path.open("rb") as fh:
            head = fh.read(4096).decode("utf-8", "replace")
    except OSError:
        return False
    return looks_like_email(head)


def _note_cut(report: AnalysisReport, cut: bool) -> AnalysisReport:
    if not cut:
        return report
    from dataclasses import replace

    note = f"The input was longer than {_MAX_READ // (1024 * 1024)} MB; only the start was read."
    return replace(report, warnings=report.warnings + (note,))


def analyze_command(
    path: Annotated[
        str | None,
        typer.Argument(help="A chat export (any import format), an .eml email, or - for stdin."),
    ] = None,
    text: Annotated[str | None, typer.Option("--text", help="Analyse this message.")] = None,
    each_line: Annotated[
        Path | None,
        typer.Option("--each-line", help="A JSON-lines file: analyse each line's `text` alone."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for machines.")] = False,
    country: Annotated[
        str | None,
        typer.Option("--country", help="Two-letter country code, to show its crisis lines."),
    ] = None,
    fmt: Annotated[
        str | None, typer.Option("--format", help="The export's format, if not detected.")
    ] = None,
    tz: Annotated[
        str | None,
        typer.Option("--tz", help="Time zone of an export with local times (e.g. Europe/London)."),
    ] = None,
    chat: Annotated[
        str | None, typer.Option("--chat", help="In an export of several chats, read this one.")
    ] = None,
) -> None:
    """Explain what is happening in a conversation and how serious it is."""
    given = sum(x is not None for x in (path, text, each_line))
    if given != 1:
        raise UsageError(
            'give exactly one of: PATH, --text "...", - (stdin) or --each-line FILE.jsonl',
            hint='for example: unsnare analyze --text "send me $300 or everyone sees it"',
        )
    if each_line is not None:
        _each_line(each_line, as_json)
        return
    if text is not None:
        reports = [analyze_text(text)]
    elif path == "-":
        pasted, cut = _read_limited(sys.stdin.buffer, "stdin")
        reports = [_note_cut(analyze_text(pasted), cut)]
    else:
        reports = _reports_for_path(Path(str(path)), fmt, tz, chat)
    if as_json:
        data = [r.to_dict() for r in reports]
        print_json(data[0] if len(data) == 1 else data)
        return
    for r in reports:
        _print_report(r, country)


def _each_line(path: Path, as_json: bool) -> None:
    analyzer = Analyzer()
    out = sys.stdout
    for line in read_lines(path):
        report = analyze_text(line.text, analyzer)
        data = {"id": line.id, **report.to_dict()}
        if as_json:
            out.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")
        else:
            out.write(f"{line.id}\t{report.risk.level}\t{report.scheme}\n")


# The readable report lists this many findings; --json has them all.
_SHOW_AT_MOST = 100

_LEVEL_STYLE = {
    "none": "green",
    "low": "green",
    "unknown": "yellow",
    "medium": "yellow",
    "high": "red",
    "critical": "bold red",
}


def _crisis_lines(country: str | None) -> list[str]:
    """Who to call or text right now: the country's crisis services, else international ones."""
    services = [
        s
        for s in services_for(country or "", None)
        if {"emergency", "crisis_support"} & set(s.handles)
    ]
    lines = []
    for s in services[:4]:
        how = "; ".join(
            part
            for part in (
                f"call {s.phone}" if s.phone else "",
                f"text {s.text}" if s.text else "",
                s.url,
            )
            if part
        )
        lines.append(f"  {s.name}: {how}")
    return lines


def _print_report(r: AnalysisReport, country: str | None = None) -> None:
    out = console()
    if r.needs_crisis_help():
        # Crisis help comes before anything else, with real numbers to call: when the
        # person shows despair, and when the offender tells them their life is over.
        out.print(
            "[bold red]If you are thinking about hurting yourself, please talk to someone "
            "right now.[/] You are not alone, and this can be fixed."
        )
        for line in _crisis_lines(country):
            out.print(escape(line))
        if not country:
            out.print("For the lines in your country: unsnare help --country XX (e.g. US, GB).")
    style = _LEVEL_STYLE.get(str(r.risk.level), "")
    out.print(
        f"Risk: [{style}]{r.risk.level}[/] ({r.risk.score:.2f})   "
        f"Scheme: {r.scheme}   Stage: {r.stage}"
    )
    if not r.risk.assessed:
        out.print(
            "[yellow]Not assessed: Unsnare cannot read this language yet, so finding "
            "nothing does not mean safe.[/]"
        )
    if r.scheme != "none":
        out.print(
            "This is not your fault. Do not pay and do not send more. Keep the messages "
            "as evidence, then block and report the account."
        )
    for s in r.stages:
        when = s.timestamp.isoformat(sep=" ", timespec="minutes") if s.timestamp else ""
        out.print(f"  reached {s.stage} at message {escape(s.message_id)} {when}")
    if r.findings:
        out.print("\nWhat we found:")
    for f in r.findings[:_SHOW_AT_MOST]:
        detail = ", ".join(
            f"{k}={v}" for k, v in f.detail if v not in (None, False) and k not in EXPLANATION_KEYS
        )
        extra = f" ({escape(detail)})" if detail else ""
        out.print(
            f"  - message {escape(f.message_id)} [{f.start}:{f.end}] "
            f"{f.tactic}{extra}: {escape(f.explanation)}"
        )
    if len(r.findings) > _SHOW_AT_MOST:
        out.print(f"  ... and {len(r.findings) - _SHOW_AT_MOST} more (use --json to see all).")
    if r.identifiers:
        out.print("\nIdentifiers (keep these for reports):")
    for i in r.identifiers:
        valid = "" if i.valid is None else (" (checksum ok)" if i.valid else " (NOT valid)")
        out.print(f"  - {i.kind}: {escape(i.value)} -> {escape(i.normalized)}{valid}")
    for w in r.warnings:
        out.print(f"[yellow]Note:[/] {escape(w)}")
    out.print(f"Language: {r.language}{'' if r.supported_language else ' (not supported)'}")


def eval_command(
    path: Annotated[
        Path,
        typer.Argument(
            help="A JSON-lines file (id, text, label, tags) or a folder of them "
            "(every *.jsonl, conversations included)."
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for machines.")] = False,
    misses: Annotated[bool, typer.Option("--misses", help="List the ids of every miss.")] = False,
) -> None:
    """Measure precision, recall and F1 on labelled lines, and list the misses."""
    if path.is_dir():
        folder = evaluate_folder(path, Analyzer())
        if as_json:
            print_json(folder.to_dict())
            return
        _print_folder(folder, misses)
        return
    result = evaluate(read_lines(path), Analyzer())
    if as_json:
        print_json(result.to_dict())
        return
    _print_result(result, show_misses=True)


def _print_result(result: EvalResult, show_misses: bool) -> None:
    out = console()
    f = result.flag
    out.print(f"{result.lines} labelled lines. Flag = risk medium or above.")
    out.print(
        f"Flag: precision {f.precision():.3f}  recall {f.recall():.3f}  F1 {f.f1():.3f}  "
        f"(tp {f.tp}, fp {f.fp}, fn {f.fn}, tn {f.tn})"
    )
    for name, c in sorted(result.groups.items()):
        out.print(f"  {name}: recall {c.recall():.3f} ({c.tp}/{c.tp + c.fn})")
    out.print(
        f"Negatives scored high or critical: {len(result.negatives_high)} "
        f"{' '.join(result.negatives_high)}"
    )
    out.print("\nPer tactic:")
    for name, c in sorted(result.tactics.items()):
        out.print(
            f"  {name:20} precision {c.precision():.3f}  recall {c.recall():.3f}  "
            f"F1 {c.f1():.3f}  (tp {c.tp}, fp {c.fp}, fn {c.fn})"
        )
    if show_misses and result.misses:
        out.print("\nMisses:")
        for mid, why in result.misses:
            out.print(f"  {escape(mid)}: {why}")


def _print_breakdown(title: str, table: dict[str, Breakdown]) -> None:
    out = console()
    out.print(f"\nBy {title}:")
    out.print(
        f"  {title:16} {'lines':>6} {'prec':>6} {'recall':>6} {'F1':>6}   tp   fp   fn  high-neg"
    )
    for name, b in sorted(table.items()):
        c = b.counts
        out.print(
            f"  {escape(name):16} {c.tp + c.fp + c.fn + c.tn:6d} {c.precision():6.3f} "
            f"{c.recall():6.3f} {c.f1():6.3f} {c.tp:4d} {c.fp:4d} {c.fn:4d} {b.high_negatives:5d}"
        )


def _print_folder(folder: EvalFolderResult, show_misses: bool) -> None:
    out = console()
    _print_result(folder.overall, show_misses)
    _print_breakdown("file", folder.files)
    _print_breakdown("language", folder.languages)
    _print_breakdown("channel", folder.channels)
    q = folder.non_english_quotes
    if q.tp + q.fn:
        out.print(
            f"\nNon-English sextortion messages in quotes.jsonl: recall {q.recall():.3f} "
            f"({q.tp}/{q.tp + q.fn}), precision {q.precision():.3f}"
        )
    for name, tactics in sorted(folder.file_tactics.items()):
        if not tactics:
            continue
        out.print(f"\nPer tactic in {escape(name)}:")
        for tname, c in sorted(tactics.items()):
            out.print(
                f"  {tname:20} precision {c.precision():.3f}  recall {c.recall():.3f}  "
                f"(tp {c.tp}, fp {c.fp}, fn {c.fn})"
            )
    convs = folder.conversations
    if convs:
        grooming = [s for s in convs if s.label != "benign"]
        benign = [s for s in convs if s.label == "benign"]
        out.print("\nWhole conversations (first alert = risk medium or above):")
        if grooming:
            timely = sum(s.in_time for s in grooming)
            out.print(
                f"  grooming: alerted at or before the expected message in {timely}/"
                f"{len(grooming)} ({timely / len(grooming):.2f})"
            )
            for s in grooming:
                out.print(f"    {escape(s.id)}: first alert {s.first_alert}, expected {s.expected}")
        if benign:
            calm = sum(s.first_alert is None for s in benign)
            out.print(
                f"  benign: never reached medium in {calm}/{len(benign)} ({calm / len(benign):.2f})"
            )
