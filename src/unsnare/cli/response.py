"""Commands for what to do next: `plan`, `help`, `guide` and `selfcheck`.

Thin edge: parse the options, call `unsnare.response`, print the result.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markdown import Markdown
from rich.markup import escape

from unsnare.cli.output import console, print_json
from unsnare.errors import InputError, UsageError
from unsnare.response import Plan, Step, Triage, build_plan
from unsnare.response.directory import Lookup, Service, default_directory
from unsnare.response.guide import AUDIENCES, get_section, list_sections
from unsnare.response.selfcheck import QUESTIONS, SelfCheckResult, evaluate
from unsnare.response.steps import contact_line

# Library field names -> the option a person typed, so errors name the option.
_OPTION = {"age": "--age", "country": "--country", "demand": "--demand",
           "scheme": "--from-analysis", "audience": "--audience"}


def _as_option_error(exc: UsageError) -> UsageError:
    field = _OPTION.get(exc.field or "", exc.field)
    return UsageError(exc.message, field=field, hint=exc.hint)


def load_analysis(path: Path) -> dict[str, Any]:
    """Read an analysis report JSON file; errors name the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("file not found", file=str(path),
                         hint="check the path of the analysis report") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the file ({exc.__class__.__name__})", file=str(path),
                         hint="pass the JSON file written by the analysis") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc.msg}", file=str(path), line=exc.lineno,
                         hint="pass the JSON file written by the analysis") from None
    if not isinstance(data, dict):
        raise InputError("the analysis report must be a JSON object", file=str(path))
    return data


def _step_lines(step: Step, number: str, depth: int) -> list[str]:
    box = "[x]" if step.done else "[ ]"
    pad = "    " * depth
    head = f"{pad}{box} {number}[bold]{escape(step.title)}[/bold]"
    lines = [head, f"{pad}    {escape(step.text)}"]
    if not step.substeps:
        # Service sub-steps already carry their contact line; other leaves list theirs.
        for svc in step.services:
            if not step.id.endswith("." + svc.id):
                lines.append(f"{pad}    -> {escape(svc.name)}: {escape(contact_line(svc))}")
    lines.append("")
    for sub in step.substeps:
        lines.extend(_step_lines(sub, "", depth + 1))
    return lines


def render_plan(plan: Plan) -> str:
    """The plan as console markup: notes first, then the numbered checklist."""
    t = plan.triage
    where = plan.country.name if plan.country else f"{t.country} (not in our list)"
    who = "under 18" if t.is_minor else "18 or over"
    lines = [f"[bold]Your plan[/bold] (age {t.age}, {who}, {escape(where)})", ""]
    lines.extend(f"[bold]{escape(n)}[/bold]" for n in plan.notes)
    lines.append("")
    for i, step in enumerate(plan.steps, 1):
        lines.extend(_step_lines(step, f"{i}. ", 0))
    lines.append(f"[dim]Step ids for ticking: {', '.join(s.id for s in plan.steps)}.[/dim]")
    return "\n".join(lines)


def _service_lines(svc: Service) -> list[str]:
    contact = []
    if svc.phone:
        contact.append(f"phone {svc.phone}")
    if svc.text:
        contact.append(f"text {svc.text}")
    if svc.hours:
        contact.append(svc.hours)
    if svc.anonymous:
        contact.append("can be anonymous")
    return [f"[bold]{escape(svc.name)}[/bold]  {escape(svc.url)}",
            f"    {escape(svc.summary)}",
            *([f"    {escape(' · '.join(contact))}"] if contact else []),
            f"    [dim]checked {svc.checked.isoformat()} against {escape(svc.source)}[/dim]", ""]


NO_COUNTRY_NOTE = ("No country given, so these are international services that help people "
                   "anywhere. Add --country (for example --country US) to see services where "
                   "you live.")


def render_lookup(lookup: Lookup, note: str | None = None) -> str:
    """Services for a country and age as console markup, most relevant first."""
    lines: list[str] = []
    # Safety first: someone may run `unsnare help` in a crisis, so crisis lines lead.
    emergency = lookup.country.emergency if lookup.country else "your local emergency number"
    crisis = [s for s in lookup.services if "crisis_support" in s.handles]
    lines.append(f"[bold]In danger, or thinking about hurting yourself? Call {escape(emergency)}"
                 "[/bold], or talk to someone now:")
    for svc in crisis[:3]:
        lines.append(f"  {escape(svc.name)}: {escape(contact_line(svc))}")
    lines.append("")
    note = note or lookup.note()
    if note:
        lines.extend([f"[bold]{escape(note)}[/bold]", ""])
    elif lookup.country is not None:
        lines.extend([f"[bold]Help in {escape(lookup.country.name)}[/bold]", ""])
    for svc in lookup.services:
        lines.extend(_service_lines(svc))
    return "\n".join(lines)


def plan_command(
    age: Annotated[int | None, typer.Option(help="Age of the person being targeted.")] = None,
    country: Annotated[str | None, typer.Option(
        help="Country as a two-letter code (US, GB, CA, AU, IN...) or name.")] = None,
    demand: Annotated[str, typer.Option(
        help="What was demanded: money, images, acts or none.")] = "none",
    sent_images: Annotated[bool, typer.Option(
        "--sent-images", help="Images or video were already sent.")] = False,
    paid: Annotated[bool, typer.Option("--paid", help="Money was already paid.")] = False,
    platform: Annotated[list[str] | None, typer.Option(
        help="An app where it happened (repeat for several).")] = None,
    unsafe: Annotated[bool, typer.Option(
        "--unsafe", help="The person feels unsafe or may hurt themselves.")] = False,
    from_analysis: Annotated[Path | None, typer.Option(
        "--from-analysis", help="Fill the answers from an analysis report (JSON).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the plan as JSON.")] = False,
) -> None:
    """Print a personal, step-by-step plan: what to do now, in order."""
    try:
        if from_analysis is not None:
            report = load_analysis(from_analysis)
            triage = Triage.from_analysis(
                report, age=age, country=country, demand=demand, sent_images=sent_images,
                paid=paid or None, platforms=tuple(platform or ()), unsafe=unsafe)
        else:
            if age is None:
                raise UsageError("the age is needed", field="age",
                                 hint="pass --age, for example --age 15")
            if country is None:
                raise UsageError("the country is needed", field="country",
                                 hint="pass --country, for example --country US")
            triage = Triage(age=age, country=country, demand=demand,
                            sent_images=sent_images, paid=paid,
                            platforms=tuple(platform or ()), unsafe=unsafe)
    except UsageError as exc:
        raise _as_option_error(exc) from None
    plan = build_plan(triage)
    if as_json:
        print_json(plan.to_dict())
    else:
        console().print(render_plan(plan))


def help_command(
    country: Annotated[str | None, typer.Option(
        help="Country as a two-letter code or name.")] = None,
    age: Annotated[int | None, typer.Option(help="Age of the person who needs help.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the services as JSON.")] = False,
) -> None:
    """List official help and support services for a country and age."""
    if age is not None:
        try:
            Triage(age=age, country=country or "-")
        except UsageError as exc:
            raise _as_option_error(exc) from None
    lookup = default_directory().lookup(country or "", age)
    note = NO_COUNTRY_NOTE if country is None else lookup.note()
    if as_json:
        print_json([s.to_dict() for s in lookup.services])
        if note:
            console(stderr=True).print(escape(note))
    else:
        console().print(render_lookup(lookup, note))


def guide_command(
    section: Annotated[str | None, typer.Argument(
        help="Section to read; leave out to list the sections.")] = None,
    audience: Annotated[str, typer.Option(
        help="Who is reading: teen, adult or parent.")] = "adult",
) -> None:
    """Read the guide: what sextortion is, what to do, and where to get help."""
    try:
        if section is None:
            out = console()
            out.print(f"[bold]The Unsnare guide[/bold] (for: {escape(audience)})\n")
            for s in list_sections(audience):
                out.print(f"  [bold]{escape(s.slug)}[/bold]  {escape(s.title)}")
            out.print("\nRead one with: unsnare guide SECTION --audience "
                      + "|".join(AUDIENCES))
            return
        page = get_section(section, audience)
    except UsageError as exc:
        raise _as_option_error(exc) from None
    out = console()
    out.soft_wrap = False  # wrap Markdown paragraphs and list items instead of cropping them
    out.print(Markdown(page.markdown))


def selfcheck_command(
    age: Annotated[int | None, typer.Option(
        help="With --country: print the plan right after the questions.")] = None,
    country: Annotated[str | None, typer.Option(
        help="With --age: print the plan right after the questions.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Answer a few yes/no questions about warning signs; get your next step."""
    if (age is None) != (country is None):
        raise UsageError("give both --age and --country, or neither",
                         field="--age" if age is None else "--country",
                         hint="for example: unsnare selfcheck --age 15 --country US")
    triage_check = None
    if age is not None and country is not None:
        try:
            triage_check = Triage(age=age, country=country)
        except UsageError as exc:
            raise _as_option_error(exc) from None
    out = console(stderr=as_json)
    out.print("[bold]Warning-signs self-check[/bold]. Answer y or n. "
              "If you are in danger now, stop and run: unsnare help")
    answers = {q.id: typer.confirm(q.text, default=False, err=as_json) for q in QUESTIONS}
    result = evaluate(answers)
    plan = None
    if triage_check is not None:
        plan = build_plan(Triage(age=triage_check.age, country=triage_check.country,
                                 **result.triage_hints()))
    if as_json:
        data = result.to_dict()
        if plan is not None:
            data["plan"] = plan.to_dict()
        print_json(data)
        return
    out.print(render_selfcheck(result))
    if plan is not None:
        out.print("")
        out.print(render_plan(plan))


def render_selfcheck(result: SelfCheckResult) -> str:
    """The self-check result as console markup."""
    lines = ["", f"[bold]{escape(result.summary)}[/bold]", ""]
    if result.unsafe:
        # Safety first: the way to a crisis line comes before the list of signs.
        lines.extend([f"[bold]{escape(result.next_step)}[/bold]", ""])
    for sign in result.signs:
        lines.append(f"  • {escape(sign.explanation)}")
    if not result.unsafe:
        lines.extend(["", escape(result.next_step)])
    lines.extend(["", "Before it happens (again): the privacy check-up hides your follower "
                  "and friend lists and limits who can reach you. Run `unsnare checkup`."])
    return "\n".join(lines)


def register(app: typer.Typer) -> None:
    """Add `plan`, `help`, `guide` and `selfcheck` to the `unsnare` command."""
    app.command("plan")(plan_command)
    app.command("help")(help_command)
    app.command("guide")(guide_command)
    app.command("selfcheck")(selfcheck_command)
