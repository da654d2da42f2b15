"""Turn a chat screenshot into a Conversation that the analysis can read.

Most people who ask for help have screenshots, not exports. We read the text
on this device, group it into bubbles, and take the sender from the bubble's
side: left is the other person, right is the phone owner. Every message cites
the OCR boxes it came from, so it links back to the picture; anything unsure
(the side, a low OCR score, a time without a date) becomes a warning.
"""

from __future__ import annotations

import hashlib
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np

from unsnare.errors import InputError, UsageError
from unsnare.imaging.decode import open_image
from unsnare.imaging.layout import Side, group_bubbles, group_lines, group_loose
from unsnare.imaging.ocr import RapidOcrReader, TextReader
from unsnare.imaging.transcribe import Transcript
from unsnare.models import Conversation, ImportWarning, Participant, SourceFile

PLATFORM = "screenshot"
FORMAT = "screenshot-ocr"
OWNER = Participant(id="me", name="Me (phone owner)", is_owner=True)
UNKNOWN = Participant(id="unknown", name="Not sure who sent this", is_owner=None)


class ScreenshotReader:
    """Reads chat screenshots; hold one so the OCR engine loads once and is reused."""

    def __init__(self, text_reader: TextReader | None = None) -> None:
        self.text_reader: TextReader = text_reader or RapidOcrReader()

    def read(self, data: bytes, *, name: str, sha256: str, tz: str | None = None) -> Conversation:
        """The conversation shown in one screenshot, linked to the image by its SHA-256."""
        zone = _zone(tz)
        digest = sha256.lower()
        if hashlib.sha256(data).hexdigest() != digest:
            raise InputError(
                "The SHA-256 given for this screenshot does not match its bytes.",
                file=name,
                field="sha256",
                hint="Pass the hash of the file exactly as received.",
            )
        image = open_image(data, name=name)
        pixels = np.asarray(image)
        lines = group_lines(self.text_reader.read(image), pixels)
        bubbles = group_bubbles(lines, pixels)
        transcript = Transcript(name=name, sha256=digest, zone=zone)
        if any(b.in_bubble and b.side is not Side.CENTRE for b in bubbles):
            transcript.read_bubbles(bubbles)
        elif lines:
            transcript.read_loose(group_loose(lines, image.width), image.height)
        return _conversation(transcript, len(data), self.text_reader.engine, tz)


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


def _conversation(t: Transcript, size: int, engine: str, tz: str | None) -> Conversation:
    messages = t.messages()
    other = Participant(
        id="other", name=t.display_name or "The other person", handle=t.handle, is_owner=False
    )
    people = [OWNER, other]
    if any(m.sender == "unknown" for m in messages):
        people.append(UNKNOWN)
    dated = any(m.timestamp is not None for m in messages)
    notes = [
        f"Read on this device from a screenshot by {engine}; check each message against the "
        "picture.",
        "Left bubbles are taken as the other person's, right bubbles as the phone owner's.",
    ]
    if dated and tz is None:
        notes.append("The screenshot shows no time zone; times are read as UTC.")
    if t.skipped:
        shown = ", ".join(f"'{s}'" for s in t.skipped)
        notes.append(f"Screen text not read as messages: {shown}.")
    if not messages:
        t.warnings.append(
            ImportWarning("no-messages", "No messages could be read from this screenshot.", t.name)
        )
    return Conversation(
        id=f"screenshot-{t.sha256[:16]}",
        platform=PLATFORM,
        format=FORMAT,
        participants=tuple(people),
        messages=tuple(messages),
        title=t.display_name,
        source_files=(SourceFile(t.name, t.sha256, size),),
        timezone=(tz or "UTC") if dated else tz,
        timezone_assumed=dated and tz is None,
        warnings=tuple(t.warnings),
        notes=tuple(notes + t.notes),
    )
