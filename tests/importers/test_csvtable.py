"""CSV with named columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from unsnare.importers import read_export

DATA = Path(__file__).resolve().parents[1] / "data" / "importers" / "csv"

# file content, expected (sender, text, iso timestamp or None)
CASES = [
    (
        "sender,text,timestamp\nAlex,hi,2024-01-01 10:00\n",
        [("Alex", "hi", "2024-01-01T10:00:00+00:00")],
    ),
    ("Author\tMessage\tDate\nSam\tyo\t1704103200\n", [("Sam", "yo", "2024-01-01T10:00:00+00:00")]),
    ('message,from\n"a, b",Kim\n', [("Kim", "a, b", None)]),
]


@pytest.mark.parametrize(("content", "expected"), CASES)
def test_columns(tmp_path: Path, content: str, expected: list[tuple[str, str, str | None]]) -> None:
    path = tmp_path / "chat.csv"
    path.write_text(content, encoding="utf-8")
    conv = read_export(path, tz="UTC").conversations[0]
    got = [
        (m.sender, m.text, m.timestamp.isoformat() if m.timestamp else None) for m in conv.messages
    ]
    assert got == expected


def test_fixture_multiline_and_warnings() -> None:
    result = read_export(DATA / "messages.csv", tz="UTC")
    conv = result.conversations[0]
    assert conv.messages[0].text == "hi\nhow are you"
    assert [m.source.line for m in conv.messages] == [2, 4, 5]
    assert {w.code for w in result.warnings} == {"ignored_columns", "bad_timestamp"}
