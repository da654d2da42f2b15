"""Helpers for the analysis tests: run one detector on a text, load invented
conversations from tests/data/analysis/, the shared hard negatives, and the
`analyzer` fixture (one per session)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from support import paths
from unsnare.analysis import Analyzer, Detector, Finding
from unsnare.analysis.text import Folder
from unsnare.analysis.text_input import conversation_from_text
from unsnare.analysis.view import build_view
from unsnare.models import Attachment, Conversation, Message, Participant, Source

DATA = paths.DATA / "analysis"


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    """One analyzer for the session (compiling every rule once)."""
    return Analyzer()


def run_detector(detector: Detector, text: str) -> list[Finding]:
    """Run one detector on one message of text."""
    conv, is_email, _ = conversation_from_text(text)
    return detector.detect(build_view(conv, Folder(), is_email))


def top_score(findings: list[Finding]) -> float:
    """The highest score among findings (0 when there are none)."""
    return max((f.score for f in findings), default=0.0)


def load_case(name: str) -> tuple[Conversation, dict[str, Any]]:
    """An invented conversation and what the analysis should say about it."""
    raw = json.loads((DATA / name).read_text(encoding="utf-8"))
    t0 = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)
    msgs = tuple(
        Message(
            id=f"m{i}",
            sender=m["sender"],
            timestamp=t0 + timedelta(minutes=m["minute"]),
            text=m["text"],
            source=Source("0" * 64, name, path=f"$.messages[{i}]"),
            attachments=tuple(
                Attachment(a["file_name"], a.get("media_type")) for a in m.get("attachments", ())
            ),
        )
        for i, m in enumerate(raw["messages"])
    )
    people = tuple(
        Participant(p["id"], p["name"], handle=p.get("handle"), is_owner=p.get("is_owner"))
        for p in raw["participants"]
    )
    conv = Conversation(name, raw["platform"], "test", people, msgs, timezone="UTC")
    return conv, raw["expect"]


def tactics_of(findings: list[Finding], min_score: float = 0.0) -> set[str]:
    """The tactic names among findings at or above a score."""
    return {str(f.tactic) for f in findings if f.score >= min_score}


# Ordinary life that must stay calm, shared by every detector's negative table.
HARD_NEGATIVES = [
    "you still owe me $20 from the movies, send it back when you can",
    "send me a pic of your dog!! she is so cute",
    "I'm telling mom lol",
    "had a great time tonight, you looked gorgeous. can't wait to see you again 😘",
    "get rekt noob, I destroyed you. uninstall the game lol",
    "Acme Bank will never ask for your password. If this wasn't you, reset your password "
    "in the app within 24 hours.",
    "Sextortion is rising: scammers pose as teens, ask for photos, then threaten to send "
    "them to your family and friends unless you pay. Never pay, and report it.",
    "Parents: if someone online asks your child for pics or says they will post them, "
    "tell your child it is not their fault and report it to the police.",
]
