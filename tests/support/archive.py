"""Invented message archives for scan tests and the scan benchmark.

Ordinary chats between made-up teenagers, with a known share of sextortion
conversations planted at known places; each planted conversation's first
alert should be at `PLANTED_ALERT`: the stranger's outright ask for a picture
after a compliment on the victim's pictures (medium), before the threat that
makes it high or critical.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

EVERYDAY = (
    "hey whats up",
    "not much, you?",
    "did you finish the maths homework",
    "lol ok",
    "see you at practice tomorrow",
    "my mum says dinner is at 7",
    "that film was so good",
    "can you send me the notes from history",
    "haha yes",
    "the bus was late again",
    "are we still going to the park on saturday",
    "gg that match was close",
    "I'm so tired today",
    "what did you get on the quiz",
    "ok cool",
)
# The scammer's script; the ask for a picture (index PLANTED_ALERT) is where the first
# alert must fire, two messages before the threat.
PLANTED = (
    ("x", "hey you look cute in your pics"),
    ("v", "haha thanks"),
    ("x", "send me a pic"),
    ("v", "ok"),
    ("x", "I have your nudes. Pay me $500 in bitcoin or I send them to all your "
          "followers and your family"),
    ("x", "you have 24 hours"),
    ("v", "please dont"),
)
PLANTED_ALERT = 2
START = datetime(2026, 3, 1, tzinfo=UTC)


def conversations(count: int, *, planted_every: int = 50, seed: int = 7) -> Iterator[
    tuple[str, list[dict[str, Any]], bool]
]:
    """(conversation id, rows in time order, planted?) for `count` conversations."""
    rng = random.Random(seed)
    for k in range(count):
        cid = f"c{k:09d}"
        planted = planted_every > 0 and k % planted_every == planted_every // 2
        start = START + timedelta(seconds=k * 37)
        if planted:
            script = [(f"{s}{k}", t) for s, t in PLANTED]
        else:
            a, b = f"a{k}", f"b{k}"
            script = [
                (a if i % 2 == 0 else b, rng.choice(EVERYDAY)) for i in range(rng.randint(6, 30))
            ]
        rows = [
            {
                "conversation_id": cid,
                "message_id": f"{cid}-m{i:04d}",
                "sender": sender,
                "timestamp": start + timedelta(seconds=i * 61),
                "text": text,
                "platform": "instagram",
            }
            for i, (sender, text) in enumerate(script)
        ]
        yield cid, rows, planted


def interleave(count: int, *, window: int = 16, **kwargs: Any) -> Iterator[dict[str, Any]]:
    """Rows of `count` conversations, `window` of them at a time, so each is spread out."""
    live: list[list[dict[str, Any]]] = []
    source = conversations(count, **kwargs)
    for _, rows, _ in source:
        live.append(rows[::-1])
        if len(live) >= window:
            while live:
                for rows_left in live:
                    yield rows_left.pop()
                live = [r for r in live if r]
                if len(live) < window // 2:
                    break
    while live:
        for rows_left in live:
            yield rows_left.pop()
        live = [r for r in live if r]


SCHEMA = pa.schema(
    [
        ("conversation_id", pa.string()),
        ("message_id", pa.string()),
        ("sender", pa.string()),
        ("timestamp", pa.timestamp("us", tz="UTC")),
        ("text", pa.string()),
        ("platform", pa.string()),
    ]
)


def write_parquet(path: Path, rows: Iterator[dict[str, Any]], *, batch: int = 100_000,
                  limit: int | None = None) -> int:
    """Write rows to Parquet in batches (one row group each); returns the rows written."""
    written = 0
    with pq.ParquetWriter(path, SCHEMA, compression="zstd") as writer:
        block: list[dict[str, Any]] = []
        for row in rows:
            if limit is not None and written + len(block) >= limit:
                break
            block.append(row)
            if len(block) >= batch:
                writer.write_table(pa.Table.from_pylist(block, schema=SCHEMA))
                written += len(block)
                block = []
        if block:
            writer.write_table(pa.Table.from_pylist(block, schema=SCHEMA))
            written += len(block)
    return written
