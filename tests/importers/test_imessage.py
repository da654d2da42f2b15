"""iMessage/SMS as written by imessage-exporter: the TXT and the HTML layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from unsnare.importers import read_export
from unsnare.models import MessageKind, Reaction, SystemEvent

DATA = Path(__file__).resolve().parents[1] / "data" / "importers" / "imessage"

# layout, chat title, (sender, text) in order
CASES = [
    (
        "txt",
        "Jordan Lee",
        [
            ("+15555550123", "hey, is this Casey?"),
            ("me", "who is this"),
            ("+15555550123", "a friend of your cousin\nwe met at the lake last summer"),
            ("me", "which cousin?"),
            ("+15555550123", "send one back or everyone sees this"),
            ("+15555550123", "This message was deleted from the conversation!"),
            (None, "You named the conversation Lake crew"),
            ("me", "stop"),
        ],
    ),
    (
        "html",
        "+15555550123",
        [
            ("+15555550123", "hey, is this Casey?"),
            ("me", "who is this & how did you get my number"),
            ("+15555550123", "send one back or everyone sees this"),
            (None, "You named the conversation Lake crew"),
            ("me", "stop"),
        ],
    ),
]


@pytest.mark.parametrize(("layout", "title", "expected"), CASES)
def test_conversation_reads_in_order(
    layout: str, title: str, expected: list[tuple[str | None, str]]
) -> None:
    result = read_export(DATA / layout, tz="America/New_York")
    assert result.format == "imessage" and not result.warnings
    (conv,) = result.conversations
    assert conv.title == title
    assert [(m.sender, m.text) for m in conv.messages] == expected
    me = conv.participant("me")
    assert me is not None and me.is_owner
    first = conv.messages[0].timestamp
    assert first is not None and first.isoformat() == "2024-03-03T21:14:05-05:00"
    assert conv.messages[-1].timestamp is not None
    assert conv.messages[-1].timestamp.hour == 12
    announcement = next(m for m in conv.messages if m.sender is None)
    assert announcement.kind is MessageKind.SYSTEM


def test_txt_reactions_attachments_and_deleted() -> None:
    msgs = read_export(DATA / "txt", tz="UTC").conversations[0].messages
    assert msgs[2].reactions == (Reaction("Disliked", "me"),)
    assert msgs[3].reply_to == msgs[2].id  # an indented thread reply
    assert msgs[4].attachments[0].file_name == "IMG_0042.HEIC"
    assert not msgs[4].attachments[0].present
    assert msgs[5].deleted and msgs[5].system_event is SystemEvent.DELETED


def test_html_thread_reply_points_at_its_message_and_media_is_hashed() -> None:
    msgs = read_export(DATA / "html", tz="UTC").conversations[0].messages
    assert msgs[1].reply_to == msgs[0].id
    att = msgs[2].attachments[0]
    assert att.present and att.sha256 and att.media_type == "image/jpeg"
    assert msgs[2].reactions == (Reaction("Disliked", "me"),)
