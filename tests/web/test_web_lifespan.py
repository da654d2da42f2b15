"""What the app does when it stops: lock every case, save the hash banks' indexes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from starlette.testclient import TestClient

PDQ = "f" * 32 + "0" * 32


def test_stopping_the_app_saves_the_bank_indexes(
    tmp_path: Path, client_factory: Callable[..., TestClient]
) -> None:
    with client_factory() as client:
        # The API needs no CSRF token (no cookies, JSON only); it only answers on loopback.
        assert client.post("/api/v1/banks", json={"name": "known"}).status_code == 201
        added = client.post("/api/v1/banks/known/hashes", json={"hashes": [{"hash": PDQ}]})
        assert added.status_code == 200, added.text
        found = client.post("/api/v1/lookup", json={"pdq": [PDQ]}).json()
        assert found["matches"], found
    saved = list((tmp_path / "data" / "hash-index").rglob("stamp.json"))
    assert len(saved) == 1
