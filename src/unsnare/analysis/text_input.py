"""Turning pasted text or an email into a Conversation the engine can read."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from unsnare.analysis.email import looks_like_email, parse_email
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
