"""Snapchat chat_history.json, old and new layouts."""

from __future__ import annotations

from pathlib import Path

import pytest

from unsnare.importers import read_export

DATA = Path(__file__).resolve().parents[1] / "data" / "importers" / "snapchat"

# layout folder, other user, expected (sender, text) in time order
CASES = [
    ("old", "snapper_99", [("snapper_99", "hey cutie"), ("me", "who r u"), ("snapper_99", "")]),
    ("new", "river.k", [("river.k", "you're cute & funny"), ("me", "thanks"), ("river.k", "")]),
]


@pytest.mark.parametrize(("layout", "other", "expected"), CASES)
def test_layouts(layout: str, other: str, expected: list[tuple[str, str]]) -> None:
    result = read_export(DATA / layout, tz="UTC")
    assert result.format == "snapchat"
    (conv,) = result.conversations
    assert conv.title == other
    assert [(m.sender, m.text) for m in conv.messages] == expected
    assert [w.code for w in result.warnings] == ["unsaved_snaps_missing"]
    assert conv.messages[-1].attachments


def test_saved_media_is_hashed() -> None:
    conv = read_export(DATA / "new", tz="UTC").conversations[0]
    att = conv.messages[-1].attachments[0]
    assert att.present and att.sha256 and att.media_type == "image/jpeg"
