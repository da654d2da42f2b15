"""Discord's own data package: `messages/c<id>/messages.json` or `messages.csv`.

The package holds only the account holder's own messages; the other side of
every conversation is missing, and each conversation carries a warning that
says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlparse

from unsnare.importers.base import (
    ACCOUNT_HOLDER,
    ChatState,
    ChatStream,
    Importer,
    ImportOptions,
    MessageSource,
    read_record,
)
from unsnare.importers.csvtable import read_rows
from unsnare.importers.jsonload import load_json, stream_items, text_of
from unsnare.importers.media import media_type
from unsnare.importers.source import ExportSource
from unsnare.importers.timeparse import parse_timestamp
from unsnare.models import Attachment, Message, Source

_CHANNEL = re.compile(r"(?:^|/)messages/c?(\d+)/messages\.(json|csv)$", re.I)
ONLY_OWN = (
    "Discord's data package holds only the account holder's own messages: what the other "
    "person sent is not in it. Ask the platform or use a full export to see both sides."
)


def _channels(src: ExportSource) -> list[tuple[str, str]]:
    found = [(m.group(1), n) for n in src.names() if (m := _CHANNEL.search(n))]
    if found or src.kind != "file":
        return sorted(found)
    name = src.names()[0]
    head = src.head(name, 4096).decode("utf-8", "replace").lstrip("\ufeff \r\n")
    if head.startswith("ID,Timestamp,Contents") or (
        head.startswith("[") and '"Contents"' in head and '"Timestamp"' in head
    ):
        return [("", name)]
    return []


class DiscordPackageImporter(Importer):
    """Reads the messages in Discord's "Request all of my data" package."""

    name = "discord-package"
    platform = "discord"
    version = "1"
    description = "Discord data package messages.json / messages.csv (own messages only)"

    def sniff(self, src: ExportSource) -> float:
        """Channel folders of messages.json/csv, or one such file."""
        return 0.92 if _channels(src) else 0.0

    def read(self, src: ExportSource, options: ImportOptions) -> list[ChatStream]:
        """One stream per channel folder."""
        titles: dict[str, str] = {}
        index = [n for n in src.names() if n.lower().endswith("messages/index.json")]
        if index:
            doc = load_json(src, index[0])
            if isinstance(doc, dict):
                titles = {str(k): text_of(v) for k, v in doc.items()}
        streams = []
        for cid, member in _channels(src):
            files = src.source_files(member)
            streams.append(
                ChatStream(
                    id=f"discord-{cid or files[-1].sha256[:12]}",
                    platform=self.platform,
                    format=self.name,
                    produce=_reader(src, member, options),
                    title=titles.get(cid) or cid or None,
                    source_files=files,
                    timezone=options.zone_name,
                    timezone_assumed=False,
                )
            )
        return streams


def _reader(src: ExportSource, member: str, options: ImportOptions) -> MessageSource:
    fname = src.display_name(member)

    def produce(state: ChatState) -> Iterator[Message]:
        state.account_holder()
        state.caveat("own_messages_only", ONLY_OWN, fname)
        sha = src.sha256(member)
        if member.lower().endswith(".csv"):
            yield from read_rows(
                src, member, sha, fname, options, state, default_sender=ACCOUNT_HOLDER
            )
            return
        for i, raw in enumerate(stream_items(src, member, "item")):
            path = f"$[{i}]"
            msg = read_record(
                state, raw, fname, path, _message, options, state, Source(sha, fname, path=path)
            )
            if msg is not None:
                yield msg

    return produce


def _message(
    raw: dict[str, Any], options: ImportOptions, state: ChatState, source: Source
) -> Message:
    stamp = text_of(raw.get("Timestamp"))
    when = parse_timestamp(stamp, options.zone)
    if when is None:
        state.warn_at(source, "bad_timestamp", f"could not read the time '{stamp}'")
    atts = tuple(
        Attachment(
            file_name=PurePosixPath(urlparse(u).path).name or u,
            media_type=media_type(urlparse(u).path),
            present=False,
        )
        for u in text_of(raw.get("Attachments")).split()
    )
    return Message(
        id=text_of(raw.get("ID")) or source.path or "",
        sender=ACCOUNT_HOLDER,
        timestamp=when,
        text=text_of(raw.get("Contents")),
        source=source,
        attachments=atts,
    )
