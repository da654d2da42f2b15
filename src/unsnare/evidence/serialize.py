"""Conversations to and from plain JSON-ready dicts, for sealed storage.

Written by hand (not `dataclasses.asdict`) because a 100,000-message export
must serialise in well under a second.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from unsnare.models import (
    Attachment,
    Conversation,
    ImportWarning,
    Message,
    MessageKind,
    Participant,
    Reaction,
    Source,
    SourceFile,
    SystemEvent,
)


def _dt(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _parse_dt(value: Any) -> datetime | None:
    return None if value is None else datetime.fromisoformat(str(value))


def message_to_dict(m: Message) -> dict[str, Any]:
    """One message as a dict (empty optional fields left out)."""
    out: dict[str, Any] = {
        "id": m.id,
        "sender": m.sender,
        "timestamp": _dt(m.timestamp),
        "text": m.text,
        "source": [m.source.file_sha256, m.source.file_name, m.source.line, m.source.path],
    }
    if m.kind is not MessageKind.MESSAGE:
        out["kind"] = m.kind.value
    if m.system_event is not None:
        out["system_event"] = m.system_event.value
    if m.attachments:
        out["attachments"] = [
            [a.file_name, a.media_type, a.present, a.sha256, a.size] for a in m.attachments
        ]
    for name in ("reply_to", "quoted_text", "forwarded_from"):
        if getattr(m, name) is not None:
            out[name] = getattr(m, name)
    if m.edited:
        out["edited"] = True
        out["edited_at"] = _dt(m.edited_at)
    if m.deleted:
        out["deleted"] = True
    if m.reactions:
        out["reactions"] = [[r.emoji, r.actor] for r in m.reactions]
    return out


def message_from_dict(d: dict[str, Any]) -> Message:
    """The inverse of `message_to_dict`."""
    src = d["source"]
    return Message(
        id=d["id"],
        sender=d["sender"],
        timestamp=_parse_dt(d["timestamp"]),
        text=d["text"],
        source=Source(src[0], src[1], src[2], src[3]),
        kind=MessageKind(d.get("kind", "message")),
        system_event=SystemEvent(d["system_event"]) if d.get("system_event") else None,
        attachments=tuple(Attachment(*a) for a in d.get("attachments", ())),
        reply_to=d.get("reply_to"),
        quoted_text=d.get("quoted_text"),
        forwarded_from=d.get("forwarded_from"),
        edited=bool(d.get("edited", False)),
        edited_at=_parse_dt(d.get("edited_at")),
        deleted=bool(d.get("deleted", False)),
        reactions=tuple(Reaction(r[0], r[1]) for r in d.get("reactions", ())),
    )


def conversation_to_dict(c: Conversation) -> dict[str, Any]:
    """A whole conversation as a dict."""
    return {
        "id": c.id,
        "platform": c.platform,
        "format": c.format,
        "title": c.title,
        "participants": [
            {"id": p.id, "name": p.name, "handle": p.handle, "platform_id": p.platform_id,
             "is_owner": p.is_owner}
            for p in c.participants
        ],
        "messages": [message_to_dict(m) for m in c.messages],
        "source_files": [[f.name, f.sha256, f.size] for f in c.source_files],
        "timezone": c.timezone,
        "timezone_assumed": c.timezone_assumed,
        "date_order": c.date_order,
        "warnings": [[w.code, w.message, w.file_name, w.line, w.path] for w in c.warnings],
        "notes": list(c.notes),
    }


def conversation_from_dict(d: dict[str, Any]) -> Conversation:
    """The inverse of `conversation_to_dict`."""
    return Conversation(
        id=d["id"],
        platform=d["platform"],
        format=d["format"],
        title=d.get("title"),
        participants=tuple(Participant(**p) for p in d["participants"]),
        messages=tuple(message_from_dict(m) for m in d["messages"]),
        source_files=tuple(SourceFile(*f) for f in d.get("source_files", ())),
        timezone=d.get("timezone"),
        timezone_assumed=bool(d.get("timezone_assumed", False)),
        date_order=d.get("date_order"),
        warnings=tuple(ImportWarning(*w) for w in d.get("warnings", ())),
        notes=tuple(d.get("notes", ())),
    )
