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
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import PurePosixPath
from typing import Any

from unsnare.importers.base import (
    ChatState,
    ChatStream,
    ImportOptions,
    MessageSource,
    read_record,
)
from unsnare.importers.jsonload import (
    MAX_JSON_BYTES,
    from_epoch,
    load_json,
    read_header,
    sniff_json_head,
    stream_items,
    text_of,
)
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
    ("media", None),
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
    if src.kind == "file":
        # One file given on its own: any name will do (people rename them).
        name = src.names()[0]
        return {name: [(1, name)]} if _looks_like_thread(src, name) else {}
    for name in src.names():
        m = _PART.search(name)
        if m:
            threads[str(PurePosixPath(name).parent)].append((int(m.group(1)), name))
    if not threads:
        # The download of end-to-end encrypted Messenger chats names each
        # thread file after the chat: take the JSON files shaped like threads.
        for name in [n for n in src.names() if n.lower().endswith(".json")][:_MAX_LOOSE]:
            if _looks_like_thread(src, name):
                threads[name].append((1, name))
    for parts in threads.values():
        parts.sort(reverse=True)
    return dict(sorted(threads.items()))


_MAX_LOOSE = 2000  # JSON files looked at when none is called message_N.json


def _looks_like_thread(src: ExportSource, name: str) -> bool:
    return sniff_json_head(src, name, "messages") and any(
        sniff_json_head(src, name, mark) for mark in _MESSAGE_MARKS
    )


# A thread file is known by its messages list and a field only Meta's message
# records have; "participants", "title", "thread_path" and
# "is_still_participant" are often missing (end-to-end encrypted chats, parts
# after the first), so they decide nothing.
_MESSAGE_MARKS = ("sender_name", "senderName", "timestamp_ms")


def sniff_meta(src: ExportSource) -> bool:
    """Whether the export holds at least one Meta thread file (message_N.json or alike)."""
    for parts in thread_files(src).values():
        return _looks_like_thread(src, parts[0][1])
    return False


def is_encrypted_chats_download(src: ExportSource) -> bool:
    """Whether this is the separate download of end-to-end encrypted Messenger chats."""
    for parts in thread_files(src).values():
        return sniff_json_head(src, parts[0][1], "senderName")
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
                title=_title(src, folder),
                source_files=files,
                timezone=options.zone_name,
                timezone_assumed=False,
            )
        )
    return streams


def _title(src: ExportSource, folder: str) -> str | None:
    """The thread folder's name; a loose thread file's or the export's own name."""
    path = PurePosixPath(folder)
    if path.suffix.lower() == ".json":
        return path.stem
    return path.name or PurePosixPath(src.label).stem or None


def _thread_reader(
    src: ExportSource, parts: list[tuple[int, str]], options: ImportOptions, media: _MediaIndex
) -> MessageSource:
    def produce(state: ChatState) -> Iterator[Message]:
        title_set = False
        for _, name in parts:
            fname = src.display_name(name)
            # The file's stem names every message id: taken once, not per message.
            build = partial(_record_at, src, media, options, state, name, PurePosixPath(name).stem)
            if src.size(name) > STREAM_ABOVE:
                header, _ = read_header(src, name, ("messages",))
                _take_header(state, header, title_set)
                yield from _stream_oldest_first(src, name, build)
                continue
            doc = load_json(src, name)
            if not isinstance(doc, dict) or not isinstance(doc.get("messages"), list):
                state.warn(
                    ImportWarning(
                        "not_a_thread", "this file has no 'messages' list", fname, path="$"
                    )
                )
                continue
            title_set = _take_header(state, doc, title_set)
            msgs = doc["messages"]
            # Newest first in the file: read backwards for oldest-first order.
            for i in range(len(msgs) - 1, -1, -1):
                msg = build(msgs[i], i)
                if msg is not None:
                    yield msg

    return produce


def _record_at(
    src: ExportSource,
    media: _MediaIndex,
    options: ImportOptions,
    state: ChatState,
    name: str,
    stem: str,
    raw: object,
    i: int,
) -> Message | None:
    """The message at `$.messages[i]` of thread file `name` (`stem`: its file stem), or None
    with a warning."""
    fname = src.display_name(name)
    path = f"$.messages[{i}]"
    source = Source(file_sha256=src.sha256(name), file_name=fname, path=path)
    mid = f"{stem}:{i}"
    return read_record(state, raw, fname, path, _message, src, media, options, state, source, mid)


def _take_header(state: ChatState, doc: dict[str, Any], title_set: bool) -> bool:
    """Register the participants and note the thread title; True once a title is noted."""
    for p in doc.get("participants") or []:
        pname = repair_mojibake(text_of(p.get("name") if isinstance(p, dict) else p))
        if pname:
            state.participant(pname)
    title = doc.get("title") or doc.get("threadName")
    if not title_set and title:
        state.notes.append("Thread title: " + repair_mojibake(text_of(title)))
        return True
    return title_set


# Parsed whole, a thread file takes about eight times its size in memory
# (measured: 46 MB of JSON, 353 MB peak). Meta splits threads into parts of a
# few MB, so only unusual files are larger; those are streamed, which keeps
# 1,000,000 messages under 300 MB (bench/bench_import.py).
STREAM_ABOVE = min(MAX_JSON_BYTES, 16 * 1024**2)
# Messages held at once while a streamed file is read backwards: each window
# costs one more pass over the file.
STREAM_WINDOW = 150_000


def _stream_oldest_first(
    src: ExportSource, name: str, build: Callable[[object, int], Message | None]
) -> Iterator[Message]:
    """Messages of a huge newest-first file, oldest first, in bounded memory.

    The file cannot be read backwards, so it is read once to count the
    messages and then once per window of STREAM_WINDOW messages, from the
    oldest window to the newest; only one window is held at a time.
    """
    total = sum(1 for _ in stream_items(src, name, "messages.item"))
    end = total
    while end > 0:
        start = max(0, end - STREAM_WINDOW)
        window: list[Message] = []
        for i, raw in enumerate(stream_items(src, name, "messages.item")):
            if i >= end:
                break
            if i >= start:
                msg = build(raw, i)
                if msg is not None:
                    window.append(msg)
        yield from reversed(window)
        end = start


def _message(
    raw: dict[str, Any],
    src: ExportSource,
    media: _MediaIndex,
    options: ImportOptions,
    state: ChatState,
    source: Source,
    mid: str,
) -> Message:
    # The main download spells fields in snake_case; the separate download of
    # end-to-end encrypted Messenger chats in camelCase.
    sender = repair_mojibake(text_of(_field(raw, "sender_name", "senderName"))) or None
    if sender:
        state.participant(sender)
    when = None
    stamp = _field(raw, "timestamp_ms", "timestamp")
    if isinstance(stamp, int | float) and not isinstance(stamp, bool):
        when = from_epoch(stamp / 1000, options.zone)
    else:
        state.warn_at(source, "no_timestamp", "this message has no timestamp_ms")
    text = repair_mojibake(text_of(_field(raw, "content", "text")))
    share = raw.get("share")
    quoted = _quoted(raw)
    if isinstance(share, dict):
        if share.get("link") and share["link"] not in text:
            text = (text + "\n" if text else "") + text_of(share["link"])
        # A reply to a story or post carries the caption it answered.
        if share.get("share_text") and quoted is None:
            quoted = repair_mojibake(text_of(share["share_text"]))
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
    if raw.get("is_unsent") or raw.get("isUnsent"):
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
        quoted_text=quoted,
    )


def _field(raw: dict[str, Any], *names: str) -> Any:
    """The first of `names` present in the record (None when none is)."""
    for name in names:
        if name in raw:
            return raw[name]
    return None


# Where a reply names the message it answers: a text, or a record with one.
_REPLY_KEYS = ("reply_to", "replyTo", "replied_to_message", "repliedToMessage")


def _quoted(raw: dict[str, Any]) -> str | None:
    """The text of the message this one replies to, when the record says."""
    value = _field(raw, *_REPLY_KEYS)
    if isinstance(value, dict):
        value = _field(value, "content", "text", "message")
    if value is None or value == "":
        return None
    return repair_mojibake(text_of(value))
