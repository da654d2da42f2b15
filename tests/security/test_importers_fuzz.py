"""Whatever bytes or oddly shaped records arrive: an explained error, or a warning per record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unsnare.errors import UnsnareError
from unsnare.importers import read_export

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 2_000_000_000),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)
KEYS = {
    "telegram": [
        "id",
        "type",
        "date",
        "date_unixtime",
        "from",
        "from_id",
        "actor",
        "action",
        "text",
        "photo",
        "file",
        "reactions",
        "edited",
        "edited_unixtime",
        "reply_to_message_id",
        "forwarded_from",
    ],
    "discord": [
        "id",
        "type",
        "timestamp",
        "timestampEdited",
        "content",
        "author",
        "attachments",
        "reactions",
        "reference",
        "stickers",
        "embeds",
    ],
    "messenger": [
        "sender_name",
        "timestamp_ms",
        "content",
        "photos",
        "videos",
        "files",
        "share",
        "reactions",
        "type",
        "is_unsent",
        "sticker",
        "senderName",
        "timestamp",
        "text",
        "isUnsent",
        "media",
        "replyTo",
    ],
    "tiktok": ["Date", "From", "Content"],
    "google-chat": [
        "creator",
        "created_date",
        "text",
        "attached_files",
        "reactions",
        "quoted_message_metadata",
        "updated_date",
        "deleted_date",
    ],
    "hangouts": ["sender_id", "timestamp", "event_type", "chat_message"],
    "skype": [
        "from",
        "displayName",
        "originalarrivaltime",
        "messagetype",
        "content",
        "properties",
    ],
    "snapchat": [
        "From",
        "To",
        "Media Type",
        "Created",
        "Text",
        "Content",
        "IsSender",
        "Media IDs",
        "Created(microseconds)",
        "Conversation Title",
    ],
}
RECORD = {
    fmt: st.dictionaries(st.sampled_from(keys), VALUES, max_size=6) for fmt, keys in KEYS.items()
}


def _document(fmt: str, records: list[object]) -> tuple[str, object]:
    if fmt == "telegram":
        return "result.json", {"name": "x", "type": "personal_chat", "id": 1, "messages": records}
    if fmt == "discord":
        return "dm.json", {"guild": {}, "channel": {}, "messages": records}
    if fmt == "messenger":
        return "inbox/a_1/message_1.json", {"participants": [{"name": "a"}], "messages": records}
    if fmt == "tiktok":
        box = {"ChatHistory": {"Chat History with a:": records}}
        return "user_data.json", {"Direct Message": {"Direct Messages": box}}
    if fmt == "google-chat":
        return "Google Chat/Groups/DM a/messages.json", {"messages": records}
    if fmt == "hangouts":
        return "Hangouts.json", {"conversations": [{"conversation": {}, "events": records}]}
    if fmt == "skype":
        return "messages.json", {"userId": "8:a", "conversations": [{"MessageList": records}]}
    return "chat_history.json", {"someone": records}


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(fmt=st.sampled_from(sorted(KEYS)), data=st.data())
def test_odd_records_never_crash(tmp_path: Path, fmt: str, data: st.DataObject) -> None:
    records = data.draw(st.lists(st.one_of(RECORD[fmt], VALUES), min_size=1, max_size=4))
    name, doc = _document(fmt, records)
    path = tmp_path / f"case-{abs(hash((fmt, json.dumps(records, default=str))))}"
    (path / name).parent.mkdir(parents=True, exist_ok=True)
    (path / name).write_text(json.dumps(doc), encoding="utf-8")
    # An odd record becomes a warning with its path; the rest is still read.
    result = read_export(path, format=fmt, tz="UTC")
    conv = result.conversations[0]
    assert len(conv.messages) + len(result.warnings) >= len(records)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(blob=st.binary(min_size=1, max_size=400))
def test_random_bytes_never_crash(tmp_path: Path, blob: bytes) -> None:
    path = tmp_path / f"blob-{abs(hash(blob))}.txt"
    path.write_bytes(blob)
    try:
        read_export(path, tz="UTC")
    except UnsnareError as exc:
        assert exc.explain()


@pytest.mark.parametrize(
    "fmt", ["whatsapp", "plaintext", "csv", "discord-package", "tiktok", "imessage"]
)
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=300))
def test_random_text_forced_never_crashes(tmp_path: Path, fmt: str, text: str) -> None:
    path = tmp_path / f"text-{abs(hash(text))}.csv"
    path.write_text(text or "x", encoding="utf-8")
    try:
        read_export(path, format=fmt, tz="UTC")
    except UnsnareError as exc:
        assert exc.explain()
