"""What the app does when it stops: save the hash banks' indexes for the next start."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from starlette.testclient import TestClient

FIRST = "f" * 32 + "0" * 32
SECOND = "0" * 32 + "f" * 32


def _saved_pdq_count(data_dir: Path) -> int:
    (stamp,) = list((data_dir / "hash-index").rglob("stamp.json"))
    return int(json.loads(stamp.read_text())["stamp"]["pdq"])


def test_stopping_the_app_saves_what_changed_in_the_bank_indexes(
    tmp_path: Path, client_factory: Callable[..., TestClient]
) -> None:
    with client_factory() as client:
        assert client.post("/api/v1/banks", json={"name": "known"}).status_code == 201
        client.post("/api/v1/banks/known/hashes", json={"hashes": [{"hash": FIRST}]})
        # The first lookup builds the index and saves it with one hash.
        assert client.post("/api/v1/lookup", json={"pdq": [FIRST]}).json()["matches"]
        assert _saved_pdq_count(tmp_path / "data") == 1
        # A live add is in memory at once; the saved copy is now behind.
        client.post("/api/v1/banks/known/hashes", json={"hashes": [{"hash": SECOND}]})
        assert client.post("/api/v1/lookup", json={"pdq": [SECOND]}).json()["matches"]
        assert _saved_pdq_count(tmp_path / "data") == 1
    assert _saved_pdq_count(tmp_path / "data") == 2
