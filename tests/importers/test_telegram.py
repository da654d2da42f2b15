"""Telegram Desktop result.json: one chat, a full export, --chat."""

from __future__ import annotations

from pathlib import Path

import pytest

from unsnare.errors import ImportFormatError, UsageError
from unsnare.importers import read_export
from unsnare.importers.telegram import flatten_text
from unsnare.models import MessageKind, SystemEvent

DATA = Path(__file__).resolve().parents[1] / "data" / "importers" / "telegram"

TEXTS = [
    ("plain", "plain"),
    (["a ", {"type": "bold", "text": "b"}, " c"], "a b c"),
    ([{"type": "link", "text": "https://example.invalid"}], "https://example.invalid"),
    (None, ""),
]


@pytest.mark.parametrize(("value", "expected"), TEXTS)
def test_flatten_text(value: object, expected: str) -> None:
    assert flatten_text(value) == expected


def test_single_chat() -> None:
    result = read_export(DATA / "single", tz="Asia/Tokyo")
    assert result.format == "telegram"
    (conv,) = result.conversations
    m = {x.id: x for x in conv.messages}
    assert m["1"].kind is MessageKind.SYSTEM and m["1"].system_event is SystemEvent.CALL
    assert m["2"].text == "you have 24 hours, pay or else"
    assert (
        m["2"].timestamp is not None and m["2"].timestamp.isoformat() == "2024-01-05T19:01:00+09:00"
    )
    assert m["3"].reply_to == "2" and m["3"].edited and m["3"].edited_at is not None
    assert m["3"].reactions[0].actor == "Ava Chen"
    assert m["4"].forwarded_from == "Hidden Channel" and not m["4"].attachments[0].present
    assert m["5"].attachments[0].present and m["5"].attachments[0].media_type == "audio/ogg"
    assert m["6"].system_event is SystemEvent.SCREENSHOT
    assert m["2"].source.path == "$.messages[1]"
    assert not conv.timezone_assumed


def test_full_export_reads_every_chat() -> None:
    result = read_export(DATA / "full" / "result.json", tz="UTC")
    assert [c.title for c in result.conversations] == ["Max Ivanov", "Study group"]
    first = result.conversations[0]
    owner = [p for p in first.participants if p.is_owner]
    assert [p.name for p in owner] == ["Ava Chen"]
    group = result.conversations[1]
    assert group.messages[0].system_event is SystemEvent.GROUP_EVENT
    assert group.messages[1].source.path == "$.chats.list[1].messages[1]"
    assert group.notes  # local times only: the zone was assumed for them


def test_chat_option_picks_one() -> None:
    result = read_export(DATA / "full" / "result.json", tz="UTC", chat="Study group")
    assert [c.title for c in result.conversations] == ["Study group"]
    with pytest.raises(UsageError, match="no chat called"):
        read_export(DATA / "full" / "result.json", chat="Nobody")


def test_cut_short_export_is_explained(tmp_path: Path) -> None:
    whole = (DATA / "single" / "result.json").read_bytes()
    cut = tmp_path / "result.json"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ImportFormatError) as info:
        read_export(cut, tz="UTC")
    assert "cut short" in info.value.message and info.value.file == "result.json"
