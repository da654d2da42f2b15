"""Discord's own data package (messages.json / messages.csv)."""

from __future__ import annotations

from pathlib import Path

from unsnare.importers import read_export

DATA = Path(__file__).resolve().parents[1] / "data" / "importers" / "discord"


def test_package_warns_only_own_messages() -> None:
    result = read_export(DATA / "package", tz="UTC")
    assert result.format == "discord-package"
    titles = [c.title for c in result.conversations]
    assert titles == ["Direct Message with shadowfox#0000", "general in Gaming Club"]
    assert all(w.code == "own_messages_only" for w in result.warnings)
    assert len(result.warnings) == 2
    dm, club = result.conversations
    assert [m.id for m in dm.messages] == ["2001", "2002"]
    assert all(m.sender == "me" for m in dm.messages)
    assert dm.participants[0].is_owner
    assert club.messages[0].text == "hello, all\nsecond line"
    assert club.messages[1].source.line == 4


def test_single_package_file_is_detected() -> None:
    path = DATA / "package" / "messages" / "c901" / "messages.csv"
    assert read_export(path, tz="UTC").format == "discord-package"


def test_chat_option_picks_a_channel() -> None:
    result = read_export(DATA / "package", tz="UTC", chat="general in Gaming Club")
    assert [c.title for c in result.conversations] == ["general in Gaming Club"]
