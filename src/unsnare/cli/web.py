"""`unsnare serve`: start the web app on this machine."""

from __future__ import annotations

import dataclasses
import socket
from pathlib import Path
from typing import Annotated

import typer

from unsnare.errors import UsageError
from unsnare.settings import Settings


def register(app: typer.Typer) -> None:
    """Add the `serve` command."""
    app.command("serve")(serve)


def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (this machine only by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8765,
    locker: Annotated[
        Path | None, typer.Option("--locker", help="The case locker file to use.")
    ] = None,
    new_api_token: Annotated[
        bool, typer.Option("--new-api-token",
                           help="Make a new token for /api/v1 (the old one stops working).")
    ] = False,
) -> None:
    """Start the Unsnare web app in your browser (private: it runs only on this computer)."""
    import uvicorn

    from unsnare.web.app import create_app

    if not 0 < port < 65536:
        raise UsageError(f"{port} is not a port number.", field="--port",
                         hint="Use 1 to 65535, such as 8765.")
    settings = dataclasses.replace(Settings.from_env(), host=host, port=port)
    if locker is not None:
        settings = dataclasses.replace(settings, locker_path=locker)
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(
            f"Warning: listening on {host} lets other devices on the network reach this app. "
            "Only do this on a network you trust.",
            err=True,
        )
    _check_port(host, port)
    # A server killed mid-download (or an older Unsnare) may have left files in clear.
    from unsnare.web.leftovers import remove_leftovers

    remove_leftovers()
    _show_api_token(settings, new=new_api_token)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"Unsnare is running at http://{shown}:{port}/ - open it in your browser.")
    typer.echo("Press Ctrl+C to stop. Your case locks when Unsnare stops.")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning",
                server_header=False, access_log=False)


def _show_api_token(settings: Settings, *, new: bool) -> None:
    from unsnare.web import apitoken

    token = apitoken.new_token(settings) if new else apitoken.ensure_token(settings)
    if token is None:
        typer.echo("The API (/api/v1) needs the token shown when Unsnare first started; "
                   "run with --new-api-token to make a new one.")
        return
    # Only a hash is kept: this is the one time the token can be seen.
    typer.echo(f"API token for /api/v1 (shown only now; keep it safe): {token}")
    typer.echo(f"Send it as the header 'Authorization: Bearer {token}'.")


def _check_port(host: str, port: int) -> None:
    # uvicorn exits on a busy port without saying how to fix it; check first.
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise UsageError(
                f"Unsnare cannot listen on {host}:{port} ({exc.strerror or exc}).",
                field="--port",
                hint="Another program may be using that port; try --port 8766.",
            ) from None
