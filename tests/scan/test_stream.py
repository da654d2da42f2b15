"""A conversation longer than `stream_from` is analysed in windows: the same results."""

from __future__ import annotations

import json
import random
from datetime import timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from support.archive import EVERYDAY, SCHEMA, START
from support.scan import same_bytes
from unsnare.scan import ScanOptions, run_scan
from unsnare.scan.engines import LocalEngine
from unsnare.scan.job import _conversation, _Results, analyzer
from unsnare.scan.stream import StreamedConversation

# Invented: a long everyday chat, then grooming, a request, a threat with a
# payment handle and a deadline, the target's despair, and everyday talk again.
SCHEME = (
    ("x", "you seem really mature for your age, dont tell your parents we talk"),
    ("v", "ok haha"),
    ("x", "send me a pic of you, just for me"),
    ("v", "ok"),
    ("x", "I have your nudes. Pay me $300 on cashapp $quickpay77 or I send them to all "
          "your followers and your family"),
    ("x", "you have 24 hours"),
    ("v", "please dont, I want to die"),
    ("x", "add me on snap: slick.vic_88 and pay"),
    ("x", "now I want $600 more or I post everything"),
)


def long_chat(before: int, after: int, seed: int = 4) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    script = [("a" if i % 2 else "b", rng.choice(EVERYDAY)) for i in range(before)]
    script += [("b" if s == "v" else s, t) for s, t in SCHEME]
    script += [("a" if i % 2 else "b", rng.choice(EVERYDAY)) for i in range(after)]
    return [
        {"conversation_id": "long", "message_id": f"m{i:05d}", "sender": sender,
         "timestamp": START + timedelta(seconds=30 * i), "text": text, "platform": "snapchat"}
        for i, (sender, text) in enumerate(script)
    ]


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
    rows = long_chat(150, 80)
    rng = random.Random(9)
    # Ordinary conversations around it, short enough to be analysed whole.
    for k in range(30):
        rows += [
            {"conversation_id": f"c{k}", "message_id": f"c{k}-{i}", "sender": f"p{k}{i % 2}",
             "timestamp": START + timedelta(minutes=i), "text": rng.choice(EVERYDAY),
             "platform": "instagram"}
            for i in range(rng.randint(5, 30))
        ]
    rng.shuffle(rows)
    folder = tmp_path / "in"
    folder.mkdir()
    pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMA), folder / "m.parquet")
    whole, streamed = tmp_path / "whole", tmp_path / "streamed"
    run_scan(ScanOptions(folder, whole, partitions=2), LocalEngine())
    run_scan(ScanOptions(folder, streamed, partitions=2, stream_from=40), LocalEngine())
    same_bytes(whole, streamed)
    flagged = pq.read_table(streamed / "conversations.parquet").to_pylist()
    assert [(c["conversation_id"], c["messages"]) for c in flagged] == [("long", 239)]
    # The secrecy request ("dont tell your parents") already raises it to medium.
    assert flagged[0]["first_alert_message_id"] == "m00150"
