"""Discord: DiscordChatExporter JSON and Discord's own data package."""

from __future__ import annotations

from pathlib import Path

from unsnare.importers import read_export
from unsnare.importers.discord_exporter import parse_iso
from unsnare.models import MessageKind, SystemEvent

DATA = Path(__file__).resolve().parents[1] / "data" / "importers" / "discord"


def test_parse_iso_with_seven_fraction_digits() -> None:
    t = parse_iso("2024-02-28T20:01:00.1234567-05:00")
    assert t is not None and t.isoformat() == "2024-02-28T20:01:00.123456-05:00"
    assert parse_iso("yesterday") is None


def test_exporter_json() -> None:
    result = read_export(DATA / "exporter", tz="UTC")
    assert result.format == "discord"
    conv = result.conversations[0]
    m = {x.id: x for x in conv.messages}
    assert (
        m["1001"].kind is MessageKind.SYSTEM and m["1001"].system_event is SystemEvent.GROUP_EVENT
    )
    assert m["1002"].edited and m["1002"].attachments[0].present
    assert m["1002"].reactions[0].actor == "kid_gamer"
    assert m["1003"].reply_to == "1002" and not m["1003"].attachments[0].present
    assert m["1004"].system_event is SystemEvent.CALL
    shadow = conv.participant("501")
    assert shadow is not None and shadow.name == "Shadow" and shadow.handle == "shadowfox"


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
