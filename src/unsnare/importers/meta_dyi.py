"""Shared reader for Meta's "Download your information" JSON (Instagram and Messenger).

Each thread is a folder holding ``message_1.json``, ``message_2.json``, ...;
file 1 holds the newest messages and each file lists newest first, so the
files are read from the highest number down and each list backwards, giving
oldest-first order. Texts are UTF-8 bytes written as Latin-1 code points
("mojibake"); `repair_mojibake` undoes that only where it round-trips.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any

from unsnare.importers.base import (
    ChatState,
    ChatStream,
    ImportOptions,
    MessageSource,
    read_record,
)
from unsnare.importers.jsonload import from_epoch, load_json, sniff_json_head, text_of
from unsnare.importers.media import attachment_for
from unsnare.importers.source import ExportSource
from unsnare.models import (
    Attachment,
    ImportWarning,
    Message,
    MessageKind,
    Reaction,
    Source,
    SystemEvent,
)

_PART = re.compile(r"(?:^|/)message_(\d+)\.json$")
_MEDIA_KEYS = (
    ("photos", "image"),
    ("videos", "video"),
    ("audio_files", "audio"),
    ("gifs", "image/gif"),
    ("files", None),
)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-Latin-1; leave text alone when that does not round-trip."""
    if text.isascii():
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def thread_files(src: ExportSource) -> dict[str, list[tuple[int, str]]]:
    """message_N.json members grouped by thread folder, highest N first."""
    threads: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for name in src.names():
        m = _PART.search(name)
        if m:
            threads[str(PurePosixPath(name).parent)].append((int(m.group(1)), name))
    for parts in threads.values():
        parts.sort(reverse=True)
    return dict(sorted(threads.items()))


def sniff_meta(src: ExportSource) -> bool:
    """Whether the export holds at least one Meta message_N.json thread file."""
    for parts in thread_files(src).values():
        return sniff_json_head(src, parts[0][1], "participants", "messages")
    return False


def has_instagram_marks(src: ExportSource) -> bool:
    """Instagram exports say so in their folder or file names."""
    return "instagram" in src.label.lower() or any(
        "instagram" in n.lower() for n in src.names()[:2000]
    )


class _MediaIndex:
    """Find a media file named by a URI relative to some export root."""

    def __init__(self, src: ExportSource) -> None:
        self.src = src
        self.by_base: dict[str, list[str]] = defaultdict(list)
        for n in src.names():
            self.by_base[PurePosixPath(n).name].append(n)

    def member(self, uri: str) -> str | None:
        for cand in self.by_base.get(PurePosixPath(uri).name, []):
            if cand == uri or cand.endswith("/" + uri) or uri.endswith("/" + cand):
                return cand
        return None


def read_meta(
    src: ExportSource,
    options: ImportOptions,
    platform: str,
    fmt: str,
) -> list[ChatStream]:
    """One stream per thread folder in a Meta DYI export."""
    media = _MediaIndex(src)
    streams = []
    for folder, parts in thread_files(src).items():
        files = src.source_files(*(name for _, name in parts))
        streams.append(
            ChatStream(
                id=f"{platform}-{files[-1].sha256[:12]}",
                platform=platform,
                format=fmt,
                produce=_thread_reader(src, parts, options, media),
                title=PurePosixPath(folder).name or None,
                source_files=files,
                timezone=options.zone_name,
                timezone_assumed=False,
            )
        )
    return streams


def _thread_reader(
    src: ExportSource, parts: list[tuple[int, str]], options: ImportOptions, media: _MediaIndex
) -> MessageSource:
    def produce(state: ChatState) -> Iterator[Message]:
        title_set = False
        for _, name in parts:
            doc = load_json(src, name)
            fname = src.display_name(name)
            sha = src.sha256(name)
            if not isinstance(doc, dict) or not isinstance(doc.get("messages"), list):
                state.warn(
                    ImportWarning(
                        "not_a_thread", "this file has no 'messages' list", fname, path="$"
                    )
                )
                continue
            for p in doc.get("participants") or []:
                pname = repair_mojibake(text_of(p.get("name") if isinstance(p, dict) else p))
                if pname:
                    state.participant(pname)
            if not title_set and doc.get("title"):
                state.notes.append("Thread title: " + repair_mojibake(text_of(doc["title"])))
                title_set = True
            msgs = doc["messages"]
            for i in range(len(msgs) - 1, -1, -1):
                path = f"$.messages[{i}]"
                msg = read_record(
                    state,
                    msgs[i],
                    fname,
                    path,
                    _message,
                    src,
                    media,
                    options,
                    state,
                    Source(file_sha256=sha, file_name=fname, path=path),
                    f"{PurePosixPath(name).stem}:{i}",
                )
                if msg is not None:
                    yield msg

    return produce


def _message(
    raw: dict[str, Any],
    src: ExportSource,
    media: _MediaIndex,
    options: ImportOptions,
    state: ChatState,
    source: Source,
    mid: str,
) -> Message:
    sender = repair_mojibake(text_of(raw.get("sender_name"))) or None
    if sender:
        state.participant(sender)
    when = None
    if isinstance(raw.get("timestamp_ms"), int | float):
        when = from_epoch(raw["timestamp_ms"] / 1000, options.zone)
    else:
        state.warn_at(source, "no_timestamp", "this message has no timestamp_ms")
    text = repair_mojibake(text_of(raw.get("content")))
    share = raw.get("share")
    if isinstance(share, dict) and share.get("link") and share["link"] not in text:
        text = (text + "\n" if text else "") + text_of(share["link"])
    attachments: list[Attachment] = []
    for key, kind in _MEDIA_KEYS:
        for item in raw.get(key) or []:
            uri = text_of(item.get("uri")) if isinstance(item, dict) else text_of(item)
            name = PurePosixPath(uri).name
            att = attachment_for(src, name, media.member(uri))
            if att.media_type is None and kind:
                att = Attachment(att.file_name, kind, att.present, att.sha256, att.size)
            attachments.append(att)
    sticker = raw.get("sticker")
    if isinstance(sticker, dict) and sticker.get("uri"):
        uri = text_of(sticker["uri"])
        attachments.append(
            attachment_for(src, PurePosixPath(uri).name, media.member(uri), "sticker")
        )
    reactions = tuple(
        Reaction(
            emoji=repair_mojibake(text_of(r.get("reaction"))),
            actor=repair_mojibake(text_of(r.get("actor"))) or None,
        )
        for r in raw.get("reactions") or []
        if isinstance(r, dict)
    )
    kind, event, deleted = MessageKind.MESSAGE, None, False
    mtype = raw.get("type")
    if raw.get("is_unsent"):
        kind, event, deleted = MessageKind.SYSTEM, SystemEvent.DELETED, True
    elif mtype == "Call":
        kind, event = MessageKind.SYSTEM, SystemEvent.CALL
    elif mtype in ("Subscribe", "Unsubscribe"):
        kind, event = MessageKind.SYSTEM, SystemEvent.GROUP_EVENT
    return Message(
        id=mid,
        sender=sender,
        timestamp=when,
        text=text,
        source=source,
        kind=kind,
        system_event=event,
        attachments=tuple(attachments),
        deleted=deleted,
        reactions=reactions,
    )
