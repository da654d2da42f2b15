"""Plain "Name: message" text, as a file and as pasted text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unsnare.importers import read_export, read_text

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"

# text, expected (sender, text) pairs
CASES = [
    ("Alex: hi\nSam: hello", [("Alex", "hi"), ("Sam", "hello")]),
    (
        "[21:04] Alex: hi\n[21:05] Sam: what?\nsecond line",
        [("Alex", "hi"), ("Sam", "what?\nsecond line")],
    ),
    ("2024-03-01 21:04 Alex: hi 🙂", [("Alex", "hi 🙂")]),
    ("[01/03/2024, 21:04] Alex: send it", [("Alex", "send it")]),
    ("just a worried note from a parent", [("unknown", "just a worried note from a parent")]),
    ("   ", [("unknown", "   ")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_read_text(text: str, expected: list[tuple[str, str]]) -> None:
    conv = read_text(text, tz="UTC")
    assert [(m.sender, m.text) for m in conv.messages] == expected
    assert all(m.source.file_name == "pasted.txt" for m in conv.messages)


def test_timestamps_with_dates_are_kept() -> None:
    conv = read_text("2024-03-01 21:04 Alex: hi", tz="Europe/London")
    assert conv.messages[0].timestamp is not None
    assert conv.messages[0].timestamp.isoformat() == "2024-03-01T21:04:00+00:00"


def test_plaintext_file_is_detected() -> None:
    result = read_export(DATA / "plaintext" / "copied.txt", tz="UTC")
    assert result.format == "plaintext"
    conv = result.conversations[0]
    assert [p.name for p in conv.participants] == ["Robin", "kai_22"]
    assert [w.code for w in result.warnings] == ["orphan_line"]


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=300))
def test_read_text_never_raises(text: str) -> None:
    conv = read_text(text, tz="UTC")
    assert conv.messages


def test_pasted_whatsapp_keeps_whatsapp_detail() -> None:
    pasted = (
        "13/03/2023, 09:14 - Messages and calls are end-to-end encrypted.\n"
        "13/03/2023, 09:15 - Sam Lee: hi there\n"
        "13/03/2023, 09:16 - Dee: <Media omitted>\n"
    )
    conv = read_text(pasted, tz="UTC")
    assert conv.format == "whatsapp" and conv.date_order == "day-first"
    assert [m.kind.value for m in conv.messages] == ["system", "message", "message"]
    assert conv.messages[2].attachments and conv.messages[0].source.file_name == "pasted.txt"


def test_lone_surrogates_do_not_raise() -> None:
    assert read_text("Alex: hi \ud800").messages
