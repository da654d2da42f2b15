"""Turn the bubbles found on a screenshot into messages, header details, warnings and notes.

Two layouts are handled. With bubbles, each chat bubble is a message and its
side names the sender. Without bubbles (Snapchat, Discord and the like put
everyone's text on the left), a speaker label ("ME", or the other person's
name) names the sender; failing that, position is trusted only when text sits
on both sides, and otherwise the sender is "unknown" with a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from unsnare.imaging import screen_text
from unsnare.imaging.layout import Bubble, Side, TextLine
from unsnare.models import ImportWarning, Message, MessageKind, Source, SystemEvent

# Below this OCR confidence a line is flagged for a person to check against the picture.
LOW_CONFIDENCE = 0.75
# Without bubbles, the header is taken to fill at most this share of the screen's height.
LOOSE_HEADER_SHARE = 0.2
_SENDERS = {Side.LEFT: "other", Side.RIGHT: "me", Side.UNKNOWN: "unknown", Side.CENTRE: "unknown"}


@dataclass
class _Draft:
    bubble: Bubble
    sender: str | None
    kind: MessageKind
    shown: time | None = None
    day: date | None = None
    time_boxes: list[int] = field(default_factory=list)


@dataclass
class Transcript:
    """What one screenshot said: message drafts plus header, warnings and notes."""

    name: str
    sha256: str
    zone: ZoneInfo
    drafts: list[_Draft] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    display_name: str | None = None
    handle: str | None = None

    def read_bubbles(self, bubbles: list[Bubble]) -> None:
        """Read a layout with chat bubbles: the side of each bubble names its sender."""
        chat = {i for i, b in enumerate(bubbles) if b.in_bubble and b.side is not Side.CENTRE}
        first, last = min(chat), max(chat)
        day = self._header(bubbles[:first])
        for index in range(first, len(bubbles)):
            bubble = bubbles[index]
            if index in chat:
                self._message(bubble, day, _SENDERS[bubble.side])
                continue
            shown = screen_text.clock(bubble.text)
            found_day = screen_text.calendar_date(bubble.text)
            if found_day is not None and bubble.side is Side.CENTRE:
                day = self._dated(bubble, found_day)
            elif bubble.side is Side.CENTRE and screen_text.undated_day(bubble.text):
                day = None
                self._undated(bubble)
            elif shown is not None and bubble.side is Side.CENTRE:
                self.notes.append(f"Time line '{bubble.text}' ({cite(bubble)}) separates messages.")
            elif shown is not None:
                self._attach_time(bubble, shown)
            elif index > last:
                self.skipped.append(bubble.text)
            else:
                self.drafts.append(_Draft(bubble, None, MessageKind.SYSTEM, None, day))

    def read_loose(self, bubbles: list[Bubble], height: int) -> None:
        """Read a layout without bubbles, using speaker labels where the app shows them."""
        self._warn("no-bubbles", "No chat bubbles were found; lines were grouped by position.")
        limit = LOOSE_HEADER_SHARE * height
        start = next(
            (
                i
                for i, b in enumerate(bubbles)
                if b.lines[0].top > limit or screen_text.calendar_date(b.text)
            ),
            len(bubbles),
        )
        day = self._header(bubbles[:start])
        rest = bubbles[start:]
        while rest and _is_input_box(rest[-1].text):
            self.skipped.append(rest.pop().text)
        sided = {b.side for b in rest if not _is_furniture(b)}
        trust_sides = Side.LEFT in sided and Side.RIGHT in sided
        speaker: str | None = None
        for bubble in rest:
            label = self._speaker_label(bubble.text)
            shown = screen_text.clock(bubble.text)
            found_day = screen_text.calendar_date(bubble.text)
            if label is not None:
                speaker = label
                self.notes.append(f"Speaker label '{bubble.text}' names the sender below it.")
            elif shown is not None:
                self._attach_time(bubble, shown)
            elif found_day is not None:
                day = self._dated(bubble, found_day)
            elif screen_text.undated_day(bubble.text):
                day = None
                self._undated(bubble)
            elif speaker is not None:
                self._message(bubble, day, speaker)
            elif trust_sides:
                self._message(bubble, day, _SENDERS[bubble.side])
            else:
                self._message(bubble, day, "unknown")

    def _speaker_label(self, text: str) -> str | None:
        raw = text.strip()
        # Labels are drawn in capitals (Snapchat) or end in a colon; a message that
        # merely says someone's name must stay a message.
        if not (raw.isupper() or raw.endswith(":")):
            return None
        t = raw.rstrip(":").strip().lower()
        if t == "me":
            return "me"
        names = set()
        if self.display_name:
            names |= {self.display_name.lower(), self.display_name.split()[0].lower()}
        if self.handle:
            names |= {self.handle.lower(), self.handle.lstrip("@").lower()}
        return "other" if t in names else None

    def _dated(self, bubble: Bubble, day: date) -> date:
        self.notes.append(
            f"Date line '{bubble.text}' ({cite(bubble)}) dates the messages below it."
        )
        return day

    def _undated(self, bubble: Bubble) -> None:
        # Messages below "Today" or "Sat 14 Nov" are on a day we cannot name:
        # an earlier date line no longer applies to them.
        self.notes.append(
            f"Day line '{bubble.text}' ({cite(bubble)}) has no year or date; "
            "messages below it are not dated."
        )

    def _header(self, bubbles: list[Bubble]) -> date | None:
        day: date | None = None
        candidates: list[tuple[int, str]] = []
        for bubble in bubbles:
            for line in bubble.lines:
                for _, box in line.boxes:
                    text = screen_text.clean_name(box.text)
                    found = screen_text.handle(text)
                    found_day = screen_text.calendar_date(text)
                    if found and self.handle is None:
                        self.handle = found
                    elif found_day is not None:
                        day = self._dated(bubble, found_day)
                    elif screen_text.undated_day(text):
                        day = None
                        self._undated(bubble)
                    elif not text or screen_text.is_chrome(text) or screen_text.is_presence(text):
                        self.skipped.append(box.text)
                    else:
                        candidates.append((box.height, text))
        if candidates:
            # The other person's name is the largest text in the header.
            candidates.sort(key=lambda c: -c[0])
            self.display_name = candidates[0][1]
            rest = [t for _, t in candidates[1:]]
            username = next((t for t in rest if screen_text.bare_username(t)), None)
            if self.handle is None and username is not None:
                # Instagram and others show the username under the name, without "@".
                self.handle = username
                rest.remove(username)
                self.notes.append(f"Handle '{username}' was read from the line under the name.")
            self.skipped.extend(rest)
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

    def _message(self, bubble: Bubble, day: date | None, sender: str) -> None:
        boxes = list(bubble.box_numbers)
        bubble, shown = _split_time(bubble)
        extra = [n for n in boxes if n not in bubble.box_numbers]
        self.drafts.append(_Draft(bubble, sender, MessageKind.MESSAGE, shown, day, extra))

    def _warn(self, code: str, message: str, path: str | None = None) -> None:
        self.warnings.append(ImportWarning(code, message, file_name=self.name, path=path))

    def messages(self) -> list[Message]:
        """The messages, numbered top to bottom, each citing its OCR boxes and rectangle."""
        out: list[Message] = []
        undated: list[str] = []
        for n, draft in enumerate(self.drafts, start=1):
            bubble = draft.bubble
            left, top, right, bottom = bubble.rect
            path = f"{cite(bubble, draft.time_boxes)} (x {left}-{right}, y {top}-{bottom})"
            stamp = None
            if draft.shown is not None and draft.day is not None:
                stamp = datetime.combine(draft.day, draft.shown, tzinfo=self.zone)
            elif draft.shown is not None:
                undated.append(f"message {n} shows {draft.shown:%H:%M}")
            self._check(n, draft, path)
            event = None
            if draft.kind is MessageKind.SYSTEM:
                screenshot = "screenshot" in bubble.text.lower()
                event = SystemEvent.SCREENSHOT if screenshot else SystemEvent.OTHER
            out.append(
                Message(
                    id=f"{self.sha256[:12]}-{n}",
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
                "The screenshot shows times but no date, so these messages have no timestamp: "
                + "; ".join(undated)
                + ".",
            )
        return out

    def _check(self, n: int, draft: _Draft, path: str) -> None:
        text = _short(draft.bubble.text)
        if draft.sender == "unknown":
            self._warn(
                "side-unknown",
                f'Message {n}: it is not clear from the layout who sent "{text}"; '
                "please check the picture.",
                path,
            )
        elif draft.bubble.by_colour:
            self.notes.append(f"Message {n}'s sender was read from its bubble colour.")
        worst = min(line.min_score for line in draft.bubble.lines)
        if worst < LOW_CONFIDENCE:
            self._warn(
                "low-ocr-confidence",
                f'Message {n}: the text "{text}" was hard to read (confidence {worst:.2f}); '
                "check it against the picture.",
                path,
            )


def _is_input_box(text: str) -> bool:
    return screen_text.is_chrome(text) and screen_text.clock(text) is None


def _is_furniture(bubble: Bubble) -> bool:
    text = bubble.text
    return bool(screen_text.clock(text) or screen_text.calendar_date(text))


def _split_time(bubble: Bubble) -> tuple[Bubble, time | None]:
    """Take a time drawn inside a bubble's last corner (WhatsApp style) out of its text."""
    last = bubble.lines[-1]
    shown = screen_text.clock(last.boxes[-1][1].text)
    if shown is None or (len(last.boxes) == 1 and len(bubble.lines) == 1):
        return bubble, None
    lines = list(bubble.lines[:-1])
    if len(last.boxes) > 1:
        lines.append(TextLine(last.boxes[:-1], last.surface, last.in_bubble, last.left, last.right))
    return Bubble(tuple(lines), bubble.side, bubble.in_bubble, bubble.by_colour), shown


def cite(bubble: Bubble, extra: list[int] | None = None) -> str:
    """The OCR box numbers a bubble came from, such as ``ocr boxes 6, 7``."""
    numbers = sorted(set(bubble.box_numbers) | set(extra or []))
    label = "ocr box" if len(numbers) == 1 else "ocr boxes"
    return f"{label} {', '.join(str(n) for n in numbers)}"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
