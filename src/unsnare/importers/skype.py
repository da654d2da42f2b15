"""Skype "Export files": `messages.json` (inside the .tar Skype offers, unpacked).

Top level: `userId` (the account holder, "8:live:…"), `exportDate`,
`conversations` [{`id`, `displayName`, `MessageList` [...]}]. A message:
`id`, `originalarrivaltime` (ISO-8601, UTC), `messagetype` ("RichText",
"Text", "RichText/UriObject" for pictures, "RichText/Media_Video",
"RichText/Media_GenericFile", "Event/Call", "ThreadActivity/…"), `from`,
`displayName`, `content` (HTML-like markup), `properties` {`edittime`,
`deletetime`}. MessageList holds the newest first.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from unsnare.importers.base import (
    ChatState,
    ChatStream,
    Importer,
    ImportOptions,
    MessageSource,
    read_record,
)
from unsnare.importers.jsonload import (
    find_export_json,
    load_json,
    require_export_json,
    sniff_json_any,
    text_of,
)
from unsnare.importers.source import ExportSource
from unsnare.importers.timeparse import parse_timestamp
from unsnare.models import Attachment, Message, MessageKind, Source, SystemEvent

_TAG = re.compile(r"<[^>]+>")
_ORIGINAL_NAME = re.compile(r'<OriginalName v="([^"]*)"')
_CALL = re.compile(r'<partlist type="(\w+)"')
_MEDIA = {
    "RichText/UriObject": "image",
    "RichText/Media_Video": "video",
    "RichText/Media_AudioMsg": "audio",
    "RichText/Media_GenericFile": None,
}


def _plain(content: str) -> str:
    """Skype's markup as plain text: tags dropped, entities decoded."""
    return html.unescape(_TAG.sub("", content)) if "<" in content or "&" in content else content


class SkypeImporter(Importer):
    """Reads Skype conversations from the export's messages.json."""

    name = "skype"
    platform = "skype"
    version = "1"
    description = "Skype export messages.json (from the .tar Skype offers)"

    def sniff(self, src: ExportSource) -> float:
        """messages.json with Skype's MessageList."""
        member = find_export_json(src, "messages.json")
        if member is None:
            return 0.0
        if sniff_json_any(src, member, ("conversations", "MessageList"), ("userId", "exportDate")):
            return 0.9
        return 0.0

    def read(self, src: ExportSource, options: ImportOptions) -> list[ChatStream]:
        """One stream per conversation that holds messages."""
        member = require_export_json(
            src, "messages.json", hint="unpack Skype's .tar and choose messages.json"
        )
        doc = load_json(src, member)
        if not isinstance(doc, dict) or not isinstance(doc.get("conversations"), list):
            raise ValueError("messages.json has no 'conversations' list")
        owner = text_of(doc.get("userId")) or None
        files = src.source_files(member)
        streams = []
        for i, conv in enumerate(doc["conversations"]):
            if not isinstance(conv, dict) or not conv.get("MessageList"):
                continue
            streams.append(
                ChatStream(
                    id=f"skype-{text_of(conv.get('id')) or i}",
                    platform=self.platform,
                    format=self.name,
                    produce=_reader(src, member, i, conv, owner, options),
                    title=text_of(conv.get("displayName")) or text_of(conv.get("id")) or None,
                    source_files=files,
                    timezone=options.zone_name,
                    timezone_assumed=False,
                )
            )
        return streams


def _reader(
    src: ExportSource,
    member: str,
    index: int,
    conv: dict[str, Any],
    owner: str | None,
    options: ImportOptions,
) -> MessageSource:
    fname = src.display_name(member)

    def produce(state: ChatState) -> Iterator[Message]:
        if owner:
            # The owner's display name is only on their own messages.
            name = next(
                (
                    text_of(m.get("displayName"))
                    for m in conv.get("MessageList") or []
                    if isinstance(m, dict) and m.get("from") == owner and m.get("displayName")
                ),
                None,
            )
            state.participant(owner, name, handle=owner.split(":", 1)[-1], is_owner=True)
        sha = src.sha256(member)
        msgs = conv.get("MessageList") or []
        rows = sorted(enumerate(msgs), key=lambda row: _arrival(row[1]))
        for i, raw in rows:
            path = f"$.conversations[{index}].MessageList[{i}]"
            source = Source(sha, fname, path=path)
            msg = read_record(state, raw, fname, path, _message, source, i, state, options)
            if msg is not None:
                yield msg

    return produce


def _arrival(raw: Any) -> str:
    # ISO-8601 in UTC with a fixed layout: text order is time order.
    return text_of(raw.get("originalarrivaltime")) if isinstance(raw, dict) else ""


def _message(
    raw: dict[str, Any], source: Source, i: int, state: ChatState, options: ImportOptions
) -> Message:
    author = text_of(raw.get("from")) or None
    sender = None
    if author:
        name = text_of(raw.get("displayName")) or author.split(":", 1)[-1]
        sender = state.participant(author, name, handle=author.split(":", 1)[-1])
    when: datetime | None = parse_timestamp(text_of(raw.get("originalarrivaltime")), options.zone)
    if when is None:
        state.warn_at(source, "bad_timestamp", "this message has no readable originalarrivaltime")
    else:
        when = when.astimezone(options.zone)
    mtype = text_of(raw.get("messagetype"))
    content = text_of(raw.get("content"))
    found = raw.get("properties")
    props: dict[str, Any] = found if isinstance(found, dict) else {}
    attachments: tuple[Attachment, ...] = ()
    kind, event = MessageKind.MESSAGE, None
    if mtype in _MEDIA:
        names = _ORIGINAL_NAME.findall(content)
        attachments = (Attachment(file_name=names[0] if names else "", media_type=_MEDIA[mtype]),)
        text = ""
    else:
        text = _plain(content)
    if mtype.startswith("Event/Call"):
        kind, event = MessageKind.SYSTEM, SystemEvent.CALL
        call = _CALL.search(content)
        text = f"{call.group(1)} call" if call else "call"
    elif mtype.startswith("ThreadActivity/"):
        kind, event = MessageKind.SYSTEM, SystemEvent.GROUP_EVENT
    deleted = bool(props.get("deletetime")) or (not content and mtype in ("RichText", "Text"))
    if deleted:
        kind, event = MessageKind.SYSTEM, SystemEvent.DELETED
    return Message(
        id=f"k{i}",
        sender=sender,
        timestamp=when,
        text=text,
        source=source,
        kind=kind,
        system_event=event,
        attachments=attachments,
        edited=bool(props.get("edittime")) or "<e_m " in content,
        deleted=deleted,
    )
