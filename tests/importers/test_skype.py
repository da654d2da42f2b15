"""Skype export messages.json."""

from __future__ import annotations

from pathlib import Path

from unsnare.importers import read_export
from unsnare.models import SystemEvent

DATA = Path(__file__).resolve().parents[1] / "data" / "importers" / "skype"


def test_messages_oldest_first_with_markup_removed() -> None:
    result = read_export(DATA, tz="UTC")
    assert result.format == "skype" and not result.warnings
    (conv,) = result.conversations  # the empty call-log conversation is left out
    assert conv.title == "Max Ivanov"
    assert [m.text for m in conv.messages] == [
        "hello?",
        "I have your photos. Pay 200 or I send them",
        "",
        "please stop & leave me alone",
        "",
        "missed call",
    ]
    owner = conv.participant("8:live:.cid.11bb")
    assert owner is not None and owner.is_owner and owner.name == "Noor Haddad"


def test_pictures_edits_deletions_and_calls() -> None:
    msgs = read_export(DATA / "messages.json", tz="UTC").conversations[0].messages
    assert msgs[2].attachments[0].file_name == "screenshot.png"
    assert msgs[3].edited
    assert msgs[4].deleted and msgs[4].system_event is SystemEvent.DELETED
    assert msgs[5].system_event is SystemEvent.CALL
    assert msgs[0].timestamp is not None
    assert msgs[0].timestamp.isoformat() == "2024-03-10T20:00:00+00:00"
