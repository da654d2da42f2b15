"""`unsnare platform ...`: run the service for trust-and-safety teams, and manage its
tenants and keys. Thin: parse, call `unsnare.platform`, print."""

from __future__ import annotations

import getpass
import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from unsnare.errors import UsageError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

    from unsnare.platform.audit import Actor
    from unsnare.platform.settings import PlatformSettings

platform_app = typer.Typer(
    help="The platform service: an API on PostgreSQL for trust-and-safety teams.",
    no_args_is_help=True,
)
tenant_app = typer.Typer(help="Tenants: the platforms using one service.", no_args_is_help=True)
key_app = typer.Typer(help="API keys (stored hashed; shown once).", no_args_is_help=True)
platform_app.add_typer(tenant_app, name="tenant")
platform_app.add_typer(key_app, name="key")

DbOpt = Annotated[
    str | None,
    typer.Option("--database-url", help="PostgreSQL URL (default: "
                 "UNSNARE_PLATFORM_DATABASE_URL).", show_default=False),
]
TenantOpt = Annotated[str, typer.Option("--tenant", help="The tenant's name.")]


def register(app: typer.Typer) -> None:
    """Add the `platform` group."""
    from unsnare.cli.platform_review import register_review

    register_review(platform_app)
    app.add_typer(platform_app, name="platform")


def _settings(url: str | None) -> PlatformSettings:
    from unsnare.platform.settings import PlatformSettings

    return PlatformSettings.from_env(url)


def _engine(url: str | None) -> Engine:
    from unsnare.platform.db import make_engine

    return make_engine(_settings(url))


@contextmanager
def _db(url: str | None, *, write: bool = True) -> Iterator[Connection]:
    engine = _engine(url)
    try:
        with engine.begin() if write else engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


def _operator() -> Actor:
    from unsnare.platform.audit import Actor as Operator

    try:
        who = getpass.getuser()
    except (KeyError, OSError):
        who = "unknown"
    return Operator(f"cli:{who}")


def _json_logs() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    root = logging.getLogger("unsnare.platform")
    root.addHandler(handler)
    root.setLevel(logging.INFO)


@platform_app.command("migrate")
def migrate(database_url: DbOpt = None) -> None:
    """Create or upgrade the service's tables (Alembic migrations shipped with Unsnare)."""
    from unsnare.platform.migrate import current, upgrade

    engine = _engine(database_url)
    try:
        upgrade(engine)
        typer.echo(f"The database is at revision {current(engine)}.")
    finally:
        engine.dispose()


@platform_app.command("serve")
def serve(
    database_url: DbOpt = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8780,
    worker: Annotated[bool, typer.Option("--worker/--no-worker",
                                         help="Deliver webhooks from this process too.")] = True,
) -> None:
    """Run the API (PostgreSQL only; run `unsnare platform migrate` first)."""
    import uvicorn

    from unsnare.platform.app import create_app
    from unsnare.platform.migrate import current

    if not 0 < port < 65536:
        raise UsageError(f"{port} is not a port number.", field="--port")
    settings = _settings(database_url)
    from unsnare.platform.db import make_engine

    engine = make_engine(settings)
    try:
        if current(engine) is None:
            raise UsageError("the database has no platform tables yet", field="database_url",
                             hint="Run `unsnare platform migrate` first.")
    except Exception as exc:  # noqa: BLE001 - any driver error means: cannot reach it
        if isinstance(exc, UsageError):
            raise
        raise UsageError(f"cannot reach the database ({exc.__class__.__name__})",
                         field="database_url",
                         hint="Check that PostgreSQL is running and the URL is right.") from exc
    finally:
        engine.dispose()
    _json_logs()
    uvicorn.run(create_app(settings, worker=worker), host=host, port=port,
                log_level="warning", access_log=False)


@platform_app.command("worker")
def worker(database_url: DbOpt = None) -> None:
    """Deliver early-warning events to the tenants' webhooks until stopped."""
    from unsnare.platform.db import make_engine
    from unsnare.platform.webhooks import DeliveryWorker

    settings = _settings(database_url)
    _json_logs()
    runner = DeliveryWorker(make_engine(settings), settings.worker_interval,
                            settings.webhook_timeout)
    typer.echo("Delivering webhooks. Press Ctrl+C to stop.", err=True)
    runner.run()


@platform_app.command("openapi")
def openapi(
    output: Annotated[Path | None, typer.Option("--output", "-o",
                                                help="Write here instead of printing.")] = None,
) -> None:
    """Print the API's OpenAPI document (docs/platform-openapi.json is this)."""
    from unsnare.platform.app import openapi_document

    text = json.dumps(openapi_document(), indent=2, sort_keys=True) + "\n"
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")


@tenant_app.command("create")
def tenant_create(
    name: Annotated[str, typer.Argument(help="Short name, such as 'acme'.")],
    threshold: Annotated[str, typer.Option("--threshold", help="Risk level of an early "
                                           "warning: low, medium, high or critical.")] = "medium",
    database_url: DbOpt = None,
) -> None:
    """Add a tenant."""
    from unsnare.platform.keys import create_tenant

    with _db(database_url) as conn:
        create_tenant(conn, name, _operator(), threshold)
    typer.echo(f"Tenant '{name}' created.")


@tenant_app.command("webhook")
def tenant_webhook(
    tenant: TenantOpt,
    url: Annotated[str | None, typer.Option("--url", help="Where early warnings are POSTed; "
                                            "leave out to stop them.")] = None,
    threshold: Annotated[str | None, typer.Option("--threshold")] = None,
    database_url: DbOpt = None,
) -> None:
    """Set a tenant's webhook; prints the new signing secret once."""
    from unsnare.platform.keys import set_webhook

    with _db(database_url) as conn:
        secret = set_webhook(conn, tenant, url, _operator(), threshold)
    typer.echo(f"Signing secret (shown once): {secret}" if secret else "Webhook removed.")


@key_app.command("create")
def key_create(
    tenant: TenantOpt,
    scope: Annotated[list[str], typer.Option("--scope", help="analyze, hash:lookup, "
                                             "hash:write, review, report, admin (comma-separated "
                                             "or repeated).")],
    rate: Annotated[int, typer.Option("--rate", help="Requests a minute.")] = 600,
    label: Annotated[str, typer.Option("--label", help="A note, such as who holds it.")] = "",
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    database_url: DbOpt = None,
) -> None:
    """Make an API key; the token is printed once and only its hash is stored."""
    from unsnare.platform.keys import create_key

    with _db(database_url) as conn:
        key, token = create_key(conn, tenant, scope, _operator(), rate_per_minute=rate,
                                label=label)
    if json_out:
        typer.echo(json.dumps({"id": key.id, "tenant": key.tenant, "scopes": list(key.scopes),
                               "rate_per_minute": key.rate_per_minute, "token": token}))
    else:
        typer.echo(f"Key {key.id} for {key.tenant} ({', '.join(key.scopes)}).")
        typer.echo(f"Token (shown once, keep it secret): {token}")


@key_app.command("revoke")
def key_revoke(
    key_id: Annotated[str, typer.Argument(help="The key's id (not the token).")],
    database_url: DbOpt = None,
) -> None:
    """Revoke a key: it answers 401 from the next request on."""
    from unsnare.platform.keys import revoke_key

    with _db(database_url) as conn:
        revoke_key(conn, key_id, _operator())
    typer.echo(f"Key {key_id} revoked.")


@key_app.command("list")
def key_list(
    tenant: Annotated[str | None, typer.Option("--tenant")] = None, database_url: DbOpt = None
) -> None:
    """List keys (never their tokens)."""
    from unsnare.platform.keys import list_keys

    with _db(database_url, write=False) as conn:
        for k in list_keys(conn, tenant):
            state = f"revoked {k.revoked:%Y-%m-%d}" if k.revoked else "active"
            typer.echo(f"{k.id}  {k.tenant}  {','.join(k.scopes)}  {k.rate_per_minute}/min  "
                       f"{state}  {k.label}")
