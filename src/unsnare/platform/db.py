"""The service's tables (SQLAlchemy Core) and its engine.

The schema is made by the Alembic migrations in `migrations/`; a test checks
that they and these tables agree. Hash banks use `unsnare.hashing.storage`'s own
tables, with each tenant's banks named `<tenant>.<bank>`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Engine

from unsnare.platform.settings import PlatformSettings, check_database_url

metadata = sa.MetaData()
_TS = sa.DateTime(timezone=True)

tenants = sa.Table(
    "platform_tenants",
    metadata,
    sa.Column("name", sa.String(32), primary_key=True),
    sa.Column("threshold", sa.String(16), nullable=False, server_default="medium"),
    sa.Column("webhook_url", sa.Text, nullable=True),
    sa.Column("webhook_secret", sa.Text, nullable=True),
    sa.Column("created", _TS, nullable=False),
)

api_keys = sa.Table(
    "platform_api_keys",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("tenant", sa.String(32), sa.ForeignKey("platform_tenants.name"), nullable=False),
    sa.Column("token_sha256", sa.String(64), nullable=False, unique=True),
    sa.Column("scopes", sa.Text, nullable=False),
    sa.Column("rate_per_minute", sa.Integer, nullable=False),
    sa.Column("label", sa.Text, nullable=False, server_default=""),
    sa.Column("created", _TS, nullable=False),
    sa.Column("revoked", _TS, nullable=True),
)

rate_windows = sa.Table(
    "platform_rate_windows",
    metadata,
    sa.Column("key_id", sa.String(32), primary_key=True),
    sa.Column("minute", sa.BigInteger, primary_key=True),
    sa.Column("count", sa.Integer, nullable=False),
)

audit_log = sa.Table(
    "platform_audit_log",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("at", _TS, nullable=False),
    sa.Column("tenant", sa.String(32), nullable=True),
    sa.Column("actor", sa.Text, nullable=False),
    sa.Column("key_id", sa.String(32), nullable=True),
    sa.Column("action", sa.String(64), nullable=False),
    sa.Column("target", sa.Text, nullable=False),
    sa.Column("detail", sa.Text, nullable=False, server_default="{}"),
)

conversations = sa.Table(
    "platform_conversations",
    metadata,
    sa.Column("tenant", sa.String(32), sa.ForeignKey("platform_tenants.name"), primary_key=True),
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("message_count", sa.Integer, nullable=False),
    sa.Column("risk_level", sa.String(16), nullable=False),
    sa.Column("risk_score", sa.Float, nullable=False),
    sa.Column("stage", sa.String(32), nullable=False),
    sa.Column("alerted", sa.String(16), nullable=True),
    sa.Column("created", _TS, nullable=False),
    sa.Column("updated", _TS, nullable=False),
    # The analysis state (`unsnare.analysis.incremental`, JSON), added by 0003_incremental.
    sa.Column("analysis", sa.Text, nullable=True),
)

messages = sa.Table(
    "platform_messages",
    metadata,
    sa.Column("tenant", sa.String(32), primary_key=True),
    sa.Column("conversation", sa.String(200), primary_key=True),
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("message_id", sa.String(200), nullable=False),
    sa.Column("sender", sa.String(200), nullable=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("sent_at", _TS, nullable=True),
    sa.Column("received", _TS, nullable=False),
    sa.ForeignKeyConstraint(
        ["tenant", "conversation"],
        ["platform_conversations.tenant", "platform_conversations.id"],
    ),
    sa.UniqueConstraint("tenant", "conversation", "message_id", name="uq_platform_message_id"),
)

findings = sa.Table(
    "platform_findings",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("tenant", sa.String(32), nullable=False),
    sa.Column("conversation", sa.String(200), nullable=False),
    sa.Column("message_id", sa.String(200), nullable=False),
    sa.Column("tactic", sa.String(32), nullable=False),
    sa.Column("detector", sa.String(64), nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("explanation", sa.Text, nullable=False),
    sa.UniqueConstraint(
        "tenant", "conversation", "message_id", "tactic", "detector", "start",
        name="uq_platform_finding",
    ),
)

outbox = sa.Table(
    "platform_outbox",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("tenant", sa.String(32), nullable=False),
    sa.Column("conversation", sa.String(200), nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("threshold", sa.String(16), nullable=False),
    sa.Column("payload", sa.Text, nullable=False),
    sa.Column("created", _TS, nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("next_attempt", _TS, nullable=False),
    sa.Column("delivered", _TS, nullable=True),
    sa.Column("last_error", sa.Text, nullable=True),
    # One event per conversation and threshold, however often it is crossed.
    sa.UniqueConstraint("tenant", "conversation", "kind", "threshold", name="uq_platform_event"),
)


# The review queue (migration 0002_review): reviewer accounts, their sessions, and
# the items they decide on.
reviewers = sa.Table(
    "platform_reviewers",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("tenant", sa.String(32), sa.ForeignKey("platform_tenants.name"), nullable=False),
    sa.Column("username", sa.String(64), nullable=False, unique=True),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("password_hash", sa.Text, nullable=False),
    sa.Column("totp_secret", sa.String(64), nullable=False),
    sa.Column("totp_last_step", sa.BigInteger, nullable=True),
    sa.Column("failed_logins", sa.Integer, nullable=False, server_default="0"),
    sa.Column("locked_until", _TS, nullable=True),
    sa.Column("created", _TS, nullable=False),
    sa.Column("disabled", _TS, nullable=True),
)

review_sessions = sa.Table(
    "platform_review_sessions",
    metadata,
    sa.Column("token_sha256", sa.String(64), primary_key=True),
    sa.Column("reviewer", sa.BigInteger, sa.ForeignKey("platform_reviewers.id"),
              nullable=False),
    sa.Column("csrf", sa.String(64), nullable=False),
    sa.Column("created", _TS, nullable=False),
    sa.Column("expires", _TS, nullable=False),
)

review_items = sa.Table(
    "platform_review_items",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("tenant", sa.String(32), sa.ForeignKey("platform_tenants.name"), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("conversation", sa.String(200), nullable=True),
    sa.Column("event", sa.BigInteger, nullable=True, unique=True),
    sa.Column("hashes", sa.Text, nullable=False, server_default="{}"),
    sa.Column("crisis", sa.Boolean, nullable=False),
    sa.Column("minor", sa.Boolean, nullable=False),
    sa.Column("risk_score", sa.Float, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("created", _TS, nullable=False),
    sa.Column("checked", _TS, nullable=False),
    sa.Column("decided", _TS, nullable=True),
    sa.Column("decided_by", sa.Text, nullable=True),
    sa.Column("note", sa.Text, nullable=False, server_default=""),
    sa.Index("ix_platform_review_items_queue", "tenant", "status"),
)


def remember_rewrites() -> None:
    """Make pg8000 rewrite a statement's parameter markers once per statement text.

    pg8000 rescans every statement character by character to turn its `%s` markers into
    `$1, $2...` (measured: 0.45 ms of CPU for a 900-character statement, on every
    execution), though the result depends on the text alone; the service runs the same
    few statements again and again. Safe to call more than once."""
    import pg8000.legacy as legacy

    original = legacy.convert_paramstyle
    if getattr(original, "remembers", False):
        return

    @lru_cache(maxsize=1024)
    def rewritten(style: str, query: str) -> str:
        return str(original(style, query, ())[0])

    def convert(style: str, query: str, args: object) -> tuple[str, object]:
        if style in ("format", "qmark", "numeric"):  # (the values pass as they are)
            return rewritten(style, query), args
        return original(style, query, args)  # type: ignore[no-any-return]

    convert.remembers = True  # type: ignore[attr-defined]
    legacy.convert_paramstyle = convert


def _engine(settings: PlatformSettings, **options: Any) -> Engine:
    # Every engine of the service is made here, so pg8000 is patched before any runs.
    remember_rewrites()
    return sa.create_engine(check_database_url(settings.database_url), **options)


def make_engine(settings: PlatformSettings) -> Engine:
    """A pooled engine for the settings' PostgreSQL URL."""
    return _engine(settings, pool_size=settings.pool_size, max_overflow=settings.pool_size,
                   pool_pre_ping=True)


def make_reader_engine(settings: PlatformSettings) -> Engine:
    """An engine for one connection in autocommit, for reads that run one at a time
    (`Freshness`): no pool ping, BEGIN or COMMIT round trips around each."""
    return _engine(settings, isolation_level="AUTOCOMMIT", pool_size=1, max_overflow=0)


class _ArrayText(sa.types.TypeDecorator[Sequence[object]]):
    """A list sent as the text of a PostgreSQL array (`{"a","b",NULL}`), cast to the
    array type in SQL. pg8000 writes an array parameter's strings out character by
    character in Python (`array_string_escape`); with batches holding kilobytes of
    message text and analysis state, that was a tenth of the service's CPU. Here each
    value is escaped with two `str.replace` calls."""

    impl = sa.Text
    cache_ok = True

    def process_bind_param(
        self, value: Sequence[object] | None, dialect: sa.engine.Dialect
    ) -> str | None:
        if value is None:
            return None
        return "{" + ",".join(map(_element, value)) + "}"


def _element(value: object) -> str:
    # Every value but NULL is quoted, so spaces, commas and braces need no care.
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, float):
        return '"' + repr(value).replace("inf", "Infinity").replace("nan", "NaN") + '"'
    text = value.isoformat() if isinstance(value, datetime) else str(value)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def unnest(name: str, **columns: Any) -> Any:
    """A derived table `name(column, ...)` made from one array parameter a column
    (`<name>_<column>`, a list at execution). Unlike `sa.values(...).data(rows)`, the
    statement is the same whatever the rows, so SQLAlchemy compiles it once: compiling
    a VALUES list on every request took a third of the service's CPU."""
    arrays = [sa.cast(sa.bindparam(f"{name}_{col}", type_=_ArrayText()), ARRAY(kind))
              for col, kind in columns.items()]
    return sa.func.unnest(*arrays).table_valued(*columns).render_derived(name=name)
