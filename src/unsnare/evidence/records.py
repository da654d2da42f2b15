"""The values a case holds, as frozen dataclasses built from sealed records."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

T = TypeVar("T")


class ItemKind(StrEnum):
    """What kind of thing an intake was."""

    EXPORT = "export"
    SCREENSHOT = "screenshot"
    IMAGE = "image"
    VIDEO = "video"
    FILE = "file"
    MEMBER = "member"


class IntakeKind(StrEnum):
    """What the person adding a file says it is ("auto": let Unsnare tell)."""

    AUTO = "auto"
    EXPORT = "export"
    SCREENSHOT = "screenshot"
    IMAGE = "image"
    FILE = "file"


class EventKind(StrEnum):
    """What happened, on the case timeline."""

    MESSAGE = "message"
    THREAT = "threat"
    DEMAND = "demand"
    PAYMENT = "payment"
    REPORT = "report"
    BLOCK = "block"
    FINDING = "finding"
    OTHER = "other"


def build(cls: type[T], record: dict[str, Any]) -> T:
    """A dataclass from a record, ignoring keys it does not know; lists become tuples."""
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    values = {k: (tuple(v) if isinstance(v, list) else v) for k, v in record.items() if k in names}
    return cls(**values)


@dataclass(frozen=True)
class Item:
    """One intake: a file as received, with its hashes and where it came from."""

    id: str
    kind: str
    name: str
    sha256: str
    md5: str
    size: int
    source: str
    added_by: str
    added_at: str
    stored: bool
    media_type: str | None = None
    withheld_reason: str | None = None
    pdq: str | None = None
    pdq_quality: int | None = None
    parent: str | None = None
    conversation_ids: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class StoredConversation:
    """A parsed conversation (from an export or a screenshot), linked to its item."""

    id: str
    item_id: str
    derived_from: str
    platform: str
    format: str
    title: str | None
    participants: tuple[dict[str, Any], ...]
    message_count: int
    first_at: str | None
    last_at: str | None
    timezone: str | None
    timezone_assumed: bool
    analysis: str | None = None
    # True when the person adding the export named the zone (the export did not).
    timezone_given: bool = False
    analysis_note: str | None = None
    risk: dict[str, Any] | None = None
    scheme: str | None = None
    stage: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Note:
    """A note someone wrote on the case (or Unsnare wrote, saying why)."""

    id: str
    text: str
    author: str
    at: str
    about: str | None = None


@dataclass(frozen=True)
class Identifier:
    """An offender identifier and every place it was seen."""

    kind: str
    value: str
    normalized: str
    platform: str | None
    seen: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class TimelineEvent:
    """One dated thing on the case timeline."""

    kind: str
    at: datetime | None
    text: str
    quote: str | None = None
    tactic: str | None = None
    platform: str | None = None
    reference: str | None = None
    amount: str | None = None
    currency: str | None = None
    counterpart: str | None = None
    sender: str | None = None
    item_id: str | None = None
    conversation_id: str | None = None
    message_id: str | None = None
    cite: str | None = None
    recorded_by: str | None = None
    # Where the time's zone came from when the file did not state it:
    # "given" (named by the person adding it) or "assumed" (nobody said).
    zone_source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["at"] = None if self.at is None else self.at.isoformat()
        return out
