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

from dataclasses import dataclass
from functools import cache
from itertools import combinations
from math import comb
from typing import Any

import numpy as np
import numpy.typing as npt

U8 = npt.NDArray[np.uint8]
U32 = npt.NDArray[np.uint32]
U64 = npt.NDArray[np.uint64]
U16 = npt.NDArray[np.uint16]
Rows = npt.NDArray[np.integer[Any]]
I64 = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

# More probes than this per query and a linear scan is cheaper (measured).
MAX_PROBES = 40_000


@dataclass(frozen=True)
class Scheme:
    """How hashes are cut into chunk keys: m chunks of b bits."""

    name: str
    chunks: int
    bits: int


# 16 chunks of 16 bits for up to a few million hashes; beyond that 12 chunks of
# 21 bits (252 of the 256 bits) keep buckets small: ~4x fewer candidates for
# 10x more (cheap) probes, and 100 MB of offsets that pay off only at scale.
SMALL = Scheme("16x16", 16, 16)
LARGE = Scheme("12x21", 12, 21)
LARGE_FROM = 3_000_000


def scheme_for(n: int) -> Scheme:
    """The chunking that suits a segment of n hashes."""
    return LARGE if n >= LARGE_FROM else SMALL


def scheme_named(name: str) -> Scheme:
    """Look up a scheme by its saved name."""
    return {SMALL.name: SMALL, LARGE.name: LARGE}[name]


def key_column(hashes: U8, scheme: Scheme, k: int) -> U32:
    """Chunk k of every hash, as integers < 2**bits."""
    words = hashes.view(">u2")  # (n, 16) big-endian 16-bit units
    if scheme is SMALL:
        return words[:, k].astype(np.uint32)
    # LARGE: unit k (k < 12) plus 5 bits taken from the last 64 bits.
    tail = hashes[:, 24:32].copy().view(">u8")[:, 0].astype(np.uint64)
    extra = ((tail >> np.uint64(5 * k)) & np.uint64(31)).astype(np.uint32)
    return (words[:, k].astype(np.uint32) << np.uint32(5)) | extra


def query_keys(query: U8, scheme: Scheme) -> U32:
    """All m chunk keys of one hash."""
    words = query.view(">u2").astype(np.uint32)
    if scheme is SMALL:
        return words
    tail = int.from_bytes(query[24:32].tobytes(), "big")
    extra = np.array([(tail >> (5 * k)) & 31 for k in range(scheme.chunks)], np.uint32)
    return (words[: scheme.chunks] << np.uint32(5)) | extra


@cache
def flip_masks(bits: int, radius: int) -> U32:
    """Every XOR mask of `bits` bits with at most `radius` bits set."""
    masks = [0]
    for r in range(1, radius + 1):
        for combo in combinations(range(bits), r):
            masks.append(sum(1 << b for b in combo))
    return np.array(masks, dtype=np.uint32)


def probe_count(scheme: Scheme, radius: int) -> int:
    """How many bucket probes a query at this radius needs."""
    return scheme.chunks * sum(int(comb(scheme.bits, r)) for r in range(radius + 1))


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
        buckets = (1 << scheme.bits) + 1
        self._flat_order = order.reshape(-1)
        self._flat_offsets = offsets.reshape(-1)
        chunks = np.arange(scheme.chunks, dtype=np.int64)
        self._slot_base = (chunks * buckets)[:, None]
        self._row_base = chunks * len(ids)

    @classmethod
    def build(cls, hashes: U8, ids: npt.NDArray[Any]) -> Segment:
        """Build the chunk tables for these hashes (numpy sorts, no Python loop per hash)."""
        hashes = np.ascontiguousarray(hashes, dtype=np.uint8)
        n = len(hashes)
        scheme = scheme_for(n)
        order = np.empty((scheme.chunks, n), dtype=np.uint32)
        offsets = np.zeros((scheme.chunks, (1 << scheme.bits) + 1), dtype=np.uint32)
        for k in range(scheme.chunks):
            key = key_column(hashes, scheme, k)
            # 16-bit keys get numpy's radix sort; wider keys its default sort.
            if scheme.bits <= 16:
                order[k] = np.argsort(key.astype(np.uint16), kind="stable")
            else:
                order[k] = np.argsort(key)
            np.cumsum(np.bincount(key, minlength=1 << scheme.bits), out=offsets[k, 1:])
        lo, hi = split_halves(hashes)
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
        radius = max_distance // self.scheme.chunks
        if probe_count(self.scheme, radius) > MAX_PROBES:
            rows, dist = verify(self.lo, self.hi, query, None, max_distance)
            live = self.alive[rows]
            return rows[live], dist[live]
        masks = flip_masks(self.scheme.bits, radius)
        keys = query_keys(query, self.scheme)
        slots = ((keys[:, None] ^ masks[None, :]) + self._slot_base).reshape(-1)
        starts = self._flat_offsets[slots].astype(np.int64)
        lengths = self._flat_offsets[slots + 1] - starts
        total = int(lengths.sum())
        if total == 0:
            return np.empty(0, np.int64), np.empty(0, np.uint16)
        # Expand the probed buckets into positions of the flattened order array.
        starts += np.repeat(self._row_base, len(masks))
        ends = np.cumsum(lengths)
        pos = np.arange(total, dtype=np.int64) + np.repeat(starts - (ends - lengths), lengths)
        rows, dist = verify(self.lo, self.hi, query, self._flat_order[pos], max_distance)
        if not len(rows):
            return rows, dist
        # A near match turns up once per chunk it agrees on; keep it once.
        rows, first = np.unique(rows, return_index=True)
        dist = dist[first]
        live = self.alive[rows]
        return rows[live], dist[live]


def scan(hashes: U8, query: U8, max_distance: int) -> tuple[I64, U16]:
    """Brute-force search of a small block of (n, 32) hashes."""
    lo, hi = split_halves(hashes)
    return verify(lo, hi, query, None, max_distance)
