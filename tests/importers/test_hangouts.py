"""Google Hangouts from Takeout (Hangouts.json)."""

from __future__ import annotations

from pathlib import Path

from unsnare.importers import read_export
from unsnare.models import SystemEvent

DATA = Path(__file__).resolve().parents[1] / "data" / "importers" / "hangouts"


def test_events_oldest_first_with_segments_joined() -> None:
    result = read_export(DATA, tz="UTC")
    assert result.format == "hangouts" and not result.warnings
    (conv,) = result.conversations
    assert [p.name for p in conv.participants] == ["Riley Park", "Quinn Hale"]
    me = conv.participant("1001")
    assert me is not None and me.is_owner
    assert [(m.sender, m.text) for m in conv.messages][:3] == [
        ("2002", "hey https://example.org/x"),
        ("1001", "no"),
        ("2002", "send it tonight\nor else"),
    ]
    assert conv.messages[3].attachments[0].media_type == "image"
    assert conv.messages[4].system_event is SystemEvent.CALL
    assert conv.messages[0].timestamp is not None
    assert conv.messages[0].timestamp.isoformat() == "2016-11-24T15:08:20+00:00"


def test_older_conversation_state_layout(tmp_path: Path) -> None:
    path = tmp_path / "Hangouts.json"
    path.write_text(
        '{"conversation_state": [{"conversation_state": {"conversation": {"participant_data": '
        '[{"id": {"gaia_id": "7"}, "fallback_name": "Ash"}]}, "event": [{"sender_id": '
        '{"gaia_id": "7"}, "timestamp": "1400000000000000", "event_type": '
        '"REGULAR_CHAT_MESSAGE", "chat_message": {"message_content": {"segment": '
        '[{"type": "TEXT", "text": "old hi"}]}}}]}}]}',
        encoding="utf-8",
    )
    (conv,) = read_export(path, tz="UTC").conversations
    assert [(m.sender, m.text) for m in conv.messages] == [("7", "old hi")]
