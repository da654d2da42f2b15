"""The request and answer bodies of the platform API (pydantic models at the edge)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from unsnare.hashing.banks import DEFAULT_PDQ_DISTANCE, BankKind, SignalType


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MessageIn(_Strict):
    """One message; `id` is the idempotency key (a retried message is not counted twice)."""

    id: str = Field(min_length=1, max_length=200)
    text: str = Field(max_length=20_000)
    sender: str | None = Field(default=None, max_length=200)
    sent_at: datetime | None = None


class MessagesIn(_Strict):
    """A batch of messages of one conversation, oldest first."""

    messages: list[MessageIn] = Field(min_length=1, max_length=500)


class BatchMessageIn(MessageIn):
    """One message of a batch of many conversations: the conversation's id added."""

    conversation_id: str = Field(min_length=1, max_length=200)


class BatchIn(_Strict):
    """Messages of many conversations at once (oldest first within each); every
    message's `id` is its idempotency key within its conversation."""

    messages: list[BatchMessageIn] = Field(min_length=1, max_length=1000)


class BankIn(_Strict):
    """A new bank."""

    name: str = Field(min_length=1, max_length=64)
    kind: BankKind = BankKind.BLOCKLIST
    max_distance: int = Field(default=DEFAULT_PDQ_DISTANCE, ge=0, le=256)
    description: str = Field(default="", max_length=2000)


class HashIn(_Strict):
    """One hash to add; the type is guessed from the length when not given."""

    value: str = Field(min_length=1, max_length=200)
    signal_type: SignalType | None = None
    labels: list[str] = Field(default_factory=list, max_length=50)
    source: str = Field(default="", max_length=2000)


class HashesIn(_Strict):
    """Hashes to add to a bank."""

    hashes: list[HashIn] = Field(min_length=1, max_length=10_000)


class RemoveIn(_Strict):
    """Hashes to remove from a bank."""

    signal_type: SignalType = SignalType.PDQ
    values: list[str] = Field(min_length=1, max_length=10_000)


class LookupIn(_Strict):
    """Hashes to look up: PDQ hashes (one, or several such as the 8 flips) and/or an MD5."""

    pdq: list[str] = Field(default_factory=list, max_length=8)
    md5: str | None = Field(default=None, max_length=64)
    banks: list[str] | None = Field(default=None, max_length=100)


class LookupItemIn(_Strict):
    """The hashes of one image in a batch lookup."""

    pdq: list[str] = Field(default_factory=list, max_length=8)
    md5: str | None = Field(default=None, max_length=64)


class LookupBatchIn(_Strict):
    """Many images' hashes looked up at once, against the same banks."""

    items: list[LookupItemIn] = Field(min_length=1, max_length=1000)
    banks: list[str] | None = Field(default=None, max_length=100)


class ErrorOut(BaseModel):
    """Every error: what went wrong, where, and what to try."""

    error: str
    where: str | None = None
    hint: str | None = None


Json = dict[str, Any]
