"""Every BankStore passes the same tests: in memory, SQLite and a real PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from unsnare.errors import HashingError, UnsnareError, UsageError
from unsnare.hashing.banks import BankKind, BankStore, HashBank, MemoryBankStore, SignalType, entry
from unsnare.hashing.storage import (
    SqlBankStore,
    banks_table,
    entries_table,
    open_bank_store,
    revisions_table,
)
from unsnare.settings import Settings

PDQ_A = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22"
PDQ_B = "0" * 63 + "1"
MD5_A = "d41d8cd98f00b204e9800998ecf8427e"


@pytest.fixture(params=["memory", "sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[BankStore]:
    if request.param == "memory":
        yield MemoryBankStore()
    elif request.param == "sqlite":
        yield SqlBankStore.from_url(f"sqlite:///{tmp_path / 'banks.db'}")
    else:
        sql = SqlBankStore.from_url(request.getfixturevalue("postgres_url"))
        # One server for the session; each test starts from empty tables.
        with sql.engine.begin() as conn:
            conn.execute(entries_table.delete())
            conn.execute(banks_table.delete())
            conn.execute(revisions_table.delete())
        yield sql
        sql.engine.dispose()


def test_create_list_get_delete(store: BankStore) -> None:
    store.create_bank(HashBank("ncii-reports", description="Reports from helpers"))
    store.create_bank(HashBank("known-memes", kind=BankKind.ALLOWLIST, max_distance=20))
    assert [b.name for b in store.list_banks()] == ["known-memes", "ncii-reports"]
    memes = store.get_bank("known-memes")
    assert memes.kind is BankKind.ALLOWLIST and memes.max_distance == 20
    assert memes.created.tzinfo is not None
    with pytest.raises(UsageError):
        store.create_bank(HashBank("known-memes"))
    store.delete_bank("known-memes")
    with pytest.raises(HashingError, match="no hash bank"):
        store.get_bank("known-memes")


def test_entries_keep_metadata_and_skip_duplicates(store: BankStore) -> None:
    store.create_bank(HashBank("reports"))
    added = datetime(2026, 3, 1, 9, 30, tzinfo=timezone(timedelta(hours=2)))
    first = store.add_entries(
        "reports",
        [
            entry(
                "pdq",
                PDQ_A.upper(),
                source="helpline case 12",
                labels=["ncii", " teen "],
                added=added,
            ),
            entry(SignalType.MD5, MD5_A),
        ],
    )
    assert len(first) == 2 and all(e.entry_id for e in first)
    again = store.add_entries("reports", [entry("pdq", PDQ_A), entry("pdq", PDQ_B)])
    assert [e.value for e in again] == [PDQ_B]
    items = store.entries("reports")
    assert [e.value for e in items] == [PDQ_A, MD5_A, PDQ_B]
    assert items[0].source == "helpline case 12"
    assert items[0].labels == ("ncii", "teen")
    assert items[0].added == added.astimezone(UTC)
    status = store.status("reports")
    assert (status.pdq, status.md5) == (2, 1)
    by_id = store.entries_by_id("reports", [items[2].entry_id or 0])
    assert list(by_id.values())[0].value == PDQ_B


def test_remove_entries(store: BankStore) -> None:
    store.create_bank(HashBank("reports"))
    store.add_entries("reports", [entry("pdq", PDQ_A), entry("pdq", PDQ_B), entry("md5", MD5_A)])
    assert store.remove_entries("reports", SignalType.PDQ, [PDQ_A, "1" * 64]) == 1
    assert store.remove_entries("reports", SignalType.MD5, [MD5_A]) == 1
    assert [e.value for e in store.entries("reports")] == [PDQ_B]


def test_revision_counts_changes_and_entries_after(store: BankStore) -> None:
    store.create_bank(HashBank("reports"))
    assert (store.revision("reports").revision, store.revision("reports").removals) == (0, 0)
    first = store.add_entries("reports", [entry("pdq", PDQ_A)])
    store.add_entries("reports", [entry("pdq", PDQ_A)])  # nothing new: no change
    store.add_entries("reports", [entry("pdq", PDQ_B), entry("md5", MD5_A)])
    assert store.revision("reports").revision == 2
    after = store.entries_after("reports", first[0].entry_id or 0)
    assert [e.value for e in after] == [PDQ_B, MD5_A]
    store.remove_entries("reports", SignalType.PDQ, ["1" * 64])  # nothing removed
    store.remove_entries("reports", SignalType.PDQ, [PDQ_A])
    rev = store.revision("reports")
    assert (rev.revision, rev.removals) == (3, 1)
    store.delete_bank("reports")
    store.create_bank(HashBank("reports"))
    assert store.revision("reports").revision == 0


@pytest.mark.parametrize(
    ("make", "error"),
    [
        (lambda s: s.create_bank(HashBank("Bad Name")), UsageError),
        (lambda s: s.create_bank(HashBank("ok", max_distance=300)), UsageError),
        (lambda s: s.add_entries("missing", []), HashingError),
        (lambda s: entry("pdq", "abc"), HashingError),
        (lambda s: entry("md5", PDQ_A), HashingError),
        (lambda s: entry("pdq", PDQ_A, added=datetime(2026, 1, 1)), HashingError),
    ],
)
def test_clear_errors(store: BankStore, make, error: type[UnsnareError]) -> None:
    with pytest.raises(error):
        make(store)


def test_open_bank_store_defaults_to_sqlite_in_data_dir(tmp_path: Path) -> None:
    store = open_bank_store(Settings(data_dir=tmp_path / "data"))
    store.create_bank(HashBank("b1"))
    assert (tmp_path / "data" / "unsnare.db").exists()
