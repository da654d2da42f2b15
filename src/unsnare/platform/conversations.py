"""Streaming conversation scoring: messages arrive in batches, the state lives in PostgreSQL.

Each batch is handled in one transaction that locks the conversation's row, so
two processes taking batches of the same conversation take turns. A message
whose id was seen before is not counted again (the id is the idempotency key).
Each conversation keeps its analysis state (`unsnare.analysis.incremental`), so
a batch reads only its new messages with a few earlier ones, and the report equals
a reading of the whole conversation so far; findings once reported are kept, and
the conversation's level is the highest it has reached. When the level first
reaches the tenant's threshold, an early-warning event is written to the outbox
in the same transaction (so it is queued exactly once, and never lost).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert

from unsnare.analysis import AnalysisReport, Analyzer, Finding, RiskLevel, Stage
from unsnare.analysis.incremental import IncrementalAnalyzer, StreamState
from unsnare.models import Conversation, Message, Participant, Source
from unsnare.platform import audit
from unsnare.platform.db import (
    audit_log,
    conversations,
    findings,
    messages,
    outbox,
    unnest,
)
from unsnare.platform.errors import NotFoundError, PlatformError
from unsnare.platform.keys import threshold_of
from unsnare.platform.storable import storable

_RANK = {
    RiskLevel.NONE: 0.0, RiskLevel.UNKNOWN: 0.5, RiskLevel.LOW: 1.0,
    RiskLevel.MEDIUM: 2.0, RiskLevel.HIGH: 3.0, RiskLevel.CRITICAL: 4.0,
}
_STAGES = list(Stage)
EVENT_KIND = "early_warning"


@dataclass(frozen=True)
class IncomingMessage:
    """One message as the platform sends it; `id` is its idempotency key."""

    id: str
    text: str
    sender: str | None = None
    sent_at: datetime | None = None


@dataclass(frozen=True)
class ConversationState:
    """What the service knows about a conversation after a batch."""

    conversation_id: str
    message_count: int
    risk_level: str
    risk_score: float
    stage: str
    alerted: str | None
    accepted: int = 0
    duplicates: int = 0
    new_findings: tuple[dict[str, Any], ...] = field(default=())
    event_queued: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The JSON answer."""
        return {
            "conversation_id": self.conversation_id,
            "message_count": self.message_count,
            "risk": {"level": self.risk_level, "score": round(self.risk_score, 3)},
            "stage": self.stage,
            "alerted": self.alerted,
            "accepted": self.accepted,
            "duplicates": self.duplicates,
            "new_findings": list(self.new_findings),
            "early_warning_queued": self.event_queued,
        }


def _check_batch(
    conversation_id: str, batch: Sequence[tuple[int, IncomingMessage]], max_batch: int
) -> None:
    # `batch` holds each message with its place in the request, for the error's field.
    storable(conversation_id, "conversation_id")
    if not batch:
        raise PlatformError("the batch has no messages", field="messages",
                            hint="Send one or more messages.")
    if len(batch) > max_batch:
        raise PlatformError(f"a batch holds at most {max_batch} messages", field="messages",
                            hint="Split the batch.")
    for i, m in batch:
        storable(m.id, f"messages[{i}].id")
        storable(m.text, f"messages[{i}].text")
        if m.sender is not None:
            storable(m.sender, f"messages[{i}].sender")
        if m.sent_at is not None and m.sent_at.tzinfo is None:
            raise PlatformError("'sent_at' must include a time zone",
                                field=f"messages[{i}].sent_at",
                                hint="Send ISO 8601 with an offset, such as 2026-01-01T10:00Z.")


def _message(seq: int, message_id: str, sender: str | None, sent_at: datetime | None,
             text: str) -> Message:
    return Message(id=message_id, sender=sender, timestamp=sent_at, text=text,
                   source=Source("", "stream", path=f"message {seq}"))


def _as_conversation(conversation_id: str, rows: Sequence[Any]) -> Conversation:
    """Stored message rows as a conversation (for readers of the whole conversation)."""
    senders = list(dict.fromkeys(r.sender for r in rows if r.sender))
    return Conversation(
        id=conversation_id, platform="platform-api", format="stream",
        participants=tuple(Participant(s, s) for s in senders),
        messages=tuple(_message(r.seq, r.message_id, r.sender, r.sent_at, r.text)
                       for r in rows),
    )


def _conversation(conversation_id: str) -> Conversation:
    # What the analysis needs besides the messages: the id (no owner is known).
    return Conversation(id=conversation_id, platform="platform-api", format="stream",
                        participants=(), messages=())


def _finding_rows(
    tenant: str, conversation_id: str, made: Sequence[Finding]
) -> list[dict[str, Any]]:
    return [
        {
            "tenant": tenant, "conversation": conversation_id, "message_id": f.message_id,
            "tactic": str(f.tactic), "detector": f.detector, "start": f.start, "end": f.end,
            "score": f.score, "explanation": f.explanation,
        }
        for f in made
    ]


def _public(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in ("message_id", "tactic", "detector", "start", "end",
                                "score", "explanation")}


# Statements are built once per process (`cache`): building one and working out its
# cache key took about 2.4 ms of CPU a statement, more than PostgreSQL ran it.


@cache
def _upsert() -> sa.Executable:
    # From an array, so that the statement is compiled once whatever the batch holds.
    ids = unnest("ids", id=sa.String)
    when = sa.bindparam("now", type_=sa.DateTime(timezone=True))
    made = pg_insert(conversations).from_select(
        ["tenant", "id", "message_count", "risk_level", "risk_score", "stage", "created",
         "updated"],
        sa.select(sa.bindparam("tenant", type_=sa.String), ids.c.id, sa.literal(0),
                  sa.literal("none"), sa.literal(0.0), sa.literal("none"), when, when),
    )
    return made.on_conflict_do_update(
        index_elements=["tenant", "id"], set_={"updated": made.excluded.updated}
    ).returning(*conversations.c)


@cache
def _insert_fresh() -> sa.Executable:
    """INSERT of the batch's messages the conversation does not hold yet, numbered
    on from each conversation's count, returning the ones inserted."""
    given = unnest("given", conversation=sa.String, ord=sa.Integer, message_id=sa.String,
                   sender=sa.String, text=sa.Text, sent_at=sa.DateTime(timezone=True))
    counts = unnest("counts", conversation=sa.String, first=sa.Integer)
    held = sa.exists().where(
        messages.c.tenant == sa.bindparam("tenant"),
        messages.c.conversation == given.c.conversation,
        messages.c.message_id == given.c.message_id,
    )
    place = sa.func.row_number().over(partition_by=given.c.conversation,
                                      order_by=given.c.ord)
    fresh = (
        sa.select(
            sa.bindparam("tenant", type_=sa.String), given.c.conversation,
            (counts.c.first + place - 1).label("seq"), given.c.message_id,
            given.c.sender, given.c.text, given.c.sent_at,
            sa.bindparam("now", type_=sa.DateTime(timezone=True)),
        )
        .join(counts, counts.c.conversation == given.c.conversation)
        .where(~held)
    )
    names = ["tenant", "conversation", "seq", "message_id", "sender", "text", "sent_at",
             "received"]
    return messages.insert().from_select(names, fresh).returning(
        messages.c.conversation, messages.c.message_id)

@cache
def _update_and_audit() -> sa.Executable:
    """The UPDATE of every conversation of the batch, run as a data-modifying WITH of
    the INSERT of their audit entries: one statement (pg8000 would make an
    executemany one round trip a row, and two statements two round trips)."""
    given = unnest("given", id=sa.String, count=sa.Integer, level=sa.String,
                   score=sa.Float, stage=sa.String, alerted=sa.String, analysis=sa.Text)
    updated = (
        conversations.update()
        # (Parameters named after no column: an UPDATE takes those as more to SET.)
        .where(conversations.c.tenant == sa.bindparam("u_tenant", type_=sa.String),
               conversations.c.id == given.c.id)
        .values(message_count=given.c.count, risk_level=given.c.level,
                risk_score=given.c.score, stage=given.c.stage, alerted=given.c.alerted,
                analysis=given.c.analysis,
                updated=sa.bindparam("u_now", type_=sa.DateTime(timezone=True)))
        .returning(conversations.c.id)
        .cte("updated")
    )
    entries = unnest("entries", target=sa.Text, detail=sa.Text)
    rows = sa.select(
        sa.bindparam("at", type_=sa.DateTime(timezone=True)),
        sa.bindparam("a_tenant", type_=sa.String), sa.bindparam("a_actor", type_=sa.Text),
        sa.bindparam("a_key", type_=sa.String), sa.bindparam("a_action", type_=sa.String),
        entries.c.target, entries.c.detail,
    )
    return audit_log.insert().from_select(
        ["at", "tenant", "actor", "key_id", "action", "target", "detail"], rows
    ).add_cte(updated)


@cache
def _insert_findings() -> sa.Executable:
    """INSERT of findings from arrays, skipping those already stored, returning the new."""
    given = unnest("given", conversation=sa.String, message_id=sa.String, tactic=sa.String,
                   detector=sa.String, start=sa.Integer, end=sa.Integer, score=sa.Float,
                   explanation=sa.Text)
    names = ["tenant", "conversation", "message_id", "tactic", "detector", "start", "end",
             "score", "explanation"]
    made = pg_insert(findings).from_select(names, sa.select(
        sa.bindparam("f_tenant", type_=sa.String), given.c.conversation, given.c.message_id,
        given.c.tactic, given.c.detector, given.c.start, given.c.end, given.c.score,
        given.c.explanation,
    ))
    return made.on_conflict_do_nothing().returning(
        findings.c.conversation, findings.c.message_id, findings.c.tactic, findings.c.detector,
        findings.c.start, findings.c.end, findings.c.score, findings.c.explanation)


class _KeptStates:
    """The analysis states this process wrote last, with the text it stored for each.

    Reading a state back from its JSON was a tenth of a message's CPU. When the row's
    text is still the one this process wrote (no other process took a batch of the
    conversation since, and the transaction committed), the state it came from is used
    instead. A state is taken out while a batch reads it (`step` changes it in place),
    so a batch that fails leaves nothing behind that could be mistaken for the stored
    one. At most `limit` conversations, the least recently used dropped first."""

    def __init__(self, limit: int = 20_000) -> None:
        self._limit = limit
        self._kept: dict[tuple[str, str], tuple[str, StreamState]] = {}
        self._lock = threading.Lock()

    def take(self, tenant: str, conversation_id: str, stored: str) -> StreamState | None:
        """The state behind `stored`, if this process wrote it (and forget it here)."""
        with self._lock:
            found = self._kept.pop((tenant, conversation_id), None)
        if found is None or found[0] != stored:
            return None
        return found[1]

    def keep(self, tenant: str, conversation_id: str, text: str, state: StreamState) -> None:
        """Remember the state written as `text`."""
        with self._lock:
            self._kept[(tenant, conversation_id)] = (text, state)
            if len(self._kept) > self._limit:
                del self._kept[next(iter(self._kept))]


class ConversationScorer:
    """Takes batches of messages for a tenant's conversations and keeps their state."""

    def __init__(self, analyzer: Analyzer, max_batch: int = 500) -> None:
        self.analyzer = analyzer
        self.incremental = IncrementalAnalyzer(analyzer)
        self.max_batch = max_batch
        self.rebuilds = 0  # states rebuilt from the history (language or room changed)
        self._thresholds: dict[str, tuple[RiskLevel, float]] = {}
        self._states = _KeptStates()

    def add_messages(
        self,
        conn: sa.Connection,
        tenant: str,
        conversation_id: str,
        batch: Sequence[IncomingMessage],
        actor: audit.Actor,
    ) -> ConversationState:
        """Store the new messages of a batch, re-score, and queue an early warning if due."""
        _check_batch(conversation_id, list(enumerate(batch)), self.max_batch)
        return self._add(conn, tenant, {conversation_id: list(batch)}, actor)[0]

    def add_batch(
        self,
        conn: sa.Connection,
        tenant: str,
        batch: Sequence[tuple[str, IncomingMessage]],
        actor: audit.Actor,
    ) -> list[ConversationState]:
        """Messages of many conversations at once, as (conversation id, message) pairs:
        each conversation is handled as `add_messages` would, with one statement per
        step for all of them. The states in the order conversations first appear."""
        grouped: dict[str, list[tuple[int, IncomingMessage]]] = {}
        for i, (conversation_id, m) in enumerate(batch):
            grouped.setdefault(conversation_id, []).append((i, m))
        for conversation_id, items in grouped.items():
            _check_batch(conversation_id, items, self.max_batch)
        return self._add(conn, tenant, {c: [m for _, m in items] for c, items in
                                         grouped.items()}, actor)

    def _add(
        self,
        conn: sa.Connection,
        tenant: str,
        batches: dict[str, list[IncomingMessage]],
        actor: audit.Actor,
    ) -> list[ConversationState]:
        now = datetime.now(UTC)
        # One statement makes the rows if needed and locks them: batches of a conversation
        # from any process take turns from here to the commit. Sorted, so that two
        # batches sharing conversations lock them in the same order (no deadlock).
        states = {str(row.id): row for row in conn.execute(
            _upsert(), {"tenant": tenant, "now": now, "ids_id": sorted(batches)}
        )}
        # A message id repeated within the batch counts once; the database leaves out
        # ids it already holds and numbers the rest, in the same statement (the
        # conversation rows are locked above, so the count cannot move meanwhile).
        firsts: dict[str, dict[str, IncomingMessage]] = {}
        for c, batch in batches.items():
            firsts[c] = {}
            for m in batch:
                firsts[c].setdefault(m.id, m)
        order = [(c, m) for c in sorted(firsts) for m in firsts[c].values()]
        inserted = conn.execute(_insert_fresh(), {
            "tenant": tenant, "now": now,
            "given_conversation": [c for c, _ in order],
            "given_ord": list(range(len(order))),
            "given_message_id": [m.id for _, m in order],
            "given_sender": [m.sender for _, m in order],
            "given_text": [m.text for _, m in order],
            "given_sent_at": [m.sent_at for _, m in order],
            "counts_conversation": sorted(firsts),
            "counts_first": [int(states[c].message_count) for c in sorted(firsts)],
        })
        stored = {(str(r.conversation), str(r.message_id)) for r in inserted}
        fresh = {c: [m for m in firsts[c].values() if (c, m.id) in stored] for c in batches}
        scored = [c for c in batches if fresh[c]]
        steps: dict[str, tuple[AnalysisReport, str]] = {}
        candidates: list[dict[str, Any]] = []
        for c in scored:
            report, kept, unseen = self._read(
                conn, tenant, c, int(states[c].message_count), states[c].analysis, fresh[c])
            steps[c] = (report, kept)
            candidates.extend(unseen)
        new_rows: dict[str, list[dict[str, Any]]] = {c: [] for c in scored}
        if candidates:
            names = ("conversation", "message_id", "tactic", "detector", "start", "end",
                     "score", "explanation")
            inserted = conn.execute(_insert_findings(), {
                "f_tenant": tenant, **{f"given_{n}": [r[n] for r in candidates] for n in names}
            })
            for r in inserted:
                new_rows[str(r.conversation)].append(dict(r._mapping))
        out: dict[str, ConversationState] = {}
        updates: list[dict[str, Any]] = []
        for c in scored:
            state = states[c]
            report, kept = steps[c]
            count = int(state.message_count) + len(fresh[c])
            level, score = RiskLevel(state.risk_level), float(state.risk_score)
            if _RANK[report.risk.level] > _RANK[level] or (
                report.risk.level is level and report.risk.score > score
            ):
                level, score = report.risk.level, report.risk.score
            stage = Stage(state.stage)
            if _STAGES.index(report.stage) > _STAGES.index(stage):
                stage = report.stage
            alerted = state.alerted
            queued = False
            threshold = self._threshold(conn, tenant)
            if alerted is None and _RANK[level] >= _RANK[threshold]:
                alerted = str(threshold)
                queued = self._queue_event(conn, tenant, c, threshold, level, score,
                                           stage, report, count, now)
            updates.append({"c_id": c, "c_count": count, "c_level": str(level),
                            "c_score": score, "c_stage": str(stage), "c_alerted": alerted,
                            "c_analysis": kept})
            out[c] = ConversationState(
                c, count, str(level), score, str(stage), alerted,
                accepted=len(fresh[c]), duplicates=len(batches[c]) - len(fresh[c]),
                new_findings=tuple(_public(r) for r in new_rows[c]), event_queued=queued,
            )
        if updates:
            self._update(conn, tenant, updates, now, actor, [
                (c, {"accepted": len(fresh[c]), "duplicates": len(batches[c]) - len(fresh[c])})
                for c in scored
            ])
        return [out.get(c) or self._state(states[c], duplicates=len(batches[c]))
                for c in batches]

    def _read(
        self, conn: sa.Connection, tenant: str, conversation_id: str, count: int,
        kept: str | None, fresh: list[IncomingMessage],
    ) -> tuple[AnalysisReport, str, list[dict[str, Any]]]:
        """Read a conversation's new messages against its kept state: the report of the
        whole conversation, the state to keep, and the findings not reported before.
        The history is read from the database only when the state must be rebuilt."""
        new = [_message(count + i, m.id, m.sender, m.sent_at, m.text)
               for i, m in enumerate(fresh)]
        conv = _conversation(conversation_id)

        def history() -> list[Message]:
            return self._history(conn, tenant, conversation_id, count)

        if count == 0:
            step = self.incremental.step(None, new, list, conv)
        elif kept is None:
            # A conversation stored before states were kept is read once in full.
            step = self.incremental.rebuild(history() + new, conv)
        else:
            state = self._states.take(tenant, conversation_id, kept) or StreamState.loads(kept)
            step = self.incremental.step(state, new, history, conv)
        if step.rebuilt:
            self.rebuilds += 1
        text = step.state.dumps()
        self._states.keep(tenant, conversation_id, text, step.state)
        # Findings already reported are in the table (the insert skips them): offered
        # again only when earlier messages' findings may have changed.
        made = list(step.report.findings)
        if not step.earlier_changed:
            ids = {m.id for m in fresh}
            made = [f for f in made if f.message_id in ids]
        return step.report, text, _finding_rows(tenant, conversation_id, made)

    def _history(
        self, conn: sa.Connection, tenant: str, conversation_id: str, count: int
    ) -> list[Message]:
        rows = conn.execute(
            sa.select(messages.c.seq, messages.c.message_id, messages.c.sender,
                      messages.c.sent_at, messages.c.text)
            .where(messages.c.tenant == tenant, messages.c.conversation == conversation_id,
                   messages.c.seq < count)
            .order_by(messages.c.seq)
        )
        return [_message(r.seq, r.message_id, r.sender, r.sent_at, r.text) for r in rows]

    @staticmethod
    def _update(
        conn: sa.Connection, tenant: str, updates: list[dict[str, Any]], now: datetime,
        actor: audit.Actor, logged: list[tuple[str, dict[str, Any]]],
    ) -> None:
        params: dict[str, object] = {
            f"given_{name}": [u[f"c_{name}"] for u in updates]
            for name in ("id", "count", "level", "score", "stage", "alerted", "analysis")
        }
        params.update({
            "u_tenant": tenant, "u_now": now, "at": now, "a_tenant": actor.tenant,
            "a_actor": actor.name, "a_key": actor.key_id, "a_action": "conversation.messages",
            "entries_target": [target for target, _ in logged],
            "entries_detail": [json.dumps(d, sort_keys=True, default=str) for _, d in logged],
        })
        conn.execute(_update_and_audit(), params)

    def _queue_event(
        self, conn: sa.Connection, tenant: str, conversation_id: str, threshold: RiskLevel,
        level: RiskLevel, score: float, stage: Stage, report: AnalysisReport, count: int,
        now: datetime,
    ) -> bool:
        # The payload names tactics and message ids, never message text.
        payload = {
            "type": EVENT_KIND,
            "tenant": tenant,
            "conversation_id": conversation_id,
            "threshold": str(threshold),
            "risk": {"level": str(level), "score": round(score, 3)},
            "stage": str(stage),
            "tactics": sorted({str(f.tactic) for f in report.findings}),
            "message_count": count,
            "drivers": [f.message_id for f in report.risk.drivers],
            "crisis": report.crisis,
            "at": now.isoformat(),
        }
        done = conn.execute(
            pg_insert(outbox)
            .values(tenant=tenant, conversation=conversation_id, kind=EVENT_KIND,
                    threshold=str(threshold), payload=json.dumps(payload, sort_keys=True),
                    created=now, next_attempt=now)
            .on_conflict_do_nothing()
            .returning(outbox.c.id)
        ).first()
        if done is not None:
            conn.execute(sa.text("SELECT pg_notify('platform_outbox', '')"))
        return done is not None

    def _threshold(self, conn: sa.Connection, tenant: str) -> RiskLevel:
        # Read once per tenant and process; `unsnare platform tenant webhook --threshold`
        # takes effect in a running service within a minute.
        cached = self._thresholds.get(tenant)
        if cached is None or time.monotonic() - cached[1] > 60:
            cached = (threshold_of(conn, tenant), time.monotonic())
            self._thresholds[tenant] = cached
        return cached[0]

    @staticmethod
    def _state(row: Any, duplicates: int = 0) -> ConversationState:
        return ConversationState(
            str(row.id), int(row.message_count), str(row.risk_level), float(row.risk_score),
            str(row.stage), row.alerted, duplicates=duplicates,
        )

    def get(self, conn: sa.Connection, tenant: str, conversation_id: str) -> dict[str, Any]:
        """A conversation's state and all its findings (this tenant's only)."""
        storable(conversation_id, "conversation_id")
        row = conn.execute(
            sa.select(conversations)
            .where(conversations.c.tenant == tenant, conversations.c.id == conversation_id)
        ).first()
        if row is None:
            raise NotFoundError(f"no conversation '{conversation_id}'", field="conversation_id",
                                hint="Post its messages first.")
        found = conn.execute(
            sa.select(findings)
            .where(findings.c.tenant == tenant, findings.c.conversation == conversation_id)
            .order_by(findings.c.id)
        )
        out = self._state(row).to_dict()
        for key in ("accepted", "duplicates", "new_findings", "early_warning_queued"):
            out.pop(key)
        out["findings"] = [_public(dict(r._mapping)) for r in found]
        return out
