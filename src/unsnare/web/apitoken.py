"""The token that `/api/v1` asks for: made once, shown once, checked on every call.

Only the token's SHA-256 is kept, in `api-token.sha256` in the data folder
(mode 0600). The token is 256 random bits, so a plain hash is enough: nobody
can guess their way back to it, and a copy of the file (a backup, a shared
disk) does not let anyone call the API. The price is that a lost token
cannot be shown again; `unsnare serve --new-api-token` makes a new one.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from unsnare.errors import UnsnareError
from unsnare.settings import Settings

TOKEN_FILE = "api-token.sha256"
_bearer = HTTPBearer(
    auto_error=False,
    description="The API token that `unsnare serve` printed the first time it started.",
)


class ApiTokenError(UnsnareError):
    """A call to /api/v1 without the right token."""

    status_code = 401


def token_path(settings: Settings) -> Path:
    """Where the token's hash is kept."""
    return settings.data_dir / TOKEN_FILE


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def _write(path: Path, token: str, *, replace: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(path.name + f".{secrets.token_hex(4)}.new")
    # Created 0600 from the start: the hash is never readable by others, even briefly.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(_digest(token) + "\n")
        if replace:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)  # fails if another start made one first
    finally:
        tmp.unlink(missing_ok=True)


def ensure_token(settings: Settings) -> str | None:
    """Make the API token on first start and return it; None when one already exists."""
    path = token_path(settings)
    if path.exists():
        return None
    token = secrets.token_urlsafe(32)
    try:
        _write(path, token, replace=False)
    except FileExistsError:
        return None
    return token


def new_token(settings: Settings) -> str:
    """Replace the API token (the old one stops working at once) and return the new one."""
    token = secrets.token_urlsafe(32)
    _write(token_path(settings), token, replace=True)
    return token


def token_matches(settings: Settings, given: str) -> bool:
    """Whether `given` is this app's token (compared in constant time)."""
    try:
        stored = token_path(settings).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return False
    return bool(stored) and hmac.compare_digest(_digest(given), stored)


def require_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Refuse the call (401) unless it carries `Authorization: Bearer <token>`."""
    settings: Settings = request.app.state.settings
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise ApiTokenError(
            "This API needs a token.",
            field="Authorization",
            hint="Send the header 'Authorization: Bearer <token>' with the token that "
            "`unsnare serve` printed when it first started (or make a new one with "
            "`unsnare serve --new-api-token`).",
        )
    if not token_matches(settings, credentials.credentials):
        raise ApiTokenError(
            "That API token is not right.",
            field="Authorization",
            hint="Check the token, or make a new one with `unsnare serve --new-api-token`.",
        )
