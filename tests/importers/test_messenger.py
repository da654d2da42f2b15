"""Messenger "Download your information" JSON (the reader it shares with Instagram)."""

from __future__ import annotations

from pathlib import Path

from unsnare.importers import read_export
from unsnare.models import SystemEvent

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"


def test_messenger_calls_and_group_events() -> None:
    result = read_export(DATA / "messenger", tz="UTC")
    assert result.format == "messenger"
    events = [m.system_event for m in result.conversations[0].messages]
    assert events == [None, SystemEvent.CALL, SystemEvent.GROUP_EVENT]
    assert result.conversations[0].messages[0].text == "pay €50 now"
    assert result.conversations[0].messages[0].attachments[0].media_type == "video/mp4"


def test_messenger_says_encrypted_chats_are_elsewhere() -> None:
    conv = read_export(DATA / "messenger", tz="UTC").conversations[0]
    assert any("End-to-end encrypted" in n for n in conv.notes)
    assert [p.name for p in conv.participants] == ["Robin Lake", "Pat Quinn"]
