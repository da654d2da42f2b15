"""Snapchat "My Data" `chat_history.json`, in the older and the newer layout.

Older: lists under "Received Saved Chat History", "Sent Saved Chat History"
(and unsaved variants) of {From|To, Media Type, Created, Text}. Newer: a
list per other user of {From, Media Type, Created, Content, IsSender, ...}.
Snaps that were not saved are not in the export at all; every conversation
says so.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from functools import partial
from typing import Any

from unsnare.errors import OPTION, ImportFormatError, InputError, Offer
from unsnare.importers.base import (
    ACCOUNT_HOLDER,
    RECORD_ERRORS,
    ChatState,
    ChatStream,
    Importer,
    ImportOptions,
    MessageSource,
    unreadable_record,
)
from unsnare.importers.jsonload import (
    MAX_JSON_BYTES,
    find_export_json,
    from_epoch,
    load_json,
    require_export_json,
    sniff_json_head,
    stream_members,
    text_of,
)
from unsnare.importers.media import attachment_for
from unsnare.importers.source import ExportSource
from unsnare.importers.timeparse import parse_timestamp
from unsnare.models import Attachment, ImportWarning, Message, Source

_EARLIEST = datetime.min.replace(tzinfo=UTC)
UNSAVED = (
    "Snapchat exports only chats that were saved: snaps and messages that disappeared "
    "without being saved are not in this file."
)
_OLD_KEYS = (
    "Received Saved Chat History",
    "Sent Saved Chat History",
    "Received Unsaved Chat History",
    "Sent Unsaved Chat History",
    "Received Chat History",
    "Sent Chat History",
)


class SnapchatImporter(Importer):
    """Reads Snapchat's chat_history.json."""

    name = "snapchat"
    platform = "snapchat"
    version = "1"
    description = "Snapchat My Data chat_history.json (old and new layouts)"

    def sniff(self, src: ExportSource) -> float:
        """chat_history.json with either layout's keys."""
        member = find_export_json(src, "chat_history.json")
        if member is None:
            return 0.0
        if any(sniff_json_head(src, member, k) for k in _OLD_KEYS[:2]):
            return 0.9
        if sniff_json_head(src, member, "Media Type", "Created") and (
            sniff_json_head(src, member, "IsSender") or sniff_json_head(src, member, "Content")
        ):
            return 0.9
        return 0.0

    def read(self, src: ExportSource, options: ImportOptions) -> list[ChatStream]:
        """One stream per other user."""
        member = require_export_json(
            src,
            "chat_history.json",
            hint="choose the folder or zip that holds chat_history.json, or " + OPTION,
            option="format", offer=Offer.ANOTHER,
        )
        if src.size(member) > MAX_JSON_BYTES:
            return self._read_streamed(src, member, options)
        doc = load_json(src, member)
        if not isinstance(doc, dict):
            raise ValueError("the top level is not an object")
        groups: dict[str, list[tuple[str, Any]]] = defaultdict(list)
        if any(k in doc for k in _OLD_KEYS):
            for key in _OLD_KEYS:
                for i, e in enumerate(doc.get(key) or []):
                    other = "unknown"
                    if isinstance(e, dict):
                        other = text_of(e.get("From") or e.get("To")) or "unknown"
                    groups[other].append((f"$[{key!r}][{i}]".replace("'", '"'), e))
        else:
            if not any(isinstance(v, list) for v in doc.values()):
                raise ImportFormatError(
                    "this JSON holds no chat lists",
                    file=src.display_name(member),
                    hint="choose Snapchat's chat_history.json, or " + OPTION,
                    option="format", offer=Offer.ANOTHER,
                )
            for key, entries in doc.items():
                for i, e in enumerate(entries if isinstance(entries, list) else [entries]):
                    # Odd entries go along too and become warnings with their path.
                    groups[key].append((f'$["{key}"][{i}]', e))
        sha = src.sha256(member)
        files = src.source_files(member)
        streams = []
        for other, entries in groups.items():
            title = (
                next(
                    (
                        text_of(e.get("Conversation Title"))
                        for _, e in entries
                        if isinstance(e, dict) and e.get("Conversation Title")
                    ),
                    "",
                )
                or other
            )
            streams.append(
                ChatStream(
                    id=f"snapchat-{sha[:8]}-{other}",
                    platform=self.platform,
                    format=self.name,
                    produce=_reader(src, member, sha, partial(list, entries), options),
                    title=title,
                    source_files=files,
                    timezone=options.zone_name,
                    timezone_assumed=False,
                )
            )
        return streams

    def _read_streamed(
        self, src: ExportSource, member: str, options: ImportOptions
    ) -> list[ChatStream]:
        """A file too large to parse whole: the newer layout, one contact at a time."""
        keys = []
        for key, _ in stream_members(src, member):
            if key in _OLD_KEYS:
                raise InputError(
                    f"this chat_history.json is {src.size(member) / 1024**2:.0f} MB and in "
                    "Snapchat's older layout, which Unsnare reads whole only up to "
                    f"{MAX_JSON_BYTES // 1024**2} MB",
                    file=src.display_name(member),
                    hint="download your data again for a shorter date range",
                )
            keys.append(key)
        sha = src.sha256(member)
        files = src.source_files(member)
        cursor = _Cursor(src, member)
        return [
            ChatStream(
                id=f"snapchat-{sha[:8]}-{key}",
                platform=self.platform,
                format=self.name,
                produce=_reader(src, member, sha, partial(cursor.entries, i, key), options),
                title=key,
                source_files=files,
                timezone=options.zone_name,
                timezone_assumed=False,
            )
            for i, key in enumerate(keys)
        ]


class _Cursor:
    """One pass over a huge file's contacts, shared by their streams (read in order)."""

    def __init__(self, src: ExportSource, member: str) -> None:
        self.src = src
        self.member = member
        self._members: Iterator[tuple[str, Any]] | None = None
        self._at = -1

    def entries(self, index: int, key: str) -> list[tuple[str, Any]]:
        """The (JSON path, entry) pairs of the `index`-th contact."""
        if self._members is None or self._at >= index:
            # Read out of order: start a fresh pass.
            self._members, self._at = stream_members(self.src, self.member), -1
        for _, value in self._members:
            self._at += 1
            if self._at == index:
                values = value if isinstance(value, list) else [value]
                return [(f'$["{key}"][{i}]', e) for i, e in enumerate(values)]
        return []


def _created(e: dict[str, Any], options: ImportOptions) -> datetime | None:
    micro = e.get("Created(microseconds)")
    if isinstance(micro, int | float):
        return from_epoch(micro / 1_000_000, options.zone)
    return parse_timestamp(text_of(e.get("Created")), UTC)


def _reader(
    src: ExportSource,
    member: str,
    sha: str,
    entries: Callable[[], list[tuple[str, Any]]],
    options: ImportOptions,
) -> MessageSource:
    fname = src.display_name(member)
    media_members = [n for n in src.names() if "chat_media/" in n]

    def produce(state: ChatState) -> Iterator[Message]:
        state.caveat("unsaved_snaps_missing", UNSAVED, fname)
        state.account_holder()
        rows = sorted(entries(), key=lambda pe: _sort_key(pe[1], options))
        for n, (path, e) in enumerate(rows):
            try:
                msg = _entry(src, media_members, e, n, path, sha, fname, options, state)
            except RECORD_ERRORS as exc:
                unreadable_record(state, exc, fname, path)
                continue
            yield msg

    return produce


def _sort_key(e: Any, options: ImportOptions) -> datetime:
    try:
        return _created(e, options) or _EARLIEST
    except RECORD_ERRORS:
        return _EARLIEST  # read (and reported) again when the entry itself is read


def _entry(
    src: ExportSource,
    media_members: list[str],
    e: Any,
    n: int,
    path: str,
    sha: str,
    fname: str,
    options: ImportOptions,
    state: ChatState,
) -> Message:
    if not isinstance(e, dict):
        raise TypeError("this entry is not a message object")
    if "To" in e and "From" not in e or e.get("IsSender") is True:
        sender = ACCOUNT_HOLDER
    else:
        sender = state.participant(text_of(e.get("From")) or "unknown")
    when = _created(e, options)
    if when is None:
        state.warn(
            ImportWarning("bad_timestamp", "this entry has no readable time", fname, path=path)
        )
    text = html.unescape(text_of(e.get("Content") if "Content" in e else e.get("Text")))
    kind = text_of(e.get("Media Type")).upper()
    atts: tuple[Attachment, ...] = ()
    if kind and kind not in ("TEXT", "STATUSERASEDMESSAGE"):
        ids = [i for i in text_of(e.get("Media IDs")).split(" | ") if i]
        atts = tuple(_media(src, media_members, mid, kind) for mid in ids) or (
            Attachment(file_name="", media_type=kind.lower(), present=False),
        )
    return Message(
        id=f"s{n}",
        sender=sender,
        timestamp=when,
        text=text,
        source=Source(sha, fname, path=path),
        attachments=atts,
    )


def _media(src: ExportSource, members: list[str], media_id: str, kind: str) -> Attachment:
    for m in members:
        if media_id in m:
            return attachment_for(src, m.rsplit("/", 1)[-1], m)
    return Attachment(file_name=media_id, media_type=kind.lower(), present=False)
