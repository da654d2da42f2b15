"""Scan tests need the `scan` extra (Dask, pyarrow, pandas) and, for Spark, Java.

Without the extra the scan tests are left out on a developer's machine; under
CI=true they are collected anyway, so a missing package fails loudly (see
tests/scan/conftest.py and tests/cli/conftest.py, which use HAVE_EXTRA). The
archives and reference results here are made once per session and shared by
the engine tests, so each engine is compared against the same bytes.
"""

from __future__ import annotations

import importlib.util
import json
import random
import shutil
from datetime import UTC, timedelta
from pathlib import Path
from typing import Any

import pytest

from support.components import require

HAVE_EXTRA = all(
    importlib.util.find_spec(m) is not None for m in ("pyarrow", "distributed", "pandas")
)

COUNT = 120
OUTPUTS = ("conversations.parquet", "findings.parquet", "rejects.parquet", "summary.json")
HASH_OUTPUTS = ("hash_matches.parquet", "rejects.parquet", "summary.json")
BAD_LINES = [
    "{not json",
    json.dumps({"conversation_id": "c1", "message_id": "x1", "sender": "a",
                "timestamp": "2026-03-01T10:00:00Z"}),
    json.dumps({"conversation_id": "c1", "message_id": "x2", "sender": "a",
                "timestamp": "soon", "text": "hello"}),
    json.dumps({"conversation_id": "c1", "message_id": "x3", "sender": "a",
                "timestamp": "2026-03-01T10:00:00Z", "text": 5}),
]


def need_spark() -> None:
    """Spark needs pyspark and a Java runtime (Debian: default-jre-headless)."""
    require(importlib.util.find_spec("pyspark") is not None, "pyspark (pip install '.[scan]')")
    require(shutil.which("java") is not None, "java (apt-get install default-jre-headless)")


def same_bytes(a: Path, b: Path, names: tuple[str, ...] = OUTPUTS) -> None:
    """Every output file of two scans is byte for byte the same."""
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


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
    """Rows of one long conversation ("long"): `before` everyday messages, the scheme
    (`SCHEME`), then `after` everyday messages."""
    from support.archive import EVERYDAY, START

    rng = random.Random(seed)
    script = [("a" if i % 2 else "b", rng.choice(EVERYDAY)) for i in range(before)]
    script += [("b" if s == "v" else s, t) for s, t in SCHEME]
    script += [("a" if i % 2 else "b", rng.choice(EVERYDAY)) for i in range(after)]
    return [
        {"conversation_id": "long", "message_id": f"m{i:05d}", "sender": sender,
         "timestamp": START + timedelta(seconds=30 * i), "text": text, "platform": "snapchat"}
        for i, (sender, text) in enumerate(script)
    ]



def long_chat_among(folder: Path, others: int, *, seed: int, per_minute: int) -> None:
    """`long_chat(150, 80)` shuffled among `others` ordinary conversations short enough
    to be analysed whole (`per_minute` messages a minute), as `folder`/m.parquet."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from support.archive import EVERYDAY, SCHEMA, START

    rows = long_chat(150, 80)
    rng = random.Random(seed)
    for k in range(others):
        rows += [
            {"conversation_id": f"c{k}", "message_id": f"c{k}-{i}", "sender": f"p{k}{i % 2}",
             "timestamp": START + timedelta(minutes=i // per_minute),
             "text": rng.choice(EVERYDAY), "platform": "instagram"}
            for i in range(rng.randint(5, 30))
        ]
    rng.shuffle(rows)
    folder.mkdir()
    pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMA), folder / "m.parquet")


@pytest.fixture(scope="session")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two files, Parquet then JSON Lines, with conversations running across both."""
    from support.archive import interleave, write_parquet

    folder = tmp_path_factory.mktemp("archive")
    rows = list(interleave(COUNT))
    half = len(rows) // 2
    write_parquet(folder / "a.parquet", iter(rows[:half]), batch=400)
    with (folder / "b.jsonl").open("w", encoding="utf-8") as fh:
        for i, row in enumerate(rows[half:]):
            if i % 300 == 5:
                fh.write(BAD_LINES[(i // 300) % len(BAD_LINES)] + "\n")
            item = dict(row, timestamp=row["timestamp"].astimezone(UTC).isoformat())
            fh.write(json.dumps(item) + "\n")
        for line in BAD_LINES:
            fh.write(line + "\n")
    return folder


@pytest.fixture(scope="session")
def reference(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The archive scanned in this process, one bucket: what every engine must match."""
    from unsnare.scan import ScanOptions, run_scan
    from unsnare.scan.engines import LocalEngine

    out = tmp_path_factory.mktemp("ref") / "out"
    run_scan(ScanOptions(archive, out, partitions=1, chunk_rows=100_000), LocalEngine())
    return out


def flip(value: str, bits: int, rng: random.Random) -> str:
    """A PDQ hex hash with `bits` distinct bits flipped (a near-duplicate)."""
    number = int(value, 16)
    for bit in rng.sample(range(256), bits):
        number ^= 1 << bit
    return f"{number:064x}"


@pytest.fixture(scope="session")
def hash_case(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, object]]:
    """(bank file, hash input folder, expected) with exact, near, far and MD5 items."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rng = random.Random(3)
    folder = tmp_path_factory.mktemp("hashes")
    bank = [f"{rng.getrandbits(256):064x}" for _ in range(300)]
    md5 = f"{rng.getrandbits(128):032x}"
    bank_file = folder / "known-images.csv"
    bank_file.write_text("hash\n" + "\n".join(bank + [md5]) + "\n", encoding="utf-8")
    rows = [{"id": f"i{i:04d}", "pdq": f"{rng.getrandbits(256):064x}", "md5": None}
            for i in range(400)]
    rows[10]["pdq"] = bank[7]                      # exact: entry 8, distance 0
    rows[20]["pdq"] = flip(bank[42], 12, rng)      # near: entry 43, distance 12
    rows[30]["pdq"] = flip(bank[99], 60, rng)      # too far for the default 31
    rows[40] = {"id": "i0040", "pdq": None, "md5": md5.upper()}  # MD5: entry 301
    rows[50]["pdq"] = "not-a-hash"
    inputs = folder / "in"
    inputs.mkdir()
    schema = pa.schema([("id", pa.string()), ("pdq", pa.string()), ("md5", pa.string())])
    pq.write_table(pa.Table.from_pylist(rows[:200], schema=schema), inputs / "h1.parquet",
                   row_group_size=50)
    with (inputs / "h2.jsonl").open("w", encoding="utf-8") as fh:
        for row in rows[200:]:
            fh.write(json.dumps(row) + "\n")
    expected = {
        ("i0010", "pdq", 0, 8),
        ("i0020", "pdq", 12, 43),
        ("i0040", "md5", 0, 301),
    }
    return bank_file, inputs, {"matches": expected, "rejected": {("h1.parquet", 51)}}


@pytest.fixture(scope="session")
def hash_reference(
    hash_case: tuple[Path, Path, dict[str, object]], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The hash input matched in this process."""
    from unsnare.scan import ScanOptions, run_scan, snapshot
    from unsnare.scan.engines import LocalEngine

    bank_file, inputs, _ = hash_case
    out = tmp_path_factory.mktemp("hashref") / "out"
    run_scan(ScanOptions(inputs, out, chunk_rows=60), LocalEngine(),
             snapshot(None, [], [bank_file]))
    return out
