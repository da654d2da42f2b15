"""`unsnare protect`, `unsnare match` and `unsnare bank ...`: image protection and
hash banks from the command line. Thin: parse, call `unsnare.hashing`, render."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from unsnare.cli.output import console, print_json
from unsnare.errors import HashingError, UsageError
from unsnare.hashing.banks import (
    DEFAULT_PDQ_DISTANCE,
    BankKind,
    BankStatus,
    BankStore,
    HashBank,
    SignalType,
    entry,
    guess_signal_type,
)
from unsnare.hashing.guidance import guide_for
from unsnare.media import HASHED_IMAGE_SUFFIXES, VIDEO_SUFFIXES
from unsnare.private import make_private_dir, write_private
from unsnare.settings import Settings

if TYPE_CHECKING:
    from unsnare.hashing.matcher import MatchResult
    from unsnare.hashing.pdq import FileHashes

# Hashing, matching and the bank formats are imported by the commands that use
# them: they bring in NumPy, Pillow and pdqhash, which `unsnare import` and the
# other commands would otherwise load at every start.

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for other programs.")]
BankArg = Annotated[str, typer.Argument(help="The bank's name.")]
bank_app = typer.Typer(help="Hash banks: lists of hashes to match against.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Add `protect`, `match` and the `bank` group."""
    app.command("protect")(protect)
    app.command("match")(match)
    app.add_typer(bank_app, name="bank")


def _store() -> BankStore:
    # Imported here: the bank store brings in SQLAlchemy, which every other
    # `unsnare` command (import, analyze) would otherwise load at start-up.
    from unsnare.hashing.storage import open_bank_store

    return open_bank_store(Settings.from_env())


def _files(paths: list[Path]) -> tuple[list[Path], list[str]]:
    wanted = HASHED_IMAGE_SUFFIXES | VIDEO_SUFFIXES
    files: list[Path] = []
    notes: list[str] = []
    for p in paths:
        if p.is_dir():
            for f in sorted(x for x in p.rglob("*") if x.is_file()):
                if f.suffix.lower() in wanted:
                    files.append(f)
                else:
                    notes.append(f"{f}: not a picture or video we read; left out")
        else:
            files.append(p)
    return files, notes


def protect(
    paths: Annotated[list[Path], typer.Argument(help="Pictures, videos or folders.")],
    age: Annotated[
        int | None, typer.Option("--age", help="Your age in the pictures (picks the service).")
    ] = None,
    out: Annotated[Path, typer.Option("--out", help="Folder for the hash list.")] = Path("."),
) -> None:
    """Make hashes of your pictures and videos on this computer, to help stop them being shared."""
    if age is not None and not 0 < age < 130:
        raise UsageError("--age must be a number of years, like 16", field="age")
    from unsnare.hashing.formats import hash_list_csv, hash_list_json
    from unsnare.hashing.pdq import hash_file

    files, notes = _files(paths)
    err = console(stderr=True)
    done: list[FileHashes] = []
    failed = 0
    for f in files:
        try:
            done.append(hash_file(f))
        except HashingError as exc:  # one bad file must not stop the others
            failed += 1
            err.print(f"[bold red]Could not read[/] {escape(exc.explain())}")
    make_private_dir(out)
    now = datetime.now(UTC)
    write_private(out / "unsnare-hash-list.json", hash_list_json(done, now))
    write_private(out / "unsnare-hash-list.csv", hash_list_csv(done))
    _show_protect(done, notes, out, age)
    if failed:
        err.print(f"{failed} file(s) could not be read (see above); the others are in the list.")
        raise typer.Exit(3)


def _show_protect(done: list[FileHashes], notes: list[str], out: Path, age: int | None) -> None:
    from unsnare.hashing.formats import low_quality_warning

    c = console()
    c.print(
        f"[bold]Hashed {len(done)} file(s) on this computer.[/] Nothing was uploaded or copied."
    )
    for item in done:
        kind = f"PDQ quality {item.quality}" if item.pdq else "video: MD5 + SHA-256"
        c.print(f"  {escape(item.path)}  ({kind})")
        if item.low_quality:
            c.print(f"    [yellow]Warning:[/] {escape(low_quality_warning(item))}")
    for note in notes:
        c.print(f"  [dim]{escape(note)}[/]")
    c.print(f"Hash list: {out / 'unsnare-hash-list.json'} and .csv (keep it private).")
    guides = guide_for(age)
    c.print(f"\n[bold]{guides[0].opening}[/]")
    if len(guides) > 1:
        c.print("Under 18 in the pictures: use Take It Down. 18 or over: use StopNCII.")
    for guide in guides:
        c.print(f"\n[bold]{escape(guide.service)}[/] - {guide.url}")
        for i, step in enumerate(guide.steps, 1):
            c.print(f"  {i}. {escape(step)}")
    c.print("\nWhat these services cannot do:")
    for limit in guides[0].limits:
        c.print(f"  - {escape(limit)}")


def _render_match(result: MatchResult, as_json: bool, query: dict[str, object]) -> None:
    if as_json:
        print_json(
            {
                "query": query,
                "matched": result.matched,
                "matches": [m.__dict__ for m in result.matches],
                "suppressed": [m.__dict__ for m in result.suppressed],
                "allowlisted": [m.__dict__ for m in result.allowlisted],
            }
        )
        return
    c = console()
    if result.matched:
        c.print(f"[bold]Match:[/] {len(result.matches)} hash(es) in the banks are this close.")
    elif result.suppressed:
        c.print("No match: an allowlist says this is a known false positive.")
    else:
        c.print("No match in the banks.")
    for m in [*result.matches, *result.suppressed, *result.allowlisted]:
        extra = f", {m.variant}" if m.variant != "original" else ""
        labels = f" [{', '.join(m.labels)}]" if m.labels else ""
        c.print(
            f"  {m.bank} ({m.bank_kind.value}): {m.signal_type.value} {m.value} "
            f"distance {m.distance}{escape(extra)}{escape(labels)} {escape(m.source)}"
        )


def match(
    target: Annotated[str, typer.Argument(help="An image file, or a PDQ (64 hex) or MD5 hash.")],
    bank: Annotated[
        list[str] | None, typer.Option("--bank", help="Only this bank (repeatable).")
    ] = None,
    dihedral: Annotated[
        bool, typer.Option("--dihedral", help="Also match turned and flipped copies.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Check an image or a hash against the hash banks (the image is hashed here, not kept)."""
    from unsnare.hashing.matcher import HashMatcher
    from unsnare.hashing.storage import bank_index_dir, open_bank_store

    settings = Settings.from_env()
    matcher = HashMatcher(open_bank_store(settings), bank_index_dir(settings))
    path = Path(target)
    if path.is_file():
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise HashingError("the file cannot be read", file=target) from exc
        hashes, result = matcher.match_image(data, banks=bank, dihedral=dihedral, name=target)
        query: dict[str, object] = {
            "file": target,
            "pdq": hashes.pdq,
            "md5": hashes.md5,
            "quality": hashes.quality,
        }
    else:
        kind = guess_signal_type(target)
        if kind is None:
            raise UsageError(
                f"'{target}' is not a file, a PDQ hash or an MD5 hash",
                field="target",
                hint="Give an image path, 64 hex characters (PDQ) or 32 (MD5).",
            )
        if dihedral:
            raise UsageError("--dihedral needs an image, not a hash", field="dihedral")
        if kind is SignalType.PDQ:
            result = matcher.match([target], banks=bank)
        else:
            result = matcher.match(md5=target, banks=bank)
        query = {kind.value: target.lower()}
    _render_match(result, as_json, query)


@bank_app.command("create")
def bank_create(
    name: BankArg,
    allowlist: Annotated[
        bool, typer.Option("--allowlist", help="Matches here suppress other matches.")
    ] = False,
    max_distance: Annotated[
        int, typer.Option("--max-distance", help="PDQ match distance in bits.")
    ] = DEFAULT_PDQ_DISTANCE,
    description: Annotated[str, typer.Option("--description")] = "",
) -> None:
    """Create a hash bank."""
    kind = BankKind.ALLOWLIST if allowlist else BankKind.BLOCKLIST
    made = _store().create_bank(HashBank(name, kind, max_distance, description))
    console().print(
        f"Created {made.kind.value} bank '{made.name}' (PDQ distance {made.max_distance})."
    )


@bank_app.command("list")
def bank_list(as_json: JsonOpt = False) -> None:
    """List the hash banks."""
    store = _store()
    rows = [store.status(b.name) for b in store.list_banks()]
    if as_json:
        print_json([_status_dict(s) for s in rows])
        return
    if not rows:
        console().print("No hash banks yet. Create one with `unsnare bank create NAME`.")
    for s in rows:
        console().print(
            f"{s.bank.name}  {s.bank.kind.value}  distance {s.bank.max_distance}  "
            f"{s.pdq} PDQ, {s.md5} MD5  {escape(s.bank.description)}"
        )


def _status_dict(s: BankStatus) -> dict[str, object]:
    return {
        "name": s.bank.name,
        "kind": s.bank.kind.value,
        "max_distance": s.bank.max_distance,
        "description": s.bank.description,
        "created": s.bank.created.isoformat(),
        "pdq": s.pdq,
        "md5": s.md5,
    }


@bank_app.command("status")
def bank_status(
    name: Annotated[str | None, typer.Argument(help="One bank (default: all).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """How many hashes each bank holds."""
    if name is None:
        bank_list(as_json)
        return
    status = _status_dict(_store().status(name))
    if as_json:
        print_json(status)
    else:
        for key, value in status.items():
            console().print(f"{key}: {escape(str(value))}")


@bank_app.command("import")
def bank_import(
    name: BankArg,
    file: Annotated[Path, typer.Argument(help="A bank file (JSON, CSV, threatexchange).")],
    fmt: Annotated[
        str | None, typer.Option("--format", help="json, csv or threatexchange (default: guess).")
    ] = None,
) -> None:
    """Import hashes from a file into a bank (created if it does not exist)."""
    from unsnare.hashing.formats import read_bank_file

    store = _store()
    loaded = read_bank_file(file, fmt)
    if name not in {b.name for b in store.list_banks()}:
        template = loaded.bank or HashBank(name)
        store.create_bank(
            HashBank(name, template.kind, template.max_distance, template.description)
        )
    added = store.add_entries(name, loaded.entries)
    c = console()
    c.print(
        f"Read {len(loaded.entries)} hash(es) ({loaded.format}) from {escape(str(file))}: "
        f"{len(added)} added, {len(loaded.entries) - len(added)} already in '{name}'."
    )
    for note in loaded.skipped:
        c.print(f"  [yellow]Skipped[/] {escape(note)}")


@bank_app.command("export")
def bank_export(
    name: BankArg,
    file: Annotated[Path, typer.Argument(help="Where to write (.json or .csv; '-' for stdout).")],
) -> None:
    """Export a bank to our JSON or CSV format."""
    from unsnare.hashing.formats import bank_to_csv, bank_to_json

    store = _store()
    bank, entries = store.get_bank(name), store.entries(name)
    as_csv = file.suffix.lower() == ".csv"
    text = bank_to_csv(entries) if as_csv else bank_to_json(bank, entries)
    if str(file) == "-":
        sys.stdout.write(text)
        return
    file.write_text(text, "utf-8")
    console().print(f"Wrote {len(entries)} hash(es) from '{name}' to {escape(str(file))}.")


@bank_app.command("add")
def bank_add(
    name: BankArg,
    hashes: Annotated[list[str], typer.Argument(help="PDQ or MD5 hashes.")],
    source: Annotated[str, typer.Option("--source", help="Where they came from.")] = "",
    label: Annotated[
        list[str] | None, typer.Option("--label", help="A label (repeatable).")
    ] = None,
) -> None:
    """Add hashes to a bank."""
    items = []
    for h in hashes:
        kind = guess_signal_type(h)
        if kind is None:
            raise UsageError(f"'{h}' is not a PDQ or MD5 hash", field="hash")
        items.append(entry(kind, h, source=source, labels=label or ()))
    added = _store().add_entries(name, items)
    console().print(
        f"Added {len(added)} hash(es) to '{name}' ({len(items) - len(added)} were there)."
    )


@bank_app.command("remove")
def bank_remove(
    name: BankArg,
    hashes: Annotated[list[str], typer.Argument(help="PDQ or MD5 hashes.")],
) -> None:
    """Remove hashes from a bank."""
    store = _store()
    removed = 0
    for h in hashes:
        kind = guess_signal_type(h)
        if kind is None:
            raise UsageError(f"'{h}' is not a PDQ or MD5 hash", field="hash")
        removed += store.remove_entries(name, kind, [h])
    console().print(f"Removed {removed} hash(es) from '{name}'.")
