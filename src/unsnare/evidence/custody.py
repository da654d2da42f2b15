"""The chain of custody: an append-only log in which each entry commits to the
hash of the one before, so any edit, deletion or reordering shows.

Entries record who did what to which item, and when (ISO 8601 with the UTC
offset and the zone name). The hash covers the canonical JSON of every field
except the hash itself.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

GENESIS = "0" * 64


class Action(StrEnum):
    """What a custody entry records."""

    CREATE = "create"
    ADD = "add"
    VIEW = "view"
    ANNOTATE = "annotate"
    EXPORT = "export"
    VERIFY = "verify"


def canonical_json(obj: Any) -> bytes:
    """Stable JSON bytes for hashing: sorted keys, no spaces, UTF-8."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def timestamp(now: datetime) -> str:
    """An ISO 8601 time with its UTC offset (naive times are refused)."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("custody times must be timezone-aware")
    return now.isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class CustodyEntry:
    """One action on the evidence, chained to the entry before it."""

    seq: int
    action: str
    at: str
    zone: str
    actor: str
    subject: str | None
    details: Mapping[str, Any] = field(default_factory=dict)
    prev_hash: str = GENESIS
    hash: str = ""

    def body(self) -> dict[str, Any]:
        """Every field except the hash: what the hash commits to."""
        return {
            "seq": self.seq,
            "action": self.action,
            "at": self.at,
            "zone": self.zone,
            "actor": self.actor,
            "subject": self.subject,
            "details": dict(self.details),
            "prev_hash": self.prev_hash,
        }

    def computed_hash(self) -> str:
        """SHA-256 of the canonical body."""
        return hashlib.sha256(canonical_json(self.body())).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        """The entry as JSON-ready data."""
        return {**self.body(), "hash": self.hash}

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> CustodyEntry:
        """Read an entry back from its JSON form."""
        return cls(
            seq=int(raw["seq"]),
            action=str(raw["action"]),
            at=str(raw["at"]),
            zone=str(raw.get("zone", "")),
            actor=str(raw["actor"]),
            subject=None if raw.get("subject") is None else str(raw["subject"]),
            details=dict(raw.get("details") or {}),
            prev_hash=str(raw["prev_hash"]),
            hash=str(raw["hash"]),
        )


def next_entry(
    prev: CustodyEntry | None,
    *,
    action: Action | str,
    actor: str,
    now: datetime,
    subject: str | None = None,
    details: Mapping[str, Any] | None = None,
) -> CustodyEntry:
    """The entry that follows `prev` (or starts the log), with its hash filled in."""
    draft = CustodyEntry(
        seq=1 if prev is None else prev.seq + 1,
        action=str(action),
        at=timestamp(now),
        zone=now.tzname() or "",
        actor=actor,
        subject=subject,
        details=dict(details or {}),
        prev_hash=GENESIS if prev is None else prev.hash,
    )
    return CustodyEntry(**{**draft.body(), "hash": draft.computed_hash()})


def check_chain(
    entries: Sequence[CustodyEntry | None],
    *,
    head_seq: int | None = None,
    head_hash: str | None = None,
) -> list[str]:
    """Every problem in a stored log, in words; empty when the chain is whole.

    `entries` is the log in stored order; None marks an entry that could not
    be read. `head_seq`/`head_hash` are the last entry as separately recorded,
    which reveals entries cut from the end.
    """
    problems: list[str] = []
    readable: list[CustodyEntry] = []
    for position, entry in enumerate(entries, start=1):
        if entry is None:
            problems.append(
                f"custody entry at position {position} cannot be read: it was corrupted "
                "or edited outside Unsnare"
            )
        else:
            readable.append(entry)
    by_seq: dict[int, CustodyEntry] = {}
    for entry in readable:
        if entry.seq in by_seq:
            problems.append(f"custody entry #{entry.seq} appears twice")
        by_seq[entry.seq] = entry
        if entry.computed_hash() != entry.hash:
            problems.append(
                f"custody entry #{entry.seq} ({entry.action}) was edited: its contents "
                "no longer match its recorded hash"
            )
    seqs = [e.seq for e in readable]
    for earlier, later in zip(seqs, seqs[1:], strict=False):
        if later < earlier:
            problems.append(
                f"custody entries were reordered: #{earlier} is stored before #{later}"
            )
    top = max([*seqs, head_seq or 0], default=0)
    unreadable = sum(1 for e in entries if e is None)
    missing = [s for s in range(1, top + 1) if s not in by_seq]
    if len(missing) > unreadable:
        for s in missing:
            problems.append(f"custody entry #{s} is missing: it was deleted")
    for seq, entry in sorted(by_seq.items()):
        expected = GENESIS if seq == 1 else (by_seq[seq - 1].hash if seq - 1 in by_seq else None)
        if expected is not None and entry.prev_hash != expected:
            problems.append(
                f"custody entry #{seq} does not follow entry #{seq - 1}: the chain is broken "
                "(an entry was edited, replaced or inserted)"
            )
    if (
        head_hash is not None
        and head_seq is not None
        and head_seq in by_seq
        and by_seq[head_seq].hash != head_hash
    ):
        problems.append(f"custody entry #{head_seq} differs from the recorded latest entry")
    if head_seq is not None and seqs and max(seqs) > head_seq:
        problems.append(f"custody entries after #{head_seq} were added outside Unsnare")
    return problems
