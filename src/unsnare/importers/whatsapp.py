"""WhatsApp "Export chat": the .txt file, or the .zip (or folder) with media.

Two passes over the text. The first only looks at headers: which layout
(Android or iOS) the file uses, whether dates are day-first or month-first
(decided from the whole file, per date style, since an export can switch
format partway), and how often each sender name appears (which lets a name
that itself contains ": " be told from a message that does). The second pass
streams the messages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePosixPath
from types import ModuleType
from typing import cast

from unsnare.errors import OPTION, ImportFormatError, Offer
from unsnare.fastmodel import builder, slot_descriptors
from unsnare.importers import whatsapp_syntax as wa
from unsnare.importers.base import ChatState, ChatStream, Importer, ImportOptions
from unsnare.importers.media import attachment_for
from unsnare.importers.source import ExportSource, iter_text_blocks
from unsnare.importers.whatsapp_clock import hour24
from unsnare.models import Attachment, ImportWarning, Message, MessageKind, Source, SystemEvent

_NAME_CAP = 50_000  # distinct sender candidates we count; protects memory on odd files
_MAX_NAME = 80
_TITLE_PREFIXES = re.compile(
    r"^(WhatsApp Chat (with|mit|con|met) |Discussion WhatsApp avec |Chat de WhatsApp con |"
    r"Conversa do WhatsApp com |WhatsApp-chat met |WhatsApp-keskustelu: |Чат WhatsApp с |"
    r"WhatsApp Sohbeti - |WhatsApp Chat - )",
)
DAY, MONTH, YEAR = "day-first", "month-first", "year-first"
_NOTICES = (SystemEvent.ENCRYPTION_NOTICE, SystemEvent.SECURITY_CODE)
_UNSEEN = object()
_QUOTES = re.compile('["“”«»]')
# Two values per message: built by the quick constructor (the same values).
_MESSAGE, _SOURCE = builder(Message), builder(Source)
# Read once per message: module constants, not attribute look-ups in the loop.
_INVISIBLE, _KIND_OMITTED, _EDITED = wa.INVISIBLE, wa.MEDIA_KIND_OMITTED, wa.EDITED_SUFFIXES
_NOT_IN_NAME_PART = re.compile("[<>/\u200e]")

_fastread: ModuleType | None
try:  # the two passes over the usual lines in C (setup.py builds it; optional)
    from unsnare import _fastread
except ImportError:  # installed without a C compiler: all in Python, same answers
    _fastread = None
# Tests turn this off to compare the two paths.
USE_COMPILED = True
# A header's shape: its characters up to the text, with (a, b, c, h, mi, s,
# date) group spans and a mask of the digit slots; see src/unsnare/_fastread.c.
_Template = tuple[str, bytes, tuple[int, ...]]
_DIGIT_GROUPS = ("a", "b", "c", "h", "mi", "s")
# Which text lengths an event text or a media placeholder has (the C pass
# looks a text up only when its length is one of these).
_EVENT_LENGTHS = bytes(
    1 if n in {len(t) for t in wa.DELETED | wa.CALLS} else 0
    for n in range(max(len(t) for t in wa.DELETED | wa.CALLS) + 1)
)
# Which ASCII characters start or end an event text (body_event compares the
# case-folded text with them; the C pass skips texts that cannot be one).
_EVENT_FIRST, _EVENT_LAST = (
    bytes(1 if any(t[at] == chr(n) for t in wa.DELETED | wa.CALLS) else 0 for n in range(128))
    for at in (0, -1)
)
_EVENTS_BMP = all(ord(ch) <= 0xFFFF for t in wa.DELETED | wa.CALLS for ch in t)
_OMITTED_LENGTHS = bytes(
    1 if n in {len(t) for t in wa.MEDIA_KIND_OMITTED} else 0
    for n in range(max(map(len, wa.MEDIA_KIND_OMITTED)) + 1)
)


def chat_members(src: ExportSource) -> list[str]:
    """The chat text files in an export: `_chat.txt`, `WhatsApp Chat … .txt`, or the file."""
    if src.kind == "file":
        return src.names()
    txt = [n for n in src.names() if n.lower().endswith(".txt")]
    named = [n for n in txt if PurePosixPath(n).name == "_chat.txt" or "whatsapp" in n.lower()]
    return named or (txt if len(txt) == 1 else [])


@dataclass
class _Scan:
    """What the first pass learned about a chat file."""

    ios: int = 0
    android: int = 0
    evidence: dict[tuple[str, bool, bool], Counter[str]] = field(default_factory=dict)
    names: Counter[str] = field(default_factory=Counter)
    styles: set[tuple[str, bool, bool]] = field(default_factory=set)
    extended: Counter[str] = field(default_factory=Counter)


def _header(line: str, layout: re.Pattern[str]) -> re.Match[str] | None:
    first = line[:1]
    if first in wa.INVISIBLE and first:
        line = line.lstrip(wa.INVISIBLE)
    elif not (first.isdigit() or first == "["):
        return None  # most continuation lines: no regex needed
    return layout.match(line)


def _clean_name(name: str) -> str:
    return name if name.isascii() else wa.strip_invisible(name).strip()


def _name_candidates(rest: str) -> list[tuple[str, int]]:
    """Possible sender names (invisible marks removed) and where the text after each starts."""
    out: list[tuple[str, int]] = []
    start = 0
    while len(out) < 4:
        i = rest.find(": ", start, _MAX_NAME + 2)
        if i < 0:
            break
        if out:
            part = rest[start:i]
            # A name part after ": " is a short plain word or two, never a
            # marker such as "\u200e<attached" or a URL.
            if (
                not part
                or part[0] in wa.INVISIBLE
                or len(part) > 30
                or _NOT_IN_NAME_PART.search(part)
            ):
                break
        out.append((_clean_name(rest[:i]), i + 2))
        start = i + 2
    return out


def _style(m: re.Match[str]) -> tuple[str, bool, bool]:
    return (m["sep"], len(m["a"]) == 4, (m["ap"] or m["pre"]) is not None)


def _head(src: ExportSource, name: str) -> str:
    """The file's start, as the layout and the C passes' template are read from it."""
    return src.head(name, 65536).decode("utf-8", "replace")


def _layout_of(head: str) -> wa.Layout:
    """Date first (nearly every locale) or time first (Vietnamese), from the file's start."""
    counts = [len(layout.scan_header.findall(head)) for layout in wa.LAYOUTS]
    return wa.TIME_FIRST if counts[1] > counts[0] else wa.DATE_FIRST


def _template(m: re.Match[str]) -> _Template | None:
    """The fixed shape of the header `m` matched (from its line start), for the C passes.

    None for a 12-hour header (its marker is text, not digits) or one whose
    digits are not ASCII: those files are read by the Python code alone.
    """
    if m["ap"] is not None or m["pre"] is not None:
        return None
    base = m.start()
    prefix = m.string[base : m.start("rest")]
    mask = bytearray(len(prefix))
    spans: list[int] = []
    for group in (*_DIGIT_GROUPS, "date"):
        start, end = m.span(group)
        if start < 0:
            spans += (-1, -1)
            continue
        spans += (start - base, end - base)
        if group != "date":
            if not prefix[start - base : end - base].isascii():
                return None
            mask[start - base : end - base] = b"\x01" * (end - start)
    return prefix, bytes(mask), tuple(spans)


def _shape(t: _Template) -> str:
    return "".join("0" if d else ch for ch, d in zip(t[0], t[1], strict=True))


def _templates(head: str, layout: wa.Layout) -> tuple[_Template | None, ...]:
    """The commonest header shape at the file's start: (for the first pass, Android
    second pass, iOS second pass); None where the C passes cannot be used."""
    if _fastread is None or not USE_COMPILED:
        return (None, None, None)
    shapes: Counter[str] = Counter()
    first: dict[str, tuple[re.Match[str], _Template]] = {}
    for m in layout.scan_header.finditer(head):
        t = _template(m)
        if t is not None:
            shape = _shape(t)
            shapes[shape] += 1
            first.setdefault(shape, (m, t))
    if not shapes:
        return (None, None, None)
    m, scan_t = first[shapes.most_common(1)[0][0]]
    out: list[_Template | None] = [scan_t]
    # The second pass's own pattern must read that line with the same groups.
    for finder in (layout.android_line, layout.ios_line):
        fm = finder.match(m.string, m.start())
        out.append(scan_t if fm is not None and _template(fm) == scan_t else None)
    return tuple(out)


def _scan(
    src: ExportSource, name: str, layout: wa.Layout, template: _Template | None = None
) -> _Scan:
    scan = _Scan()
    seen: set[str] = set()
    names, extended = scan.names, scan.extended

    def header(m: re.Match[str]) -> None:
        bracket, date, ap, pre, rest = m.group(1, "date", "ap", "pre", "rest")
        if bracket:
            scan.ios += 1
        else:
            scan.android += 1
        key = date + (ap or pre or "")
        if key not in seen and len(seen) < _NAME_CAP:
            # Evidence counts distinct dates, so one busy day does not outvote a month.
            seen.add(key)
            style = _style(m)
            scan.styles.add(style)
            a, b = int(m["a"]), int(m["b"])
            if len(m["a"]) <= 2 and (a > 12) != (b > 12):
                ev = scan.evidence.setdefault(style, Counter())
                ev[DAY if a > 12 else MONTH] += 1
        i = rest.find(": ", 0, _MAX_NAME + 2)
        if i < 0:
            return
        first = rest[:i]
        if not first.isascii():
            first = _clean_name(first)
        if first in names or len(names) < _NAME_CAP:
            names[first] += 1
        if rest.find(": ", i + 2, _MAX_NAME + 2) >= 0:
            for c, _ in _name_candidates(rest)[1:]:
                if c in extended or len(extended) < _NAME_CAP:
                    extended[c] += 1

    if template is not None and _fastread is not None:
        # The C pass counts the lines of the usual shape and hands every other
        # header line to `header` (the same code, the same order).
        bracketed = template[0].lstrip(wa.INVISIBLE).startswith("[")
        ctx = (template, bracketed, layout.scan_header.match, header, seen, names, extended,
               _NAME_CAP, wa.INVISIBLE)
        for block in iter_text_blocks(src, name):
            ios, android = _fastread.wa_scan(ctx, block)
            scan.ios += ios
            scan.android += android
        return scan
    # One C-level regex sweep per block finds the header lines; Python only
    # looks at those (continuation lines cost nothing here).
    for block in iter_text_blocks(src, name):
        for m in layout.scan_header.finditer(block):
            header(m)
    return scan


class WhatsAppImporter(Importer):
    """Reads WhatsApp chat exports (Android and iOS, many languages)."""

    name = "whatsapp"
    platform = "whatsapp"
    version = "1"
    description = "WhatsApp 'Export chat' .txt or .zip (Android and iOS)"

    def sniff(self, src: ExportSource) -> float:
        """Share of the first lines that carry a WhatsApp header."""
        members = chat_members(src)
        if not members:
            return 0.0
        head = src.head(members[0], 32768)
        if b"\x00" in head:
            return 0.0
        lines = [ln for ln in head.decode("utf-8", "replace").splitlines()[:200] if ln.strip()]
        if not lines:
            return 0.0
        hits = max(
            sum(
                1
                for ln in lines
                if _header(ln, layout.ios_header) or _header(ln, layout.android_header)
            )
            for layout in wa.LAYOUTS
        )
        if not hits:
            return 0.0
        return min(0.95, 0.5 + 0.5 * hits / len(lines))

    def read(self, src: ExportSource, options: ImportOptions) -> list[ChatStream]:
        """One stream per chat text file in the export."""
        streams = []
        for member in chat_members(src):
            files = src.source_files(member)
            title = _TITLE_PREFIXES.sub("", PurePosixPath(member).stem)
            streams.append(
                ChatStream(
                    id=f"whatsapp-{files[-1].sha256[:12]}",
                    platform=self.platform,
                    format=self.name,
                    produce=_Reader(src, member, options).run,
                    title=None if title == "_chat" else title,
                    source_files=files,
                    timezone=options.zone_name,
                    timezone_assumed=True,
                )
            )
        return streams


# The message being read: (line, time, sender, its lines so far). A plain
# tuple: one is made per message, and a dataclass cost a tenth of the reading.
_Pending = tuple[int, datetime | None, str | None, list[str]]


class _Reader:
    """The second pass: header lines start messages, other lines continue them."""

    def __init__(self, src: ExportSource, member: str, options: ImportOptions) -> None:
        self.src = src
        self.member = member
        self.options = options
        self.file_name = src.display_name(member)
        self.folder = str(PurePosixPath(member).parent)

    def run(self, state: ChatState) -> Iterator[Message]:
        head = _head(self.src, self.member)
        layout = _layout_of(head)
        templates = _templates(head, layout)
        scan = _scan(self.src, self.member, layout, templates[0])
        if not scan.ios and not scan.android:
            raise ImportFormatError(
                "no line here starts like a WhatsApp message (a date and time, then a name)",
                file=self.file_name,
                hint="choose the .txt or .zip from WhatsApp's 'Export chat', or " + OPTION,
                option="format", offer=Offer.ANOTHER,
            )
        ios = scan.ios >= scan.android
        finder = layout.ios_line if ios else layout.android_line
        orders = self._decide_orders(scan, state)
        # Names that contain ": " themselves, seen often enough to trust.
        self._long_names = {c: n for c, n in scan.extended.items() if n >= 2}
        self._long_by_first: dict[str, list[tuple[str, int]]] = {}
        for long_name, n in sorted(self._long_names.items(), key=lambda kv: len(kv[0])):
            first = long_name.split(": ", 1)[0]
            self._long_by_first.setdefault(first, []).append((long_name, n))
        self._names = scan.names
        sha = self.src.sha256(self.member)
        stamps: dict[str, datetime | None] = {}
        self._dates: dict[str, tuple[int, int, int]] = {}
        # Short bodies repeat a lot ("ok", "lol"); remember which are events.
        self._events: dict[str, object] = {}
        self._senders: dict[str, str | None] = {}
        pending: _Pending | None = None

        def loose(text: str, lineno: int) -> None:
            # A line that is not a header continues the message before it.
            if pending is not None:
                pending[3].append(text)
            elif text.strip():
                state.warn(
                    ImportWarning(
                        "orphan_line",
                        "text before the first message header (kept here): " + text[:200],
                        self.file_name,
                        lineno,
                    )
                )

        def loose_span(span: str, first_line: int) -> int:
            for k, text in enumerate(span.split("\n")):
                loose(text[:-1] if text.endswith("\r") else text, first_line + k)
            return first_line + span.count("\n") + 1

        build, split = self._build, self._split

        def header(m: re.Match[str], block: str, line: int) -> Message | None:
            # One header line: the message before it, if this starts a new one.
            nonlocal pending
            stamp, rest = m.group("stamp", "rest")
            when = stamps.get(stamp)
            if when is None and stamp not in stamps:
                if len(stamps) > 4096:
                    stamps.clear()
                    self._dates.clear()
                when = stamps[stamp] = self._when(m, orders)
            if rest.endswith("\r"):
                rest = rest[:-1]
            if when is None:
                state.warn(
                    ImportWarning(
                        "impossible_date",
                        "this line looks like a message header but its date or "
                        "time cannot exist; it was kept as part of the message before it",
                        self.file_name,
                        line,
                    )
                )
                loose(block[m.start() : m.start("rest")] + rest, line)
                return None
            done = None if pending is None else build(pending, sha, state)
            sender, body = split(rest)
            pending = (line, when, sender, [body])
            return done

        template = templates[2 if ios else 1]
        fast = _fastread if template is not None else None
        if template is not None:
            ctx = self._fast_context(template, finder, orders, sha, state, loose)
        base = 0  # lines in the blocks before this one
        for block in iter_text_blocks(self.src, self.member):
            pos, line = 0, base + 1  # next unread offset, and its line number
            if fast is not None:
                # The C pass reads the usual lines and stops at any other header.
                while True:
                    msgs, pos, line, pending, m, error = fast.wa_feed(
                        ctx, block, pos, line, pending
                    )
                    yield from msgs
                    if error is not None:
                        raise error
                    if m is None:
                        break
                    done = header(m, block, line)
                    if done is not None:
                        yield done
                    pos, line = m.end() + 1, line + 1
                # Every line of the block was read: `line` is the next one's number.
                base = line - 1
            else:
                # Header lines are found by one regex sweep per block; the text
                # between two headers is the first one's continuation.
                for m in finder.finditer(block):
                    start = m.start()
                    if start > pos:
                        line = loose_span(block[pos : start - 1], line)
                    done = header(m, block, line)
                    if done is not None:
                        yield done
                    pos, line = m.end() + 1, line + 1
                if pos < len(block):
                    tail = block[pos:]
                    loose_span(tail[:-1] if tail.endswith("\n") else tail, line)
                base += block.count("\n") + (0 if block.endswith("\n") else 1)
        if pending is not None:
            yield self._build(pending, sha, state)

    def _fast_context(
        self,
        template: _Template,
        finder: re.Pattern[str],
        orders: dict[tuple[str, bool, bool], str],
        sha: str,
        state: ChatState,
        loose: Callable[[str, int], None],
    ) -> tuple[object, ...]:
        """What the C second pass needs (see src/unsnare/_fastread.c, wa_feed)."""
        prefix = template[0]
        m = finder.match(prefix + "x")
        assert m is not None  # the template is a header of this pattern
        order = self._order(_style(m), orders)
        message, source = slot_descriptors(Message), slot_descriptors(Source)
        assert message is not None and source is not None
        return (
            template, finder.match, {YEAR: 0, DAY: 1, MONTH: 2}[order], self.options.zone,
            self._senders, self._split, bool(self._long_names), self._long_by_first,
            self._names, state.participants, self._events, wa.MEDIA_KIND_OMITTED,
            lambda p: self._build(p, sha, state), loose, Message, message, Source, source,
            sha, self.file_name, MessageKind.MESSAGE, MessageKind.SYSTEM, SystemEvent.DELETED,
            wa.INVISIBLE, (), _EVENT_LENGTHS, wa.body_event, _OMITTED_LENGTHS,
            frozenset(wa.MEDIA_OMITTED), (Attachment("", None, False),), wa.EDITED_SUFFIXES,
            " " + wa.INVISIBLE, _EVENT_FIRST, _EVENT_LAST, frozenset(wa.DELETED),
            frozenset(wa.CALLS), SystemEvent.CALL, _EVENTS_BMP,
        )

    def _decide_orders(self, scan: _Scan, state: ChatState) -> dict[tuple[str, bool, bool], str]:
        orders: dict[tuple[str, bool, bool], str] = {}
        for style, ev in scan.evidence.items():
            orders[style] = DAY if ev[DAY] >= ev[MONTH] else MONTH
            if ev[DAY] and ev[MONTH]:
                state.warn(
                    ImportWarning(
                        "conflicting_dates",
                        f"{ev[DAY]} dates can only be day-first and {ev[MONTH]} only month-first; "
                        f"each line was read by its own values and ambiguous ones as "
                        f"{orders[style]}",
                        self.file_name,
                    )
                )
        effective = {self._order(style, orders) for style in scan.styles}
        guessed = {
            self._order(st, orders) for st in scan.styles if not st[1] and st not in scan.evidence
        }
        for order in guessed:
            state.warn(
                ImportWarning(
                    "ambiguous_dates",
                    f"no date in this file has a day above 12, so Unsnare cannot tell whether "
                    f"dates are day-first or month-first; they were read as {order}. Check one "
                    f"date you remember against the phone",
                    self.file_name,
                )
            )
        state.date_order = (
            effective.pop() if len(effective) == 1 else ("mixed" if effective else None)
        )
        if state.date_order == "mixed":
            state.notes.append(
                "The date format changes within this export (phone settings "
                "changed); each part was read in its own order."
            )
        return orders

    def _order(
        self,
        style: tuple[str, bool, bool],
        orders: dict[tuple[str, bool, bool], str],
    ) -> str:
        if style[1]:
            return YEAR
        if style in orders:
            return orders[style]
        if len(set(orders.values())) == 1:
            return next(iter(orders.values()))
        # No date in the file settles it: follow the locales that use this style
        # (dotted dates are day-first; a 12-hour "/" date is most often en-US).
        return MONTH if (style[0] == "/" and style[2]) else DAY

    def _when(
        self,
        m: re.Match[str],
        orders: dict[tuple[str, bool, bool], str],
    ) -> datetime | None:
        ap, pre, date, h, mi, sec = m.group("ap", "pre", "date", "h", "mi", "s")
        marker = ap or pre
        key = date + ("p" if marker else "")
        ymd = self._dates.get(key)
        if ymd is None:
            ymd = self._dates[key] = self._ymd(m, orders)
        hour, minute, second = int(h), int(mi), int(sec or 0)
        if marker:
            h24 = hour24(hour, marker)
            if h24 is None:
                return None
            hour = h24
        try:
            return datetime(*ymd, hour, minute, second, tzinfo=self.options.zone)
        except ValueError:
            return None

    def _ymd(
        self, m: re.Match[str], orders: dict[tuple[str, bool, bool], str]
    ) -> tuple[int, int, int]:
        a, b, c = int(m["a"]), int(m["b"]), int(m["c"])
        order = self._order(_style(m), orders)
        if order == YEAR:
            return (a, b, c)
        if c < 10 and len(m["c"]) == 1:
            return (0, 0, 0)  # a one-digit year: no such date (datetime() refuses it)
        year = c + 2000 if c < 100 else c
        if a > 12 and b <= 12:
            order = DAY
        elif b > 12 and a <= 12:
            order = MONTH
        return (year, b, a) if order == DAY else (year, a, b)

    def _split(self, rest: str) -> tuple[str | None, str]:
        i = rest.find(": ", 0, _MAX_NAME + 2)
        if i < 0:
            return None, rest
        raw = rest[:i]
        # A chat has few senders: each one's cleaning and check is done once.
        name = self._senders.get(raw)
        if name is None:
            if raw in self._senders:
                return None, rest
            name = _clean_name(raw)
            if not name or _QUOTES.search(name):
                name = None
            if len(self._senders) < _NAME_CAP:
                self._senders[raw] = name
            if name is None:
                return None, rest
        if self._long_names and rest.find(": ", i + 2, _MAX_NAME + 2) >= 0:
            longs = self._long_by_first.get(name)
            if not longs:
                return name, rest[i + 2 :]
            best, at = name, i + 2
            if raw.isascii():  # the usual case: compare prefixes directly
                top = self._names.get(name, 0)
                for long_name, n in longs:
                    end = len(long_name)
                    if n >= top and rest.startswith(long_name) and rest[end : end + 2] == ": ":
                        best, at, top = long_name, end + 2, n
                return best, rest[at:]
            top = self._names.get(name, 0)
            for c, pos in _name_candidates(rest)[1:]:
                n = self._long_names.get(c, 0)
                if n >= top:
                    best, at, top = c, pos, n
            return best, rest[at:]
        return name, rest[i + 2 :]

    def _build(self, p: _Pending, sha: str, state: ChatState) -> Message:
        lineno, when, sender, lines = p
        while len(lines) > 1 and not lines[-1].strip():
            lines.pop()
        raw_first = lines[0]
        marked = raw_first[:1] in _INVISIBLE
        first = raw_first.lstrip(_INVISIBLE) if marked else raw_first
        attachments: tuple[Attachment, ...] = ()
        # Cheap tests first: placeholders end in ")" or ">" or are short known words.
        att = (
            self._attachment(first)
            if first.endswith((")", ">")) or first in _KIND_OMITTED
            else None
        )
        if att is not None:
            attachments = (att,)
            text = "\n".join(lines[1:])
        elif len(lines) == 1:
            text = first
        else:
            lines[0] = first
            text = "\n".join(lines)
        edited = False
        if text.endswith(">") and text.endswith(_EDITED):
            suffix = next(x for x in wa.EDITED_SUFFIXES if text.endswith(x))
            # iOS puts U+200E before the marker: strip it with the spaces.
            edited, text = True, text[: -len(suffix)].rstrip(" " + wa.INVISIBLE)
        kind, event, deleted = MessageKind.MESSAGE, None, False
        if sender is None:
            kind, event = MessageKind.SYSTEM, wa.classify_system(text)
        elif marked and wa.classify_system(text) in _NOTICES:
            # iOS writes the encryption and security-code notices as if the chat's
            # name had sent them, marked with a leading U+200E.
            kind, event = MessageKind.SYSTEM, wa.classify_system(text)
        else:
            if sender not in state.participants:
                state.participant(sender)
            hit = self._events.get(text, _UNSEEN)
            if hit is _UNSEEN:
                hit = wa.body_event(text)
                if len(text) <= 60 and len(self._events) < 10_000:
                    self._events[text] = hit
            if hit is not None:
                kind, event = MessageKind.SYSTEM, cast(SystemEvent, hit)
                deleted = hit is SystemEvent.DELETED
        # Every field, in Message's order (id, sender, timestamp, text, source,
        # kind, system_event, attachments, reply_to, quoted_text, forwarded_from,
        # edited, edited_at, deleted, reactions): see unsnare.fastmodel.
        return _MESSAGE(
            f"L{lineno}",
            sender,
            when,
            text,
            _SOURCE(sha, self.file_name, lineno, None),
            kind,
            event,
            attachments,
            None,
            None,
            None,
            edited,
            None,
            deleted,
            (),
        )

    def _attachment(self, first: str) -> Attachment | None:
        m = wa.ANDROID_ATTACHED.match(first) or wa.IOS_ATTACHED.match(first)
        if m:
            name = wa.strip_invisible(m["file"]).strip()
            member = name if self.folder in ("", ".") else f"{self.folder}/{name}"
            return attachment_for(self.src, name, member)
        if first in wa.MEDIA_OMITTED:
            return Attachment(file_name="", media_type=None, present=False)
        kind = wa.MEDIA_KIND_OMITTED.get(first.strip())
        if kind:
            return Attachment(file_name="", media_type=kind, present=False)
        return None
