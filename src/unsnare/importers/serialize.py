"""The JSON shape of a conversation, shared by `unsnare import --json` and others."""

from __future__ import annotations

import json
from typing import Any, TextIO

from unsnare.importers.base import ChatStream
from unsnare.models import (
    Attachment,
    Conversation,
    ImportWarning,
    Message,
    Participant,
    Source,
    SourceFile,
)


def _source(s: Source) -> dict[str, Any]:
    return {"file_sha256": s.file_sha256, "file_name": s.file_name, "line": s.line, "path": s.path}


def _attachment(a: Attachment) -> dict[str, Any]:
    return {
        "file_name": a.file_name,
        "media_type": a.media_type,
        "present": a.present,
        "sha256": a.sha256,
        "size": a.size,
    }


def message_to_dict(m: Message) -> dict[str, Any]:
    """One message as a JSON-ready dict."""
    return {
        "id": m.id,
        "sender": m.sender,
        "timestamp": m.timestamp.isoformat() if m.timestamp else None,
        "text": m.text,
        "kind": m.kind.value,
        "system_event": m.system_event.value if m.system_event else None,
        "attachments": [_attachment(a) for a in m.attachments],
        "reply_to": m.reply_to,
        "quoted_text": m.quoted_text,
        "forwarded_from": m.forwarded_from,
        "edited": m.edited,
        "edited_at": m.edited_at.isoformat() if m.edited_at else None,
        "deleted": m.deleted,
        "reactions": [{"emoji": r.emoji, "actor": r.actor} for r in m.reactions],
        "source": _source(m.source),
    }


def participant_to_dict(p: Participant) -> dict[str, Any]:
    """One participant as a JSON-ready dict."""
    return {
        "id": p.id,
        "name": p.name,
        "handle": p.handle,
        "platform_id": p.platform_id,
        "is_owner": p.is_owner,
    }


def warning_to_dict(w: ImportWarning) -> dict[str, Any]:
    """One import warning as a JSON-ready dict."""
    return {
        "code": w.code,
        "message": w.message,
        "file_name": w.file_name,
        "line": w.line,
        "path": w.path,
    }


def _file(f: SourceFile) -> dict[str, Any]:
    return {"name": f.name, "sha256": f.sha256, "size": f.size}


def _header(conv: Conversation | ChatStream) -> dict[str, Any]:
    # A finished conversation and one still streaming share these header fields.
    return {
        "format": conv.format,
        "platform": conv.platform,
        "id": conv.id,
        "title": conv.title,
        "timezone": conv.timezone,
        "timezone_assumed": conv.timezone_assumed,
        "source_files": [_file(f) for f in conv.source_files],
    }


def conversation_to_dict(conv: Conversation) -> dict[str, Any]:
    """A whole conversation in the `unsnare import --json` shape."""
    out = _header(conv)
    out["date_order"] = conv.date_order
    out["participants"] = [participant_to_dict(p) for p in conv.participants]
    out["messages"] = [message_to_dict(m) for m in conv.messages]
    out["warnings"] = [warning_to_dict(w) for w in conv.warnings]
    out["notes"] = list(conv.notes)
    return out


def write_stream_json(stream: ChatStream, out: TextIO, indent: str = "") -> None:
    """Write one conversation as JSON while reading it, one message at a time.

    Participants and warnings are only known at the end, so in this streamed
    form they follow the messages; the keys are the same as
    `conversation_to_dict`.
    """
    head = _header(stream)
    out.write(indent + "{")
    for key, value in head.items():
        out.write(f"\n{indent}  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},")
    out.write(f'\n{indent}  "messages": [')
    first = True
    for m in stream.messages():
        out.write("\n" if first else ",\n")
        out.write(indent + "    " + json.dumps(message_to_dict(m), ensure_ascii=False))
        first = False
    out.write(f"\n{indent}  ]," if not first else "],")
    conv = stream.finish()
    tail = {
        "date_order": conv.date_order,
        "participants": [participant_to_dict(p) for p in conv.participants],
        "warnings": [warning_to_dict(w) for w in conv.warnings],
        "notes": list(conv.notes),
    }
    items = list(tail.items())
    for i, (key, value) in enumerate(items):
        sep = "," if i < len(items) - 1 else ""
        out.write(f"\n{indent}  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{sep}")
    out.write(f"\n{indent}}}")
