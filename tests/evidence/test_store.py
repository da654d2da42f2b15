"""The same storage contract for the in-memory and the SQLite `CaseStore`."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from unsnare.errors import LockerError
from unsnare.evidence.store import CaseStore, MemoryStore, SqliteStore


@pytest.fixture(params=["memory", "sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CaseStore]:
    s: CaseStore
    if request.param == "memory":
        s = MemoryStore()
    elif request.param == "sqlite":
        s = SqliteStore.create(tmp_path / "s.unsnare")
    else:
        from unsnare.evidence.pgstore import PostgresStore

        s = PostgresStore.create(request.getfixturevalue("postgres_url"), secrets.token_hex(6))
    yield s
    s.close()


def test_keys_keep_insertion_order(store: CaseStore) -> None:
    for key in ("b", "a", "c"):
        store.insert("c1", "record", key, key.encode())
    store.insert("c1", "case", "key", b"k")
    assert store.keys("c1", "record") == ["b", "a", "c"]
    assert store.get("c1", "record", "a") == b"a"
    assert store.get("c1", "record", "zz") is None
    assert store.case_ids() == ["c1"]


def test_insert_never_overwrites(store: CaseStore) -> None:
    store.insert("c1", "blob", "x", b"1")
    with pytest.raises(LockerError, match="never overwritten"):
        store.insert("c1", "blob", "x", b"2")
    store.replace("c1", "blob", "x", b"3")
    assert store.get("c1", "blob", "x") == b"3"


def test_atomic_rolls_back_everything_on_error(store: CaseStore) -> None:
    store.insert("c1", "blob", "kept", b"1")
    with pytest.raises(RuntimeError), store.atomic():
        store.insert("c1", "blob", "lost", b"2")
        store.meta_put("m", b"x")
        raise RuntimeError("crash in the middle")
    assert store.keys("c1", "blob") == ["kept"]
    assert store.meta_get("m") is None


def test_sqlite_refuses_a_second_opener(tmp_path: Path) -> None:
    path = tmp_path / "s.unsnare"
    first = SqliteStore.create(path)
    try:
        with pytest.raises(LockerError, match="open in another Unsnare program"):
            SqliteStore.open(path, lock_timeout=0.2)
    finally:
        first.close()
    SqliteStore.open(path).close()


def test_sqlite_refuses_to_overwrite_or_open_other_files(tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("not a locker")
    with pytest.raises(LockerError, match="already exists"):
        SqliteStore.create(other)
    with pytest.raises(LockerError, match="cannot be opened|not an Unsnare locker"):
        SqliteStore.open(other)
    with pytest.raises(LockerError, match="no locker"):
        SqliteStore.open(tmp_path / "missing.unsnare")


def test_sqlite_full_disk_leaves_everything_as_before(tmp_path: Path) -> None:
    store = SqliteStore.create(tmp_path / "s.unsnare")
    try:
        store.insert("c1", "blob", "small", b"x" * 100)
        # Cap the file size to stand in for a full disk.
        pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
        store._conn.execute(f"PRAGMA max_page_count={pages + 2}")
        with pytest.raises(LockerError, match="disk is full.*exactly as it was before"), \
                store.atomic():
            store.insert("c1", "blob", "a", b"y" * 5000)
            store.insert("c1", "blob", "big", b"z" * 200_000)
        assert store.keys("c1", "blob") == ["small"]
    finally:
        store.close()
