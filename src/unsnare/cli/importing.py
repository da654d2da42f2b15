"""`unsnare import` and `unsnare show`: read a chat export and report on it.

Both commands stream, so a 1,000,000-message export is summarised or
printed without holding it all in memory.
"""

from __future__ import annotations

import sys
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from unsnare.cli.output import console
from unsnare.importers import ChatStream, open_export
from unsnare.importers.serialize import write_stream_json
from unsnare.models import Message, MessageKind

# Kept in step with the registry by tests/cli/test_importing.py.
FORMAT_NAMES = (
    "whatsapp, instagram, messenger, telegram, discord, discord-package, snapchat, tiktok, "
    "imessage, google-chat, hangouts, skype, plaintext, csv"
)
_FORMAT_HELP = f"Read the export as this format instead of detecting it ({FORMAT_NAMES})."
_TZ_HELP = (
    "Time zone of the phone that made the export (IANA name, e.g. Europe/London). "
    "Default: this computer's zone."
)
_CHAT_HELP = "With several chats in one export, read only the chat with this name or id."
PathArg = Annotated[Path, typer.Argument(help="The export: a file, a folder, or a zip.")]
FormatOpt = Annotated[str | None, typer.Option("--format", "-f", help=_FORMAT_HELP)]
TzOpt = Annotated[str | None, typer.Option("--tz", help=_TZ_HELP)]
ChatOpt = Annotated[str | None, typer.Option("--chat", help=_CHAT_HELP)]


def register(app: typer.Typer) -> None:
    """Add the `import` and `show` commands."""
    app.command("import")(import_command)
    app.command("show")(show_command)


def _fmt_time(t: datetime | None) -> str:
    return t.isoformat(sep=" ", timespec="minutes") if t else "(no time)"


def import_command(
    path: PathArg,
    format: FormatOpt = None,
    tz: TzOpt = None,
    chat: ChatOpt = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the messages as one JSON object.")
    ] = False,
) -> None:
    """Read a chat export and summarise it (or print it as JSON). The file is not changed."""
    with open_export(path, format=format, tz=tz, chat=chat) as opened:
        if as_json:
            _write_json(opened.format, opened.streams)
            return
        summaries = [_summarise(stream) for stream in opened.streams]
        out = console()
        n = len(opened.streams)
        out.print(
            f"Read [bold]{escape(str(path))}[/] as [bold]{opened.format}[/]"
            f" ({n} conversation{'s' if n != 1 else ''})."
        )
        for line in (line for lines in summaries for line in lines):
            out.print(line)


def _write_json(fmt: str, streams: list[ChatStream]) -> None:
    out = sys.stdout
    if len(streams) == 1:
        write_stream_json(streams[0], out)
    else:
        out.write('{\n  "format": ' + f'"{fmt}",\n  "conversations": [\n')
        for i, stream in enumerate(streams):
            write_stream_json(stream, out, indent="    ")
            out.write(",\n" if i < len(streams) - 1 else "\n")
        out.write("  ]\n}")
    out.write("\n")


def _summarise(stream: ChatStream) -> list[str]:
    """The summary lines of one conversation, read to its end (so a reading error
    comes before anything is printed)."""
    kinds: Counter[str] = Counter()
    attachments = present = 0
    first: datetime | None = None
    last: datetime | None = None
    for m in stream.messages():
        kinds[m.kind.value] += 1
        attachments += len(m.attachments)
        present += sum(1 for a in m.attachments if a.present)
        if m.timestamp is not None:
            first = m.timestamp if first is None or m.timestamp < first else first
            last = m.timestamp if last is None or m.timestamp > last else last
    conv = stream.finish()
    lines: list[str] = []
    title = f" — {escape(conv.title)}" if conv.title else ""
    lines.append(f"\n[bold]{escape(conv.platform)}[/] conversation {escape(conv.id)}{title}")
    names = ", ".join(p.name + (" (you)" if p.is_owner else "") for p in conv.participants)
    lines.append(f"  Participants ({len(conv.participants)}): {escape(names) or '(none)'}")
    lines.append(
        f"  Messages: {kinds['message']} written, {kinds['system']} system lines;"
        f" {attachments} attachments ({present} in the export)"
    )
    lines.append(f"  From {_fmt_time(first)} to {_fmt_time(last)}")
    if conv.timezone:
        if conv.timezone_assumed:
            lines.append(
                f"  Time zone: {escape(conv.timezone)} (assumed: the export has local "
                "times only; change with --tz)"
            )
        else:
            lines.append(
                f"  Times shown in {escape(conv.timezone)} (the export records exact "
                "times; change the display zone with --tz)"
            )
    if conv.date_order:
        lines.append(f"  Dates read as: {conv.date_order}")
    for f in conv.source_files:
        lines.append(f"  Source: {escape(f.name)} sha256 {f.sha256}")
    for note in conv.notes:
        lines.append(f"  Note: {escape(note)}")
    total = stream.state.warning_count
    lines.append(f"  Warnings: {total}")
    for w in conv.warnings[:20]:
        where = f"{w.where()}: " if w.where() else ""
        lines.append(f"    - {escape(where + w.message)}")
    if len(conv.warnings) > 20:
        lines.append(f"    … and {total - 20} more (see --json)")
    return lines


def _render(m: Message, names: dict[str, str]) -> str:
    who = names.get(m.sender or "", m.sender or "")
    when = _fmt_time(m.timestamp)
    parts = [m.text] if m.text else []
    for a in m.attachments:
        state = "in the export" if a.present else "not in the export"
        parts.append(f"[attachment: {a.file_name or a.media_type or 'media'}, {state}]")
    flags = [f for f, on in (("edited", m.edited), ("deleted", m.deleted)) if on]
    if m.forwarded_from:
        flags.append(f"forwarded from {m.forwarded_from}")
    if m.reply_to:
        flags.append(f"reply to {m.reply_to}")
    suffix = f" ({', '.join(flags)})" if flags else ""
    body = "\n    ".join("\n".join(parts).split("\n"))
    if m.kind is MessageKind.SYSTEM:
        lead = f"{who}: " if who else ""
        return f"[dim]{escape(when)}  * {escape(lead + body + suffix)}[/]"
    return f"{escape(when)}  [bold]{escape(who)}[/]: {escape(body + suffix)}"


def show_command(
    path: PathArg,
    format: FormatOpt = None,
    tz: TzOpt = None,
    chat: ChatOpt = None,
) -> None:
    """Print the conversation in the terminal, one message per line."""
    out = console()
    with open_export(path, format=format, tz=tz, chat=chat) as opened:
        for stream in opened.streams:
            out.print(f"[bold]== {escape(stream.title or stream.id)} ({opened.format})[/]")
            names: dict[str, str] = {}
            for m in stream.messages():
                if m.sender and m.sender not in names:
                    p = stream.state.participants.get(m.sender)
                    names[m.sender] = p.name if p else m.sender
                out.print(_render(m, names))
            conv = stream.finish()
            if conv.timezone_assumed:
                out.print(f"[dim]Times are in {escape(conv.timezone or '?')} (assumed).[/]")
            if stream.state.warning_count:
                out.print(
                    f"[dim]{stream.state.warning_count} warnings: run `unsnare import` "
                    "to see them.[/]"
                )
