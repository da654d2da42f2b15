"""Instagram "Download your information" JSON, and the mojibake repair it needs."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from unsnare.importers import read_export
from unsnare.importers.meta_dyi import repair_mojibake
from unsnare.models import Reaction, SystemEvent

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"

# stored text, expected text: repaired only where it round-trips
MOJIBAKE = [
    ("\u00f0\u009f\u0098\u00a0", "😠"),
    ("Zo\u00c3\u00ab", "Zoë"),
    ("caf\u00e9", "café"),  # real Latin-1 text: not valid UTF-8 bytes, left alone
    ("café 😀", "café 😀"),  # real characters beyond Latin-1: left alone
    ("plain ascii", "plain ascii"),
    ("", ""),
]


@pytest.mark.parametrize(("stored", "expected"), MOJIBAKE)
def test_repair_mojibake(stored: str, expected: str) -> None:
    assert repair_mojibake(stored) == expected


def test_instagram_parts_merged_oldest_first() -> None:
    result = read_export(DATA / "instagram", tz="UTC")
    assert result.format == "instagram"
    (conv,) = result.conversations
    assert [p.name for p in conv.participants] == ["Skyler Brooks", "Zoë Hart"]
    texts = [m.text for m in conv.messages]
    assert texts[-1] == "send one more or I post it 😠"
    assert texts[2] == "Already correct: café 😀 naïve\nhttps://example.invalid/profile"
    assert [m.source.path for m in conv.messages][:3] == [
        "$.messages[2]",
        "$.messages[1]",
        "$.messages[0]",
    ]
    assert conv.messages[0].source.file_name.endswith("message_2.json")
    assert conv.messages[0].deleted and conv.messages[0].system_event is SystemEvent.DELETED
    stamps = [m.timestamp for m in conv.messages]
    assert stamps == sorted(stamps)  # type: ignore[type-var]
    photo = conv.messages[3].attachments[0]
    jpg = next((DATA / "instagram").rglob("photo_1.jpg"))
    assert photo.present and photo.sha256 == hashlib.sha256(jpg.read_bytes()).hexdigest()
    assert conv.messages[4].reactions[0].emoji == "😢"
    assert not conv.timezone_assumed


def test_instagram_zip(tmp_path: Path) -> None:
    archive = shutil.make_archive(str(tmp_path / "instagram-export"), "zip", DATA / "instagram")
    conv = read_export(Path(archive), tz="UTC").conversations[0]
    assert len(conv.messages) == 6
    assert conv.messages[3].attachments[0].present
    assert conv.source_files[0].name == "instagram-export.zip"


def test_story_reply_quotes_the_story_and_reactions_are_kept() -> None:
    conv = read_export(DATA / "instagram_replies", tz="UTC").conversations[0]
    first, second, third = conv.messages
    assert first.quoted_text == "beach day"
    assert "instagram.com/stories" in first.text
    assert second.reactions == (Reaction("❤️", "nightowl_99"),)
    assert third.text.startswith("Reacted 😍")
