"""DiscordChatExporter JSON (one channel per file; media optional beside it)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote, urlparse

from unsnare.errors import OPTION, ImportFormatError, Offer
from unsnare.importers.base import (
    ChatState,
    ChatStream,
    Importer,
    ImportOptions,
    MessageSource,
    reactions_of,
    read_record,
)
from unsnare.importers.jsonload import read_header, sniff_json_head, stream_items, text_of
from unsnare.importers.media import attachment_for
from unsnare.importers.source import ExportSource
from unsnare.models import Message, MessageKind, Source, SystemEvent

_FRACTION = re.compile(r"^(.*?\.)(\d+)(.*)$")
_ORDINARY = {"Default", "Reply", "ThreadStarterMessage", "ChatInputCommand", "ContextMenuCommand"}
_EVENTS = {
    "Call": SystemEvent.CALL,
    "RecipientAdd": SystemEvent.GROUP_EVENT,
    "RecipientRemove": SystemEvent.GROUP_EVENT,
    "GuildMemberJoin": SystemEvent.GROUP_EVENT,
    "ChannelNameChange": SystemEvent.GROUP_EVENT,
    "ChannelIconChange": SystemEvent.GROUP_EVENT,
    "ThreadCreated": SystemEvent.GROUP_EVENT,
}


def _exports(src: ExportSource) -> list[str]:
    return [
        n
        for n in src.names()
        if n.lower().endswith(".json") and sniff_json_head(src, n, "guild", "channel", "messages")
    ]


def parse_iso(value: object) -> datetime | None:
    """An ISO-8601 timestamp with offset (DiscordChatExporter writes 7 fraction digits)."""
    if not isinstance(value, str) or not value:
        return None
    v = value.replace("Z", "+00:00")
    m = _FRACTION.match(v)
    if m:  # Python reads at most 6 fraction digits
        v = f"{m[1]}{m[2][:6].ljust(6, '0')}{m[3]}"
    try:
        return datetime.fromisoformat(v)
    except ValueError:
        return None


class DiscordExporterImporter(Importer):
    """Reads JSON written by DiscordChatExporter."""

    name = "discord"
    platform = "discord"
    version = "1"
    description = "DiscordChatExporter JSON"

    def sniff(self, src: ExportSource) -> float:
        """A JSON file with `guild`, `channel` and `messages`."""
        if len(src.names()) > 5000:
            return 0.0
        return 0.9 if _exports(src) else 0.0

    def read(self, src: ExportSource, options: ImportOptions) -> list[ChatStream]:
        """One stream per exported channel file."""
        streams = []
        for member in _exports(src):
            files = src.source_files(member)
            streams.append(
                ChatStream(
                    id=f"discord-{files[-1].sha256[:12]}",
                    platform=self.platform,
                    format=self.name,
                    produce=_reader(src, member),
                    title=None,
                    source_files=files,
                    timezone=options.zone_name,
                    timezone_assumed=False,
                )
            )
        return streams


def _reader(src: ExportSource, member: str) -> MessageSource:
    fname = src.display_name(member)
    folder = str(PurePosixPath(member).parent)

    def produce(state: ChatState) -> Iterator[Message]:
        # The header comes before the messages, which are streamed one by one.
        doc, hit = read_header(src, member, ("messages",))
        if not hit:
            raise ImportFormatError(
                "this JSON has no 'messages' list",
                file=fname,
                hint="choose a JSON file written by DiscordChatExporter, or " + OPTION,
                option="format", offer=Offer.ANOTHER,
            )
        sha = src.sha256(member)
        channel = doc.get("channel") or {}
        guild = doc.get("guild") or {}
        state.notes.append(
            f"Channel: {text_of(channel.get('name'))} "
            f"({text_of(channel.get('type'))}) in {text_of(guild.get('name'))}"
        )
        for i, raw in enumerate(stream_items(src, member, "messages.item")):
            path = f"$.messages[{i}]"
            msg = read_record(
                state, raw, fname, path, _message, src, folder, state, Source(sha, fname, path=path)
            )
            if msg is not None:
                yield msg

    return produce


def _message(
    raw: dict[str, Any], src: ExportSource, folder: str, state: ChatState, source: Source
) -> Message:
    author = raw.get("author") or {}
    sender = None
    if author:
        aid = text_of(author.get("id")) or text_of(author.get("name"))
        disc = text_of(author.get("discriminator"))
        handle = text_of(author.get("name")) + (f"#{disc}" if disc and disc != "0000" else "")
        sender = state.participant(
            aid,
            text_of(author.get("nickname")) or text_of(author.get("name")) or aid,
            handle=handle or None,
            platform_id=text_of(author.get("id")) or None,
        )
    when = parse_iso(raw.get("timestamp"))
    if when is None:
        state.warn_at(source, "bad_timestamp", "this message has no readable timestamp")
    edited_at = parse_iso(raw.get("timestampEdited"))
    mtype = text_of(raw.get("type")) or "Default"
    kind, event = MessageKind.MESSAGE, None
    if mtype not in _ORDINARY:
        kind, event = MessageKind.SYSTEM, _EVENTS.get(mtype, SystemEvent.OTHER)
    atts = []
    for a in raw.get("attachments") or []:
        url = text_of(a.get("url"))
        name = text_of(a.get("fileName")) or PurePosixPath(urlparse(url).path).name
        local = None
        if url and "://" not in url:
            rel = unquote(url).replace("\\", "/")
            local = rel if folder in ("", ".") else f"{folder}/{rel}"
        atts.append(attachment_for(src, name, local))
    for s in raw.get("stickers") or []:
        atts.append(attachment_for(src, text_of(s.get("name")) or "sticker", None, "sticker"))
    reactions = []
    for r in raw.get("reactions") or []:
        emoji = text_of((r.get("emoji") or {}).get("name"))
        names = [text_of(u.get("name")) for u in r.get("users") or []]
        reactions += reactions_of(emoji, names, r.get("count"))
    ref = raw.get("reference") or {}
    text = text_of(raw.get("content"))
    for e in raw.get("embeds") or []:
        link = text_of(e.get("url"))
        if link and link not in text:
            text = (text + "\n" if text else "") + link
    return Message(
        id=text_of(raw.get("id")) or source.path or "",
        sender=sender,
        timestamp=when,
        text=text,
        source=source,
        kind=kind,
        system_event=event,
        attachments=tuple(atts),
        reply_to=text_of(ref.get("messageId")) or None if isinstance(ref, dict) else None,
        edited=edited_at is not None,
        edited_at=edited_at,
        reactions=tuple(reactions),
    )
