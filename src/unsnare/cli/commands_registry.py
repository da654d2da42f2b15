"""The one list of command groups. Each module exposes `register(app)`."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import typer


def registrars() -> Iterator[Callable[[typer.Typer], None]]:
    """Yield each command group's `register` function, in help order."""
    # One import per command module; keep in this order.
    # (each team member adds their line below)
    from unsnare.cli import importing

    yield importing.register
    from unsnare.cli import web

    yield web.register
    from unsnare.cli import response

    yield response.register
    from unsnare.cli import prevention

    yield prevention.register
    from unsnare.cli import analysis

    yield analysis.register
    from unsnare.cli import case

    yield case.register
    from unsnare.cli import hashing

    yield hashing.register
    from unsnare.cli import platform

    yield platform.register
    from unsnare.cli import scan

    yield scan.register
    yield from ()
