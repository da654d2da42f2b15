"""`PDQIndex`: exact PDQ near-duplicate search with live adds and removals.

Hashes live in a few immutable segments (see `_segment`) plus a small
`delta` of recent additions that is scanned directly. When the delta fills
up it becomes a segment, and segments of similar size are merged (the way
log-structured stores do), so an add never waits for a full rebuild and the
next lookup always sees it. Removals clear a bit in a live mask at once; the
rows are dropped for good when their segment is next merged.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from unsnare.errors import HashingError
from unsnare.hashing._segment import (
    I64,
    U8,
    U16,
    Segment,
    scan,
    scan_batch,
    scheme_named,
    split_halves,
)

HashLike = str | bytes | bytearray
Id = Any
DEFAULT_MAX_DISTANCE = 31
DELTA_MAX = 8192
_PARSE_BLOCK = 65536
_FORMAT = "unsnare-pdq-index"
_VERSION = 1


def parse_hashes(hashes: Iterable[HashLike] | U8) -> U8:
    """Turn 64-char hex strings or 32-byte values into an (n, 32) uint8 array."""
    if isinstance(hashes, np.ndarray):
        if hashes.dtype != np.uint8 or hashes.ndim != 2 or hashes.shape[1] != 32:
            raise HashingError("a hash array must be uint8 with shape (n, 32)", field="hashes")
        return np.ascontiguousarray(hashes)
    items = list(hashes)
    if not items:
        return np.empty((0, 32), dtype=np.uint8)
    if all(isinstance(h, str) for h in items):
        out = np.empty((len(items), 32), dtype=np.uint8)
        flat = out.reshape(-1)
        # In blocks, so a million hashes never need one 64 MB string at once.
        for start in range(0, len(items), _PARSE_BLOCK):
            block = items[start : start + _PARSE_BLOCK]
            text = "".join(block)
            try:
                raw = bytes.fromhex(text)
            except ValueError:
                raw = b""
            # fromhex skips spaces, so equal lengths also prove each item was 64 hex digits.
            if len(text) != 64 * len(block) or len(raw) != 32 * len(block):
                _raise_bad_hash(items)
            flat[start * 32 : start * 32 + len(raw)] = np.frombuffer(raw, dtype=np.uint8)
        return out
    else:
        parts = []
        for i, h in enumerate(items):
            if isinstance(h, bytes | bytearray) and len(h) == 32:
                parts.append(bytes(h))
            elif isinstance(h, str):
                parts.append(parse_hashes([h]).tobytes())
            else:
                raise HashingError(
                    f"hash number {i + 1} is not 32 bytes or 64 hex characters", field="hash"
                )
        raw = b"".join(parts)
    return np.frombuffer(raw, dtype=np.uint8).reshape(-1, 32).copy()


def _parse_one(value: HashLike) -> U8:
    # The lookup hot path: one hash, no list building.
    if isinstance(value, str) and len(value) == 64:
        try:
            raw = bytes.fromhex(value)
        except ValueError:
            raw = b""
        if len(raw) == 32:
            out: U8 = np.frombuffer(raw, dtype=np.uint8)
            return out
    parsed: U8 = parse_hashes([value])[0]
    return parsed


def _raise_bad_hash(items: Sequence[HashLike]) -> None:
    for i, h in enumerate(items):
        ok = isinstance(h, str) and len(h) == 64
        if ok:
            try:
                ok = len(bytes.fromhex(str(h))) == 32
            except ValueError:
                ok = False
        if not ok:
            raise HashingError(
                f"hash number {i + 1} ({str(h)[:70]!r}) is not a PDQ hash",
                field="hash",
                hint="A PDQ hash is 64 hexadecimal characters (0-9, a-f).",
            )


def _id_array(ids: Iterable[Id]) -> npt.NDArray[Any]:
    # Ranges and arrays skip a list of Python ints (36 bytes each, and memory the
    # interpreter keeps after they are freed).
    if isinstance(ids, range):
        return np.arange(ids.start, ids.stop, ids.step, dtype=np.int64)
    if isinstance(ids, np.ndarray) and ids.ndim == 1 and ids.dtype.kind in "iu":
        return ids.astype(np.int64)
    if isinstance(ids, np.ndarray) and ids.ndim == 1 and ids.dtype.kind == "U":
        return ids
    values = list(ids)
    if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return np.asarray(values, dtype=np.int64)
    if values and all(isinstance(v, str) for v in values):
        return np.asarray(values, dtype=np.str_)
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def _concat_ids(parts: Sequence[npt.NDArray[Any]]) -> npt.NDArray[Any]:
    kinds = {p.dtype.kind for p in parts if len(p)}
    if len(kinds) <= 1 and kinds != {"O"}:
        return np.concatenate(parts) if parts else np.empty(0, dtype=np.int64)
    out = np.empty(sum(len(p) for p in parts), dtype=object)
    out[:] = [v for p in parts for v in p.tolist()]
    return out


class PDQIndex:
    """Exact search of PDQ hashes by Hamming distance; adds and removals are live."""

    def __init__(self) -> None:
        self._segments: list[Segment] = []
        self._delta_hashes: list[U8] = []
        self._delta_ids: list[npt.NDArray[Any]] = []
        self._delta_cache: tuple[U8, npt.NDArray[Any]] | None = None

    def __len__(self) -> int:
        return sum(s.live_count() for s in self._segments) + len(self._delta()[0])

    def add(self, hashes: Iterable[HashLike] | U8, ids: Iterable[Id]) -> None:
        """Add hashes with their ids (one id per hash); visible to the next search."""
        arr = parse_hashes(hashes)
        id_arr = _id_array(ids)
        if len(arr) != len(id_arr):
            raise HashingError(
                f"{len(arr)} hashes but {len(id_arr)} ids were given",
                field="ids",
                hint="Give exactly one id for each hash.",
            )
        if not len(arr):
            return
        self._delta_hashes.append(arr)
        self._delta_ids.append(id_arr)
        self._delta_cache = None
        del arr  # the delta holds it now; a flush may then free it early
        if sum(len(h) for h in self._delta_hashes) > DELTA_MAX:
            self._flush()

    def remove(self, ids: Iterable[Id]) -> int:
        """Remove every hash stored under these ids; returns how many were removed."""
        gone = _id_array(ids)
        if not len(gone):
            return 0
        removed = 0
        for seg in self._segments:
            hit = np.isin(seg.ids, gone) & seg.alive
            removed += int(np.count_nonzero(hit))
            seg.alive &= ~hit
        hashes, id_arr = self._delta()
        if len(id_arr):
            keep = ~np.isin(id_arr, gone)
            removed += int(len(keep) - np.count_nonzero(keep))
            self._delta_hashes, self._delta_ids = [hashes[keep]], [id_arr[keep]]
            self._delta_cache = None
        # Segments mostly made of removed rows are rebuilt smaller.
        self._segments = [
            self._compact(s) if s.live_count() * 2 < len(s) else s for s in self._segments
        ]
        self._segments = [s for s in self._segments if len(s)]
        return removed

    def search(
        self, hash: HashLike, max_distance: int = DEFAULT_MAX_DISTANCE
    ) -> list[tuple[Id, int]]:
        """Every stored (id, distance) within max_distance bits of the hash, nearest first."""
        if not 0 <= max_distance <= 256:
            raise HashingError("max_distance must be between 0 and 256", field="max_distance")
        query = _parse_one(hash)
        found: list[tuple[Id, int]] = []
        for seg in self._segments:
            rows, dist = seg.search(query, max_distance)
            if len(rows):
                found.extend(zip(seg.ids[rows].tolist(), dist.tolist(), strict=True))
        hashes, id_arr = self._delta()
        if len(hashes):
            rows, dist = scan(hashes, query, max_distance)
            found.extend(zip(id_arr[rows].tolist(), dist.tolist(), strict=True))
        found.sort(key=lambda pair: pair[1])
        return found

    def search_batch(
        self, hashes: Iterable[HashLike] | U8, max_distance: int = DEFAULT_MAX_DISTANCE
    ) -> tuple[I64, npt.NDArray[Any], U16]:
        """Every match of many hashes at once: (query number, id, distance) arrays.

        Ordered by query, then as `search` orders one query's matches, so query
        i's rows are exactly `search(hashes[i])`. One call into the compiled
        kernel for the whole batch: the way to match millions of hashes.
        """
        if not 0 <= max_distance <= 256:
            raise HashingError("max_distance must be between 0 and 256", field="max_distance")
        queries = parse_hashes(hashes)
        qnums: list[I64] = []
        ids: list[npt.NDArray[Any]] = []
        dists: list[U16] = []
        for seg in self._segments:
            qnum, rows, dist = seg.search_batch(queries, max_distance)
            qnums.append(qnum)
            ids.append(seg.ids[rows])
            dists.append(dist)
        delta, delta_ids = self._delta()
        qnum, rows, dist = scan_batch(delta, queries, max_distance)
        qnums.append(qnum)
        ids.append(delta_ids[rows])
        dists.append(dist)
        all_q, all_d = np.concatenate(qnums), np.concatenate(dists)
        # Empty parts left out: numpy would turn int ids into text next to an empty text array.
        all_ids = _concat_ids([i for i in ids if len(i)] or ids[:1])
        # lexsort is stable: equal distances keep segment order, then row order.
        order = np.lexsort((all_d, all_q))
        return all_q[order], all_ids[order], all_d[order]

    def search_many(
        self, hashes: Iterable[HashLike], max_distance: int = DEFAULT_MAX_DISTANCE
    ) -> list[list[tuple[Id, int]]]:
        """`search` for each hash, in order."""
        return [self.search(h, max_distance) for h in hashes]

    def save(self, path: str | Path) -> None:
        """Write the index to a directory of .npy files (loadable without rebuilding)."""
        self._flush(force=True)
        out = Path(path)
        out.mkdir(parents=True, exist_ok=True)
        meta: dict[str, Any] = {"format": _FORMAT, "version": _VERSION, "segments": []}
        for i, seg in enumerate(self._segments):
            np.save(out / f"seg{i}_lo.npy", seg.lo)
            np.save(out / f"seg{i}_hi.npy", seg.hi)
            np.save(out / f"seg{i}_order.npy", seg.order)
            np.save(out / f"seg{i}_offsets.npy", seg.offsets)
            np.save(out / f"seg{i}_alive.npy", seg.alive)
            ids_kind = seg.ids.dtype.kind
            if ids_kind == "O":
                (out / f"seg{i}_ids.json").write_text(json.dumps(seg.ids.tolist()), "utf-8")
            else:
                np.save(out / f"seg{i}_ids.npy", seg.ids)
            meta["segments"].append({"scheme": seg.scheme.name, "ids": ids_kind})
        (out / "index.json").write_text(json.dumps(meta, indent=1), "utf-8")

    @classmethod
    def load(cls, path: str | Path, *, mmap: bool = True) -> PDQIndex:
        """Open a saved index; with mmap the tables are paged in from disk on demand."""
        src = Path(path)
        try:
            meta = json.loads((src / "index.json").read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise HashingError(
                "this is not a saved Unsnare PDQ index",
                file=str(src),
                hint="Give the directory that PDQIndex.save wrote.",
            ) from exc
        if meta.get("format") != _FORMAT or meta.get("version") != _VERSION:
            raise HashingError("unknown PDQ index format or version", file=str(src))
        mode: Any = "r" if mmap else None
        index = cls()
        for i, info in enumerate(meta["segments"]):
            if info["ids"] == "O":
                ids: npt.NDArray[Any] = np.empty(0, dtype=object)
                values = json.loads((src / f"seg{i}_ids.json").read_text("utf-8"))
                ids = np.empty(len(values), dtype=object)
                ids[:] = values
            else:
                ids = np.load(src / f"seg{i}_ids.npy")
            index._segments.append(
                Segment(
                    np.load(src / f"seg{i}_lo.npy", mmap_mode=mode),
                    np.load(src / f"seg{i}_hi.npy", mmap_mode=mode),
                    ids,
                    scheme_named(info["scheme"]),
                    np.load(src / f"seg{i}_order.npy", mmap_mode=mode),
                    np.load(src / f"seg{i}_offsets.npy", mmap_mode=mode),
                    np.load(src / f"seg{i}_alive.npy"),
                )
            )
        return index

    def _delta(self) -> tuple[U8, npt.NDArray[Any]]:
        if self._delta_cache is None:
            if len(self._delta_hashes) == 1:
                hashes = self._delta_hashes[0]
                id_arr = self._delta_ids[0]
            elif self._delta_hashes:
                hashes = np.concatenate(self._delta_hashes)
                id_arr = _concat_ids(self._delta_ids)
            else:
                hashes, id_arr = np.empty((0, 32), np.uint8), np.empty(0, np.int64)
            self._delta_hashes, self._delta_ids = [hashes], [id_arr]
            self._delta_cache = (hashes, id_arr)
        return self._delta_cache

    def _flush(self, force: bool = False) -> None:
        hashes, id_arr = self._delta()
        if not len(hashes) or (not force and len(hashes) <= DELTA_MAX):
            return
        lo, hi = split_halves(hashes)
        # Let the (n, 32) copy go before the tables are built: at 10M it is 320 MB.
        del hashes
        self._delta_hashes, self._delta_ids, self._delta_cache = [], [], None
        self._segments.append(Segment.from_halves(lo, hi, id_arr))
        # Merge neighbours of similar size so there are only O(log n) segments.
        while len(self._segments) >= 2 and 4 * len(self._segments[-1]) >= len(self._segments[-2]):
            newer, older = self._segments.pop(), self._segments.pop()
            self._segments.append(self._merge([older, newer]))

    @staticmethod
    def _merge(parts: Sequence[Segment]) -> Segment:
        lo = np.concatenate([p.lo[p.alive] for p in parts])
        hi = np.concatenate([p.hi[p.alive] for p in parts])
        ids = _concat_ids([p.ids[p.alive] for p in parts])
        return Segment.from_halves(lo, hi, ids)

    def _compact(self, seg: Segment) -> Segment:
        return self._merge([seg])
