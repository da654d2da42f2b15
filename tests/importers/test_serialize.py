"""`message_json` writes exactly what `json.dumps(message_to_dict(m))` writes."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from unsnare.importers.serialize import message_json, message_to_dict
from unsnare.models import Attachment, Message, MessageKind, Reaction, Source, SystemEvent

_SRC = Source("ab" * 32, "_chat.txt", 12)
_WHEN = datetime(2024, 3, 1, 21, 5, 7, tzinfo=UTC)

CASES = [
    Message("L1", "Jordan Reyes", _WHEN, "hey 😊 \"quoted\" back\\slash", _SRC),
    Message("L2", None, None, "", Source("0" * 64, "result.json", None, "$.messages[3]")),
    Message(
        "L3",
        "Alex",
        datetime(2024, 3, 1, 9, 0, 0, 123456, tzinfo=timezone(timedelta(hours=-5))),
        "line one\nline two\ttab \x00 \x1f \u2028 \ud800 é ß 漢字",
        _SRC,
        kind=MessageKind.SYSTEM,
        system_event=SystemEvent.DELETED,
        attachments=(
            Attachment("IMG-1.jpg", "image/jpeg", True, "cd" * 32, 1234),
            Attachment("", None, False),
        ),
        reply_to="L1",
        quoted_text="what you said",
        forwarded_from="Sam",
        edited=True,
        edited_at=_WHEN,
        deleted=True,
        reactions=(Reaction("❤️", "Sam"), Reaction("👍")),
    ),
]


@pytest.mark.parametrize("message", CASES, ids=[m.id for m in CASES])
def test_message_json_matches_json_dumps(message: Message) -> None:
    assert message_json(message) == json.dumps(message_to_dict(message), ensure_ascii=False)


def test_message_json_other_value_types_fall_back_to_json_dumps() -> None:
    # An importer that put a number where text belongs still gets json.dumps' output.
    odd = Message(7, 3, None, 5, Source("0" * 64, 9, "12"), edited=1)  # type: ignore[arg-type]
    assert message_json(odd) == json.dumps(message_to_dict(odd), ensure_ascii=False)
