"""PDQIndex: exact against brute force, live adds and removals, save and load."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from unsnare.errors import HashingError
from unsnare.hashing import PDQIndex, _segment
from unsnare.hashing import index as index_mod


@pytest.fixture(params=["compiled", "numpy"])
def kernel(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with the compiled search kernel and again with NumPy alone."""
    if request.param == "numpy":
        monkeypatch.setattr(_segment, "_kernel", None)
        monkeypatch.setattr(_segment, "_batch_kernel", None)
    elif not _segment.compiled() and os.environ.get("CI") != "true":
        pytest.skip("the compiled kernel was not built here (pip install -e . builds it)")
    return str(request.param)


def brute_force(bank: np.ndarray, query: np.ndarray, max_distance: int) -> dict[int, int]:
    dist = np.unpackbits(bank ^ query, axis=1).sum(axis=1)
    return {int(i): int(dist[i]) for i in np.flatnonzero(dist <= max_distance)}


def flip(h: np.ndarray, bits: int, rng: np.random.Generator) -> np.ndarray:
    out = h.copy()
    for b in rng.choice(256, bits, replace=False):
        out[b // 8] ^= np.uint8(1 << (b % 8))
    return out


def random_bank(n: int, rng: np.random.Generator) -> np.ndarray:
    return rng.integers(0, 256, (n, 32), dtype=np.uint8)


def clustered_bank(n: int, rng: np.random.Generator) -> np.ndarray:
    # Real banks hold many near-identical images: few centres, small edits.
    centres = random_bank(max(1, n // 50), rng)
    picks = centres[rng.integers(0, len(centres), n)]
    return np.array([flip(h, int(rng.integers(0, 24)), rng) for h in picks])


def queries_for(bank: np.ndarray, rng: np.random.Generator) -> list[np.ndarray]:
    qs = [flip(bank[int(rng.integers(len(bank)))], int(d), rng) for d in rng.integers(0, 45, 40)]
    return qs + list(random_bank(10, rng))


@pytest.mark.parametrize("make", [random_bank, clustered_bank])
@pytest.mark.parametrize("max_distance", [0, 15, 31, 40, 70, 100])
def test_search_equals_brute_force(make, max_distance: int, kernel: str) -> None:
    rng = np.random.default_rng(7)
    bank = make(3000, rng)
    idx = PDQIndex()
    idx.add(bank, range(len(bank)))
    idx._flush(force=True)  # search the multi-index segment, not the brute-force delta
    for q in queries_for(bank, rng):
        got = dict(idx.search(q.tobytes(), max_distance))
        assert got == brute_force(bank, q, max_distance)


def test_large_scheme_equals_brute_force(monkeypatch: pytest.MonkeyPatch, kernel: str) -> None:
    monkeypatch.setattr(_segment, "LARGE_FROM", 100)
    rng = np.random.default_rng(3)
    bank = clustered_bank(2000, rng)
    idx = PDQIndex()
    idx.add(bank, range(len(bank)))
    idx._flush(force=True)
    assert idx._segments[0].scheme is _segment.LARGE
    for q in queries_for(bank, rng):
        assert dict(idx.search(q.tobytes())) == brute_force(bank, q, 31)


def test_live_adds_and_removals_without_rebuild(
    monkeypatch: pytest.MonkeyPatch, kernel: str
) -> None:
    monkeypatch.setattr(index_mod, "DELTA_MAX", 50)
    rng = np.random.default_rng(11)
    bank = random_bank(400, rng)
    idx = PDQIndex()
    for start in range(0, 400, 37):  # many small adds: delta, segments, merges
        chunk = bank[start : start + 37]
        idx.add(
            [h.tobytes().hex() for h in chunk],
            [f"img-{i}" for i in range(start, start + len(chunk))],
        )
        probe = chunk[-1]
        assert (f"img-{start + len(chunk) - 1}", 0) in idx.search(probe.tobytes())
    assert len(idx) == 400
    assert len(idx._segments) < 8
    assert idx.remove(["img-5", "img-399", "missing"]) == 2
    assert idx.search(bank[5].tobytes()) == []
    assert idx.search(bank[399].tobytes()) == []
    assert idx.search(bank[6].tobytes())[0] == ("img-6", 0)
    assert len(idx) == 398


def test_same_id_many_hashes_and_duplicates() -> None:
    idx = PDQIndex()
    h = "f" * 64
    idx.add([h, h, "0" * 64], [1, 2, 1])
    assert sorted(idx.search(h)) == [(1, 0), (2, 0)]
    assert idx.remove([1]) == 2
    assert idx.search(h) == [(2, 0)]


def test_save_and_load_round_trip(tmp_path: Path, kernel: str) -> None:
    rng = np.random.default_rng(5)
    bank = random_bank(20000, rng)
    idx = PDQIndex()
    idx.add(bank, range(20000))
    idx.add([bank[0].tobytes()], ["extra"])
    idx.remove([17])
    idx.save(tmp_path / "idx")
    for mmap in (True, False):
        loaded = PDQIndex.load(tmp_path / "idx", mmap=mmap)
        assert len(loaded) == len(idx)
        for q in queries_for(bank, rng)[:10]:
            assert sorted(loaded.search(q.tobytes())) == sorted(idx.search(q.tobytes()))
        assert loaded.search(bank[17].tobytes()) == []
        loaded.add([bank[17].tobytes()], [17])  # live add on a memory-mapped index
        assert loaded.search(bank[17].tobytes()) == [(17, 0)]


def test_search_many_matches_search() -> None:
    rng = np.random.default_rng(9)
    bank = random_bank(500, rng)
    idx = PDQIndex()
    idx.add(bank, range(500))
    qs = [q.tobytes().hex() for q in queries_for(bank, rng)]
    assert idx.search_many(qs) == [idx.search(q) for q in qs]


@pytest.mark.parametrize(
    ("hashes", "ids"),
    [
        (["abc"], [1]),
        (["z" * 64], [1]),
        ([" " * 2 + "a" * 62], [1]),
        ([b"short"], [1]),
        (["a" * 64], [1, 2]),
    ],
)
def test_bad_input_is_a_clear_error(hashes: list, ids: list) -> None:
    with pytest.raises(HashingError):
        PDQIndex().add(hashes, ids)


def test_load_of_wrong_directory_is_clear(tmp_path: Path) -> None:
    with pytest.raises(HashingError, match="not a saved"):
        PDQIndex.load(tmp_path)


def test_compiled_kernel_is_built_in_ci() -> None:
    # CI installs with `pip install -e .`, which compiles it; a silent fallback
    # to NumPy would keep every answer right and lose two thirds of the speed.
    if os.environ.get("CI") == "true":
        assert _segment.compiled()


def test_more_matches_than_the_first_buffer_holds(kernel: str) -> None:
    h = np.frombuffer(bytes(range(32)), dtype=np.uint8)
    rng = np.random.default_rng(2)
    bank = np.array([h if i % 2 else flip(h, 3, rng) for i in range(1500)])
    idx = PDQIndex()
    idx.add(bank, range(1500))
    idx._flush(force=True)
    got = idx.search(h.tobytes())
    assert dict(got) == brute_force(bank, h, 31)
    assert [d for _, d in got] == sorted(d for _, d in got)


def test_damaged_tables_are_a_clear_error(kernel: str) -> None:
    if kernel == "numpy":
        return  # NumPy's own bounds check raises IndexError; the kernel checks its own reads
    rng = np.random.default_rng(4)
    bank = random_bank(3000, rng)
    idx = PDQIndex()
    idx.add(bank, range(3000))
    idx._flush(force=True)
    seg = idx._segments[0]
    seg.order[:] = 4_000_000  # rows that do not exist
    with pytest.raises(HashingError, match="damaged"):
        idx.search(bank[0].tobytes())
    with pytest.raises(HashingError, match="damaged"):
        idx.search_batch(bank[:5])


def by_query(batch: tuple[np.ndarray, np.ndarray, np.ndarray], queries: int) -> list[list]:
    out: list[list] = [[] for _ in range(queries)]
    for q, i, d in zip(*(a.tolist() for a in batch), strict=True):
        out[q].append((i, d))
    return out


@pytest.mark.parametrize("make", [random_bank, clustered_bank])
@pytest.mark.parametrize("max_distance", [0, 15, 31, 70, 100])
def test_search_batch_equals_search(make, max_distance: int, kernel: str) -> None:
    rng = np.random.default_rng(8)
    bank = make(3000, rng)
    idx = PDQIndex()
    idx.add(bank, range(len(bank)))
    idx._flush(force=True)
    idx.add(bank[:40], [f"copy{i}" for i in range(40)])  # a delta with text ids, same hashes
    queries = np.array(queries_for(bank, rng) + queries_for(bank[:40], rng))
    expected = [idx.search(q.tobytes(), max_distance) for q in queries]
    assert by_query(idx.search_batch(queries, max_distance), len(queries)) == expected


def test_search_batch_resumes_when_its_buffer_is_full(
    monkeypatch: pytest.MonkeyPatch, kernel: str
) -> None:
    monkeypatch.setattr(_segment, "_FIRST_CAPACITY", 3)
    h = np.frombuffer(bytes(range(32)), dtype=np.uint8)
    rng = np.random.default_rng(6)
    bank = np.array([h if i % 2 else flip(h, 3, rng) for i in range(1500)])
    idx = PDQIndex()
    idx.add(bank, range(1500))
    idx._flush(force=True)
    queries = np.array([h, random_bank(1, rng)[0], flip(h, 5, rng), h])
    expected = [idx.search(q.tobytes()) for q in queries]
    assert sum(map(len, expected)) > 4000
    assert by_query(idx.search_batch(queries), len(queries)) == expected


def test_search_batch_of_nothing_and_of_hex() -> None:
    idx = PDQIndex()
    assert [len(a) for a in idx.search_batch([])] == [0, 0, 0]
    idx.add(["ab" * 32], [5])
    q, ids, d = idx.search_batch(["ab" * 32, "00" * 32])
    assert (q.tolist(), ids.tolist(), d.tolist()) == ([0], [5], [0])
    with pytest.raises(HashingError, match="max_distance"):
        idx.search_batch(["ab" * 32], 300)
