"""`unsnare platform reviewer ...` and `unsnare platform signing-key ...`: reviewer
accounts for the review queue, and the key that signs the service's evidence packages.
Thin: parse, call `unsnare.platform`, print."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from unsnare.cli.platform import DbOpt, TenantOpt, _db, _operator

reviewer_app = typer.Typer(help="Reviewer accounts (Argon2id passwords, TOTP second factor).",
                           no_args_is_help=True)
signing_app = typer.Typer(help="The Ed25519 key that signs evidence packages.",
                          no_args_is_help=True)


def register_review(platform_app: typer.Typer) -> None:
    """Add the `reviewer` and `signing-key` groups to `unsnare platform` (once)."""
    if any(g.name == "reviewer" for g in platform_app.registered_groups):
        return
    platform_app.add_typer(reviewer_app, name="reviewer")
    platform_app.add_typer(signing_app, name="signing-key")


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(typer.prompt("Password for the reviewer", hide_input=True,
                            confirmation_prompt=True))


@reviewer_app.command("add")
def reviewer_add(
    tenant: TenantOpt,
    username: Annotated[str, typer.Argument(help="The reviewer's login name.")],
    role: Annotated[str, typer.Option("--role", help="reviewer, lead or admin.")] = "reviewer",
    password_stdin: Annotated[bool, typer.Option(
        "--password-stdin", help="Read the password from the first line of stdin.")] = False,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    database_url: DbOpt = None,
) -> None:
    """Make a reviewer account; prints the otpauth:// URI for their authenticator app once."""
    from unsnare.platform.accounts import add_reviewer

    password = _password(password_stdin)
    with _db(database_url) as conn:
        reviewer, uri = add_reviewer(conn, tenant, username, role, password, _operator())
    if json_out:
        typer.echo(json.dumps({"username": reviewer.username, "tenant": reviewer.tenant,
                               "role": reviewer.role, "otpauth_uri": uri}))
    else:
        typer.echo(f"Reviewer {reviewer.username} ({reviewer.role}) for {reviewer.tenant}.")
        typer.echo("Add this to their authenticator app (shown once, keep it secret; "
                   "a QR code of it works too):")
        typer.echo(uri)


@reviewer_app.command("disable")
def reviewer_disable(
    username: Annotated[str, typer.Argument(help="The reviewer's login name.")],
    database_url: DbOpt = None,
) -> None:
    """Disable an account; its sessions end at once."""
    from unsnare.platform.accounts import disable_reviewer

    with _db(database_url) as conn:
        disable_reviewer(conn, username, _operator())
    typer.echo(f"Reviewer {username} disabled.")


@reviewer_app.command("list")
def reviewer_list(
    tenant: Annotated[str | None, typer.Option("--tenant")] = None, database_url: DbOpt = None
) -> None:
    """List reviewer accounts (never passwords or TOTP secrets)."""
    from unsnare.platform.accounts import list_reviewers

    with _db(database_url, write=False) as conn:
        for r in list_reviewers(conn, tenant):
            state = f"disabled {r.disabled:%Y-%m-%d}" if r.disabled else "active"
            typer.echo(f"{r.username}  {r.tenant}  {r.role}  {state}")


@signing_app.command("create")
def signing_create(
    path: Annotated[Path, typer.Argument(help="Where to write the PEM file (never "
                                         "overwritten).")],
) -> None:
    """Make the service's signing key; give its path as UNSNARE_PLATFORM_SIGNING_KEY."""
    from unsnare.platform.review_package import new_signing_key

    fingerprint = new_signing_key(path)
    typer.echo(f"Signing key written to {path} (readable by you only).")
    typer.echo(f"Fingerprint (give it to whoever receives packages): {fingerprint}")
