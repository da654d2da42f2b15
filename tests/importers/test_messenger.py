"""Messenger "Download your information" JSON (the reader it shares with Instagram)."""

from __future__ import annotations

from pathlib import Path

import pytest

from unsnare.errors import ImportFormatError
from unsnare.importers import meta_dyi, read_export
from unsnare.models import Reaction, SystemEvent

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


# export, format detected, participants, texts oldest first
MINIMAL = [
    (
        "meta_minimal/group_bom",
        ["Zoë Brandt", "Kai Otto", "Jonás Ruiz"],
        ["hi all", "Zoë Brandt named the group 🔥 Sommer 2023 🔥.", "who is this?"],
    ),
    (
        "meta_minimal/only_messages/message_1.json",
        ["Robin Lake", "Pat Quinn"],
        ["hey", "hallo, wer bist du?", "you have 24 hours"],
    ),
    ("messenger_e2ee", ["Robin Lake", "Sam Ortiz"], ["send a pic", "no", ""]),
]


@pytest.mark.parametrize(("export", "people", "texts"), MINIMAL)
def test_threads_known_by_their_messages_alone(
    export: str, people: list[str], texts: list[str]
) -> None:
    result = read_export(DATA / export, tz="UTC")
    assert result.format == "messenger" and not result.warnings
    (conv,) = result.conversations
    assert [p.name for p in conv.participants] == people
    assert [m.text for m in conv.messages][: len(texts)] == texts
    stamps = [m.timestamp for m in conv.messages]
    assert stamps == sorted(stamps)  # type: ignore[type-var]


def test_encrypted_chats_download_reads_reactions_replies_and_unsent() -> None:
    conv = read_export(DATA / "messenger_e2ee", tz="UTC").conversations[0]
    assert not any("End-to-end encrypted" in n for n in conv.notes)
    last = conv.messages[-1]
    assert last.reactions == (Reaction("😡", "Robin Lake"),)
    assert last.quoted_text == "no"
    assert conv.messages[2].deleted
    assert conv.messages[1].attachments[0].file_name == "photo_1.jpg"


def test_reactions_in_the_main_download_are_kept() -> None:
    conv = read_export(DATA / "meta_minimal" / "group_bom", tz="UTC").conversations[0]
    assert conv.messages[-1].reactions == (Reaction("😢", "Zoë Brandt"),)


def test_file_too_large_to_parse_whole_is_streamed_oldest_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    whole = read_export(DATA / "meta_minimal" / "group_bom", tz="UTC").conversations[0]
    monkeypatch.setattr(meta_dyi, "STREAM_ABOVE", 100)
    monkeypatch.setattr(meta_dyi, "STREAM_WINDOW", 3)
    streamed = read_export(DATA / "meta_minimal" / "group_bom", tz="UTC").conversations[0]
    assert streamed.messages == whole.messages
    assert streamed.participants == whole.participants


def test_json_that_is_no_thread_is_not_claimed(tmp_path: Path) -> None:
    path = tmp_path / "message_1.json"
    path.write_text('{"messages": [{"from": "x", "date": "2020"}]}', encoding="utf-8")
    with pytest.raises(ImportFormatError, match="--format"):
        read_export(path, tz="UTC")
