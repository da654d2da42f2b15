"""Checking one input row: good rows pass, each bad one gets a plain reason."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from unsnare.scan.rows import MessageRow, Reject, check_hash, check_message, parse_timestamp

GOOD = {
    "conversation_id": "c1",
    "message_id": "m1",
    "sender": "ana",
    "timestamp": "2026-03-01T10:00:00+00:00",
    "text": "hi",
}


@pytest.mark.parametrize(
    ("change", "field", "reason"),
    [
        ({}, None, None),
        ({"conversation_id": None}, "conversation_id", "no conversation_id"),
        ({"conversation_id": "  "}, "conversation_id", "no conversation_id"),
        ({"message_id": None}, "message_id", "no message_id"),
        ({"text": None}, "text", "no text"),
        ({"text": "   "}, "text", "no text"),
        ({"text": 42}, "text", "text is not a string"),
        ({"timestamp": "yesterday"}, "timestamp", "unreadable timestamp"),
        ({"timestamp": None}, "timestamp", "missing"),
        ({"timestamp": float("nan")}, "timestamp", "unreadable timestamp"),
        ({"sender": ["a"]}, "sender", "sender is not text"),
        ({"platform": 3}, "platform", "platform is not text"),
        ({"conversation_id": 7, "message_id": 8}, None, None),
    ],
)
def test_check_message(change: dict[str, object], field: str | None, reason: str | None) -> None:
    got = check_message(GOOD | change, "in.jsonl", 3, 3)
    if field is None:
        assert isinstance(got, MessageRow)
    else:
        assert isinstance(got, Reject)
        assert (got.source, got.row, got.field) == ("in.jsonl", 3, field)
        assert reason is not None and reason in got.reason


@pytest.mark.parametrize(
    ("value", "micros"),
    [
        ("1970-01-01T00:00:01Z", 1_000_000),
        ("1970-01-01T01:00:00+01:00", 0),
        ("1970-01-01T00:00:00", 0),  # no zone: read as UTC
        (datetime(1970, 1, 1, 2, tzinfo=timezone(timedelta(hours=2))), 0),
        (datetime(1970, 1, 2, tzinfo=UTC), 86_400_000_000),
        (1.5, 1_500_000),
        (True, None),
        ("", None),
    ],
)
def test_parse_timestamp(value: object, micros: int | None) -> None:
    assert parse_timestamp(value) == micros


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ({"id": "i1", "pdq": "ab" * 32}, None),
        ({"id": "i1", "md5": "AB" * 16}, None),
        ({"id": "i1", "pdq": "zz" * 32}, "pdq is not 64 hexadecimal digits"),
        ({"id": "i1", "pdq": "ab"}, "pdq is not 64 hexadecimal digits"),
        ({"id": "i1"}, "neither pdq nor md5"),
        ({"pdq": "ab" * 32}, "no id"),
    ],
)
def test_check_hash(row: dict[str, object], reason: str | None) -> None:
    got = check_hash(row, "h.jsonl", 1)
    if reason is None:
        assert not isinstance(got, Reject)
        assert got.md5 is None or got.md5 == got.md5.lower()
    else:
        assert isinstance(got, Reject) and reason in got.reason
