"""One immutable block of PDQ hashes, searchable exactly by multi-index hashing.

Why this works: split the 256 bits into m disjoint chunks. If two hashes
differ in at most D bits, at least one chunk differs in at most D // m bits
(pigeonhole). So probing every chunk's table at the query's chunk value and
at all values within D // m bits finds every true match; each candidate is
then checked with the full Hamming distance, so nothing is missed and nothing
too far is returned. Each chunk table is a CSR bucket array: the rows sorted
by chunk value (`order`) plus where each value starts (`offsets`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import combinations
from math import comb
from typing import Any

import numpy as np
import numpy.typing as npt

from unsnare.errors import HashingError

_kernel: Callable[..., int] | None
_batch_kernel: Callable[..., tuple[int, int, int]] | None
try:
    from unsnare.hashing._mih import search as _kernel
    from unsnare.hashing._mih import search_batch as _batch_kernel
except ImportError:  # installed without a C compiler: NumPy does the same work, slower
    _kernel = _batch_kernel = None

U8 = npt.NDArray[np.uint8]
U32 = npt.NDArray[np.uint32]
U64 = npt.NDArray[np.uint64]
U16 = npt.NDArray[np.uint16]
Rows = npt.NDArray[np.integer[Any]]
I64 = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

# More probes than this per query and a linear scan is cheaper (measured).
MAX_PROBES = 40_000
# Room for this many matches per segment before the kernel is asked again.
_FIRST_CAPACITY = 256
# Cells of one brute-force distance table in `scan_batch` (2 bytes each).
_SCAN_CELLS = 1 << 21


def compiled() -> bool:
    """Whether the compiled search kernel is in use (else NumPy alone)."""
    return _kernel is not None


@dataclass(frozen=True)
class Scheme:
    """How hashes are cut into keys: m chunks, each a 16-bit unit plus `extra` tail bits."""

    name: str
    chunks: int
    extra: int

    @property
    def bits(self) -> int:
        """Bits per chunk key."""
        return 16 + self.extra


# 16 chunks of 16 bits up to a few million hashes. Beyond that, 11 chunks of
# 23 bits (unit k plus 7 bits of the 80-bit tail; 253 of 256 bits) make buckets
# ~100x smaller: far fewer candidates to check, for more (cheap) probes and
# offsets tables that only pay for themselves at that scale.
SMALL = Scheme("16x16", 16, 0)
LARGE = Scheme("11x23", 11, 7)
LARGE_FROM = 3_000_000


def scheme_for(n: int) -> Scheme:
    """The chunking that suits a segment of n hashes."""
    return LARGE if n >= LARGE_FROM else SMALL


def scheme_named(name: str) -> Scheme:
    """Look up a scheme by its saved name."""
    return {SMALL.name: SMALL, LARGE.name: LARGE}[name]


def key_column(lo: U64, hi: U64, scheme: Scheme, k: int) -> U32:
    """Chunk k of every hash (given as its two halves), as integers < 2**bits."""
    lo8, hi8 = lo.view(np.uint8), hi.view(np.uint8)

    def byte(j: int) -> npt.NDArray[np.uint32]:
        return (lo8[:, j] if j < 16 else hi8[:, j - 16]).astype(np.uint32)

    unit = (byte(2 * k) << np.uint32(8)) | byte(2 * k + 1)
    if not scheme.extra:
        return unit
    # Piece k of the tail (bytes 2m..31), counted from its least significant bit;
    # a piece of <= 8 bits spans at most two bytes.
    offset = scheme.extra * k
    low_byte = 31 - offset // 8
    two = byte(low_byte)
    if low_byte - 1 >= 2 * scheme.chunks:
        two |= byte(low_byte - 1) << np.uint32(8)
    piece = (two >> np.uint32(offset % 8)) & np.uint32((1 << scheme.extra) - 1)
    return (unit << np.uint32(scheme.extra)) | piece


def batch_keys(queries: U8, scheme: Scheme) -> U32:
    """The chunk keys of many (q, 32) hashes at once, as a (q, chunks) array."""
    lo, hi = split_halves(queries)
    keys = np.empty((len(queries), scheme.chunks), dtype=np.uint32)
    for k in range(scheme.chunks):
        keys[:, k] = key_column(lo, hi, scheme, k)
    return keys


def query_keys(query: U8, scheme: Scheme) -> U32:
    """All m chunk keys of one hash."""
    units = query.view(">u2").astype(np.uint32)[: scheme.chunks]
    if not scheme.extra:
        return units
    tail = int.from_bytes(query[2 * scheme.chunks :].tobytes(), "big")
    mask = (1 << scheme.extra) - 1
    pieces = [(tail >> (scheme.extra * k)) & mask for k in range(scheme.chunks)]
    return (units << np.uint32(scheme.extra)) | np.array(pieces, np.uint32)


@cache
def flip_masks(bits: int, radius: int) -> U32:
    """Every XOR mask of `bits` bits with at most `radius` bits set, fewest bits first."""
    masks = [0]
    for r in range(1, radius + 1):
        for combo in combinations(range(bits), r):
            masks.append(sum(1 << b for b in combo))
    return np.array(masks, dtype=np.uint32)


def _volume(bits: int, radius: int) -> int:
    return sum(int(comb(bits, r)) for r in range(radius + 1))


@dataclass(frozen=True)
class ProbePlan:
    """The bucket probes one search makes: per probe, its chunk and the bits it flips."""

    chunk: I64
    mask: U32
    slot_base: I64  # where the chunk's offsets start in the flattened table


@cache
def probe_plan(scheme: Scheme, max_distance: int) -> ProbePlan:
    """Which (chunk, flip mask) probes a search within max_distance needs.

    Pigeonhole, refined (Norouzi et al., multi-index hashing): with D = m*r + a,
    a match within D bits has one of the first a+1 chunks within r bits, or one
    of the others within r-1 bits; otherwise its distance would be > D.
    """
    m = scheme.chunks
    radius, spare = divmod(max_distance, m)
    masks = flip_masks(scheme.bits, radius)
    narrow = _volume(scheme.bits, radius - 1) if radius else 0
    chunk = np.repeat(np.arange(m, dtype=np.int64), len(masks))
    column = np.tile(np.arange(len(masks), dtype=np.int64), m)
    keep = (chunk <= spare) | (column < narrow)
    chunk = chunk[keep]
    buckets = (1 << scheme.bits) + 1
    return ProbePlan(chunk, masks[column[keep]], chunk * buckets)


@cache
def probe_count(scheme: Scheme, max_distance: int) -> int:
    """How many bucket probes a query at this distance needs."""
    radius, spare = divmod(max_distance, scheme.chunks)
    narrow = _volume(scheme.bits, radius - 1) if radius else 0
    return (spare + 1) * _volume(scheme.bits, radius) + (scheme.chunks - spare - 1) * narrow


def split_halves(hashes: U8) -> tuple[U64, U64]:
    """(n, 32) bytes to two (n, 2) uint64 halves: bits 0-127 and 128-255."""
    words = hashes.view(np.uint64)
    return np.ascontiguousarray(words[:, :2]), np.ascontiguousarray(words[:, 2:])


def join_halves(lo: U64, hi: U64) -> U8:
    """Inverse of `split_halves`."""
    return np.ascontiguousarray(np.concatenate([lo, hi], axis=1)).view(np.uint8)


def _take_rows(half: U64, rows: Rows) -> U64:
    # Gathering 16-byte records is one copy per row (cheaper than a 2-D fancy index).
    records = half.view(np.dtype((np.void, 16))).reshape(-1)
    return np.take(records, rows).view(np.uint64).reshape(-1, 2)


def half_distances(half: U64, query_half: U64) -> U16:
    """Hamming distance of each row of a (n, 2) half to the query's half (<= 128)."""
    bits = np.bitwise_count(half[:, 0] ^ query_half[0])
    bits += np.bitwise_count(half[:, 1] ^ query_half[1])
    out: U16 = bits.astype(np.uint16)
    return out


def verify(lo: U64, hi: U64, query: U8, rows: Rows | None, max_distance: int) -> tuple[I64, U16]:
    """Exact distances; the first half alone rules out almost every random candidate."""
    qwords = query.view(np.uint64)
    lo_rows = lo if rows is None else _take_rows(lo, rows)
    first = half_distances(lo_rows, qwords[:2])
    near = np.flatnonzero(first <= max_distance)
    picked = near if rows is None else rows[near].astype(np.int64)
    if not len(picked):
        return np.empty(0, np.int64), np.empty(0, np.uint16)
    dist = first[near] + half_distances(_take_rows(hi, picked), qwords[2:])
    keep = dist <= max_distance
    return picked[keep].astype(np.int64), dist[keep]


def _radix_argsort(key: U32, extra: int) -> npt.NDArray[np.integer[Any]]:
    # numpy sorts 16-bit integers with a stable radix sort, far faster than its
    # general sort at 10M rows: sort by the low part, then stably by the high part.
    # (Indices are cast to uint32 at once: at 10M rows each int64 copy is 80 MB.)
    if not extra:
        return np.argsort(key.astype(np.uint16), kind="stable")
    low = np.argsort((key & np.uint32(0xFFFF)).astype(np.uint16), kind="stable").astype(np.uint32)
    high = np.argsort((key[low] >> np.uint32(16)).astype(np.uint16), kind="stable")
    return low[high]


class Segment:
    """Hashes (two halves), their ids, a live mask and one CSR table per chunk."""

    def __init__(
        self,
        lo: U64,
        hi: U64,
        ids: npt.NDArray[Any],
        scheme: Scheme,
        order: U32,
        offsets: U32,
        alive: Bools,
    ) -> None:
        self.lo, self.hi = lo, hi
        self.ids = ids
        self.scheme = scheme
        self.order = order  # (chunks, n)
        self.offsets = offsets  # (chunks, 2**bits + 1)
        self.alive = alive
        self._flat_order = order.reshape(-1)
        self._flat_offsets = offsets.reshape(-1)
        self._bounds: tuple[npt.NDArray[Any], npt.NDArray[Any]] | None = None
        chunks = np.arange(scheme.chunks, dtype=np.int64)
        self._row_base = chunks * len(ids)

    @classmethod
    def build(cls, hashes: U8, ids: npt.NDArray[Any]) -> Segment:
        """Build the chunk tables for these (n, 32) hashes."""
        lo, hi = split_halves(np.ascontiguousarray(hashes, dtype=np.uint8))
        return cls.from_halves(lo, hi, ids)

    @classmethod
    def from_halves(cls, lo: U64, hi: U64, ids: npt.NDArray[Any]) -> Segment:
        """Build the chunk tables (numpy sorts, no Python loop per hash)."""
        n = len(lo)
        scheme = scheme_for(n)
        order = np.empty((scheme.chunks, n), dtype=np.uint32)
        offsets = np.zeros((scheme.chunks, (1 << scheme.bits) + 1), dtype=np.uint32)
        for k in range(scheme.chunks):
            key = key_column(lo, hi, scheme, k)
            order[k] = _radix_argsort(key, scheme.extra)
            np.cumsum(np.bincount(key, minlength=1 << scheme.bits), out=offsets[k, 1:])
        return cls(lo, hi, ids, scheme, order, offsets, np.ones(n, dtype=np.bool_))

    def __len__(self) -> int:
        return len(self.ids)

    def hashes(self) -> U8:
        """All rows as (n, 32) bytes (removed ones included)."""
        return join_halves(self.lo, self.hi)

    def live_count(self) -> int:
        """How many rows are not removed."""
        return int(np.count_nonzero(self.alive))

    def search(self, query: U8, max_distance: int) -> tuple[I64, U16]:
        """Rows within max_distance of the query and their distances (exact)."""
        if probe_count(self.scheme, max_distance) > MAX_PROBES:
            rows, dist = verify(self.lo, self.hi, query, None, max_distance)
            live = self.alive[rows]
            return rows[live], dist[live]
        plan = probe_plan(self.scheme, max_distance)
        keys = query_keys(query, self.scheme)
        if _kernel is not None:
            rows, dist = self._probe_compiled(query, keys, plan, max_distance)
        else:
            rows, dist = self._probe_numpy(query, keys, plan, max_distance)
        if len(rows) > 1:
            # A near match turns up once per chunk it agrees on; keep it once.
            rows, first = np.unique(rows, return_index=True)
            dist = dist[first]
        return rows, dist

    def search_batch(self, queries: U8, max_distance: int) -> tuple[I64, I64, U16]:
        """`search` for each of (q, 32) queries: (query number, row, distance) arrays.

        Sorted by query, then row, so each query's part equals its `search`.
        """
        compiled_probes = probe_count(self.scheme, max_distance) <= MAX_PROBES
        if _batch_kernel is None or not compiled_probes or not len(queries):
            return _one_by_one(queries, lambda q: self.search(q, max_distance))
        plan = probe_plan(self.scheme, max_distance)
        keys = batch_keys(queries, self.scheme)
        parts: list[tuple[I64, I64, U16]] = []
        start = 0
        # Most random queries match nothing; a near-duplicate turns up once per chunk.
        capacity = max(_FIRST_CAPACITY, len(queries) // 8)
        while start < len(queries):
            qnum = np.empty(capacity, np.int64)
            rows = np.empty(capacity, np.int64)
            dist = np.empty(capacity, np.uint16)
            try:
                done, found, needed = _batch_kernel(
                    self.lo, self.hi, self.order, self.offsets, self.alive, keys[start:],
                    plan.chunk, plan.mask, queries[start:], max_distance, qnum, rows, dist,
                )  # fmt: skip
            except ValueError as exc:
                raise HashingError(
                    "the PDQ index tables are damaged",
                    hint="Delete the saved index; it is rebuilt from the bank.",
                ) from exc
            parts.append((qnum[:found] + start, rows[:found], dist[:found]))
            start += done
            capacity = max(capacity, needed)
        qnum = np.concatenate([p[0] for p in parts])
        rows = np.concatenate([p[1] for p in parts])
        dist = np.concatenate([p[2] for p in parts])
        # A near match turns up once per chunk it agrees on; keep it once.
        _, first = np.unique(qnum * len(self) + rows, return_index=True)
        return qnum[first], rows[first], dist[first]

    def _probe_compiled(
        self, query: U8, keys: U32, plan: ProbePlan, max_distance: int
    ) -> tuple[I64, U16]:
        assert _kernel is not None
        capacity = _FIRST_CAPACITY
        while True:
            rows = np.empty(capacity, np.int64)
            dist = np.empty(capacity, np.uint16)
            try:
                found = _kernel(
                    self.lo, self.hi, self.order, self.offsets, self.alive, keys,
                    plan.chunk, plan.mask, query, max_distance, rows, dist,
                )  # fmt: skip
            except ValueError as exc:
                raise HashingError(
                    "the PDQ index tables are damaged",
                    hint="Delete the saved index; it is rebuilt from the bank.",
                ) from exc
            if found <= capacity:
                return rows[:found], dist[:found]
            capacity = found

    def _probe_numpy(
        self, query: U8, keys: U32, plan: ProbePlan, max_distance: int
    ) -> tuple[I64, U16]:
        if self._bounds is None:
            # Kept as int64 for small tables (8 MB), which saves two conversions
            # per lookup; the big tables of large segments stay uint32 (memory).
            flat = self._flat_offsets
            if self.scheme.bits <= 16:
                flat = flat.astype(np.int64)
            self._bounds = flat[:-1], flat[1:]
        starts_all, ends_all = self._bounds
        slots = (keys[plan.chunk] ^ plan.mask) + plan.slot_base
        starts = starts_all[slots].astype(np.int64, copy=False)
        lengths = ends_all[slots] - starts
        total = int(lengths.sum())
        if total == 0:
            return np.empty(0, np.int64), np.empty(0, np.uint16)
        # Expand the probed buckets into positions of the flattened order array.
        starts += self._row_base[plan.chunk]
        before = np.cumsum(lengths) - lengths
        pos = np.arange(total, dtype=np.int64) + np.repeat(starts - before, lengths)
        rows, dist = verify(self.lo, self.hi, query, self._flat_order[pos], max_distance)
        live = self.alive[rows]
        return rows[live], dist[live]


def _one_by_one(
    queries: U8, search: Callable[[U8], tuple[I64, U16]]
) -> tuple[I64, I64, U16]:
    # The batch answer built from single searches (NumPy path, very wide searches).
    found = [search(q) for q in queries]
    qnum = np.repeat(np.arange(len(found), dtype=np.int64), [len(r) for r, _ in found])
    if not found:
        return qnum, np.empty(0, np.int64), np.empty(0, np.uint16)
    rows = np.concatenate([r.astype(np.int64) for r, _ in found])
    dist = np.concatenate([d.astype(np.uint16) for _, d in found])
    return qnum, rows, dist


def scan_batch(hashes: U8, queries: U8, max_distance: int) -> tuple[I64, I64, U16]:
    """Brute-force search of a small block for many queries, as `Segment.search_batch`."""
    words = hashes.view(np.uint64)
    qwords = queries.view(np.uint64)
    parts: list[tuple[I64, I64, U16]] = []
    # Blocks of queries so the (block, n) distance table stays a few MB.
    block = max(1, _SCAN_CELLS // max(len(hashes), 1))
    for start in range(0, len(queries), block):
        q = qwords[start : start + block]
        dist = np.zeros((len(q), len(words)), dtype=np.uint16)
        for j in range(4):
            dist += np.bitwise_count(q[:, None, j] ^ words[None, :, j])
        qnum, rows = np.nonzero(dist <= max_distance)
        parts.append((qnum.astype(np.int64) + start, rows.astype(np.int64), dist[qnum, rows]))
    if not parts:
        empty = np.empty(0, np.int64)
        return empty, empty, np.empty(0, np.uint16)
    return (
        np.concatenate([p[0] for p in parts]),
        np.concatenate([p[1] for p in parts]),
        np.concatenate([p[2] for p in parts]),
    )


def scan(hashes: U8, query: U8, max_distance: int) -> tuple[I64, U16]:
    """Brute-force search of a small block of (n, 32) hashes."""
    lo, hi = split_halves(hashes)
    return verify(lo, hi, query, None, max_distance)
