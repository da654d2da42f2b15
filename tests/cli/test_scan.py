"""`unsnare scan` on the command line: results, a summary, banks from the store."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import typer
from typer.testing import CliRunner

from unsnare.cli import scan as scan_cli
from unsnare.errors import InputError, UsageError
from unsnare.hashing.banks import HashBank, entry
from unsnare.hashing.storage import open_bank_store
from unsnare.settings import Settings

RUNNER = CliRunner()


def run(*args: str) -> tuple[int, str, BaseException | None]:
    app = typer.Typer()
    scan_cli.register(app)
    app.command("unused")(lambda: None)  # keeps `scan` a named sub-command
    result = RUNNER.invoke(app, list(args))
    return result.exit_code, result.stdout, result.exception


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_scan_writes_results_and_a_summary(archive: Path, tmp_path: Path, engine: str) -> None:
    code, out, exc = run("scan", str(archive), "--out", str(tmp_path), "--engine", engine,
                         "--workers", "1", "--partitions", "3")
    assert code == 0, exc
    assert "messages in 120 conversations" in out and "flagged (medium risk or above)" in out
    assert "critical" in out and "threat_to_expose" in out
    assert "could not be used" in out and "rejects.parquet" in out
    assert pq.read_table(tmp_path / "conversations.parquet").num_rows >= 2


def test_named_banks_come_from_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("UNSNARE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("UNSNARE_DATABASE_URL", raising=False)
    store = open_bank_store(Settings.from_env())
    store.create_bank(HashBank("reported"))
    stored = store.add_entries("reported", [entry("pdq", "ab" * 32)])
    (tmp_path / "h.jsonl").write_text(
        json.dumps({"id": "upload-1", "pdq": "ab" * 31 + "aa"}) + "\n", encoding="utf-8"
    )
    code, out, exc = run("scan", str(tmp_path / "h.jsonl"), "--out", str(tmp_path / "o"),
                         "--engine", "local", "--bank", "reported")
    assert code == 0, exc
    assert "matches: 1" in out
    rows = pq.read_table(tmp_path / "o" / "hash_matches.parquet").to_pylist()
    assert rows == [{"id": "upload-1", "signal": "pdq", "bank": "reported",
                     "bank_kind": "blocklist", "distance": 1,
                     "matched_id": stored[0].entry_id}]


def test_an_unknown_engine_is_explained(archive: Path, tmp_path: Path) -> None:
    code, _, exc = run("scan", str(archive), "--out", str(tmp_path), "--engine", "ray")
    assert isinstance(exc, UsageError) and "dask, spark or local" in (exc.hint or "")


def test_a_missing_input_is_explained_before_any_engine_starts(tmp_path: Path) -> None:
    code, _, exc = run("scan", str(tmp_path / "nope.parquet"), "--out", str(tmp_path / "o"))
    assert isinstance(exc, InputError) and exc.file and exc.file.endswith("nope.parquet")


def test_a_sort_memory_below_one_is_explained(archive: Path, tmp_path: Path) -> None:
    code, _, exc = run("scan", str(archive), "--out", str(tmp_path), "--engine", "local",
                       "--sort-memory", "0")
    assert isinstance(exc, UsageError) and "--sort-memory" in str(exc)


def test_a_damaged_parquet_file_is_named_and_nothing_is_written(tmp_path: Path) -> None:
    broken = tmp_path / "cut_short.parquet"
    broken.write_bytes(b"PAR1" + bytes(range(256)) * 4)
    code, _, exc = run("scan", str(broken), "--out", str(tmp_path / "o"), "--engine", "local")
    assert isinstance(exc, InputError) and exc.file == str(broken)
    assert "not a readable Parquet file" in str(exc)
    assert not (tmp_path / "o").exists()


def test_an_output_that_is_a_file_is_explained(archive: Path, tmp_path: Path) -> None:
    (tmp_path / "results").write_text("", encoding="utf-8")
    code, _, exc = run("scan", str(archive), "--out", str(tmp_path / "results"),
                       "--engine", "local")
    assert isinstance(exc, UsageError) and "must be a folder" in str(exc)


def test_an_unreachable_scheduler_is_explained(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from unsnare.scan import engines

    monkeypatch.setattr(engines, "CONNECT_SECONDS", 1)
    code, _, exc = run("scan", str(archive), "--out", str(tmp_path / "o"),
                       "--scheduler", "tcp://127.0.0.1:1")
    assert isinstance(exc, UsageError) and "no Dask scheduler answered" in str(exc)
    assert "--scheduler" in (exc.hint or "")


def test_a_scan_of_image_hashes_alone_speaks_of_hashes(tmp_path: Path) -> None:
    (tmp_path / "h.jsonl").write_text(
        json.dumps({"id": "upload-1", "pdq": "ab" * 32}) + "\n", encoding="utf-8"
    )
    (tmp_path / "bank.csv").write_text("hash\n" + "ab" * 32 + "\n", encoding="utf-8")
    code, out, exc = run("scan", str(tmp_path / "h.jsonl"), "--out", str(tmp_path / "o"),
                         "--engine", "local", "--bank-file", str(tmp_path / "bank.csv"))
    assert code == 0, exc
    assert "messages" not in out and "matches: 1" in out and "hash_matches.parquet" in out
