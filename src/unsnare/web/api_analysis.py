"""POST /api/v1/analyze: score a conversation for a platform (JSON in, report out)."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field, model_validator

from unsnare import analysis
from unsnare.models import Conversation, Message, Participant, Source
from unsnare.web.apitoken import require_token

router = APIRouter(prefix="/api/v1", tags=["analysis"], dependencies=[Depends(require_token)])


class MessageIn(BaseModel):
    """One message as a platform sends it."""

    id: str | None = None
    sender: str = Field(min_length=1)
    text: str = ""
    timestamp: datetime | None = None


class AnalyzeRequest(BaseModel):
    """Either `text` (pasted chat or email) or `messages` (a structured conversation)."""

    text: str | None = None
    messages: list[MessageIn] | None = None
    platform: str = "api"
    conversation_id: str | None = None

    @model_validator(mode="after")
    def _one_input(self) -> AnalyzeRequest:
        if (self.text is None) == (self.messages is None):
            raise ValueError("send exactly one of 'text' or 'messages'")
        for m in self.messages or []:
            if m.timestamp is not None and m.timestamp.tzinfo is None:
                raise ValueError("timestamps must carry a zone, such as 2026-03-14T21:42:00Z")
        ids = [m.id for m in self.messages or [] if m.id is not None]
        if len(ids) != len(set(ids)):
            raise ValueError("message ids must be unique within a conversation")
        return self


def to_conversation(body: AnalyzeRequest) -> Conversation:
    """Build a Conversation from structured messages, citing each by its JSON path."""
    digest = hashlib.sha256(body.model_dump_json().encode()).hexdigest()
    senders = list(dict.fromkeys(m.sender for m in body.messages or []))
    ids = {name: f"p{i}" for i, name in enumerate(senders, start=1)}
    messages = tuple(
        Message(
            id=m.id or f"m{i}",
            sender=ids[m.sender],
            timestamp=m.timestamp,
            text=m.text,
            source=Source(file_sha256=digest, file_name="request", path=f"$.messages[{i}]"),
        )
        for i, m in enumerate(body.messages or [])
    )
    return Conversation(
        id=body.conversation_id or digest[:16],
        platform=body.platform,
        format="api",
        participants=tuple(Participant(id=ids[n], name=n) for n in senders),
        messages=messages,
    )


@router.post("/analyze")
def analyze(body: AnalyzeRequest) -> dict[str, Any]:
    """Analyse the conversation and return the report (the `unsnare analyze --json` shape)."""
    if body.text is not None:
        report: dict[str, Any] = analysis.analyze_text(body.text).to_dict()
    else:
        report = analysis.analyze(to_conversation(body)).to_dict()
    return report
