"""Recognising an email (an .eml file, or headers pasted as text) and its text.

Bulk sextortion emails ("I recorded you through your webcam") arrive by
email, so a pasted or saved email is read as one message from its sender.
"""

from __future__ import annotations

import email
import email.policy
import html
import re
from dataclasses import dataclass
from email.message import EmailMessage

_HEADER = re.compile(
    r"^(?:from|to|subject|date|received|return-path|mime-version|message-id"
    r"|delivered-to|reply-to|content-type):",
    re.IGNORECASE,
)
_TAGS = re.compile(r"<(?:script|style)[^>]*>.*?</(?:script|style)>|<[^>]+>", re.S | re.I)


@dataclass(frozen=True, slots=True)
class ParsedEmail:
    """The parts of an email the analysis needs."""

    sender: str | None
    subject: str | None
    date: str | None
    text: str


def looks_like_email(text: str) -> bool:
    """True when the text starts with mail headers (two or more, or a Subject line)."""
    if ":" not in text:
        return False  # every header has a colon: most chat messages stop here
    head = text.lstrip("\ufeff \r\n")[:2000].splitlines()[:12]
    hits = sum(1 for line in head if _HEADER.match(line))
    return hits >= 2 or (bool(head) and head[0].lower().startswith("subject:"))


def _body(msg: EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError):
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    if not isinstance(content, str):
        return ""
    if part.get_content_type() == "text/html":
        content = html.unescape(_TAGS.sub(" ", content))
    return content


def parse_email(raw: str | bytes) -> ParsedEmail:
    """Read headers and the best text body; never raises on a malformed email."""
    if isinstance(raw, bytes):
        msg = email.message_from_bytes(raw, policy=email.policy.default)
    else:
        msg = email.message_from_string(raw, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    subject = str(msg.get("subject", "") or "") or None
    try:
        body = _body(msg)
    except Exception:  # noqa: BLE001 - malformed MIME: fall back to the raw text below
        body = ""
    if body.strip():
        full = f"Subject: {subject}\n{body}" if subject else body
    else:
        # Pasted without a blank line after the headers: the whole paste is the text.
        full = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    return ParsedEmail(
        sender=str(msg.get("from")) if msg.get("from") else None,
        subject=subject,
        date=str(msg.get("date")) if msg.get("date") else None,
        text=full,
    )
