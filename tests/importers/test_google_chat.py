"""Google Chat from Google Takeout (Groups/<chat>/messages.json)."""

from __future__ import annotations

from pathlib import Path

import pytest

from unsnare.importers import read_export
from unsnare.importers.google_chat import takeout_time
from unsnare.models import Reaction

DATA = Path(__file__).resolve().parents[1] / "data" / "importers" / "google_chat"


def test_direct_message_with_owner_reactions_quotes_and_files() -> None:
    result = read_export(DATA, tz="Europe/London")
    assert result.format == "google-chat"
    assert [w.code for w in result.warnings] == ["bad_timestamp", "bad_record"]
    (conv,) = result.conversations
    me = conv.participant("casey.morgan@example.com")
    assert me is not None and me.is_owner
    msgs = conv.messages
    assert [m.text for m in msgs] == [
        "hey its drew from the game",
        "hi",
        "remember this?",
        "delete that",
        "pay up",
    ]
    assert msgs[1].reactions == (Reaction("👋", "drew.p.1999@example.net"),)
    assert msgs[2].attachments[0].present and msgs[2].attachments[0].file_name == "IMG_0042.jpg"
    assert msgs[3].quoted_text == "remember this?" and msgs[3].edited
    assert msgs[4].timestamp is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tuesday, 5 March 2024 at 21:14:05 UTC", "2024-03-05T21:14:05+00:00"),
        ("Wednesday, March 6, 2024 at 7:02:10\u202fAM UTC", "2024-03-06T07:02:10+00:00"),
        ("Wednesday, March 6, 2024 at 12:02:10 AM UTC", "2024-03-06T00:02:10+00:00"),
        ("6 March 2024 at 19:02 UTC", "2024-03-06T19:02:00+00:00"),
        ("Smarch 6, 2024 at 7:02:10 AM UTC", None),
    ],
)
def test_takeout_dates(text: str, expected: str | None) -> None:
    got = takeout_time(text)
    assert (got.isoformat() if got else None) == expected
