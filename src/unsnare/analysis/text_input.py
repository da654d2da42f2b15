"""Turning pasted text or an email into a Conversation the engine can read."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from unsnare.analysis.email import looks_like_email, parse_email
from unsnare.errors import UnsnareError
from unsnare.importers import read_text
from unsnare.models import Conversation, Message, Participant, Source

# A paste longer than this is read only up to here (a 2 GB paste must not
# exhaust memory); the report says so.
MAX_TEXT_CHARS = 50_000_000
# Longer multi-line pastes are read line by line, as a pasted chat usually is.
SPLIT_LINES_ABOVE = 2_000


def _email_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


# "Name: message" near the start of a line, as in a chat copied from a screen,
# possibly after a timestamp that has colons of its own ("[14/03/2026, 21:02:11] Mia: hi").
_SPEAKER_LINE = re.compile(r"^[ \t]*[^\s:][^\n]{0,69}?:[ \t]+\S", re.MULTILINE)


def _pasted_chat(text: str, name: str) -> Conversation | None:
    """A pasted "Name: message" chat read by the importers (so we know who said what)."""
    # Two speaker lines need a line break and a colon; a one-line message has
    # neither, and skipping the pattern saves time on every single message.
    if "\n" not in text or ":" not in text:
        return None
    if len(_SPEAKER_LINE.findall(text, 0, 200_000)) < 2:
        return None
    try:
        conv = read_text(text, name=name)
    except UnsnareError:
        return None
    senders = {m.sender for m in conv.messages}
    return conv if len(conv.messages) >= 2 and len(senders) >= 2 else None


def conversation_from_text(
    text: str, name: str = "pasted text"
) -> tuple[Conversation, bool, list[str]]:
    """A conversation from pasted text; also whether it was an email, and notes."""
    notes: list[str] = []
    if len(text) > MAX_TEXT_CHARS:
        notes.append(
            f"The text is {len(text):,} characters long; only the first "
            f"{MAX_TEXT_CHARS:,} were read."
        )
        text = text[:MAX_TEXT_CHARS]
    digest = hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()
    if looks_like_email(text):
        parsed = parse_email(text)
        sender = parsed.sender or "sender"
        msg = Message(
            id="email",
            sender=sender,
            timestamp=_email_time(parsed.date),
            text=parsed.text,
            source=Source(digest, name, line=1),
        )
        conv = Conversation(
            id=f"text-{digest[:12]}",
            platform="email",
            format="email",
            participants=(Participant(id=sender, name=sender, is_owner=False),),
            messages=(msg,),
        )
        return conv, True, notes
    chat = _pasted_chat(text, name)
    if chat is not None:
        return chat, False, notes
    lines = text.splitlines()
    if len(text) > SPLIT_LINES_ABOVE and sum(1 for ln in lines if ln.strip()) > 1:
        messages = tuple(
            Message(
                id=f"line-{i}",
                sender=None,
                timestamp=None,
                text=ln,
                source=Source(digest, name, line=i),
            )
            for i, ln in enumerate(lines, start=1)
            if ln.strip()
        )
    else:
        messages = (
            (
                Message(
                    id="text",
                    sender=None,
                    timestamp=None,
                    text=text,
                    source=Source(digest, name, line=1),
                ),
            )
            if text.strip()
            else ()
        )
    conv = Conversation(
        id=f"text-{digest[:12]}",
        platform="text",
        format="text",
        participants=(),
        messages=messages,
    )
    return conv, False, notes
