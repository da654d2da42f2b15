"""DiscordChatExporter JSON."""

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
