"""TikTok "Download your data": direct messages, from the JSON or the TXT download.

JSON (`user_data.json`, newer `user_data_tiktok.json`): under "Direct
Message" (older: "Direct Messages") → "Direct Messages" → "ChatHistory" (or
"Chat History"), one list per contact keyed "Chat History with <user>:", of
{Date, From, Content}. The account holder's own user name is under
"Profile" → "Profile Information" → "ProfileMap" → "userName".

TXT: the same per-contact sections, each opened by a "Chat History with
<user>:" line, and each message either on one line
(``2023-06-01 20:15:03 alex_22: hey``) or as a block of ``Date:``,
``From:`` and ``Content:`` lines.

Times carry no zone; Unsnare reads them as UTC unless --tz names a zone,
and says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, tzinfo
from pathlib import PurePosixPath
from typing import Any

from unsnare.importers.base import (
    ChatState,
    ChatStream,
    Importer,
    ImportOptions,
    MessageSource,
    read_record,
)
from unsnare.importers.jsonload import load_json, sniff_json_any, text_of
from unsnare.importers.source import ExportSource, iter_text_lines
from unsnare.models import ImportWarning, Message, Source

_JSON_NAMES = ("user_data.json", "user_data_tiktok.json")
_SECTION = re.compile(r"^\s*(?:>+\s*)?Chat History with (?P<name>.+?)\s*:*\s*$")
_LINE = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) (?P<who>[^:\n]{1,60}?): ?(?P<text>.*)$"
)
_FIELD = re.compile(r"^(?P<key>Date|From|Content):\s?(?P<value>.*)$")
ZONE_NOTE = (
    "TikTok writes message times without a time zone; Unsnare read them as UTC "
    "(or the --tz zone, when one was given). Check one message you remember against the app."
)


def _wall(value: str) -> datetime | None:
    """A "YYYY-MM-DD HH:MM:SS" time without its zone, or None."""
    value = value.strip()
    if len(value) != 19:
        return None  # fromisoformat would also take other shapes; TikTok writes this one
    try:
        return datetime.fromisoformat(value)  # much faster than strptime
    except ValueError:
        return None


def _when(value: str, zone: tzinfo) -> datetime | None:
    wall = _wall(value)
    return wall.replace(tzinfo=zone) if wall else None


def _zone(options: ImportOptions) -> tuple[tzinfo, str]:
    """UTC, unless the person named the zone the times are in."""
    return (options.zone, options.zone_name) if options.zone_given else (UTC, "UTC")


def _json_member(src: ExportSource) -> str | None:
    for base in _JSON_NAMES:
        found = sorted(src.find(base), key=len)
        if found:
            return found[0]
    if src.kind == "file" and src.names()[0].lower().endswith(".json"):
        return src.names()[0]
    return None


def _txt_members(src: ExportSource) -> list[str]:
    txt = [n for n in src.names() if n.lower().endswith(".txt")][:500]
    return [n for n in txt if b"Chat History with " in src.head(n, 4096)]


class TikTokImporter(Importer):
    """Reads TikTok direct messages from the data download (JSON or TXT)."""

    name = "tiktok"
    platform = "tiktok"
    version = "1"
    description = "TikTok 'Download your data' direct messages (user_data.json or the TXT files)"

    def sniff(self, src: ExportSource) -> float:
        """A user_data JSON with the chat history keys, or TXT files with its sections."""
        member = _json_member(src)
        if member is not None:
            if sniff_json_any(src, member, ("ChatHistory",), ("Chat History with",)):
                return 0.9
            # The DMs can sit far into a big user_data.json: its name alone is a good sign.
            return 0.6 if PurePosixPath(member).name in _JSON_NAMES else 0.0
        return 0.9 if _txt_members(src) else 0.0

    def read(self, src: ExportSource, options: ImportOptions) -> list[ChatStream]:
        """One stream per contact."""
        member = _json_member(src)
        if member is not None:
            return self._read_json(src, member, options)
        streams = []
        for txt in _txt_members(src):
            streams.extend(self._read_txt(src, txt, options))
        return streams

    def _stream(
        self,
        src: ExportSource,
        member: str,
        contact: str,
        produce: MessageSource,
        options: ImportOptions,
    ) -> ChatStream:
        sha = src.sha256(member)
        stream = ChatStream(
            id=f"tiktok-{sha[:8]}-{contact}",
            platform=self.platform,
            format=self.name,
            produce=produce,
            title=contact,
            source_files=src.source_files(member),
            timezone=_zone(options)[1],
            timezone_assumed=True,
        )
        stream.state.notes.append(ZONE_NOTE)
        return stream

    def _read_json(
        self, src: ExportSource, member: str, options: ImportOptions
    ) -> list[ChatStream]:
        doc = load_json(src, member)
        history, path = _chat_history(doc)
        if history is None:
            return []
        owner = _owner(doc)
        return [
            self._stream(
                src,
                member,
                _contact(key),
                _json_reader(
                    src,
                    member,
                    f'{path}["{key}"]',
                    entries,
                    owner,
                    _contact(key),
                    _zone(options)[0],
                ),
                options,
            )
            for key, entries in history.items()
        ]

    def _read_txt(self, src: ExportSource, member: str, options: ImportOptions) -> list[ChatStream]:
        contacts = []
        for _, line in iter_text_lines(src, member):
            m = _SECTION.match(line)
            if m:
                contacts.append(m["name"])
        return [
            self._stream(
                src,
                member,
                contact,
                _txt_reader(src, member, index, contact, _zone(options)[0]),
                options,
            )
            for index, contact in enumerate(contacts)
        ]


def _contact(key: str) -> str:
    m = _SECTION.match(key)
    return m["name"] if m else key


def _chat_history(doc: Any) -> tuple[dict[str, Any] | None, str]:
    """The {"Chat History with x:": [...]} object, and its JSON path."""
    if not isinstance(doc, dict):
        return None, "$"
    for outer in ("Direct Message", "Direct Messages"):
        section = doc.get(outer)
        if not isinstance(section, dict):
            continue
        for inner in ("Direct Messages", "Direct Message"):
            box = section.get(inner)
            if not isinstance(box, dict):
                continue
            for key in ("ChatHistory", "Chat History"):
                if isinstance(box.get(key), dict):
                    return box[key], f'$["{outer}"]["{inner}"]["{key}"]'
    return None, "$"


def _owner(doc: dict[str, Any]) -> str | None:
    try:
        name = doc["Profile"]["Profile Information"]["ProfileMap"]["userName"]
    except (KeyError, TypeError):
        return None
    return name if isinstance(name, str) and name else None


def _json_reader(
    src: ExportSource,
    member: str,
    path: str,
    entries: Any,
    owner: str | None,
    contact: str,
    zone: tzinfo,
) -> MessageSource:
    fname = src.display_name(member)

    def produce(state: ChatState) -> Iterator[Message]:
        if owner:
            state.participant(owner, is_owner=True)
        rows = list(enumerate(entries if isinstance(entries, list) else [entries]))
        # The download lists the newest first; order by time, keeping file order on ties.
        rows.sort(key=lambda row: _sort_key(row[1]))
        for i, raw in rows:
            where = f"{path}[{i}]"
            msg = read_record(
                state, raw, fname, where, _json_message, src, member, where, i, state, contact, zone
            )
            if msg is not None:
                yield msg

    return produce


_EPOCH = datetime(1970, 1, 1)


def _sort_key(raw: Any) -> datetime:
    if not isinstance(raw, dict):
        return _EPOCH  # reported as a warning when read
    return _wall(text_of(raw.get("Date"))) or _EPOCH


def _json_message(
    raw: dict[str, Any],
    src: ExportSource,
    member: str,
    path: str,
    i: int,
    state: ChatState,
    contact: str,
    zone: tzinfo,
) -> Message:
    source = Source(src.sha256(member), src.display_name(member), path=path)
    when = _when(text_of(raw.get("Date")), zone)
    if when is None:
        state.warn_at(source, "bad_timestamp", "this message has no readable Date")
    sender = text_of(raw.get("From")) or None
    if sender:
        _register(state, sender, contact)
    return Message(
        id=f"t{i}",
        sender=sender,
        timestamp=when,
        text=text_of(raw.get("Content")),
        source=source,
    )


def _register(state: ChatState, sender: str, contact: str) -> None:
    # A chat is "with" one contact: whoever else writes in it is the account holder.
    state.participant(sender, is_owner=sender != contact)


def _txt_reader(
    src: ExportSource, member: str, index: int, contact: str, zone: tzinfo
) -> MessageSource:
    """Messages of the `index`-th section of a TXT file; stray lines become warnings."""
    fname = src.display_name(member)

    def produce(state: ChatState) -> Iterator[Message]:
        sha = src.sha256(member)
        section = -1
        current: dict[str, Any] | None = None

        def build(c: dict[str, Any]) -> Message:
            when = c.get("when")
            source = Source(sha, fname, c["line"])
            if when is None:
                state.warn_at(source, "bad_timestamp", "this message has no readable date")
            sender = c.get("who") or None
            if sender:
                _register(state, sender, contact)
            text = "\n".join(c["lines"]).rstrip("\n")
            return Message(
                id=f"L{c['line']}",
                sender=sender,
                timestamp=when,
                text=text,
                source=source,
            )

        for lineno, line in iter_text_lines(src, member):
            if _SECTION.match(line):
                section += 1
                if current is not None and section - 1 == index:
                    yield build(current)
                current = None
                continue
            if section != index:
                if section == -1 and index == 0 and line.strip():
                    state.warn(
                        ImportWarning(
                            "orphan_line",
                            "text before the first chat of this file (kept here): " + line[:200],
                            fname,
                            lineno,
                        )
                    )
                continue
            m = _LINE.match(line)
            f = None if m else _FIELD.match(line)
            if m:
                if current is not None:
                    yield build(current)
                current = {
                    "line": lineno,
                    "when": _when(m["date"], zone),
                    "who": m["who"].strip(),
                    "lines": [m["text"]],
                }
            elif f and f["key"] == "Date":
                if current is not None:
                    yield build(current)
                current = {"line": lineno, "when": _when(f["value"], zone), "lines": []}
            elif f and current is not None and f["key"] == "From" and "who" not in current:
                current["who"] = f["value"].strip()
            elif f and current is not None and f["key"] == "Content" and not current["lines"]:
                current["lines"].append(f["value"])
            elif current is not None:
                if line.strip() or current["lines"]:
                    current["lines"].append(line)
            elif line.strip():
                state.warn(
                    ImportWarning(
                        "orphan_line",
                        "text before the first message of this chat (kept here): " + line[:200],
                        fname,
                        lineno,
                    )
                )
        if current is not None and section == index:
            yield build(current)

    return produce
