"""Google Hangouts from Google Takeout: `Hangouts/Hangouts.json`.

Newer files: {"conversations": [{"conversation": {"conversation": {
"participant_data": [{"id": {"gaia_id"}, "fallback_name"}], "name"?,
"self_conversation_state": {"self_read_state": {"participant_id": {"gaia_id"}}}}},
"events": [...]}]}. Older files: {"conversation_state": [{"conversation_state":
{"conversation": {...}, "event": [...]}}]}. An event: `sender_id` {gaia_id},
`timestamp` (microseconds since 1970, a string), `event_type`
("REGULAR_CHAT_MESSAGE", "HANGOUT_EVENT" for calls, "ADD_USER", ...),
`chat_message.message_content` {segment: [{type, text}], attachment:
[{embed_item: {plus_photo: {url}}}]}.
"""

from __future__ import annotations

from collections.abc import Iterator
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
    from_epoch,
    load_json,
    require_export_json,
    sniff_json_any,
    text_of,
)
from unsnare.importers.source import ExportSource
from unsnare.models import Attachment, Message, MessageKind, Source, SystemEvent

_EVENTS = {
    "HANGOUT_EVENT": SystemEvent.CALL,
    "ADD_USER": SystemEvent.GROUP_EVENT,
    "REMOVE_USER": SystemEvent.GROUP_EVENT,
    "RENAME_CONVERSATION": SystemEvent.GROUP_EVENT,
    "GROUP_LINK_SHARING_MODIFICATION": SystemEvent.GROUP_EVENT,
}


class HangoutsImporter(Importer):
    """Reads Google Hangouts conversations from Takeout's Hangouts.json."""

    name = "hangouts"
    platform = "hangouts"
    version = "1"
    description = "Google Hangouts from Google Takeout (Hangouts.json)"

    def sniff(self, src: ExportSource) -> float:
        """Hangouts.json, or JSON with its conversation and event fields."""
        member = find_export_json(src, "Hangouts.json")
        if member is None:
            return 0.0
        if sniff_json_any(src, member, ("conversation_id",), ("conversation_state",)):
            return 0.9
        return 0.0

    def read(self, src: ExportSource, options: ImportOptions) -> list[ChatStream]:
        """One stream per conversation."""
        member = require_export_json(
            src, "Hangouts.json", hint="choose Takeout's Hangouts folder or Hangouts.json"
        )
        doc = load_json(src, member)
        files = src.source_files(member)
        streams = []
        for path, conv, events in _conversations(doc):
            names = _names(conv)
            title = text_of(conv.get("name")) or ", ".join(names.values()) or None
            cid = conv.get("id", {}).get("id") if isinstance(conv.get("id"), dict) else None
            streams.append(
                ChatStream(
                    id=f"hangouts-{text_of(cid) or path}",
                    platform=self.platform,
                    format=self.name,
                    produce=_reader(src, member, path, events, names, _self_id(conv), options),
                    title=title,
                    source_files=files,
                    timezone=options.zone_name,
                    timezone_assumed=False,
                )
            )
        return streams


def _conversations(doc: Any) -> Iterator[tuple[str, dict[str, Any], list[Any]]]:
    """(JSON path of the events list, conversation record, events) for each conversation."""
    if not isinstance(doc, dict):
        raise ValueError("the top level is not an object")
    for i, item in enumerate(doc.get("conversations") or []):
        if isinstance(item, dict):
            outer = item.get("conversation") or {}
            conv = outer.get("conversation") or outer
            yield f"$.conversations[{i}].events", conv, list(item.get("events") or [])
    for i, item in enumerate(doc.get("conversation_state") or []):
        state = item.get("conversation_state") if isinstance(item, dict) else None
        if isinstance(state, dict):
            path = f"$.conversation_state[{i}].conversation_state.event"
            yield path, state.get("conversation") or {}, list(state.get("event") or [])


def _names(conv: dict[str, Any]) -> dict[str, str]:
    names = {}
    for p in conv.get("participant_data") or []:
        if isinstance(p, dict) and isinstance(p.get("id"), dict):
            gaia = text_of(p["id"].get("gaia_id"))
            if gaia:
                names[gaia] = text_of(p.get("fallback_name")) or gaia
    return names


def _self_id(conv: dict[str, Any]) -> str | None:
    try:
        return text_of(
            conv["self_conversation_state"]["self_read_state"]["participant_id"]["gaia_id"]
        )
    except (KeyError, TypeError):
        return None


def _reader(
    src: ExportSource,
    member: str,
    path: str,
    events: list[Any],
    names: dict[str, str],
    self_id: str | None,
    options: ImportOptions,
) -> MessageSource:
    fname = src.display_name(member)

    def produce(state: ChatState) -> Iterator[Message]:
        for gaia, name in names.items():
            state.participant(gaia, name, platform_id=gaia, is_owner=gaia == self_id or None)
        sha = src.sha256(member)
        rows = sorted(enumerate(events), key=lambda row: _stamp(row[1]))
        for i, raw in rows:
            where = f"{path}[{i}]"
            msg = read_record(
                state, raw, fname, where, _event, Source(sha, fname, path=where), i, state, options
            )
            if msg is not None:
                yield msg

    return produce


def _stamp(raw: Any) -> int:
    try:
        return int(raw.get("timestamp"))
    except (AttributeError, TypeError, ValueError):
        return 0  # read (and reported) with the event itself


def _event(
    raw: dict[str, Any], source: Source, i: int, state: ChatState, options: ImportOptions
) -> Message:
    sender_id = raw.get("sender_id")
    gaia = text_of(sender_id.get("gaia_id")) if isinstance(sender_id, dict) else ""
    sender = state.participant(gaia) if gaia else None
    when = None
    try:
        when = from_epoch(int(raw["timestamp"]) / 1_000_000, options.zone)
    except (KeyError, TypeError, ValueError):
        state.warn_at(source, "bad_timestamp", "this event has no readable timestamp")
    content = (raw.get("chat_message") or {}).get("message_content") or {}
    parts = [text_of(s.get("text")) for s in content.get("segment") or [] if isinstance(s, dict)]
    attachments = []
    for a in content.get("attachment") or []:
        photo = ((a or {}).get("embed_item") or {}).get("plus_photo") or {}
        url = text_of(photo.get("original_content_url") or photo.get("url"))
        attachments.append(Attachment(file_name=url, media_type="image", present=False))
    event = _EVENTS.get(text_of(raw.get("event_type")))
    return Message(
        id=f"h{i}",
        sender=sender,
        timestamp=when,
        text="".join(parts),
        source=source,
        kind=MessageKind.SYSTEM if event else MessageKind.MESSAGE,
        system_event=event,
        attachments=tuple(attachments),
    )
