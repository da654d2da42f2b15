"""iMessage and SMS from a Mac or an iPhone backup, as written by `imessage-exporter`.

One file per conversation, named after the contact or group, in TXT or HTML.

TXT: each message is a block ended by a blank line: a timestamp line
(``May 17, 2022  5:29:42 PM``, optionally followed by ``(Read by you after
…)``), the sender (``Me`` for the account holder, else a name, number or
address), then the text. A timestamp line with words after it is an
announcement (a renamed group, someone who left).

HTML: ``div.message`` holds ``span.timestamp``, ``span.sender``, one
``div.message_part`` per bubble or attachment, ``div.reactions``, and thread
replies nested in ``div.replies``; ``div.announcement`` holds group events.

Times are the Mac's local wall-clock time, read in the --tz zone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from html.parser import HTMLParser
from pathlib import PurePosixPath
from typing import Any

from unsnare.importers.base import (
    ACCOUNT_HOLDER,
    ChatState,
    ChatStream,
    Importer,
    ImportOptions,
    MessageSource,
)
from unsnare.importers.media import attachment_for
from unsnare.importers.source import ExportSource, iter_text_blocks, iter_text_lines
from unsnare.models import (
    Attachment,
    ImportWarning,
    Message,
    MessageKind,
    Reaction,
    Source,
    SystemEvent,
)

_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTHS = {m: i for i, m in enumerate(_ABBR, 1)}
STAMP = re.compile(
    r"^(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (?P<d>\d{1,2}), (?P<y>\d{4}) +"
    r"(?P<h>\d{1,2}):(?P<mi>\d{2}):(?P<s>\d{2})[ \u202f](?P<ap>AM|PM)"
    r"(?: \((?P<note>(?:Read|Delivered|Sent|Edited)[^)]*)\))?(?: (?P<rest>.*))?$"
)
_REACTION = re.compile(r"^\s*(?P<what>\S.*?) by (?P<who>.+?)\s*$")
_ATTACHMENT_LINE = re.compile(r"^(?:/|~/|\./|attachments/)\S.*\.[A-Za-z0-9]{2,5}$")
_DELETED = "This message was deleted from the conversation!"
OWNER = "Me"


def wall_clock(m: re.Match[str], options: ImportOptions) -> datetime | None:
    """The time of a timestamp match, in the zone given for the export."""
    hour = int(m["h"])
    if not 1 <= hour <= 12:
        return None
    hour = hour % 12 + (12 if m["ap"] == "PM" else 0)
    try:
        return datetime(
            int(m["y"]),
            _MONTHS[m["mon"]],
            int(m["d"]),
            hour,
            int(m["mi"]),
            int(m["s"]),
            tzinfo=options.zone,
        )
    except ValueError:
        return None


def _members(src: ExportSource) -> list[tuple[str, str]]:
    """(member, "txt" or "html") for each conversation file."""
    out = []
    for name in src.names()[:5000]:
        low = name.lower()
        if low.endswith(".txt"):
            head = src.head(name, 512).decode("utf-8", "replace").lstrip("\ufeff")
            if STAMP.match(head.split("\n", 1)[0].rstrip("\r")):
                out.append((name, "txt"))
        elif low.endswith((".html", ".htm")):
            markup = src.head(name, 4096)
            if b'class="message"' in markup or b'class ="announcement"' in markup:
                out.append((name, "html"))
    return out


class IMessageImporter(Importer):
    """Reads iMessage/SMS conversations exported by imessage-exporter (TXT or HTML)."""

    name = "imessage"
    platform = "imessage"
    version = "1"
    description = "iMessage/SMS from imessage-exporter (TXT or HTML, one file per chat)"

    def sniff(self, src: ExportSource) -> float:
        """Files that start with an imessage-exporter timestamp or message markup."""
        return 0.85 if _members(src) else 0.0

    def read(self, src: ExportSource, options: ImportOptions) -> list[ChatStream]:
        """One stream per conversation file."""
        streams = []
        for member, kind in _members(src):
            files = src.source_files(member)
            produce = _txt_reader if kind == "txt" else _html_reader
            streams.append(
                ChatStream(
                    id=f"imessage-{files[-1].sha256[:12]}",
                    platform=self.platform,
                    format=self.name,
                    produce=produce(src, member, options),
                    title=PurePosixPath(member).stem,
                    source_files=files,
                    timezone=options.zone_name,
                    timezone_assumed=True,
                )
            )
        return streams


def _sender(state: ChatState, who: str) -> str | None:
    who = who.strip()
    if not who:
        return None
    if who == OWNER:
        return state.account_holder()
    return state.participant(who)


def _actor(who: str) -> str:
    return ACCOUNT_HOLDER if who == OWNER else who


def _body(
    src: ExportSource, folder: str, lines: list[str]
) -> tuple[str, tuple[Attachment, ...], tuple[Reaction, ...]]:
    """Text, attachments and reactions from the lines after the sender."""
    text: list[str] = []
    atts: list[Attachment] = []
    reactions: list[Reaction] = []
    in_reactions = False
    for line in lines:
        stripped = line.strip()
        if stripped in ("Reactions:", "Tapbacks:"):
            in_reactions = True
            continue
        if in_reactions:
            m = _REACTION.match(line)
            if m and line[:1].isspace():
                reactions.append(Reaction(m["what"], _actor(m["who"])))
                continue
            in_reactions = False
        if _ATTACHMENT_LINE.match(stripped):
            name = PurePosixPath(stripped).name
            member = _near(src, folder, stripped)
            atts.append(attachment_for(src, name, member))
            continue
        text.append(line)
    return "\n".join(text).strip("\n"), tuple(atts), tuple(reactions)


def _near(src: ExportSource, folder: str, path: str) -> str | None:
    """The export member a path in the file points at, if the export holds it."""
    rel = path.lstrip("./")
    for cand in (rel, f"{folder}/{rel}" if folder not in ("", ".") else rel):
        if src.has(cand):
            return cand
    return None


def _txt_reader(src: ExportSource, member: str, options: ImportOptions) -> MessageSource:
    fname = src.display_name(member)
    folder = str(PurePosixPath(member).parent)

    def produce(state: ChatState) -> Iterator[Message]:
        sha = src.sha256(member)
        block: list[tuple[int, str]] = []
        indent = 0  # thread replies are indented under the message they answer
        parent: str | None = None
        previous_blank = True

        def build(rows: list[tuple[int, str]], indent: int) -> Message | None:
            if indent:
                rows = [(n, t[indent:] if t[:indent].isspace() else t.lstrip()) for n, t in rows]
            while rows and not rows[-1][1].strip():
                rows.pop()
            if not rows:
                return None
            line, head = rows[0]
            m = STAMP.match(head)
            if m is None:
                for n, text in rows:
                    if text.strip():
                        state.warn(
                            ImportWarning(
                                "orphan_line",
                                "text before the first message (kept here): " + text[:200],
                                fname,
                                n,
                            )
                        )
                return None
            when = wall_clock(m, options)
            source = Source(sha, fname, line)
            if when is None:
                state.warn_at(source, "bad_timestamp", "this time cannot exist")
            if m["rest"]:
                extra = "\n".join(t for _, t in rows[1:])
                return Message(
                    id=f"L{line}",
                    sender=None,
                    timestamp=when,
                    text=(m["rest"] + ("\n" + extra if extra else "")).strip(),
                    source=source,
                    kind=MessageKind.SYSTEM,
                    system_event=SystemEvent.GROUP_EVENT,
                )
            sender = _sender(state, rows[1][1]) if len(rows) > 1 else None
            text, atts, reactions = _body(src, folder, [t for _, t in rows[2:]])
            return _said(
                f"L{line}",
                sender,
                when,
                text,
                source,
                atts,
                reactions,
                parent if indent else None,
                m["note"],
            )

        for lineno, line in iter_text_lines(src, member):
            # A message starts at a timestamp line after a blank line (or the file's start).
            stripped = line.lstrip(" ")
            if previous_blank and STAMP.match(stripped):
                msg = build(block, indent)
                if msg is not None:
                    if not indent:
                        parent = msg.id
                    yield msg
                block, indent = [], len(line) - len(stripped)
            block.append((lineno, line))
            previous_blank = not line.strip()
        msg = build(block, indent)
        if msg is not None:
            yield msg

    return produce


class _Collector(HTMLParser):
    """Turns imessage-exporter HTML into message records as the markup streams in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.done: list[dict[str, Any]] = []
        self.open: list[dict[str, Any]] = []  # messages being read (replies nest)
        self.divs: list[str] = []  # "message", "part", "reactions", "announcement" or ""
        self.field: str | None = None  # the span whose text we are collecting
        self.count = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        line = self.getpos()[0]
        if tag == "div":
            role = ""
            if "message" in classes:
                role = "message"
                parent = self.open[-1]["n"] if self.open else None
                self.count += 1
                self.open.append(
                    {"n": self.count, "line": line, "parent": parent, "parts": [], "atts": []}
                )
                self.open[-1].update(stamp="", sender="", reactions=[])
            elif "announcement" in classes:
                role = "announcement"
                self.count += 1
                self.open.append({"n": self.count, "line": line, "announcement": "", "stamp": ""})
            elif "message_part" in classes:
                role = "part"
                if self.open:
                    self.open[-1].setdefault("parts", []).append("")
            elif "reactions" in classes:
                role = "reactions"
            self.divs.append(role)
        elif tag == "span" and self.open:
            if "timestamp" in classes and not self.open[-1]["stamp"]:
                self.field = "stamp"
            elif "sender" in classes and not self.open[-1].get("sender"):
                self.field = "sender"
            elif "reaction" in classes:
                self.field = "reaction"
                self.open[-1]["reactions"].append("")
        elif (
            tag in ("img", "video", "audio", "source")
            and self.open
            and "reactions" not in self.divs
        ):
            src = dict(attrs).get("src")
            if src:
                self.open[-1].setdefault("atts", []).append(src)
        elif tag == "br" and self._in_part():
            self.open[-1]["parts"][-1] += "\n"

    def _in_part(self) -> bool:
        return bool(self.divs) and self.divs[-1] == "part" and bool(self.open)

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self.field = None
        elif tag == "div" and self.divs:
            role = self.divs.pop()
            if role in ("message", "announcement") and self.open:
                self.done.append(self.open.pop())

    def handle_data(self, data: str) -> None:
        if not self.open:
            return
        rec = self.open[-1]
        if self.field == "reaction":
            rec["reactions"][-1] += data
        elif self.field in ("stamp", "sender"):
            rec[self.field] += data
        elif self._in_part() and "reactions" not in self.divs:
            rec["parts"][-1] += data
        elif "announcement" in rec and self.field is None:
            rec["announcement"] += data


def _html_reader(src: ExportSource, member: str, options: ImportOptions) -> MessageSource:
    fname = src.display_name(member)
    folder = str(PurePosixPath(member).parent)

    def produce(state: ChatState) -> Iterator[Message]:
        sha = src.sha256(member)
        parser = _Collector()
        pending: list[dict[str, Any]] = []
        for block in iter_text_blocks(src, member):
            parser.feed(block)
            pending.extend(parser.done)
            parser.done.clear()
            # A top-level message is complete when nothing is open: emit in start order.
            if not parser.open:
                for rec in sorted(pending, key=lambda r: r["n"]):
                    yield _html_message(rec, src, folder, sha, fname, options, state)
                pending.clear()
        parser.close()
        pending.extend(parser.done)
        for rec in sorted(pending, key=lambda r: r["n"]):
            yield _html_message(rec, src, folder, sha, fname, options, state)

    return produce


def _html_message(
    rec: dict[str, Any],
    src: ExportSource,
    folder: str,
    sha: str,
    fname: str,
    options: ImportOptions,
    state: ChatState,
) -> Message:
    source = Source(sha, fname, rec["line"])
    stamp = " ".join(rec["stamp"].split())
    m = STAMP.match(stamp)
    when = wall_clock(m, options) if m else None
    if when is None:
        state.warn_at(source, "bad_timestamp", "no readable time here")
    if "announcement" in rec:
        text = " ".join(rec["announcement"].split())
        return Message(
            id=f"H{rec['n']}",
            sender=None,
            timestamp=when,
            text=text,
            source=source,
            kind=MessageKind.SYSTEM,
            system_event=SystemEvent.GROUP_EVENT,
        )
    sender = _sender(state, " ".join(rec["sender"].split()))
    text = "\n".join(p.strip() for p in rec["parts"] if p.strip())
    atts = tuple(
        attachment_for(src, PurePosixPath(a).name, _near(src, folder, a)) for a in rec["atts"]
    )
    reactions = []
    for r in rec["reactions"]:
        rm = _REACTION.match(" ".join(r.split()))
        if rm:
            reactions.append(Reaction(rm["what"], _actor(rm["who"])))
    return _said(
        f"H{rec['n']}",
        sender,
        when,
        text,
        source,
        atts,
        tuple(reactions),
        f"H{rec['parent']}" if rec.get("parent") else None,
        m["note"] if m else None,
    )


def _said(
    mid: str,
    sender: str | None,
    when: datetime | None,
    text: str,
    source: Source,
    atts: tuple[Attachment, ...],
    reactions: tuple[Reaction, ...],
    reply_to: str | None,
    note: str | None,
) -> Message:
    """A message someone sent (or its "deleted" placeholder), from either export layout."""
    deleted = text == _DELETED
    return Message(
        id=mid,
        sender=sender,
        timestamp=when,
        text=text,
        source=source,
        kind=MessageKind.SYSTEM if deleted else MessageKind.MESSAGE,
        system_event=SystemEvent.DELETED if deleted else None,
        attachments=atts,
        reactions=reactions,
        reply_to=reply_to,
        deleted=deleted,
        edited=bool(note and note.startswith("Edited")),
    )
