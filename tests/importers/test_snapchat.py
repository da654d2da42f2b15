"""Snapchat chat_history.json, old and new layouts."""

from __future__ import annotations

from pathlib import Path

import pytest

from unsnare.errors import InputError
from unsnare.importers import read_export, snapchat

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


def test_huge_new_layout_file_is_streamed_one_contact_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    whole = read_export(DATA / "new", tz="UTC").conversations
    monkeypatch.setattr(snapchat, "MAX_JSON_BYTES", 10)
    streamed = read_export(DATA / "new", tz="UTC").conversations
    assert [c.messages for c in streamed] == [c.messages for c in whole]
    assert [c.participants for c in streamed] == [c.participants for c in whole]


def test_huge_old_layout_file_is_refused_with_advice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(snapchat, "MAX_JSON_BYTES", 10)
    with pytest.raises(InputError, match="older layout") as info:
        read_export(DATA / "old", tz="UTC")
    assert info.value.hint
