"""The JSON shape of a conversation, shared by `unsnare import --json` and others."""

from __future__ import annotations

import codecs
import contextlib
import io
import json
import os
import sys
from collections.abc import Callable
from datetime import UTC, tzinfo
from json.encoder import encode_basestring
from types import ModuleType
from typing import Any, BinaryIO, TextIO, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from unsnare.fastmodel import slot_descriptors
from unsnare.importers.base import ChatStream
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


def _reaction(r: Reaction) -> dict[str, str | None]:
    return {"emoji": r.emoji, "actor": r.actor}


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
        "reactions": [_reaction(r) for r in m.reactions],
        "source": _source(m.source),
    }


# The encoder json.dumps(..., ensure_ascii=False) makes on each call, made once.
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def _v(value: Any) -> str:
    """One value as `json.dumps(..., ensure_ascii=False)` writes it inside an object."""
    if value is None:
        return "null"
    if type(value) is str:
        return encode_basestring(value)  # the same C escaper json.dumps uses
    if type(value) is int:
        return int.__repr__(value)
    return _ENCODER.encode(value)


def _flag(value: Any) -> str:
    return "true" if value is True else "false" if value is False else _v(value)


def message_json(m: Message) -> str:
    """`json.dumps(message_to_dict(m), ensure_ascii=False)`, the same text built directly.

    Measured: 3x faster than the dict and `json.dumps`, which was half of
    `unsnare import --json` on a big export. tests/importers/test_serialize.py
    checks the two agree.
    """
    enc = encode_basestring
    try:
        ts, s = m.timestamp, m.source
        # Text fields are almost always plain strings: escaped directly; a value
        # of another type (a buggy importer) makes enc() raise and takes the slow road.
        head = (
            f'{{"id": {enc(m.id)}, "sender": '
            f'{"null" if m.sender is None else enc(m.sender)}, '
            f'"timestamp": {enc(ts.isoformat()) if ts else "null"}, "text": {enc(m.text)}, '
            f'"kind": {enc(m.kind.value)}, '
        )
        tail = (
            f'"source": {{"file_sha256": {enc(s.file_sha256)}, "file_name": {enc(s.file_name)}, '
            f'"line": {_v(s.line)}, "path": {"null" if s.path is None else enc(s.path)}}}}}'
        )
    except TypeError:
        return _ENCODER.encode(message_to_dict(m))
    ev, ed = m.system_event, m.edited_at
    atts = "[]" if not m.attachments else _ENCODER.encode([_attachment(a) for a in m.attachments])
    reactions = "[]" if not m.reactions else _ENCODER.encode([_reaction(r) for r in m.reactions])
    return (
        f'{head}"system_event": {_v(ev.value if ev else None)}, '
        f'"attachments": {atts}, "reply_to": {_v(m.reply_to)}, '
        f'"quoted_text": {_v(m.quoted_text)}, "forwarded_from": {_v(m.forwarded_from)}, '
        f'"edited": {_flag(m.edited)}, "edited_at": {_v(ed.isoformat() if ed else None)}, '
        f'"deleted": {_flag(m.deleted)}, "reactions": {reactions}, {tail}'
    )


_fastread: ModuleType | None
try:  # message_json for a whole batch in C (setup.py builds it; optional)
    from unsnare import _fastread
except ImportError:  # installed without a C compiler: message_json one by one
    _fastread = None
# Tests turn this off to compare the two paths.
USE_COMPILED = True


def _batch_writer(
    pad: str, as_bytes: bool = False
) -> Callable[[list[Message], str], str | bytes]:
    """A function giving the text of a batch of messages: each after `sep` (",\n"
    after the first) and `pad`, as `message_json` writes it. With `as_bytes`
    (and the C writer) that text may come encoded in UTF-8."""
    message, source = slot_descriptors(Message), slot_descriptors(Source)
    attachment = slot_descriptors(Attachment)
    fast = _fastread if USE_COMPILED else None
    if fast is None or None in (message, source, attachment):

        def plain(batch: list[Message], sep: str) -> str:
            return "".join(
                (sep if i == 0 else ",\n") + pad + message_json(m) for i, m in enumerate(batch)
            )

        return plain
    # The C writer covers plain messages and asks message_json for the others;
    # the list keeps the last timestamp's isoformat() between batches.
    # Enum members with their values (an enum's .value is a Python property).
    enums = tuple((e, e.value) for e in (*MessageKind, *SystemEvent))
    ctx = (Message, message, Source, source, message_json, [None, None], enums, Attachment,
           attachment, _utc_zones())

    def compiled(batch: list[Message], sep: str) -> str | bytes:
        data = fast.messages_json(ctx, batch, sep, ",\n", pad, as_bytes)
        if data is None:  # a lone surrogate: not UTF-8, written as text
            data = fast.messages_json(ctx, batch, sep, ",\n", pad, False)
        return cast(str | bytes, data)

    return compiled


def _utc_zones() -> tuple[tzinfo, ...]:
    """Zones whose offset is zero at every instant (UTC is fixed by definition), so
    the C writer formats their times itself; isoformat() is asked for the others."""
    zones: list[tzinfo] = [UTC]
    for key in ("UTC", "Etc/UTC"):
        with contextlib.suppress(ZoneInfoNotFoundError, ValueError):
            zones.append(ZoneInfo(key))  # cached: the very object importers get
    return tuple(zones)


def _utf8_bytes(out: TextIO) -> BinaryIO | None:
    """The byte stream under `out` when text written to `out` reaches it as plain
    UTF-8: the standard output on POSIX (no newline translation), in UTF-8."""
    if os.linesep != "\n" or out is not sys.stdout or type(out) is not io.TextIOWrapper:
        return None
    if codecs.lookup(out.encoding).name != "utf-8":
        return None
    return cast(BinaryIO, out.buffer)


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
    pad, sep = indent + "    ", "\n"
    raw = _utf8_bytes(out)
    encode = _batch_writer(pad, as_bytes=raw is not None)

    def write(data: str | bytes) -> None:
        if isinstance(data, bytes):
            assert raw is not None
            out.flush()  # what was written as text goes first
            raw.write(data)
        else:
            out.write(data)

    # Written a few hundred messages at a time: one write per message cost more
    # than the encoding. What was read is written even if reading then fails.
    batch: list[Message] = []
    try:
        for m in stream.messages():
            batch.append(m)
            if len(batch) >= 512:
                write(encode(batch, sep))
                sep = ",\n"
                batch.clear()
    finally:
        if batch:
            write(encode(batch, sep))
            sep = ",\n"
    out.write(f"\n{indent}  ]," if sep != "\n" else "],")
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
