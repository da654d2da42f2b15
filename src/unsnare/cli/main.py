"""The `unsnare` command: finds each command in the command list when it is
asked for, and turns errors into plain messages and exit codes (never a traceback).

Only this module, Typer and `unsnare.errors` load at start; a command's module
(and with it NumPy, SQLAlchemy and the rest) is imported when that command runs.
"""

from __future__ import annotations

import os
import sys
from difflib import get_close_matches

import typer
from typer import _click as click  # Typer's own copy of Click (Typer >= 0.29)
from typer._click import exceptions as click_exceptions
from typer.core import TyperCommand, TyperGroup

from unsnare import __version__
from unsnare.cli import commands_registry
from unsnare.errors import UnsnareError


class LazyGroup(TyperGroup):
    """The root command: lists every command, imports a command's module on first use."""

    _summaries_only = False

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command name, in help order, without importing any command module."""
        names = [e.name for e in commands_registry.COMMANDS]
        return names + [n for n in self.commands if n not in names]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command, importing its module the first time it is needed."""
        found = self.commands.get(cmd_name)
        if found is not None:
            return found
        entry = commands_registry.entry(cmd_name)
        if entry is None:
            return None
        if self._summaries_only:
            # The root help needs only the name and summary line.
            return TyperCommand(cmd_name, help=entry.summary)
        loaded = typer.Typer()
        commands_registry.register_module(entry.module, loaded)
        for name, command in typer.main.get_group(loaded).commands.items():
            self.commands.setdefault(name, command)
        return self.commands.get(cmd_name)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The root help, drawn from the command list alone."""
        self._summaries_only = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._summaries_only = False

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """Find the command; for a typo, suggest the nearest command names."""
        try:
            return super().resolve_command(ctx, args)
        except click_exceptions.UsageError as exc:
            matches = get_close_matches(args[0], self.list_commands(ctx)) if args else []
            if matches and "Did you mean" not in exc.message:
                shown = ", ".join(repr(m) for m in matches)
                exc.message = f"{exc.message.rstrip('.')}. Did you mean {shown}?"
            raise


app = typer.Typer(
    cls=LazyGroup,
    name="unsnare",
    help=(
        "Unsnare: private, local help against sextortion. "
        "If you are in danger or thinking of hurting yourself, run `unsnare help` "
        "for a crisis line in your country."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"unsnare {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False,
        "--version",
        help="Show the version and exit.",
        is_eager=True,
        callback=_show_version,
    ),
) -> None:
    """Unsnare: private, local help against sextortion."""


def _register_commands() -> None:
    """Register every command at once (tests and docs use this; `run` loads lazily)."""
    for register in commands_registry.registrars():
        register(app)


def _stderr_print(text: str, markup: bool | None = None) -> None:
    from unsnare.cli.output import console

    console(stderr=True).print(text, markup=markup)


def run() -> None:
    """Entry point: run the CLI; explain Unsnare errors instead of crashing."""
    try:
        # Typer handles its own usage errors (exit 2) in standalone mode; ours
        # and anything unexpected come through here.
        app()
    except UnsnareError as exc:
        _stderr_print(f"[bold red]Error:[/] {exc.explain()}", markup=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        _stderr_print("Stopped.")
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - last line of defence: never a traceback
        if os.environ.get("UNSNARE_DEBUG"):
            raise
        _stderr_print(
            "Error: something unexpected went wrong inside Unsnare "
            f"({type(exc).__name__}). Nothing you gave it was changed. "
            "Please try again; if it keeps happening, run with UNSNARE_DEBUG=1 "
            "and report the output to the Unsnare team (leave out any private text)."
        )
        sys.exit(70)


if __name__ == "__main__":
    run()
