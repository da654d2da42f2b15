"""`unsnare scan`: analyse a message archive (and match image hashes) on Dask or Spark."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from unsnare.cli.output import console
from unsnare.errors import InputError, UsageError

if TYPE_CHECKING:
    from unsnare.scan import ScanSummary


def register(app: typer.Typer) -> None:
    """Add `scan`."""
    app.command("scan")(scan)


def scan(
    input: Annotated[
        Path,
        typer.Argument(
            help="Parquet or JSON Lines (one row a message, or one row an image hash), "
            "or a folder of them and/or chat exports."
        ),
    ],
    out: Annotated[Path, typer.Option("--out", help="Folder for the Parquet results.")],
    engine: Annotated[
        str, typer.Option("--engine", help="dask (default), spark, or local (this process).")
    ] = "dask",
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler, e.g. tcp://host:8786.")
    ] = None,
    workers: Annotated[int, typer.Option("--workers", help="Embedded Dask workers.")] = 2,
    master: Annotated[str, typer.Option("--master", help="Spark master URL.")] = "local[2]",
    partitions: Annotated[
        int, typer.Option("--partitions", help="Conversation buckets (analysis tasks).")
    ] = 8,
    chunk_rows: Annotated[
        int, typer.Option("--chunk-rows", help="Rows of a Parquet file read by one task.")
    ] = 250_000,
    stream_from: Annotated[
        int | None,
        typer.Option(
            "--stream-from",
            help="Analyse a conversation longer than this many messages in windows "
            "[default: 100000].",
        ),
    ] = None,
    sort_memory: Annotated[
        int,
        typer.Option(
            "--sort-memory",
            help="MB of rows one analysis task groups in memory; a bigger bucket of "
            "conversations is sorted on disk.",
        ),
    ] = 512,
    bank: Annotated[
        list[str] | None, typer.Option("--bank", help="A hash bank in your store (repeatable).")
    ] = None,
    bank_file: Annotated[
        list[Path] | None,
        typer.Option("--bank-file", help="A hash bank file: JSON, CSV or ThreatExchange."),
    ] = None,
    include_text: Annotated[
        bool, typer.Option("--include-text", help="Copy the text of messages with findings.")
    ] = False,
    dashboard: Annotated[
        bool, typer.Option("--dashboard", help="Serve the Dask dashboard while scanning.")
    ] = False,
) -> None:
    """Scan an archive of messages and image hashes; only findings are written out."""
    try:
        from unsnare.scan import ScanOptions, run_scan, snapshot
        from unsnare.scan.engines import DaskEngine, Engine, LocalEngine
    except ImportError as exc:
        raise UsageError(
            f"`unsnare scan` needs the scan extra ({exc.name} is not installed)",
            hint="Install it with: pip install 'unsnare[scan]'",
        ) from exc

    if not input.exists():
        # Checked before an engine starts: a cluster takes seconds to come up.
        raise InputError("this input does not exist", file=str(input), hint="Check the path.")
    banks = None
    if bank or bank_file:
        store = None
        if bank:
            from unsnare.hashing.storage import open_bank_store
            from unsnare.settings import Settings

            store = open_bank_store(Settings.from_env())
        banks = snapshot(store, bank or [], bank_file or [])
    options = ScanOptions(
        input, out, partitions, chunk_rows, include_text, sort_memory=sort_memory * 1024 * 1024
    )
    if stream_from is not None:
        options = replace(options, stream_from=stream_from)
    err = console(stderr=True)
    runner: Engine
    if engine == "dask":
        dask = DaskEngine(scheduler, workers, dashboard)
        if dashboard and dask.dashboard_link:
            err.print(f"Dask dashboard: {dask.dashboard_link}")
        runner = dask
    elif engine == "spark":
        from unsnare.scan.spark import SparkEngine

        runner = SparkEngine(master)
    elif engine == "local":
        runner = LocalEngine()
    else:
        raise UsageError(
            f"unknown engine '{engine}'", field="engine", hint="Use dask, spark or local."
        )
    started = time.monotonic()
    with Progress(
        TextColumn("partitions done"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as bar:
        shown = bar.add_task("scan", total=None, rate="")

        def progress(done: int, total: int, rows: int) -> None:
            rate = rows / max(time.monotonic() - started, 1e-6)
            bar.update(shown, completed=done, total=total, rate=f"{rate:,.0f} msgs/s")

        try:
            summary = run_scan(options, runner, banks, progress)
        finally:
            runner.close()
    _show(summary, out)


def _show(summary: ScanSummary, out: Path) -> None:
    c = console()
    # A run over image hashes alone says nothing about messages it never had.
    if summary.messages or not summary.hashes:
        rate = summary.messages / summary.seconds if summary.seconds else 0.0
        c.print(
            f"[bold]Scanned {summary.messages:,} messages in {summary.conversations:,} "
            f"conversations[/] in {summary.seconds:,.1f} s ({rate:,.0f} messages/s); "
            f"{summary.flagged:,} flagged (medium risk or above)."
        )
        levels = Table("risk level", "conversations")
        for level in ("critical", "high", "medium", "low", "unknown", "none"):
            if summary.levels.get(level):
                levels.add_row(level, f"{summary.levels[level]:,}")
        c.print(levels)
    if summary.findings:
        tactics = Table("tactic", "findings")
        for tactic, n in sorted(summary.findings.items(), key=lambda kv: (-kv[1], kv[0])):
            tactics.add_row(tactic, f"{n:,}")
        c.print(tactics)
    if summary.hashes:
        c.print(f"Image hashes checked: {summary.hashes:,}; matches: {summary.hash_matches:,}.")
    if summary.rejected:
        c.print(
            f"{summary.rejected:,} row(s) could not be used; each is listed with the reason in "
            f"{out / 'rejects.parquet'}."
        )
    if summary.resumed_tasks:
        c.print(f"Resumed: {summary.resumed_tasks} task(s) finished earlier were not redone.")
    files = ["conversations.parquet", "findings.parquet"]
    if summary.hashes:
        files.append("hash_matches.parquet")
    if summary.rejected:
        files.append("rejects.parquet")
    c.print(f"Results in {out}/: {', '.join(files)}, summary.json.")
