"""Tenants and API keys: created and revoked from the command line, stored hashed.

A key is `usk_<id>_<secret>`: the id names the row (so a log line can say which
key acted without holding the secret), the secret is 256 random bits and only
its SHA-256 is stored.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import IntegrityError

from unsnare.analysis import RiskLevel
from unsnare.errors import UsageError
from unsnare.platform import audit
from unsnare.platform.db import api_keys, rate_windows, tenants, unnest
from unsnare.platform.errors import (
    ConflictError,
    ForbiddenError,
    NotAuthenticatedError,
    NotFoundError,
    RateLimitedError,
)
from unsnare.platform.freshness import Freshness, Ticket

SCOPES = ("analyze", "hash:lookup", "hash:write", "review", "report", "admin")
THRESHOLDS = ("low", "medium", "high", "critical")
_TENANT = re.compile(r"^[a-z0-9][a-z0-9-]{0,31}$")
_KEY = re.compile(r"^usk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$")
DEFAULT_RATE = 600


@dataclass(frozen=True)
class ApiKey:
    """A key as stored (never the secret)."""

    id: str
    tenant: str
    scopes: tuple[str, ...]
    rate_per_minute: int
    label: str
    created: datetime
    revoked: datetime | None = None

    def actor(self) -> audit.Actor:
        """This key as the actor of an audited change."""
        return audit.Actor(f"key:{self.id}", self.tenant, self.id)

    def require(self, scope: str) -> None:
        """Refuse (403) unless the key has `scope` (or `admin`)."""
        if scope not in self.scopes and "admin" not in self.scopes:
            raise ForbiddenError(
                f"this key does not have the '{scope}' scope",
                field="Authorization",
                hint=f"Ask an operator for a key with '{scope}': "
                f"unsnare platform key create --tenant {self.tenant} --scope {scope}",
            )


def _sha(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def check_tenant_name(name: str) -> str:
    """Tenant names are short, lower-case and safe in bank names and URLs."""
    if not _TENANT.match(name):
        raise UsageError(
            f"'{name}' cannot be used as a tenant name",
            field="tenant",
            hint="Use 1-32 lower-case letters, digits or '-', starting with a letter or digit.",
        )
    return name


def parse_scopes(values: Iterable[str]) -> tuple[str, ...]:
    """Scopes from `analyze,hash:lookup` style values; unknown ones are refused."""
    found = [s.strip() for v in values for s in v.split(",") if s.strip()]
    unknown = [s for s in found if s not in SCOPES]
    if unknown or not found:
        raise UsageError(
            f"unknown scope '{unknown[0]}'" if unknown else "a key needs at least one scope",
            field="--scope",
            hint="Scopes are: " + ", ".join(SCOPES) + ".",
        )
    return tuple(dict.fromkeys(found))


def create_tenant(
    conn: sa.Connection, name: str, actor: audit.Actor, threshold: str = "medium"
) -> None:
    """Add a tenant (a platform using the service); its data is kept apart from others'."""
    check_tenant_name(name)
    if threshold not in THRESHOLDS:
        raise UsageError(f"'{threshold}' is not a risk level", field="--threshold",
                         hint="Use low, medium, high or critical.")
    try:
        with conn.begin_nested():
            conn.execute(tenants.insert().values(name=name, threshold=threshold,
                                                 created=datetime.now(UTC)))
    except IntegrityError as exc:
        raise ConflictError(f"tenant '{name}' exists already", field="tenant") from exc
    audit.record(conn, actor, "tenant.create", name, tenant=name, threshold=threshold)


def set_webhook(
    conn: sa.Connection, tenant: str, url: str | None, actor: audit.Actor,
    threshold: str | None = None,
) -> str | None:
    """Set (or clear) a tenant's webhook; returns the new signing secret, shown once."""
    if url is not None and not url.startswith(("https://", "http://")):
        raise UsageError("a webhook URL starts with https:// (or http:// for testing)",
                         field="--url")
    if threshold is not None and threshold not in THRESHOLDS:
        raise UsageError(f"'{threshold}' is not a risk level", field="--threshold",
                         hint="Use low, medium, high or critical.")
    get_tenant(conn, tenant)
    secret = secrets.token_urlsafe(32) if url else None
    values: dict[str, object] = {"webhook_url": url, "webhook_secret": secret}
    if threshold is not None:
        values["threshold"] = threshold
    conn.execute(tenants.update().where(tenants.c.name == tenant).values(**values))
    audit.record(conn, actor, "tenant.webhook", tenant, tenant=tenant, url=url,
                 threshold=threshold)
    return secret


def get_tenant(conn: sa.Connection, name: str) -> sa.Row[tuple[object, ...]]:
    """The tenant's row, or a clear error."""
    row = conn.execute(sa.select(tenants).where(tenants.c.name == name)).first()
    if row is None:
        raise NotFoundError(f"no tenant named '{name}'", field="tenant",
                            hint="Create it with `unsnare platform tenant create NAME`.")
    return row


def threshold_of(conn: sa.Connection, tenant: str) -> RiskLevel:
    """The level at which the tenant wants an early warning."""
    return RiskLevel(str(get_tenant(conn, tenant).threshold))


def create_key(
    conn: sa.Connection,
    tenant: str,
    scopes: Iterable[str],
    actor: audit.Actor,
    *,
    rate_per_minute: int = DEFAULT_RATE,
    label: str = "",
) -> tuple[ApiKey, str]:
    """Make a key; returns it and the token, which is shown once and never stored."""
    get_tenant(conn, tenant)
    if rate_per_minute < 1:
        raise UsageError("the rate limit must be at least 1 a minute", field="--rate")
    key_id = "".join(secrets.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(12))
    secret = secrets.token_urlsafe(32)  # 256 bits
    token = f"usk_{key_id}_{secret}"
    key = ApiKey(key_id, tenant, parse_scopes(scopes), rate_per_minute, label,
                 datetime.now(UTC))
    conn.execute(api_keys.insert().values(
        id=key.id, tenant=tenant, token_sha256=_sha(token), scopes=",".join(key.scopes),
        rate_per_minute=rate_per_minute, label=label, created=key.created,
    ))
    audit.record(conn, actor, "key.create", key.id, tenant=tenant,
                 scopes=list(key.scopes), rate_per_minute=rate_per_minute)
    return key, token


def revoke_key(conn: sa.Connection, key_id: str, actor: audit.Actor) -> None:
    """Revoke a key: from the next request on it answers 401."""
    done = conn.execute(
        api_keys.update()
        .where(api_keys.c.id == key_id, api_keys.c.revoked.is_(None))
        .values(revoked=datetime.now(UTC))
        .returning(api_keys.c.tenant)
    ).first()
    if done is None:
        raise NotFoundError(f"no active key '{key_id}'", field="key",
                            hint="List keys with `unsnare platform key list`.")
    audit.record(conn, actor, "key.revoke", key_id, tenant=str(done.tenant))


def _key(row: sa.Row[tuple[object, ...]]) -> ApiKey:
    return ApiKey(
        str(row.id), str(row.tenant), tuple(str(row.scopes).split(",")),
        int(row.rate_per_minute), str(row.label), row.created, row.revoked,
    )


def _active(row: sa.Row[Any] | None) -> ApiKey:
    """The key of a row found by its token; 401 when there is none or it was revoked."""
    if row is None:
        raise NotAuthenticatedError("this API key is not known", field="Authorization",
                                    hint="Check the key, or ask an operator for a new one.")
    if row.revoked is not None:
        raise revoked_error()
    return _key(row)


def list_keys(conn: sa.Connection, tenant: str | None = None) -> list[ApiKey]:
    """Every key (or one tenant's), revoked ones included."""
    query = sa.select(api_keys).order_by(api_keys.c.created)
    if tenant is not None:
        query = query.where(api_keys.c.tenant == tenant)
    return [_key(r) for r in conn.execute(query)]


def authenticate(conn: sa.Connection, authorization: str | None) -> ApiKey:
    """The key a `Bearer` header names; 401 when missing, unknown or revoked."""
    digest = token_digest(authorization)
    row = conn.execute(sa.select(api_keys).where(api_keys.c.token_sha256 == digest)).first()
    # Compare in constant time too, though the lookup is by hash already.
    if row is not None and not secrets.compare_digest(str(row.token_sha256), digest):
        row = None
    return _active(row)


def token_digest(authorization: str | None) -> str:
    """The SHA-256 of the header's token; 401 when there is no well-formed token."""
    token = (authorization or "").removeprefix("Bearer ").strip()
    if not _KEY.match(token):
        raise NotAuthenticatedError(
            "a valid API key is needed" if token else "no API key was sent",
            field="Authorization",
            hint="Send 'Authorization: Bearer usk_...' with a key made by "
            "`unsnare platform key create`.",
        )
    return _sha(token)


def revoked_error() -> NotAuthenticatedError:
    """The 401 for a key revoked since this process verified it."""
    return NotAuthenticatedError("this API key was revoked", field="Authorization",
                                 hint="Ask an operator for a new key.")


@cache
def _count_statement() -> sa.Executable:
    # Built once per process: building it and its cache key cost more CPU than running it.
    given = unnest("given", key_id=sa.String, minute=sa.BigInteger, n=sa.Integer)
    counted = pg_insert(rate_windows).from_select(
        ["key_id", "minute", "count"],
        sa.select(given.c.key_id, given.c.minute, given.c.n)
        .select_from(given.join(api_keys, api_keys.c.id == given.c.key_id))
        .where(api_keys.c.revoked.is_(None))
        # The same order in every process, so two counting at once never deadlock.
        .order_by(given.c.key_id, given.c.minute),
    )
    return counted.on_conflict_do_update(
        index_elements=["key_id", "minute"],
        set_={"count": rate_windows.c.count + counted.excluded.count},
    ).returning(rate_windows.c.key_id, rate_windows.c.minute, rate_windows.c.count)


def count_requests(
    conn: sa.Connection, wanted: Counter[tuple[str, int]]
) -> dict[tuple[str, int], int]:
    """Add `wanted` requests to each (key, minute) count, for keys not revoked; the new
    totals. A revoked key gets no count and no total. One statement for many keys."""
    if not wanted:
        return {}
    rows = sorted((k, m, n) for (k, m), n in wanted.items())
    upsert = _count_statement()
    params = {"given_key_id": [r[0] for r in rows], "given_minute": [r[1] for r in rows],
              "given_n": [r[2] for r in rows]}
    return {(str(r[0]), int(r[1])): int(r[2]) for r in conn.execute(upsert, params)}


class Keyring:
    """Admits requests: a key is read from the database once per process, then known by
    its token's SHA-256; whether it was revoked since, and its count this minute, come
    from the shared `Freshness` read every request waits for (so a revocation anywhere
    holds from the next request on, and the rate limit holds across processes)."""

    def __init__(self, engine: sa.Engine, freshness: Freshness, size: int = 10_000) -> None:
        self.engine = engine
        self.freshness = freshness
        self.size = size
        self._known: dict[str, ApiKey] = {}

    def admit(self, authorization: str | None, scope: str, now: float | None = None) -> ApiKey:
        """The header's key if it is active, has `scope` and is within its rate: 401,
        then 403, then 429."""
        digest = token_digest(authorization)
        key = self._known.get(digest)
        if key is None:
            with self.engine.connect() as conn:
                key = authenticate(conn, authorization)
            if len(self._known) >= self.size:
                self._known.clear()
            self._known[digest] = key
        moment = time.time() if now is None else now
        ticket = self.freshness.wait(Ticket(key.id, int(moment // 60)))
        if not ticket.active:
            self._known.pop(digest, None)
            raise revoked_error()
        key.require(scope)
        if ticket.used > key.rate_per_minute:
            raise RateLimitedError(retry_after=max(1, 60 - int(moment % 60)))
        return key
