"""Commands for before it happens: `checkup` and `prevention`.

Thin edge: parse the options, call `unsnare.response.checkup` and
`unsnare.response.prevention`, print. Check-up ticks are kept in a file in
the data folder on this computer (and in the case with --case); nothing is
sent anywhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from unsnare.cli.output import console, print_json
from unsnare.errors import UsageError
from unsnare.response.checkup import (
    PlatformCheckup,
    checked_ticks,
    default_checkup,
    load_ticks,
    save_ticks,
    stale_warnings,
)
from unsnare.response.prevention import FakeProfileCheck, default_prevention
from unsnare.settings import Settings

TICKS_FILE = "checkup.json"
NEXT = ("Already being threatened? Run `unsnare help` (crisis lines and hotlines) or "
        "`unsnare plan`. Worried about someone you are talking to? Run `unsnare selfcheck`. "
        "Before you accept a request: `unsnare prevention accept`.")


def ticks_path() -> Path:
    """Where the check-up ticks are kept on this computer."""
    return Settings.from_env().data_dir / TICKS_FILE


def _who(audience: Sequence[str]) -> str:
    if len(audience) > 1:
        return "teens and adults"
    return "teens" if audience[0] == "teen" else "adults"


def render_checkup(platforms: Sequence[PlatformCheckup], ticks: frozenset[str],
                   warnings: Sequence[str], audience: str | None) -> str:
    """The check-up as console markup: warnings, then each platform's numbered checklist."""
    who = _who([audience] if audience else ["teen", "adult"])
    lines = [f"[bold]Privacy check-up[/bold] (for {who})",
             "Most threats say \"I'll send it to all your followers\". Hiding your lists and "
             "limiting who can reach you takes that audience away.", ""]
    for w in warnings:
        lines.append(f"[yellow]Note:[/] {escape(w)}")
    if warnings:
        lines.append("")
    if not platforms:
        lines.extend(["Nothing in the check-up fits this choice. Dating apps are for adults "
                      "(18 and over), so they are not shown for teens.", ""])
    total = done = 0
    for p in platforms:
        lines.append(f"[bold]{escape(p.name)}[/bold]")
        for i, s in enumerate(p.settings, 1):
            total += 1
            done += s.key in ticks
            box = "[x]" if s.key in ticks else "[ ]"
            lines.append(f"  {escape(box)} {i}. [bold]{escape(s.title)}[/bold]  "
                         f"[dim]({escape(s.key)})[/dim]")
            lines.append(f"        Why: {escape(s.why)}")
            lines.append(f"        Where: {escape(s.where)}")
            source = f"For {_who(s.audience)}. Checked {s.checked.isoformat()} against {s.source}"
            if not s.verified:
                source += ". Not confirmed against the page text"
            if s.note:
                source += f". {s.note}"
            lines.append(f"        [dim]{escape(source)}[/dim]")
        lines.append("")
    lines.append(f"{done} of {total} ticked. When one is done: unsnare checkup --tick ID "
                 "(the id in brackets).")
    lines.append(escape(NEXT))
    return "\n".join(lines)


def _save_to_case(locker: Path | None, ticks: frozenset[str]) -> str:
    from unsnare.cli.case import _open

    with _open(locker) as opened:
        cases = opened.cases()
        if not cases:
            raise UsageError("the locker has no case yet", field="--case",
                             hint="make one with `unsnare case new` first")
        case = opened.case(cases[0].id)
        case.set_checkup(sorted(ticks))
        return str(case.title)


def checkup_command(
    platform: Annotated[str | None, typer.Option(
        help="Only this app (instagram, snapchat, tiktok, facebook, discord, whatsapp, "
             "telegram, x, tinder, bumble, hinge, grindr).")] = None,
    audience: Annotated[str | None, typer.Option(help="Only settings for: teen or adult.")] = None,
    tick: Annotated[list[str] | None, typer.Option(
        help="Mark a setting as done, by its id (repeat for several).")] = None,
    untick: Annotated[list[str] | None, typer.Option(
        help="Mark a setting as not done again (repeat for several).")] = None,
    to_case: Annotated[bool, typer.Option(
        "--case", help="Also keep the ticks in the case in your locker.")] = False,
    locker: Annotated[Path | None, typer.Option(
        "--locker", envvar="UNSNARE_LOCKER", help="The locker file (with --case).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the check-up as JSON.")] = False,
) -> None:
    """The privacy check-up: the settings that matter against sextortion, app by app."""
    catalogue = default_checkup()
    try:
        shown = catalogue.select(platform, audience)
        path = ticks_path()
        ticks = load_ticks(path)
        if tick or untick:
            on = checked_ticks(tick or [], catalogue.keys())
            off = checked_ticks(untick or [], catalogue.keys())
            ticks = (ticks - off) | on
            save_ticks(path, ticks)
    except UsageError as exc:
        raise UsageError(exc.message, field=f"--{exc.field}" if exc.field else None,
                         hint=exc.hint) from None
    err = console(stderr=True)
    if to_case:
        title = _save_to_case(locker, ticks)
        err.print(f"Saved the check-up ticks in the case {escape(title)!r}.")
    warnings = stale_warnings(shown, dt.date.today())
    if as_json:
        print_json({"platforms": [p.to_dict() for p in shown], "ticked": sorted(ticks),
                    "warnings": warnings, "ticks_file": str(path)})
        for w in warnings:
            err.print(f"Note: {escape(w)}")
        return
    console().print(render_checkup(shown, ticks, warnings, audience))
    if tick or untick:
        err.print(f"[dim]Ticks kept on this computer in {escape(str(path))}.[/dim]")


def render_accept(check: FakeProfileCheck) -> str:
    """The "before you accept" check as console markup."""
    lines = [f"[bold]{escape(check.title)}[/bold]", escape(check.intro), ""]
    lines.extend(f"  [ ] {escape(text)}" for _id, text in check.signs)
    lines.extend(["", "[bold]Then[/bold]"])
    lines.extend(f"  • {escape(line)}" for line in check.then)
    lines.extend(["", escape(NEXT)])
    return "\n".join(lines)


def render_family(guide: Mapping[str, Any]) -> str:
    """The family guide and agreement as console markup (printable as plain text)."""
    lines = [f"[bold]{escape(guide['title'])}[/bold]", escape(guide["intro"]), ""]
    for section in guide["sections"]:
        lines.append(f"[bold]{escape(section['heading'])}[/bold]")
        lines.extend(f"  • {escape(p)}" for p in section["points"])
        lines.append("")
    a = guide["agreement"]
    lines.extend([f"[bold]{escape(a['title'])}[/bold]", escape(a["intro"]), "",
                  f"[bold]{escape(a['young_person_heading'])}[/bold]"])
    lines.extend(f"  [ ] {escape(line)}" for line in a["young_person"])
    lines.extend(["", f"[bold]{escape(a['parent_heading'])}[/bold]"])
    lines.extend(f"  [ ] {escape(line)}" for line in a["parent"])
    lines.extend(["", escape(a["trusted_adults"]) + " " + "_" * 30, ""])
    lines.extend(f"{escape(label)}: {'_' * 30}" for label in a["signatures"])
    return "\n".join(lines)


def render_school(lesson: Mapping[str, Any], services: Sequence[Any]) -> str:
    """The counsellor's lesson outline as console markup."""
    lines = [f"[bold]{escape(lesson['title'])}[/bold]", escape(lesson["for"]), "",
             f"[bold]{escape(lesson['goals_heading'])}[/bold]"]
    lines.extend(f"  • {escape(g)}" for g in lesson["goals"])
    lines.extend(["", f"[bold]{escape(lesson['outline_heading'])}[/bold]"])
    for i, part in enumerate(lesson["outline"], 1):
        minutes = f"{part['minutes']} {lesson['minutes_label']}"
        lines.append(f"  {i}. [bold]{escape(part['heading'])}[/bold] "
                     f"({escape(minutes)}). {escape(part['text'])}")
    lines.extend(["", f"[bold]{escape(lesson['warning_signs_heading'])}[/bold]"])
    lines.extend(f"  • {escape(s)}" for s in lesson["warning_signs"])
    lines.extend(["", f"[bold]{escape(lesson['report_heading'])}[/bold]"])
    lines.extend(f"  {i}. {escape(s)}" for i, s in enumerate(lesson["report_steps"], 1))
    lines.append(escape(lesson["report_intro"]))
    lines.extend(f"  • {escape(s.name)}: {escape(s.url)}" for s in services)
    lines.extend(["", f"[bold]{escape(lesson['caution'])}[/bold]"])
    return "\n".join(lines)


def prevention_command(
    what: Annotated[str, typer.Argument(
        help="accept (signs of a fake profile), family (conversation guide and agreement) "
             "or school (a counsellor's lesson outline).")],
    audience: Annotated[str, typer.Option(help="For accept: teen or adult.")] = "teen",
    lang: Annotated[str, typer.Option(help="Language: en, es or pt.")] = "en",
    as_json: Annotated[bool, typer.Option("--json", help="Print the text as JSON.")] = False,
) -> None:
    """Prevention material to read or print: before you accept, for families, for schools."""
    material = default_prevention()
    try:
        if what == "accept":
            check = material.before_you_accept(audience, lang)
            data: Any = check.to_dict()
            text = render_accept(check)
        elif what == "family":
            data = dict(material.family_guide(lang))
            text = render_family(data)
        elif what == "school":
            data = dict(material.school_lesson(lang))
            data["services"] = [s.to_dict() for s in material.report_services]
            text = render_school(data, material.report_services)
        else:
            raise UsageError(f"unknown material {what!r}", field="WHAT",
                             hint="use: accept, family or school")
    except UsageError as exc:
        field = exc.field if exc.field == "WHAT" else f"--{exc.field}"
        raise UsageError(exc.message, field=field, hint=exc.hint) from None
    if as_json:
        print_json(data)
        return
    out = console()
    out.soft_wrap = False  # wrap long lines at the terminal width instead of cropping
    out.print(text)


def register(app: typer.Typer) -> None:
    """Add `checkup` and `prevention` to the `unsnare` command."""
    app.command("checkup")(checkup_command)
    app.command("prevention")(prevention_command)
