"""The `unsnare` command: registers each command group and turns errors into
plain messages and exit codes (never a traceback)."""

from __future__ import annotations

import os
import sys

import typer

from unsnare import __version__
from unsnare.cli.output import console
from unsnare.errors import UnsnareError

app = typer.Typer(
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
    # Each command group registers itself here through the same `register(app)`
    # hook; add one line per module.
    from unsnare.cli import commands_registry

    for register in commands_registry.registrars():
        register(app)


def run() -> None:
    """Entry point: run the CLI; explain Unsnare errors instead of crashing."""
    _register_commands()
    try:
        # Typer handles its own usage errors (exit 2) in standalone mode; ours
        # and anything unexpected come through here.
        app()
    except UnsnareError as exc:
        console(stderr=True).print(f"[bold red]Error:[/] {exc.explain()}", markup=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        console(stderr=True).print("Stopped.")
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - last line of defence: never a traceback
        if os.environ.get("UNSNARE_DEBUG"):
            raise
        console(stderr=True).print(
            "Error: something unexpected went wrong inside Unsnare "
            f"({type(exc).__name__}). Nothing you gave it was changed. "
            "Please try again; if it keeps happening, run with UNSNARE_DEBUG=1 "
            "and report the output to the Unsnare team (leave out any private text)."
        )
        sys.exit(70)


if __name__ == "__main__":
    run()
