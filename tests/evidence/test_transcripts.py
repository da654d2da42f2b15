"""Transcripts: every message with its source; CSV cells cannot run as formulas."""

from __future__ import annotations

import csv
import io

import pytest

from support.fakes import CHAT, parse_chat
from unsnare.evidence.compact import expand_messages, pack_conversation
from unsnare.evidence.transcripts import transcript_csv, transcript_html


def _data(text: str = CHAT) -> dict[str, object]:
    data = pack_conversation(parse_chat(text.encode(), "chat.txt"))
    data["messages"] = expand_messages(data)
    return data


@pytest.mark.parametrize(
    ("text", "cell"),
    [("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("@jordan", "'@jordan"),
     ("+44 7700", "'+44 7700"), ("-5", "'-5"), ("hello", "hello")],
)
def test_csv_defuses_formulas(text: str, cell: str) -> None:
    rows = list(csv.reader(io.StringIO(transcript_csv(_data(f"[2026-03-02T21:10:00+01:00] Jo: {text}\n")))))
    assert rows[1][5] == cell


def test_csv_and_html_cite_file_and_line() -> None:
    data = _data()
    rows = list(csv.reader(io.StringIO(transcript_csv(data))))
    assert rows[0][0] == "message_id" and len(rows) == 5
    assert rows[3][10:12] == ["chat_export.txt", "3"] or rows[3][10:12] == ["chat.txt", "3"]
    html = transcript_html({"id": "v1", "item_id": "i1", "platform": "fakechat"}, data)
    assert "chat.txt line 3" in html and "Jordan Vale" in html


def test_html_escapes_message_text() -> None:
    data = _data("[2026-03-02T21:10:00+01:00] Jo: <img src=x onerror=alert(1)>\n")
    html = transcript_html({"id": "v1", "item_id": "i1"}, data)
    assert "<img src=x" not in html and "&lt;img" in html
