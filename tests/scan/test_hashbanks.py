"""Image hashes in an archive matched against banks, built once and broadcast."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from support.scan import HASH_OUTPUTS, same_bytes
from unsnare.errors import UsageError
from unsnare.scan import ScanOptions, run_scan, snapshot
from unsnare.scan.engines import DaskEngine, LocalEngine

Case = tuple[Path, Path, dict[str, object]]


def test_exact_near_and_md5_matches_are_found(hash_case: Case, hash_reference: Path) -> None:
    _, _, expected = hash_case
    rows = pq.read_table(hash_reference / "hash_matches.parquet").to_pylist()
    got = {(r["id"], r["signal"], r["distance"], r["matched_id"]) for r in rows}
    assert got == expected["matches"]
    assert {r["bank"] for r in rows} == {"known-images"}
    rejects = pq.read_table(hash_reference / "rejects.parquet").to_pylist()
    assert {(r["source"], r["row"]) for r in rejects} == expected["rejected"]
    assert rejects[0]["reason"] == "pdq is not 64 hexadecimal digits"
    summary = json.loads((hash_reference / "summary.json").read_text())
    assert (summary["hashes"], summary["hash_matches"]) == (399, 3)


def test_the_snapshot_travels_as_one_pickle(hash_case: Case) -> None:
    bank_file, _, _ = hash_case
    snap = pickle.loads(pickle.dumps(snapshot(None, [], [bank_file])))
    assert len(snap) == 301
    assert snap.names() == ["known-images"]


def test_dask_broadcast_gives_the_same_bytes(
    hash_case: Case, hash_reference: Path, tmp_path: Path
) -> None:
    bank_file, inputs, _ = hash_case
    engine = DaskEngine(workers=2)
    try:
        run_scan(ScanOptions(inputs, tmp_path, chunk_rows=33), engine,
                 snapshot(None, [], [bank_file]))
    finally:
        engine.close()
    same_bytes(hash_reference, tmp_path, HASH_OUTPUTS)


def test_hashes_without_a_bank_are_refused(hash_case: Case, tmp_path: Path) -> None:
    _, inputs, _ = hash_case
    with pytest.raises(UsageError, match="no hash bank was given"):
        run_scan(ScanOptions(inputs, tmp_path), LocalEngine())
