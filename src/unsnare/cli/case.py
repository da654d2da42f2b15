"""`unsnare case ...` and `unsnare package verify`: the evidence locker from the
command line. Thin: parse, call `unsnare.evidence`, render.

The locker path comes from --locker or UNSNARE_LOCKER (else the data folder);
the passphrase from UNSNARE_PASSPHRASE or a prompt that never echoes.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from unsnare.cli.output import console, print_json
from unsnare.dates import parse_when
from unsnare.errors import IntegrityError, UsageError
from unsnare.private import make_private_dir
from unsnare.settings import Settings

LockerOpt = Annotated[
    Path | None,
    typer.Option("--locker", envvar="UNSNARE_LOCKER", help="The locker file.", show_envvar=True),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for other programs.")]
CaseArg = Annotated[str, typer.Argument(help="The case id (or its first letters).")]

case_app = typer.Typer(help="Keep evidence in an encrypted locker: cases, custody, packages.",
                       no_args_is_help=True)
package_app = typer.Typer(help="Check a sealed evidence package.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Add the `case` and `package` command groups."""
    app.add_typer(case_app, name="case")
    app.add_typer(package_app, name="package")


def _locker_path(locker: Path | None) -> Path:
    return locker or Settings.from_env().locker_file()


def _passphrase(confirm: bool = False) -> str:
    env = os.environ.get("UNSNARE_PASSPHRASE")
    if env:
        return env
    value: str = typer.prompt("Locker passphrase", hide_input=True,
                              confirmation_prompt=confirm)
    return value


@contextmanager
def _open(
    locker: Path | None, *, create: bool = False, passphrase: str | None = None
) -> Iterator[Any]:
    from unsnare.evidence import Locker

    path = _locker_path(locker)
    if create and not path.exists():
        make_private_dir(path.parent)
        console(stderr=True).print(f"Making a new encrypted locker at {escape(str(path))}.")
        opened = Locker.create(path, _passphrase(confirm=True))
    else:
        opened = Locker.open(path, passphrase or _passphrase())
    for notice in opened.notices():
        console(stderr=True).print(f"[yellow]Note:[/] {escape(notice)}")
    try:
        yield opened
    finally:
        opened.close()


def _when(value: str | None) -> datetime | None:
    if value is None:
        return None
    when = parse_when(value, field="--at")
    if when.zone_added:
        # The local zone's offset is then written down with the event.
        console(stderr=True).print(f"Time taken as this computer's zone: {when.at.isoformat()}.")
    return when.at


@case_app.command("new")
def new_command(title: Annotated[str, typer.Argument(help="A short title.")],
                locker: LockerOpt = None, as_json: JsonOpt = False) -> None:
    """Start a new case (making the locker first if there is none)."""
    with _open(locker, create=True) as opened:
        case = opened.new_case(title)
        if as_json:
            print_json({"id": case.id, "title": case.title})
        else:
            console().print(f"New case [bold]{escape(case.id)}[/]: {escape(case.title)}")


@case_app.command("list")
def list_command(locker: LockerOpt = None, as_json: JsonOpt = False) -> None:
    """List the cases in the locker."""
    with _open(locker) as opened:
        cases = opened.cases()
    if as_json:
        print_json([{"id": c.id, "title": c.title, "created_at": c.created_at,
                     "readable": c.readable} for c in cases])
        return
    if not cases:
        console().print("No cases yet. Start one with `unsnare case new TITLE`.")
    for c in cases:
        console().print(f"{c.id}  {escape(c.title)}  [dim]{c.created_at}[/]")


class EventChoice(StrEnum):
    """The events a person records by hand (the analysis finds the others)."""

    REPORT = "report"
    PAYMENT = "payment"
    BLOCK = "block"
    THREAT = "threat"


# Old `case add` options and the command that replaces each (kept working, hidden
# from help, for one release).
_MOVED = {
    "--report-to": "unsnare case event CASE report --platform NAME [--reference REF]",
    "--paid": "unsnare case event CASE payment --amount N [--currency C] [--account ACCOUNT]",
    "--blocked": "unsnare case event CASE block --account ACCOUNT [--platform NAME]",
    "--identifier": "unsnare case identifier CASE KIND:VALUE [--seen WHERE]",
}


def _deprecated(option: str) -> None:
    console(stderr=True).print(
        f"[yellow]Note:[/] `case add {option}` still works in this release but will be "
        f"removed; use `{escape(_MOVED[option])}` instead."
    )


def _identifier_pairs(values: list[str], option: str) -> list[tuple[str, str]]:
    pairs = [tuple(v.split(":", 1)) for v in values]
    for value, p in zip(values, pairs, strict=True):
        if len(p) != 2 or not p[0].strip() or not p[1].strip():
            raise UsageError(
                f"'{value}' needs a kind and a value, with a colon between them",
                field=option,
                hint="Write each one as KIND:VALUE, for example handle:@jordan.vale.77 or "
                "phone:+447700900123",
            )
    return [(p[0].strip(), p[1].strip()) for p in pairs]


def _print_recorded(events: list[dict[str, Any]], identifiers: list[dict[str, Any]]) -> None:
    con = console()
    for event in events:
        con.print(f"Recorded {event['kind']}"
                  + (f" ({escape(event['reference'])})" if event.get("reference") else ""))
    for ident in identifiers:
        con.print(f"Recorded identifier {escape(ident['kind'])} {escape(ident['value'])}")


@case_app.command("add")
def add_command(
    case_ref: CaseArg,
    files: Annotated[list[Path] | None, typer.Argument(help="Exports, screenshots, files.")] = None,
    kind: Annotated[str, typer.Option(help="auto, export, screenshot, image or file.")] = "auto",
    fmt: Annotated[str | None, typer.Option("--format", help="Importer to use.")] = None,
    tz: Annotated[str | None, typer.Option("--tz", help="Zone of the export's times.")] = None,
    source: Annotated[str | None, typer.Option(help="Where it came from.")] = None,
    by: Annotated[str | None, typer.Option("--by", help="Who is adding it.")] = None,
    # Moved to `case event` and `case identifier`; hidden, kept for one release.
    report_to: Annotated[str | None, typer.Option(hidden=True)] = None,
    reference: Annotated[str | None, typer.Option(hidden=True)] = None,
    paid: Annotated[str | None, typer.Option(hidden=True)] = None,
    currency: Annotated[str | None, typer.Option(hidden=True)] = None,
    paid_to: Annotated[str | None, typer.Option(hidden=True)] = None,
    blocked: Annotated[str | None, typer.Option(hidden=True)] = None,
    platform: Annotated[str | None, typer.Option(hidden=True)] = None,
    at: Annotated[str | None, typer.Option(hidden=True)] = None,
    note: Annotated[str | None, typer.Option(hidden=True)] = "",
    identifier: Annotated[list[str] | None, typer.Option(hidden=True)] = None,
    seen: Annotated[str, typer.Option(hidden=True)] = "",
    no_analysis: Annotated[bool, typer.Option("--no-analysis",
                                              help="Keep the files; skip the analysis.")] = False,
    locker: LockerOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Add exports, screenshots and other files to a case (read, hashed and sealed)."""
    if not files and not (report_to or paid or blocked or identifier):
        raise UsageError("Nothing to add.",
                         hint="Give files. To record a report, payment, block or threat use "
                         "`unsnare case event`; for an offender's account, `unsnare case "
                         "identifier`.")
    pairs = _identifier_pairs(identifier or [], "--identifier")
    if reference and not report_to:
        raise UsageError("--reference goes with --report-to.")
    for option, given in (("--report-to", report_to), ("--paid", paid), ("--blocked", blocked),
                          ("--identifier", identifier)):
        if given:
            _deprecated(option)
    when = _when(at)
    out: dict[str, Any] = {"items": [], "conversations": [], "events": [], "messages": []}
    with _open(locker) as opened:
        case = opened.case(case_ref)
        for path in files or []:
            result = case.add_file(path, kind=kind, fmt=fmt, tz=tz, source=source, added_by=by,
                                   analyze=not no_analysis)
            out["items"] += [vars(i) for i in result.items]
            out["conversations"] += [vars(c) for c in result.conversations]
            out["messages"] += list(result.messages)
        events = []
        if report_to:
            events.append(case.add_event("report", at=when, text=note or "", actor=by,
                                         platform=report_to, reference=reference))
        if paid:
            events.append(case.add_event("payment", at=when, text=note or "", actor=by,
                                         amount=paid, currency=currency, counterpart=paid_to))
        if blocked:
            events.append(case.add_event("block", at=when, text=note or "", actor=by,
                                         counterpart=blocked, platform=platform))
        out["events"] = [e.to_dict() for e in events]
        out["identifiers"] = [
            vars(case.add_identifier(k, v, platform=platform, where=seen, actor=by))
            for k, v in pairs
        ]
    if as_json:
        print_json(out)
        return
    con = console()
    for item in out["items"]:
        state = "kept" if item["stored"] else "[bold]not stored, hashes only[/]"
        con.print(f"Added {item['id']}: {escape(item['name'])} ({item['kind']}, {state})\n"
                  f"  SHA-256 {item['sha256']}")
    for conv in out["conversations"]:
        risk = (conv.get("risk") or {}).get("level")
        con.print(f"  {conv['message_count']} message(s) read"
                  + (f"; risk: {risk}" if risk else ""))
        if conv.get("timezone_assumed") and not conv.get("timezone_given"):
            # Never shift evidence times silently: say the zone is a guess and how to fix it.
            con.print(f"  [yellow]The export does not say its time zone; times are marked as "
                      f"assumed ({escape(str(conv.get('timezone') or 'UTC'))}).[/] Add it again "
                      "with --tz ZONE (for example --tz Australia/Sydney) to record the real one.")
    _print_recorded(out["events"], out["identifiers"])
    for message in out["messages"]:
        con.print(f"[yellow]Note:[/] {escape(message)}")


_EVENT_EXAMPLES = {
    EventChoice.REPORT: "unsnare case event 3f9a report --platform Instagram --reference IG-5521",
    EventChoice.PAYMENT: "unsnare case event 3f9a payment --amount 50 --currency EUR",
    EventChoice.BLOCK: "unsnare case event 3f9a block --account jordan.vale.77",
    EventChoice.THREAT: 'unsnare case event 3f9a threat --note "said he would post the pictures"',
}


@case_app.command("event")
def event_command(
    case_ref: CaseArg,
    kind: Annotated[EventChoice, typer.Argument(help="What happened.", case_sensitive=False)],
    platform: Annotated[str | None, typer.Option(
        help="The platform a report was filed with, or the account was blocked on.")] = None,
    reference: Annotated[str | None, typer.Option(help="The report's reference number.")] = None,
    amount: Annotated[str | None, typer.Option(help="How much was paid.")] = None,
    currency: Annotated[str | None, typer.Option(help="Currency of --amount.")] = None,
    account: Annotated[str | None, typer.Option(
        help="The account paid to, the account blocked, or the one that threatened.")] = None,
    at: Annotated[str | None, typer.Option(help="When (ISO 8601), e.g. 2026-03-02T21:15.")] = None,
    note: Annotated[str, typer.Option(help="What happened, in words.")] = "",
    by: Annotated[str | None, typer.Option("--by", help="Who is recording it.")] = None,
    locker: LockerOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record what happened: a report filed, a payment, a block or a threat."""
    needs = {EventChoice.REPORT: ("--platform", platform),
             EventChoice.PAYMENT: ("--amount", amount),
             EventChoice.BLOCK: ("--account", account),
             EventChoice.THREAT: ("--note", note)}
    option, value = needs[kind]
    if not value:
        raise UsageError(f"A {kind.value} needs {option}.", field=option,
                         hint=f"For example: {_EVENT_EXAMPLES[kind]}")
    for name, given, fits in (("--reference", reference, EventChoice.REPORT),
                              ("--amount", amount, EventChoice.PAYMENT),
                              ("--currency", currency, EventChoice.PAYMENT)):
        if given and kind is not fits:
            raise UsageError(f"{name} goes with `case event CASE {fits.value}`.", field=name)
    fields: dict[str, str | None] = {"platform": platform, "reference": reference,
                                     "amount": amount, "currency": currency,
                                     "counterpart": account}
    when = _when(at)
    with _open(locker) as opened:
        event = opened.case(case_ref).add_event(
            kind.value, at=when, text=note, actor=by,
            **{k: v for k, v in fields.items() if v is not None},
        ).to_dict()
    if as_json:
        print_json(event)
        return
    _print_recorded([event], [])




@case_app.command("identifier")
def identifier_command(
    case_ref: CaseArg,
    values: Annotated[list[str], typer.Argument(
        help="KIND:VALUE, e.g. phone:+447700900123 or handle:@jordan.vale.77.")],
    platform: Annotated[str | None, typer.Option(help="The platform it belongs to.")] = None,
    seen: Annotated[str, typer.Option(help="Where you saw it.")] = "",
    by: Annotated[str | None, typer.Option("--by", help="Who is recording it.")] = None,
    locker: LockerOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record an offender's account, number or payment detail seen outside the chats."""
    pairs = _identifier_pairs(values, "KIND:VALUE")
    with _open(locker) as opened:
        case = opened.case(case_ref)
        added = [vars(case.add_identifier(k, v, platform=platform, where=seen, actor=by))
                 for k, v in pairs]
    if as_json:
        print_json(added)
        return
    _print_recorded([], added)


@case_app.command("show")
def show_command(case_ref: CaseArg, locker: LockerOpt = None, as_json: JsonOpt = False) -> None:
    """Show a case: items, conversations, notes (the view is logged)."""
    with _open(locker) as opened:
        case = opened.case(case_ref)
        case.record_view("case summary")
        data = {"id": case.id, "title": case.title, "created_at": case.header.get("created_at"),
                "items": [vars(i) for i in case.items()],
                "conversations": [vars(c) for c in case.conversations()],
                "notes": [vars(n) for n in case.notes()], "checklist": case.plan(),
                "custody_entries": len(case.custody_log()), "damaged": case.damaged}
    if as_json:
        print_json(data)
        return
    con = console()
    con.print(f"[bold]{escape(data['title'])}[/]  (case {data['id']}, opened "
              f"{data['created_at']})")
    for item in data["items"]:
        flag = "" if item["stored"] else "  [bold]not stored: hashes only[/]"
        con.print(f"  {item['id']}  {item['kind']:<10} {escape(item['name'])}{flag}")
    for conv in data["conversations"]:
        risk = (conv.get("risk") or {}).get("level", "not analysed")
        con.print(f"  {conv['id']}  {escape(conv['title'] or conv['platform'])}: "
                  f"{conv['message_count']} messages, risk {risk}")
    for note in data["notes"]:
        con.print(f"  note by {escape(note['author'])} ({note['at']}): {escape(note['text'])}")
    for problem in data["damaged"]:
        con.print(f"[red]Damaged:[/] {escape(problem)}")
    con.print(f"  {data['custody_entries']} custody log entries")


@case_app.command("timeline")
def timeline_command(
    case_ref: CaseArg,
    all_messages: Annotated[bool, typer.Option("--all-messages")] = False,
    locker: LockerOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Threats, demands, payments, reports and blocks, in time order."""
    with _open(locker) as opened:
        case = opened.case(case_ref)
        events = case.timeline(include_messages=all_messages)
        case.record_view("timeline")
    if as_json:
        print_json([e.to_dict() for e in events])
        return
    if not events:
        console().print("Nothing on the timeline yet.")
    for e in events:
        when = e.at.isoformat() if e.at else "time unknown"
        extra = " ".join(f"{k}={v}" for k, v in (("to", e.platform), ("ref", e.reference),
                         ("amount", e.amount), ("account", e.counterpart)) if v and
                         e.kind in ("report", "payment", "block"))
        who = f"{e.sender}: " if e.sender else ""
        quote = f' "{e.quote}"' if e.quote else ""
        console().print(f"{when}  {e.kind:<8} {escape(who + (e.text or ''))}{escape(quote)} "
                        f"{escape(extra)}".rstrip())


@case_app.command("identifiers")
def identifiers_command(case_ref: CaseArg, locker: LockerOpt = None,
                        as_json: JsonOpt = False) -> None:
    """The offender's accounts, handles, numbers and payment details, with where seen."""
    with _open(locker) as opened:
        case = opened.case(case_ref)
        idents = case.identifiers()
        case.record_view("identifiers")
    if as_json:
        print_json([{**vars(i), "seen": list(i.seen)} for i in idents])
        return
    if not idents:
        console().print("No identifiers found or recorded yet.")
    for i in idents:
        places = len(i.seen)
        console().print(f"{i.kind:<16} {escape(i.value)}  [dim]{i.platform or ''}; seen "
                        f"{places} time(s)[/]")


@case_app.command("note")
def note_command(
    case_ref: CaseArg,
    text: Annotated[str, typer.Argument(help="The note.")],
    about: Annotated[str | None, typer.Option(help="An item id the note is about.")] = None,
    by: Annotated[str | None, typer.Option("--by")] = None,
    locker: LockerOpt = None,
) -> None:
    """Write a note on a case (logged as an annotation)."""
    with _open(locker) as opened:
        note = opened.case(case_ref).add_note(text, about=about, author=by)
    console().print(f"Note {note.id} saved.")


@case_app.command("export")
def export_command(
    case_ref: CaseArg,
    out: Annotated[Path, typer.Argument(help="The ZIP file to write.")],
    password: Annotated[bool, typer.Option("--password", help="Ask for a ZIP password.")] = False,
    locker: LockerOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Write a sealed evidence package (ZIP) for police, a platform or a lawyer."""
    from unsnare.evidence.package import export_package

    secret = None
    if password:
        secret = os.environ.get("UNSNARE_PACKAGE_PASSWORD") or typer.prompt(
            "Package password", hide_input=True, confirmation_prompt=True)
    with _open(locker) as opened:
        result = export_package(opened.case(case_ref), out, password=secret)
    if as_json:
        print_json({"package": str(result.path), "package_hash": result.package_hash,
                    "manifest_sha256": result.manifest_sha256, "encrypted": result.encrypted,
                    "signer_fingerprint": result.signer_fingerprint})
        return
    console().print(f"Wrote {escape(str(result.path))}\n  package hash {result.package_hash}\n"
                    f"  signed with the key {result.signer_fingerprint}\n"
                    "  Tell whoever receives it this key fingerprint in another way (by phone), "
                    "so they can check it\n  with `unsnare package verify --expect-key`. "
                    "Keep the file safe.")
    if not result.encrypted:
        console().print("  [yellow]This package is not encrypted:[/] anyone who gets the file "
                        "can read it. Use --password to protect it.")


@case_app.command("verify")
def verify_command(
    case_ref: Annotated[str | None, typer.Argument(help="One case (default: all).")] = None,
    locker: LockerOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Check every stored file and the custody chain; name anything changed."""
    from unsnare.evidence import verify_locker

    with _open(locker) as opened:
        reports = [opened.case(case_ref).verify()] if case_ref else verify_locker(opened)
    if as_json:
        print_json([r.to_dict() for r in reports])
    else:
        for r in reports:
            head = "[green]OK[/]" if r.ok else "[bold red]PROBLEMS[/]"
            console().print(f"{head}  case {r.case_id} {escape(r.title)}: {r.items_checked} "
                            f"item(s), {r.entries_checked} custody entries checked")
            for p in r.problems:
                console().print(f"  - {escape(p)}")
    if not all(r.ok for r in reports):
        raise typer.Exit(IntegrityError.exit_code)


@case_app.command("passphrase")
def passphrase_command(locker: LockerOpt = None) -> None:
    """Change the locker passphrase (keys are rewrapped; evidence is not rewritten)."""
    old = _passphrase()
    new = os.environ.get("UNSNARE_NEW_PASSPHRASE") or typer.prompt(
        "New passphrase", hide_input=True, confirmation_prompt=True)
    with _open(locker, passphrase=old) as opened:
        opened.change_passphrase(old, new)
    console().print("Passphrase changed.")


@package_app.command("verify")
def package_verify_command(
    package: Annotated[Path, typer.Argument(help="The package ZIP.")],
    password: Annotated[bool, typer.Option("--password", help="Ask for its password.")] = False,
    expect_key: Annotated[str | None, typer.Option(
        "--expect-key", help="The signing key fingerprint the sender gave you.")] = None,
    tsr: Annotated[Path | None, typer.Option(
        "--tsr", help="A time-stamp authority's reply (.tsr) to the package's request.")] = None,
    tsa_cert: Annotated[Path | None, typer.Option(
        "--tsa-cert", help="The time-stamp authority's certificate (PEM or DER).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Check the signature, recompute every hash, and say OK (and who signed) or name each
    mismatch."""
    from unsnare.evidence.package import verify_package

    secret = None
    if password:
        secret = os.environ.get("UNSNARE_PACKAGE_PASSWORD") or typer.prompt(
            "Package password", hide_input=True)
    report = verify_package(package, password=secret, expect_key=expect_key,
                            tsr_reply=_read_option(tsr, "--tsr"),
                            tsa_cert=_read_option(tsa_cert, "--tsa-cert"))
    if as_json:
        print_json(report.to_dict())
    elif report.ok:
        console().print(f"OK: {report.files_checked} files match; package hash "
                        f"{report.package_hash}\n  signed by the key {report.signer_fingerprint}"
                        f" (made by {escape(report.signed_by or 'unknown')})")
        if not expect_key:
            console().print("  Check that this is the key the sender told you about (or pass "
                            "--expect-key): anyone can sign a package with some key.")
    else:
        console().print(f"[bold red]NOT OK[/]: {escape(str(package))}")
        for p in report.problems:
            console().print(f"  - {escape(p)}")
    for note in report.notes:
        console().print(f"  {escape(note)}")
    if not report.ok:
        raise typer.Exit(IntegrityError.exit_code)


def _read_option(path: Path | None, option: str) -> bytes | None:
    if path is None:
        return None
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UsageError(f"The file cannot be read ({exc.strerror}).", file=str(path),
                         field=option, hint="Check the path and try again.") from None
