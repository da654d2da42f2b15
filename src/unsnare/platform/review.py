"""The review queue: flagged conversations and hash matches, waiting for a person.

An item is made for every conversation that crossed its tenant's threshold (from the
early-warning outbox, so none is missed however many processes score), for every
hash match a platform sends for review, and for any conversation a platform asks
about. The queue comes crisis first (the child wrote about harming themselves), then
minors, then by risk score, then oldest first.

A reviewer sees the findings and only the messages that matter (those a finding or
the crisis check points at, and the one before each). Explicit wording stays hidden
until the reviewer asks, and asking is audited. Images are never shown: a hash item
names the hash, its match distance and its bank. Decisions: confirm, dismiss as a
false positive (optionally adding the hash to the tenant's allowlist bank, which
later lookups honour), or escalate to a lead; each is in the audit log.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert

from unsnare.analysis import Analyzer, Tactic
from unsnare.hashing.banks import BankKind, HashBank, SignalType, entry
from unsnare.platform import audit
from unsnare.platform.conversations import EVENT_KIND, _as_conversation
from unsnare.platform.cybertip import mattering
from unsnare.platform.db import audit_log, conversations, findings, messages, outbox, review_items
from unsnare.platform.errors import ConflictError, ForbiddenError, NotFoundError, PlatformError
from unsnare.platform.hashes import TenantBanks

CONVERSATION, HASH_MATCH = "conversation", "hash_match"
OPEN, ESCALATED, CONFIRMED, DISMISSED = "open", "escalated", "confirmed", "dismissed"
WAITING = (OPEN, ESCALATED)
DECISIONS = {"confirm": CONFIRMED, "dismiss": DISMISSED, "escalate": ESCALATED}
ALLOWLIST_BANK = "review-allowlist"
# Messages whose findings are of these tactics may hold sexual wording: hidden until asked.
EXPLICIT = frozenset({str(Tactic.SEXUAL_CONTENT), str(Tactic.IMAGE_REQUEST)})
_SCAN = 500  # messages re-read to find crisis and age signals when an item is made
# Early warnings turned into items per listing: bounds one request's work after a burst
# (each needs an analysis, ~40 ms on the loaded 2-core machine: bench_platform_review.py);
# the rest follow on the next listings.
_SYNC_BATCH = 100
LEADS = ("lead", "admin")


def target(item_id: int) -> str:
    """An item's name in the audit log."""
    return f"review:{item_id}"


def _signals(
    conn: sa.Connection, analyzer: Analyzer, tenant: str, conversation_id: str
) -> tuple[bool, bool, datetime]:
    """(crisis, minor, as of): whether the child wrote about self-harm, whether someone
    probed their age (a sign they are a minor), and the conversation's `updated` time
    read before its messages (a batch committed meanwhile is later, so is read again)."""
    as_of = conn.execute(sa.select(conversations.c.updated).where(
        conversations.c.tenant == tenant, conversations.c.id == conversation_id)).scalar_one()
    rows = list(conn.execute(
        sa.select(messages)
        .where(messages.c.tenant == tenant, messages.c.conversation == conversation_id)
        .order_by(messages.c.seq.desc()).limit(_SCAN)
    ))[::-1]
    if not rows:
        return False, False, as_of
    report = analyzer.analyze(_as_conversation(conversation_id, rows))
    minor = any(f.tactic is Tactic.GROOMING and f.get("kind") == "age_probing"
                for f in report.findings)
    return report.crisis, minor, as_of


def sync(conn: sa.Connection, analyzer: Analyzer, tenant: str) -> int:
    """Make an item for each of the tenant's early warnings that has none yet, and look
    again for crisis and age signals in waiting conversations that grew since."""
    pending = list(conn.execute(
        sa.select(outbox.c.id, outbox.c.conversation, outbox.c.payload, outbox.c.created)
        .where(outbox.c.tenant == tenant, outbox.c.kind == EVENT_KIND,
               ~sa.exists().where(review_items.c.event == outbox.c.id))
        .order_by(outbox.c.id).limit(_SYNC_BATCH)
    ))
    made = 0
    for event in pending:
        payload = json.loads(event.payload)
        crisis, minor, as_of = _signals(conn, analyzer, tenant, str(event.conversation))
        made += _insert(conn, tenant, CONVERSATION, conversation=str(event.conversation),
                        event=int(event.id), crisis=crisis or bool(payload.get("crisis")),
                        minor=minor, risk_score=float(payload["risk"]["score"]),
                        created=event.created, checked=as_of) is not None
    _recheck(conn, analyzer, tenant)
    return made


def _recheck(conn: sa.Connection, analyzer: Analyzer, tenant: str) -> None:
    # A child may write about harming themselves after the item was made: that item
    # must move to the top, so conversations that grew are read again.
    c = conversations
    grown = list(conn.execute(
        sa.select(review_items.c.id, review_items.c.conversation)
        .join(c, sa.and_(c.c.tenant == review_items.c.tenant,
                         c.c.id == review_items.c.conversation))
        .where(review_items.c.tenant == tenant, review_items.c.status.in_(WAITING),
               c.c.updated > review_items.c.checked)
        .order_by(review_items.c.id).limit(_SYNC_BATCH)
    ))
    for row in grown:
        crisis, minor, as_of = _signals(conn, analyzer, tenant, str(row.conversation))
        conn.execute(review_items.update().where(review_items.c.id == row.id).values(
            crisis=review_items.c.crisis | crisis, minor=review_items.c.minor | minor,
            checked=as_of))


def _insert(conn: sa.Connection, tenant: str, kind: str, **values: Any) -> int | None:
    values.setdefault("created", datetime.now(UTC))
    values.setdefault("checked", datetime.now(UTC))
    query = pg_insert(review_items).values(
        tenant=tenant, kind=kind, status=OPEN, **values)
    found = conn.execute(query.on_conflict_do_nothing().returning(review_items.c.id)).first()
    return None if found is None else int(found.id)


def enqueue_conversation(
    conn: sa.Connection, analyzer: Analyzer, tenant: str, conversation_id: str, *,
    minor: bool, actor: audit.Actor,
) -> int:
    """Put a conversation in the queue (or mark its waiting item as about a minor)."""
    state = conn.execute(sa.select(conversations.c.risk_score).where(
        conversations.c.tenant == tenant, conversations.c.id == conversation_id)).first()
    if state is None:
        raise NotFoundError(f"no conversation '{conversation_id}'", field="conversation_id",
                            hint="Post its messages first.")
    sync(conn, analyzer, tenant)
    waiting = conn.execute(sa.select(review_items.c.id).where(
        review_items.c.tenant == tenant, review_items.c.kind == CONVERSATION,
        review_items.c.conversation == conversation_id, review_items.c.status.in_(WAITING),
    )).first()
    if waiting is not None:
        item_id = int(waiting.id)
        if minor:
            conn.execute(review_items.update().where(review_items.c.id == item_id)
                         .values(minor=True))
    else:
        crisis, probed, as_of = _signals(conn, analyzer, tenant, conversation_id)
        made = _insert(conn, tenant, CONVERSATION, conversation=conversation_id,
                       crisis=crisis, minor=minor or probed,
                       risk_score=float(state.risk_score), checked=as_of)
        assert made is not None  # no unique key to clash with when there is no event
        item_id = made
    audit.record(conn, actor, "review.enqueue", target(item_id), conversation=conversation_id,
                 minor=minor)
    return item_id


def enqueue_hash_match(
    conn: sa.Connection, tenant: str, queried: dict[str, list[str]],
    matches: Sequence[dict[str, Any]], *, conversation_id: str | None, minor: bool,
    actor: audit.Actor,
) -> int:
    """Put a hash match in the queue: the hashes, their distances and banks, never an image."""
    if conversation_id is not None and conn.execute(sa.select(conversations.c.id).where(
            conversations.c.tenant == tenant, conversations.c.id == conversation_id)
    ).first() is None:
        raise NotFoundError(f"no conversation '{conversation_id}'", field="conversation_id",
                            hint="Post its messages first, or leave conversation_id out.")
    hashes = {"queried": queried, "matches": list(matches)}
    closest = min(m["distance"] for m in matches)
    # A blocklist match is known material; a closer match ranks a little higher.
    made = _insert(conn, tenant, HASH_MATCH, conversation=conversation_id,
                   hashes=json.dumps(hashes, sort_keys=True), crisis=False, minor=minor,
                   risk_score=round(1.0 - closest / 1000, 3))
    assert made is not None
    audit.record(conn, actor, "review.enqueue", target(made), kind=HASH_MATCH,
                 banks=sorted({m["bank"] for m in matches}), minor=minor)
    return made


def _summary(row: Any) -> dict[str, Any]:
    return {
        "id": int(row.id), "kind": row.kind, "conversation_id": row.conversation,
        "status": row.status, "crisis": bool(row.crisis), "minor": bool(row.minor),
        "risk_score": round(float(row.score), 3), "created": row.created.isoformat(),
        "decided": row.decided.isoformat() if row.decided else None,
        "decided_by": row.decided_by,
    }


def _items(tenant: str) -> sa.Select[Any]:
    c = conversations
    # A conversation's score keeps changing after it was queued: rank by the current one.
    score = sa.func.coalesce(c.c.risk_score, review_items.c.risk_score).label("score")
    return (
        sa.select(review_items, score)
        .select_from(review_items.outerjoin(c, sa.and_(
            c.c.tenant == review_items.c.tenant, c.c.id == review_items.c.conversation)))
        .where(review_items.c.tenant == tenant)
    )


def queue(
    conn: sa.Connection, analyzer: Analyzer, tenant: str,
    statuses: Sequence[str] = WAITING, limit: int = 100,
) -> list[dict[str, Any]]:
    """The tenant's items with these statuses, most urgent first."""
    sync(conn, analyzer, tenant)
    query = _items(tenant).where(review_items.c.status.in_(list(statuses))).order_by(
        review_items.c.crisis.desc(), review_items.c.minor.desc(), sa.text("score DESC"),
        review_items.c.created, review_items.c.id,
    ).limit(limit)
    return [_summary(r) for r in conn.execute(query)]


def _row(conn: sa.Connection, tenant: str, item_id: int, lock: bool = False) -> Any:
    query = _items(tenant).where(review_items.c.id == item_id)
    if lock:
        query = query.with_for_update(of=review_items)
    row = conn.execute(query).first()
    if row is None:  # another tenant's item is never named
        raise NotFoundError(f"no review item {item_id}", field="item",
                            hint="Open the queue to see the items waiting.")
    return row


def item(
    conn: sa.Connection, tenant: str, item_id: int, *, reveal: bool, actor: audit.Actor,
    on_behalf_of: str | None = None,
) -> dict[str, Any]:
    """One item: its findings, the messages that matter (explicit wording hidden unless
    `reveal`, which is audited, naming the platform's own reviewer `on_behalf_of` when
    given), and for hash matches the hashes, distances and banks."""
    row = _row(conn, tenant, item_id)
    out = _summary(row)
    out["note"] = row.note
    out["hashes"] = json.loads(row.hashes) or {}
    out["findings"], out["messages"] = [], []
    if row.conversation is not None:
        found = list(conn.execute(
            sa.select(findings).where(findings.c.tenant == tenant,
                                      findings.c.conversation == row.conversation)
            .order_by(findings.c.id)))
        out["findings"] = [
            {"message_id": f.message_id, "tactic": f.tactic, "detector": f.detector,
             "score": round(float(f.score), 3), "explanation": f.explanation}
            for f in found
        ]
        explicit = {f.message_id for f in found if f.tactic in EXPLICIT}
        rows = list(conn.execute(
            sa.select(messages).where(messages.c.tenant == tenant,
                                      messages.c.conversation == row.conversation)
            .order_by(messages.c.seq)))
        hidden = 0
        for i in mattering(rows, {f.message_id for f in found}):
            m = rows[i]
            hide = m.message_id in explicit and not reveal
            hidden += hide
            out["messages"].append({
                "id": m.message_id, "sender": m.sender,
                "sent_at": m.sent_at.isoformat() if m.sent_at else None,
                "text": None if hide else m.text, "hidden": hide,
                "explicit": m.message_id in explicit,
                "tactics": sorted({f.tactic for f in found if f.message_id == m.message_id}),
            })
        out["explicit_hidden"] = hidden
    out["revealed"] = reveal
    if reveal:
        audit.record(conn, actor, "review.reveal", target(item_id),
                     conversation=row.conversation, **_behalf(on_behalf_of))
    return out


def _behalf(reviewer: str | None) -> dict[str, str]:
    # A platform's own UI acts with its key; the person who acted is named in the entry.
    return {"reviewer": reviewer} if reviewer else {}


def decide(
    conn: sa.Connection, banks: TenantBanks, tenant: str, item_id: int, decision: str, *,
    role: str, actor: audit.Actor, note: str = "", allowlist: bool = False,
    on_behalf_of: str | None = None,
) -> dict[str, Any]:
    """Record a decision on a waiting item. Escalating, and deciding an escalated item,
    need a lead (or admin). Dismissing a hash match can add its hashes to the tenant's
    allowlist bank, so the same picture is not reported again."""
    if decision not in DECISIONS:
        raise PlatformError(f"'{decision}' is not a decision", field="decision",
                            hint="Decide confirm, dismiss or escalate.")
    row = _row(conn, tenant, item_id, lock=True)
    lead = role in LEADS
    if row.status not in WAITING:
        raise ConflictError(f"item {item_id} was already decided ({row.status})",
                            field="item", hint="Open the queue for the items still waiting.")
    if (decision == "escalate" or row.status == ESCALATED) and not lead:
        what = "escalate an item" if decision == "escalate" else "decide an escalated item"
        raise ForbiddenError(f"only a lead or admin can {what}", field="decision",
                             hint="Ask a lead to decide it.")
    if decision == "escalate" and row.status == ESCALATED:
        raise ConflictError(f"item {item_id} is escalated already", field="decision")
    added = 0
    if allowlist:
        if decision != "dismiss" or row.kind != HASH_MATCH:
            raise PlatformError("only a dismissed hash match can go on the allowlist",
                                field="allowlist", hint="Leave 'allowlist' off.")
        added = _allowlist(conn, banks, tenant, json.loads(row.hashes)["queried"], actor)
    now = datetime.now(UTC)
    conn.execute(review_items.update().where(review_items.c.id == item_id).values(
        status=DECISIONS[decision], decided=now, decided_by=actor.name, note=note))
    audit.record(conn, actor, f"review.{decision}", target(item_id), role=role,
                 kind=row.kind, conversation=row.conversation, note=note,
                 allowlisted=added, **_behalf(on_behalf_of))
    return {"id": item_id, "status": DECISIONS[decision], "decided_by": actor.name,
            "allowlisted": added}


def _allowlist(
    conn: sa.Connection, banks: TenantBanks, tenant: str, queried: dict[str, list[str]],
    actor: audit.Actor,
) -> int:
    names = {b["name"] for b in banks.list_banks(tenant)}
    if ALLOWLIST_BANK not in names:
        banks.create_bank(conn, tenant, HashBank(
            ALLOWLIST_BANK, BankKind.ALLOWLIST,
            description="Hashes reviewers dismissed as false positives."), actor)
    entries = [entry(SignalType.PDQ, v, source="review dismissal")
               for v in queried.get("pdq", [])[:1]]
    entries += [entry(SignalType.MD5, v, source="review dismissal")
                for v in queried.get("md5", [])]
    return len(banks.add(conn, tenant, ALLOWLIST_BANK, entries, actor)) if entries else 0


def trail(conn: sa.Connection, tenant: str, item_id: int) -> list[dict[str, Any]]:
    """The audit entries about an item, oldest first."""
    rows = conn.execute(
        sa.select(audit_log).where(audit_log.c.tenant == tenant,
                                   audit_log.c.target == target(item_id))
        .order_by(audit_log.c.id))
    return [{"id": r.id, "at": r.at.isoformat(), "actor": r.actor, "key_id": r.key_id,
             "action": r.action, "detail": json.loads(r.detail)} for r in rows]
