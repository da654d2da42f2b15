"""The compact form a case stores a conversation in (sealed, as JSON).

One list per message, sources interned, optional fields left out: a case
keeps every message of every export, so this form is small and fast. It is
not the shape people and programs read: that is `unsnare import --json`
(`unsnare.importers.serialize.conversation_to_dict`). The two are kept apart
on purpose; a stored case must stay readable whatever the public shape becomes.

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


def pack_message(m: Message) -> dict[str, Any]:
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


def unpack_message(d: dict[str, Any]) -> Message:
    """The inverse of `pack_message`."""
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


_MESSAGE = MessageKind.MESSAGE


def _plain(m: Message) -> bool:
    return (
        m.kind is _MESSAGE and not m.attachments and m.reply_to is None
        and m.quoted_text is None and m.forwarded_from is None and not m.edited
        and not m.deleted and not m.reactions and m.system_event is None
    )


def pack_conversation(c: Conversation) -> dict[str, Any]:
    """A whole conversation as a compact dict: one list per message, sources interned.

    Rows are ``[id, sender, timestamp, text, source_index, line, path, extras]``
    where `extras` holds only the fields that differ from a plain message.
    """
    sources: dict[tuple[str, str], int] = {}
    rows: list[list[Any]] = []
    append = rows.append
    for m in c.messages:
        src = m.source
        key = (src.file_sha256, src.file_name)
        index = sources.get(key)
        if index is None:
            index = sources[key] = len(sources)
        ts = m.timestamp
        extras = None
        if not _plain(m):
            extras = pack_message(m)
            for name in ("id", "sender", "timestamp", "text", "source"):
                extras.pop(name)
        append([m.id, m.sender, None if ts is None else ts.isoformat(), m.text, index,
                src.line, src.path, extras])
    return {
        "version": 2,
        "id": c.id,
        "platform": c.platform,
        "format": c.format,
        "title": c.title,
        "participants": [
            {"id": p.id, "name": p.name, "handle": p.handle, "platform_id": p.platform_id,
             "is_owner": p.is_owner}
            for p in c.participants
        ],
        "sources": [list(k) for k in sources],
        "rows": rows,
        "source_files": [[f.name, f.sha256, f.size] for f in c.source_files],
        "timezone": c.timezone,
        "timezone_assumed": c.timezone_assumed,
        "date_order": c.date_order,
        "warnings": [[w.code, w.message, w.file_name, w.line, w.path] for w in c.warnings],
        "notes": list(c.notes),
    }


def expand_messages(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The stored rows as message dicts (the `pack_message` shape)."""
    sources = data["sources"]
    out: list[dict[str, Any]] = []
    for mid, sender, ts, text, index, line, path, extras in data["rows"]:
        sha, name = sources[index]
        d = {"id": mid, "sender": sender, "timestamp": ts, "text": text,
             "source": [sha, name, line, path]}
        if extras:
            d.update(extras)
        out.append(d)
    return out


def unpack_conversation(d: dict[str, Any]) -> Conversation:
    """The inverse of `pack_conversation`."""
    messages = d["messages"] if "messages" in d else expand_messages(d)
    return Conversation(
        id=d["id"],
        platform=d["platform"],
        format=d["format"],
        title=d.get("title"),
        participants=tuple(Participant(**p) for p in d["participants"]),
        messages=tuple(unpack_message(m) for m in messages),
        source_files=tuple(SourceFile(*f) for f in d.get("source_files", ())),
        timezone=d.get("timezone"),
        timezone_assumed=bool(d.get("timezone_assumed", False)),
        date_order=d.get("date_order"),
        warnings=tuple(ImportWarning(*w) for w in d.get("warnings", ())),
        notes=tuple(d.get("notes", ())),
    )
