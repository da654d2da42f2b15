"""Turn a chat screenshot into a Conversation that the analysis can read.

Most people who ask for help have screenshots, not exports. We read the text
on this device, group it into bubbles, and take the sender from the bubble's
side: left is the other person, right is the phone owner. Every message cites
the OCR boxes it came from, so it links back to the picture; anything unsure
(the side, a low OCR score, a time without a date) becomes a warning.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np

from unsnare.errors import InputError, UsageError
from unsnare.imaging import screen_text
from unsnare.imaging.decode import open_image
from unsnare.imaging.layout import Bubble, Side, group_bubbles, group_lines
from unsnare.imaging.ocr import RapidOcrReader, TextReader
from unsnare.models import (
    Conversation,
    ImportWarning,
    Message,
    MessageKind,
    Participant,
    Source,
    SourceFile,
    SystemEvent,
)

PLATFORM = "screenshot"
FORMAT = "screenshot-ocr"
OWNER = Participant(id="me", name="Me (phone owner)", is_owner=True)
UNKNOWN = Participant(id="unknown", name="Not sure who sent this", is_owner=None)
# Below this OCR confidence a line is flagged for a person to check against the picture.
LOW_CONFIDENCE = 0.75
_SENDERS = {Side.LEFT: "other", Side.RIGHT: "me", Side.UNKNOWN: "unknown"}


class ScreenshotReader:
    """Reads chat screenshots; hold one so the OCR engine loads once and is reused."""

    def __init__(self, text_reader: TextReader | None = None) -> None:
        self.text_reader: TextReader = text_reader or RapidOcrReader()

    def read(self, data: bytes, *, name: str, sha256: str, tz: str | None = None) -> Conversation:
        """The conversation shown in one screenshot, linked to the image by its SHA-256."""
        zone = _zone(tz)
        if hashlib.sha256(data).hexdigest() != sha256.lower():
            raise InputError(
                "The SHA-256 given for this screenshot does not match its bytes.",
                file=name,
                field="sha256",
                hint="Pass the hash of the file exactly as received.",
            )
        image = open_image(data, name=name)
        pixels = np.asarray(image)
        boxes = self.text_reader.read(image)
        bubbles = group_bubbles(group_lines(boxes, pixels), pixels)
        built = _Builder(name=name, sha256=sha256.lower(), zone=zone)
        built.run(bubbles)
        return built.conversation(data, self.text_reader.engine, tz)


def read_screenshot(
    data: bytes,
    *,
    name: str,
    sha256: str,
    tz: str | None = None,
    reader: ScreenshotReader | None = None,
) -> Conversation:
    """Read one chat screenshot; pass a `reader` you hold to reuse its OCR engine."""
    return (reader or ScreenshotReader()).read(data, name=name, sha256=sha256, tz=tz)


def _zone(tz: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(tz or "UTC")
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise UsageError(
            f"'{tz}' is not a time zone Unsnare knows.",
            field="tz",
            hint="Use an IANA name such as Europe/London or America/New_York.",
        ) from exc


@dataclass
class _Draft:
    bubble: Bubble
    sender: str | None
    kind: MessageKind
    shown: time | None = None
    day: date | None = None
    time_boxes: list[int] = field(default_factory=list)


@dataclass
class _Builder:
    name: str
    sha256: str
    zone: ZoneInfo
    drafts: list[_Draft] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    display_name: str | None = None
    handle: str | None = None

    def run(self, bubbles: list[Bubble]) -> None:
        chat = [i for i, b in enumerate(bubbles) if b.in_bubble and b.side is not Side.CENTRE]
        if not chat:
            # No bubbles drawn (or none found): each loose line becomes a message, by position.
            self._warn("no-bubbles", "No chat bubbles were found; each line was read as a message.")
            header_end = next(
                (
                    i
                    for i, b in enumerate(bubbles)
                    if b.side in (Side.LEFT, Side.RIGHT, Side.UNKNOWN)
                    and not self._is_header_text(b)
                ),
                len(bubbles),
            )
            chat = list(range(header_end, len(bubbles)))
        first, last = (chat[0], chat[-1]) if chat else (len(bubbles), len(bubbles))
        day = self._header(bubbles[:first])
        for index in range(first, len(bubbles)):
            bubble = bubbles[index]
            shown = screen_text.clock(bubble.text)
            if shown is not None and not (bubble.in_bubble and bubble.side is not Side.CENTRE):
                self._attach_time(bubble, shown)
                continue
            found_day = screen_text.calendar_date(bubble.text)
            if found_day is not None and bubble.side is Side.CENTRE:
                day = found_day
                self.notes.append(
                    f"Date line '{bubble.text}' ({_boxes(bubble)}) dates the messages below it."
                )
                continue
            if index in chat:
                self._message(bubble, day)
            elif index > last:
                self.skipped.append(bubble.text)
            else:
                self._system(bubble, day)

    def _is_header_text(self, bubble: Bubble) -> bool:
        text = bubble.text
        return bool(
            screen_text.handle(text) or screen_text.is_chrome(text) or screen_text.is_presence(text)
        )

    def _header(self, bubbles: list[Bubble]) -> date | None:
        day: date | None = None
        candidates: list[tuple[int, str]] = []
        for bubble in bubbles:
            for line in bubble.lines:
                for _, box in line.boxes:
                    text = screen_text.clean_name(box.text)
                    found = screen_text.handle(text)
                    if found and self.handle is None:
                        self.handle = found
                    elif screen_text.calendar_date(text) and bubble.side is Side.CENTRE:
                        day = screen_text.calendar_date(text)
                        self.notes.append(f"Date line '{text}' dates the messages below it.")
                    elif not text or screen_text.is_chrome(text) or screen_text.is_presence(text):
                        self.skipped.append(box.text)
                    else:
                        candidates.append((box.height, text))
        if candidates:
            # The other person's name is the largest text in the header.
            candidates.sort(key=lambda c: -c[0])
            self.display_name = candidates[0][1]
            self.skipped.extend(t for _, t in candidates[1:])
        else:
            self._warn("no-name", "The other person's name could not be read from the header.")
        return day

    def _attach_time(self, bubble: Bubble, shown: time) -> None:
        previous = self.drafts[-1] if self.drafts else None
        if previous is not None and previous.shown is None and previous.kind is MessageKind.MESSAGE:
            previous.shown = shown
            previous.time_boxes.extend(bubble.box_numbers)
        else:
            self.skipped.append(bubble.text)

    def _message(self, bubble: Bubble, day: date | None) -> None:
        shown = None
        boxes = list(bubble.box_numbers)
        last_line = bubble.lines[-1]
        trailing = screen_text.clock(last_line.boxes[-1][1].text)
        if trailing is not None and (len(last_line.boxes) > 1 or len(bubble.lines) > 1):
            # A time drawn inside the bubble (WhatsApp style) is the message's time, not its text.
            lines = list(bubble.lines[:-1])
            if len(last_line.boxes) > 1:
                lines.append(
                    type(last_line)(
                        last_line.boxes[:-1],
                        last_line.surface,
                        True,
                        last_line.left,
                        last_line.right,
                    )
                )
            bubble = Bubble(tuple(lines), bubble.side, bubble.in_bubble, bubble.by_colour)
            shown = trailing
        sender = _SENDERS.get(bubble.side, "unknown")
        self.drafts.append(
            _Draft(
                bubble,
                sender,
                MessageKind.MESSAGE,
                shown,
                day,
                [n for n in boxes if n not in bubble.box_numbers],
            )
        )

    def _system(self, bubble: Bubble, day: date | None) -> None:
        self.drafts.append(_Draft(bubble, None, MessageKind.SYSTEM, None, day))

    def _warn(self, code: str, message: str, path: str | None = None) -> None:
        self.warnings.append(ImportWarning(code, message, file_name=self.name, path=path))

    def _messages(self) -> list[Message]:
        out: list[Message] = []
        undated: list[str] = []
        for n, draft in enumerate(self.drafts, start=1):
            bubble = draft.bubble
            left, top, right, bottom = bubble.rect
            path = f"{_boxes(bubble, draft.time_boxes)} (x {left}-{right}, y {top}-{bottom})"
            mid = f"{self.sha256[:12]}-{n}"
            stamp = None
            if draft.shown is not None and draft.day is not None:
                stamp = datetime.combine(draft.day, draft.shown, tzinfo=self.zone)
            elif draft.shown is not None:
                undated.append(f"message {n} shows {draft.shown:%H:%M}")
            if draft.sender == "unknown":
                self._warn(
                    "side-unknown",
                    f"Message {n}: it is not clear from the layout who sent "
                    f'"{_short(bubble.text)}"; please check the picture.',
                    path,
                )
            elif bubble.by_colour:
                self.notes.append(f"Message {n}'s sender was read from its bubble colour.")
            worst = min(line.min_score for line in bubble.lines)
            if worst < LOW_CONFIDENCE:
                self._warn(
                    "low-ocr-confidence",
                    f'Message {n}: the text "{_short(bubble.text)}" was '
                    f"hard to read (confidence {worst:.2f}); check it against the picture.",
                    path,
                )
            event = None
            if draft.kind is MessageKind.SYSTEM:
                event = (
                    SystemEvent.SCREENSHOT
                    if "screenshot" in bubble.text.lower()
                    else SystemEvent.OTHER
                )
            out.append(
                Message(
                    id=mid,
                    sender=draft.sender,
                    timestamp=stamp,
                    text=bubble.text,
                    source=Source(self.sha256, self.name, path=path),
                    kind=draft.kind,
                    system_event=event,
                )
            )
        if undated:
            self._warn(
                "time-without-date",
                "The screenshot shows times but no date, so these "
                "messages have no timestamp: " + "; ".join(undated) + ".",
            )
        return out

    def conversation(self, data: bytes, engine: str, tz: str | None) -> Conversation:
        messages = self._messages()
        other = Participant(
            id="other",
            name=self.display_name or "The other person",
            handle=self.handle,
            is_owner=False,
        )
        people = [OWNER, other]
        if any(m.sender == "unknown" for m in messages):
            people.append(UNKNOWN)
        dated = any(m.timestamp is not None for m in messages)
        notes = [
            f"Read on this device from a screenshot by {engine}; check each message "
            "against the picture.",
            "Left bubbles are taken as the other person's, right bubbles as the phone owner's.",
        ]
        if dated and tz is None:
            notes.append("The screenshot shows no time zone; times are read as UTC.")
        if self.skipped:
            notes.append(
                "Screen text not read as messages: "
                + ", ".join(f"'{s}'" for s in self.skipped)
                + "."
            )
        if not messages:
            self._warn("no-messages", "No messages could be read from this screenshot.")
        return Conversation(
            id=f"screenshot-{self.sha256[:16]}",
            platform=PLATFORM,
            format=FORMAT,
            participants=tuple(people),
            messages=tuple(messages),
            title=self.display_name,
            source_files=(SourceFile(self.name, self.sha256, len(data)),),
            timezone=(tz or "UTC") if dated else tz,
            timezone_assumed=dated and tz is None,
            warnings=tuple(self.warnings),
            notes=tuple(notes + self.notes),
        )


def _boxes(bubble: Bubble, extra: list[int] | None = None) -> str:
    numbers = sorted(set(bubble.box_numbers) | set(extra or []))
    label = "ocr box" if len(numbers) == 1 else "ocr boxes"
    return f"{label} {', '.join(str(n) for n in numbers)}"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
