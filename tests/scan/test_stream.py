"""A conversation longer than `stream_from` is analysed in windows: the same results."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from support.archive import START
from support.scan import long_chat, long_chat_among, same_bytes
from unsnare.scan import ScanOptions, run_scan
from unsnare.scan.engines import LocalEngine
from unsnare.scan.job import _conversation, _Results, analyzer
from unsnare.scan.stream import StreamedConversation


def rows_of(results: _Results) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    return results.conversations, results.findings


@pytest.mark.parametrize(
    ("before", "window", "context"),
    [
        (100, 40, 10),   # the scheme falls across a window boundary (messages 100-108)
        (117, 40, 10),   # the scheme starts just before a boundary
        (100, 7, 4),     # windows smaller than the scheme itself
        (0, 3, 2),       # the scheme at the very start
    ],
)
def test_windows_give_the_whole_conversations_results(
    before: int, window: int, context: int
) -> None:
    from unsnare.scan.job import _message

    rows = long_chat(before, 60)
    table = pa.Table.from_pylist(rows)
    cols = {
        "conversation_id": [r["conversation_id"] for r in rows],
        "message_id": [r["message_id"] for r in rows],
        "sender": [r["sender"] for r in rows],
        "ts_us": [int((r["timestamp"] - START).total_seconds() * 1e6) for r in rows],
        "text": [r["text"] for r in rows],
        "platform": [r["platform"] for r in rows],
        "order": list(range(len(rows))),
    }
    assert table.num_rows == len(rows)
    messages = [_message(cols, i) for i in range(len(rows))]
    whole = _Results(include_text=True)
    whole.add(_conversation("long", "snapchat", messages), "long")
    streamed = StreamedConversation(analyzer(), "long", "snapchat", window, context)
    for i in range(0, len(messages), 5):  # fed a few at a time, as a bucket is read
        streamed.add(messages[i : i + 5])
    windows = _Results(include_text=True)
    windows.add_streamed("long", "snapchat", streamed.finish())
    conversations, findings = rows_of(whole)
    assert conversations and conversations[0]["risk_level"] in {"high", "critical"}
    assert {f["tactic"] for f in findings} >= {"threat_to_expose", "payment_demand"}
    assert json.loads(conversations[0]["identifiers"])  # the handles were found
    assert rows_of(windows) == (conversations, findings)


def test_a_scan_with_streaming_forced_writes_the_same_bytes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    long_chat_among(folder, 30, seed=9, per_minute=1)
    whole, streamed = tmp_path / "whole", tmp_path / "streamed"
    run_scan(ScanOptions(folder, whole, partitions=2), LocalEngine())
    run_scan(ScanOptions(folder, streamed, partitions=2, stream_from=40), LocalEngine())
    same_bytes(whole, streamed)
    flagged = pq.read_table(streamed / "conversations.parquet").to_pylist()
    assert [(c["conversation_id"], c["messages"]) for c in flagged] == [("long", 239)]
    # The secrecy request ("dont tell your parents") already raises it to medium.
    assert flagged[0]["first_alert_message_id"] == "m00150"
