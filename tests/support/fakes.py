"""Fakes for the evidence locker tests (invented people and chats only).

The nudity check is faked: a picture is "explicit" when its bytes carry the
marker below, so no test ever needs an intimate image.
"""

from __future__ import annotations

import io
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from PIL import Image

from unsnare.errors import ImportFormatError
from unsnare.evidence import Toolkit
from unsnare.evidence.tools import ExportReading, ImageVerdict
from unsnare.models import Conversation, Message, Participant, Source, SourceFile

EXPLICIT_MARK = b"FAKE-EXPLICIT-MARK"
PASSPHRASE = "blue kettle river 42"
ZONE = timezone(timedelta(hours=1), "CET")
LINE = re.compile(r"^\[(?P<at>[^\]]+)\] (?P<name>[^:]+): (?P<text>.*)$")

CHAT = (
    "[2026-03-02T21:10:00+01:00] Jordan Vale: hey, you're cute. add me @jordan.vale.77\n"
    "[2026-03-02T21:12:00+01:00] Sam Okafor: haha thanks\n"
    "[2026-03-02T21:40:00+01:00] Jordan Vale: I will send this to your friends unless you pay\n"
    "[2026-03-02T21:41:00+01:00] Jordan Vale: pay 300 to $quickcash4u within 2 hours\n"
)


def png(color: tuple[int, int, int] = (20, 120, 200), *, explicit: bool = False,
        chat: bool = False) -> bytes:
    """A small real PNG; the fake classifier calls it explicit when marked."""
    out = io.BytesIO()
    Image.new("RGB", (32, 32), color).save(out, format="PNG")
    return out.getvalue() + (EXPLICIT_MARK if explicit else b"") + (b"CHAT" if chat else b"")


def fake_check(data: bytes, name: str) -> ImageVerdict:
    if EXPLICIT_MARK in data:
        return ImageVerdict(True, 0.97, "fake-nsfw 1", "Not stored: it may be an intimate image.")
    return ImageVerdict(False, 0.01, "fake-nsfw 1", "Checked and kept.")


def fake_hash(data: bytes, name: str) -> dict[str, Any]:
    return {"pdq": "f" * 64, "pdq_quality": 100, "media_type": "image/png"}


def fake_screenshot(data: bytes, name: str, sha256: str) -> Conversation:
    if b"CHAT" not in data:
        return Conversation(id="ocr-" + sha256[:8], platform="screenshot", format="ocr",
                            participants=(), messages=())
    src = Source(sha256, name, path="bubble 1")
    them = Participant("left", "Jordan Vale", handle="@jordan.vale.77")
    return Conversation(
        id="ocr-" + sha256[:8], platform="screenshot", format="ocr",
        participants=(them, Participant("right", "me", is_owner=True)),
        messages=(Message("s1", "left", datetime(2026, 3, 2, 22, 0, tzinfo=ZONE),
                          "pay now or everyone sees it", src),),
        source_files=(SourceFile(name, sha256, len(data)),),
    )


def fake_read_export(path: Path, fmt: str | None, tz: str | None) -> ExportReading:
    return ExportReading("fake-chat", (parse_chat(path.read_bytes(), path.name),))


def fake_read_upload(name: str, data: bytes, fmt: str | None, tz: str | None) -> ExportReading:
    return ExportReading("fake-chat", (parse_chat(data, name),))


def parse_chat(raw: bytes, name: str) -> Conversation:
    """The tiny invented chat format the fake importer reads."""
    import hashlib

    if not raw.startswith(b"["):
        raise ImportFormatError("not a fake chat export", file=name)
    sha = hashlib.sha256(raw).hexdigest()
    people: dict[str, Participant] = {}
    messages = []
    for number, line in enumerate(raw.decode().splitlines(), start=1):
        m = LINE.match(line)
        if not m:
            raise ImportFormatError("bad line", file=name, line=number)
        pid = "p" + str(len(people) + 1) if m["name"] not in people else people[m["name"]].id
        people.setdefault(m["name"], Participant(pid, m["name"]))
        messages.append(Message(f"m{number}", people[m["name"]].id,
                                datetime.fromisoformat(m["at"]), m["text"],
                                Source(sha, name, line=number)))
    return Conversation(id="chat-" + sha[:8], platform="fakechat", format="fake-chat",
                        participants=tuple(people.values()), messages=tuple(messages),
                        source_files=(SourceFile(name, sha, len(raw)),), timezone="Europe/Paris")


def fake_analyze(conv: Conversation) -> dict[str, Any]:
    findings = []
    identifiers: dict[str, dict[str, Any]] = {}
    for m in conv.messages:
        for word, tactic in (("send this to", "exposure_threat"), ("pay", "payment_demand")):
            at = m.text.find(word)
            if at >= 0:
                findings.append({"message_id": m.id, "start": at, "end": at + len(word),
                                 "tactic": tactic, "detail": word, "detector": "fake",
                                 "version": "1", "score": 0.9, "explanation": "fake rule"})
        for token in re.findall(r"[@$][\w.]+", m.text):
            kind = "handle" if token[0] == "@" else "payment_handle"
            slot = identifiers.setdefault(token, {"kind": kind, "value": token,
                                                  "normalized": token.lower(),
                                                  "platform": conv.platform, "message_ids": []})
            slot["message_ids"].append(m.id)
    return {"risk": {"level": "high" if findings else "low", "score": 0.9 if findings else 0.1},
            "scheme": "financial_sextortion" if findings else None, "stage": "threat",
            "stages": [], "crisis": None, "findings": findings,
            "identifiers": list(identifiers.values())}


def fake_tools(**overrides: Any) -> Toolkit:
    base: dict[str, Any] = {"check_image": fake_check, "hash_image": fake_hash,
                            "read_screenshot": fake_screenshot, "read_export": fake_read_export,
                            "read_upload": fake_read_upload,
                            "analyze": fake_analyze}
    base.update(overrides)
    return Toolkit(**base)


class Clock:
    """A clock that ticks one second per call, in a fixed zone."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 3, 9, 0, tzinfo=ZONE)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def fake_pdf(html: str) -> bytes:
    """Stands in for WeasyPrint (seconds per PDF) in tests about the ZIP itself."""
    return b"%PDF-1.7 fake\n" + html.encode()
