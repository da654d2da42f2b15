"""The append-only audit log: who changed what, when, and with which key.

Rows are only ever inserted (the database refuses updates and deletions, see
the first migration). `detail` holds counts and names, never message text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from unsnare.platform.db import audit_log


@dataclass(frozen=True)
class Actor:
    """Who is acting: a key (with its tenant) or an operator at the command line."""

    name: str
    tenant: str | None = None
    key_id: str | None = None


def record(
    conn: sa.Connection, actor: Actor, action: str, target: str, *,
    tenant: str | None = None, **detail: Any,
) -> None:
    """Append one entry, in the caller's transaction (so it stands or falls with the write).

    `tenant` is the tenant the change concerns, when the actor (an operator) has none.
    """
    conn.execute(
        audit_log.insert().values(
            at=datetime.now(UTC),
            tenant=tenant or actor.tenant,
            actor=actor.name,
            key_id=actor.key_id,
            action=action,
            target=target,
            detail=json.dumps(detail, sort_keys=True, default=str),
        )
    )


def entries(
    conn: sa.Connection, tenant: str | None = None, limit: int = 100
) -> list[dict[str, Any]]:
    """The latest entries (newest first), for one tenant or all."""
    query = sa.select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
    if tenant is not None:
        query = query.where(audit_log.c.tenant == tenant)
    return [
        {
            "id": r.id,
            "at": r.at.isoformat(),
            "tenant": r.tenant,
            "actor": r.actor,
            "key_id": r.key_id,
            "action": r.action,
            "target": r.target,
            "detail": json.loads(r.detail),
        }
        for r in conn.execute(query)
    ]

