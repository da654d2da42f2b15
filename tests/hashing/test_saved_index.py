"""Saved bank indexes: reloads match a fresh build, changes elsewhere are seen, bad files rebuild."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest

from unsnare.hashing.banks import BankKind, HashBank, MemoryBankStore, SignalType, entry
from unsnare.hashing.matcher import HashMatcher, MatchResult
from unsnare.hashing.saved import load_bank_index
from unsnare.hashing.storage import (
    SqlBankStore,
    bank_index_dir,
    banks_table,
    entries_table,
    revisions_table,
)
from unsnare.settings import Settings

N = 2000


def random_hashes(n: int, seed: int) -> list[str]:
    rng = np.random.default_rng(seed)
    return [bytes(row).hex() for row in rng.integers(0, 256, (n, 32), dtype=np.uint8)]


def flip(hex_hash: str, bits: int) -> str:
    value = int(hex_hash, 16)
    for b in range(bits):
        value ^= 1 << (b * 6)
    return f"{value:064x}"


HASHES = random_hashes(N, 7)
QUERIES = [flip(h, d) for h, d in zip(HASHES[::97], range(0, 40, 2), strict=False)]
QUERIES += [flip(HASHES[5], 3), *random_hashes(5, 8)]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def open_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], SqlBankStore]]:
    """Opens a new store on one database each call, as another process would."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'banks.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    opened: list[SqlBankStore] = []

    def make() -> SqlBankStore:
        opened.append(SqlBankStore.from_url(url))
        return opened[-1]

    with make().engine.begin() as conn:
        for table in (entries_table, banks_table, revisions_table):
            conn.execute(table.delete())
    yield make
    for s in opened:
        s.engine.dispose()


def seed(store: SqlBankStore | MemoryBankStore) -> None:
    store.create_bank(HashBank("reports"))
    store.create_bank(HashBank("known", kind=BankKind.ALLOWLIST, max_distance=4))
    store.add_entries("reports", [entry("pdq", h, source=f"r{i}") for i, h in enumerate(HASHES)])
    store.add_entries("reports", [entry("md5", "ab" * 16)])
    store.add_entries("known", [entry("pdq", HASHES[5])])


def results(m: HashMatcher) -> list[MatchResult]:
    return [m.match([q]) for q in QUERIES] + [m.match(md5="ab" * 16)]


def no_rebuild(store: SqlBankStore | MemoryBankStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make reading every row an error, so a test proves the index came from disk."""

    def refuse(name: str) -> None:
        raise AssertionError(f"bank {name} was rebuilt from the database")

    monkeypatch.setattr(store, "entries", refuse)


def test_reload_matches_a_fresh_build(
    open_store: Callable[[], SqlBankStore], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(open_store())
    fresh = results(HashMatcher(open_store()))
    assert any(r.matched for r in fresh) and any(r.suppressed for r in fresh)
    first = HashMatcher(open_store(), tmp_path / "idx")
    assert results(first) == fresh
    assert (tmp_path / "idx" / "reports" / "stamp.json").is_file()
    store = open_store()
    no_rebuild(store, monkeypatch)
    assert results(HashMatcher(store, tmp_path / "idx")) == fresh


def test_changes_made_elsewhere_after_the_save_are_seen(
    open_store: Callable[[], SqlBankStore], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(open_store())
    HashMatcher(open_store(), tmp_path / "idx").match([HASHES[0]])
    other, new = open_store(), random_hashes(3, 99)
    other.add_entries("reports", [entry("pdq", h) for h in new])
    # Only adds since the save: the new rows are added to the saved index, no rebuild.
    store = open_store()
    no_rebuild(store, monkeypatch)
    assert all(HashMatcher(store, tmp_path / "idx").match([h]).matched for h in new)
    other.remove_entries("reports", SignalType.PDQ, [HASHES[1], new[0]])
    m = HashMatcher(open_store(), tmp_path / "idx")
    assert not m.match([HASHES[1]]).matched and not m.match([new[0]]).matched
    assert m.match([new[1]]).matched and m.match([HASHES[2]]).matched
    saved = load_bank_index(tmp_path / "idx", "reports")
    assert saved is not None and len(saved.pdq) == N + 3 - 2


def test_changes_through_the_matcher_are_saved_on_close(
    open_store: Callable[[], SqlBankStore], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(open_store())
    m, new = HashMatcher(open_store(), tmp_path / "idx"), random_hashes(1, 5)[0]
    m.match([HASHES[0]])
    m.add("reports", [entry("pdq", new)])
    m.remove("reports", SignalType.PDQ, [HASHES[3]])
    m.close()
    store = open_store()
    no_rebuild(store, monkeypatch)
    again = HashMatcher(store, tmp_path / "idx")
    assert again.match([new]).matched and not again.match([HASHES[3]]).matched


def test_a_reused_top_id_is_not_missed(
    open_store: Callable[[], SqlBankStore], tmp_path: Path
) -> None:
    # SQLite gives a new row the highest id + 1, so removing the newest row and
    # adding another can reuse its id: the count check catches that.
    seed(open_store())
    m = HashMatcher(open_store(), tmp_path / "idx")
    m.match([HASHES[0]])
    m.remove("reports", SignalType.MD5, ["ab" * 16])
    m.remove("known", SignalType.PDQ, [HASHES[5]])
    m.close()
    new = random_hashes(1, 11)[0]
    open_store().add_entries("reports", [entry("pdq", new)])
    assert HashMatcher(open_store(), tmp_path / "idx").match([new]).matched


def test_a_save_never_overwrites_a_newer_change_made_elsewhere(
    open_store: Callable[[], SqlBankStore], tmp_path: Path
) -> None:
    seed(open_store())
    m = HashMatcher(open_store(), tmp_path / "idx")
    m.match([HASHES[0]])
    m.add("reports", [entry("pdq", random_hashes(1, 5)[0])])
    open_store().remove_entries("reports", SignalType.PDQ, [HASHES[4]])
    m.close()
    assert not HashMatcher(open_store(), tmp_path / "idx").match([HASHES[4]]).matched


def _flip_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))


DAMAGE: list[tuple[str, Callable[[Path], None]]] = [
    ("missing stamp", lambda d: (d / "stamp.json").unlink()),
    ("stamp is not json", lambda d: (d / "stamp.json").write_text("{nope", "utf-8")),
    ("table truncated", lambda d: (d / "pdq" / "seg0_lo.npy").write_bytes(b"\x93NUMPY")),
    ("one byte changed", lambda d: _flip_byte(d / "pdq" / "seg0_hi.npy")),
    ("ids missing", lambda d: (d / "pdq" / "seg0_ids.npy").unlink()),
    ("md5 changed", lambda d: _flip_byte(d / "md5_ids.npy")),
]


@pytest.mark.parametrize(("what", "damage"), DAMAGE, ids=[w for w, _ in DAMAGE])
def test_damaged_files_are_rebuilt_silently(
    what: str, damage: Callable[[Path], None], tmp_path: Path
) -> None:
    store = MemoryBankStore()
    seed(store)
    fresh = results(HashMatcher(store))
    HashMatcher(store, tmp_path / "idx").match([HASHES[0]])
    damage(tmp_path / "idx" / "reports")
    assert load_bank_index(tmp_path / "idx", "reports") is None, what
    assert results(HashMatcher(store, tmp_path / "idx")) == fresh
    assert load_bank_index(tmp_path / "idx", "reports") is not None


def test_a_recreated_bank_never_uses_the_old_index(tmp_path: Path) -> None:
    store = MemoryBankStore()
    seed(store)
    HashMatcher(store, tmp_path / "idx").match([HASHES[0]])
    store.delete_bank("reports")
    store.create_bank(HashBank("reports"))
    store.add_entries("reports", [entry("pdq", h) for h in random_hashes(N + 1, 3)[N:]])
    assert not HashMatcher(store, tmp_path / "idx").match([HASHES[0]]).matched


def test_a_crashed_save_leaves_the_old_index_usable(tmp_path: Path) -> None:
    store = MemoryBankStore()
    seed(store)
    HashMatcher(store, tmp_path / "idx").match([HASHES[0]])
    half = tmp_path / "idx" / ".reports.0123.tmp" / "pdq"
    half.mkdir(parents=True)
    (half / "seg0_lo.npy").write_bytes(b"partial")
    assert HashMatcher(store, tmp_path / "idx").match([HASHES[0]]).matched
    assert load_bank_index(tmp_path / "idx", "reports") is not None


@pytest.mark.parametrize(
    ("url", "has_dir"),
    [(None, True), ("sqlite:///:memory:", False), ("postgresql+pg8000://u:secret@h/db", True)],
)
def test_index_dir_per_database(url: str | None, has_dir: bool, tmp_path: Path) -> None:
    found = bank_index_dir(Settings(data_dir=tmp_path, database_url=url))
    assert (found is not None) == has_dir
    if found is not None:
        assert found.parent == tmp_path / "hash-index" and "secret" not in str(found)


def test_another_process_adding_to_sqlite_is_seen(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'banks.db'}"
    store = SqlBankStore.from_url(url)
    seed(store)
    assert not HashMatcher(store, tmp_path / "idx").match(["cd" * 32]).matched
    code = (
        "from unsnare.hashing.banks import entry\n"
        "from unsnare.hashing.storage import SqlBankStore\n"
        f"SqlBankStore.from_url({url!r}).add_entries('reports', [entry('pdq', 'cd' * 32)])\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    assert HashMatcher(SqlBankStore.from_url(url), tmp_path / "idx").match(["cd" * 32]).matched
