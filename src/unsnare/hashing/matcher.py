"""`HashMatcher`: match PDQ and MD5 hashes (or an image) against the hash banks.

PDQ matches are exact within each bank's distance (31 bits by default). An
allowlist match suppresses blocklist matches, which are still returned as
`suppressed` so a reviewer can see why nothing fired. Adding or removing
through the matcher updates the store and the in-memory index together, so
the next lookup sees the change.

Given an `index_dir`, each bank's index is kept on disk (see `saved`) and
reopened memory-mapped instead of rebuilt from the database: a saved copy
whose stamp matches the bank is used as is; if only adds happened since, the
new rows are added to it; otherwise it is rebuilt and saved again.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from unsnare.errors import HashingError
from unsnare.hashing.banks import (
    BankEntry,
    BankKind,
    BankRevision,
    BankStore,
    HashBank,
    SignalType,
    normalise_hash,
)
from unsnare.hashing.index import PDQIndex
from unsnare.hashing.pdq import ImageHashes, hash_image_bytes, hash_image_variants
from unsnare.hashing.saved import Stamp, load_bank_index, save_bank_index

# Order of pdqhash.compute_dihedral's hashes.
VARIANTS = (
    "original",
    "rotated 90 degrees anticlockwise",
    "rotated 180 degrees",
    "rotated 90 degrees clockwise",
    "flipped top to bottom",
    "flipped left to right",
    "flipped along the diagonal",
    "flipped along the other diagonal",
)


@dataclass(frozen=True)
class Match:
    """One stored hash that matched, and how close it was."""

    bank: str
    bank_kind: BankKind
    signal_type: SignalType
    value: str
    distance: int
    entry_id: int
    source: str
    labels: tuple[str, ...]
    variant: str = "original"


@dataclass(frozen=True)
class MatchResult:
    """Blocklist matches, those an allowlist suppressed, and the allowlist hits."""

    matches: list[Match] = field(default_factory=list)
    suppressed: list[Match] = field(default_factory=list)
    allowlisted: list[Match] = field(default_factory=list)

    @property
    def matched(self) -> bool:
        """True when at least one blocklist match stands."""
        return bool(self.matches)


class _BankIndex:
    def __init__(self, bank: HashBank, stamp: Stamp) -> None:
        self.bank = bank
        self.pdq = PDQIndex()
        self.md5: dict[str, int] = {}
        # The bank state this index holds, and whether the saved copy lags behind it.
        self.stamp = stamp
        self.dirty = False

    def add(self, entries: Sequence[BankEntry]) -> None:
        pdq = [e for e in entries if e.signal_type is SignalType.PDQ and e.entry_id is not None]
        if pdq:
            self.pdq.add([e.value for e in pdq], [e.entry_id for e in pdq])
        for e in entries:
            if e.signal_type is SignalType.MD5 and e.entry_id is not None:
                self.md5[e.value] = e.entry_id
        top = max((e.entry_id or 0 for e in entries), default=0)
        self.stamp = replace(
            self.stamp, max_id=max(self.stamp.max_id, top), pdq=len(self.pdq), md5=len(self.md5)
        )


class HashMatcher:
    """Matches against every bank in a store (or the ones named); indexes are built lazily.

    With `index_dir`, indexes are saved there and reloaded by later matchers.
    """

    def __init__(self, store: BankStore, index_dir: Path | None = None) -> None:
        self.store = store
        self.index_dir = index_dir
        self._indexes: dict[str, _BankIndex] = {}
        # One lock: a web server may look up and change banks from several threads.
        self._lock = threading.RLock()

    def _index(self, name: str) -> _BankIndex:
        if name not in self._indexes:
            self._indexes[name] = self._open(name)
        return self._indexes[name]

    def _open(self, name: str) -> _BankIndex:
        bank = self.store.get_bank(name)
        # Read the counters before the rows: the index then holds at least that state.
        rev = self.store.revision(name)
        fresh = Stamp.of(bank, rev, 0, 0, 0)
        if self.index_dir is None:
            idx = _BankIndex(bank, fresh)
            idx.add(self.store.entries(name))
            return idx
        saved = load_bank_index(self.index_dir, name)
        if saved is not None and saved.stamp.created == fresh.created:
            idx = _BankIndex(bank, saved.stamp)
            idx.pdq, idx.md5 = saved.pdq, saved.md5
            if (saved.stamp.revision, saved.stamp.removals) == (rev.revision, rev.removals):
                return idx
            if saved.stamp.removals == rev.removals:
                # Only adds since the save. Their ids are normally above every saved
                # id, but SQLite may hand out a removed top id again, so the counts
                # must agree too; if not, rebuild.
                idx.add(self.store.entries_after(name, saved.stamp.max_id))
                status = self.store.status(name)
                if (status.pdq, status.md5) == (len(idx.pdq), len(idx.md5)):
                    idx.stamp = replace(idx.stamp, revision=rev.revision)
                    self._save(idx)
                    return idx
        idx = _BankIndex(bank, fresh)
        idx.add(self.store.entries(name))
        self._save(idx)
        return idx

    def _save(self, idx: _BankIndex) -> None:
        if self.index_dir is None:
            return
        try:
            save_bank_index(self.index_dir, idx.bank.name, idx.stamp, idx.pdq, idx.md5)
            idx.dirty = False
        except OSError:
            # A read-only or full disk only costs the next process a rebuild.
            idx.dirty = True

    def _changed(self, idx: _BankIndex, removal: bool) -> None:
        # Our own change moves the expected counters on; `save` checks that nobody
        # else changed the bank in between before trusting them.
        s = idx.stamp
        idx.stamp = replace(s, revision=s.revision + 1, removals=s.removals + int(removal))
        idx.dirty = True

    def save(self) -> None:
        """Save indexes changed through this matcher, if no one else changed their banks."""
        with self._lock:
            for name, idx in list(self._indexes.items()):
                if not idx.dirty or self.index_dir is None:
                    continue
                try:
                    now = self.store.revision(name)
                except HashingError:  # the bank was deleted
                    self._indexes.pop(name, None)
                    continue
                expected = BankRevision(idx.stamp.revision, idx.stamp.removals)
                if now == expected:
                    self._save(idx)
                else:  # changed elsewhere too: the next opener refreshes from the database
                    self._indexes.pop(name, None)

    def close(self) -> None:
        """Save what changed and drop the in-memory indexes."""
        self.save()
        self.forget()

    def forget(self, name: str | None = None) -> None:
        """Drop cached indexes (all, or one bank's) so they are rebuilt from the store."""
        with self._lock:
            if name is None:
                self._indexes.clear()
            else:
                self._indexes.pop(name, None)

    def add(self, name: str, entries: Sequence[BankEntry]) -> list[BankEntry]:
        """Add entries to a bank; they match from the next lookup on."""
        with self._lock:
            return self._add(name, entries)

    def _add(self, name: str, entries: Sequence[BankEntry]) -> list[BankEntry]:
        stored = self.store.add_entries(name, entries)
        if name in self._indexes and stored:
            self._indexes[name].add(stored)
            self._changed(self._indexes[name], removal=False)
        return stored

    def remove(self, name: str, signal_type: SignalType, values: Sequence[str]) -> int:
        """Remove hashes from a bank; they stop matching from the next lookup on."""
        with self._lock:
            return self._remove(name, signal_type, values)

    def _remove(self, name: str, signal_type: SignalType, values: Sequence[str]) -> int:
        removed = self.store.remove_entries(name, signal_type, values)
        if name in self._indexes:
            idx = self._indexes[name]
            for value in values:
                clean = normalise_hash(signal_type, value)
                if signal_type is SignalType.PDQ:
                    idx.pdq.remove([i for i, _ in idx.pdq.search(clean, 0)])
                else:
                    idx.md5.pop(clean, None)
            idx.stamp = replace(idx.stamp, pdq=len(idx.pdq), md5=len(idx.md5))
            if removed:
                self._changed(idx, removal=True)
        return removed

    def _banks(self, names: Sequence[str] | None) -> list[_BankIndex]:
        if names is None:
            names = [b.name for b in self.store.list_banks()]
        return [self._index(n) for n in names]

    def match(
        self,
        pdq: Sequence[str] = (),
        md5: str | None = None,
        banks: Sequence[str] | None = None,
        variants: Sequence[str] | None = None,
    ) -> MatchResult:
        """Match PDQ hashes (one, or the 8 dihedral variants) and/or an MD5."""
        with self._lock:
            return self._match(pdq, md5, banks, variants)

    def _match(
        self,
        pdq: Sequence[str],
        md5: str | None,
        banks: Sequence[str] | None,
        variants: Sequence[str] | None,
    ) -> MatchResult:
        labels = list(variants) if variants is not None else ["original"] * len(pdq)
        if len(labels) != len(pdq):
            raise HashingError("one variant name is needed per PDQ hash", field="variants")
        clean = [normalise_hash(SignalType.PDQ, h) for h in pdq]
        md5_clean = normalise_hash(SignalType.MD5, md5) if md5 else None
        found: list[Match] = []
        for idx in self._banks(banks):
            hits: dict[int, tuple[int, str]] = {}
            for query, variant in zip(clean, labels, strict=True):
                for entry_id, distance in idx.pdq.search(query, idx.bank.max_distance):
                    if entry_id not in hits or distance < hits[entry_id][0]:
                        hits[entry_id] = (distance, variant)
            if md5_clean and md5_clean in idx.md5:
                hits[idx.md5[md5_clean]] = (0, "original")
            if not hits:
                continue
            stored = self.store.entries_by_id(idx.bank.name, list(hits))
            for entry_id, (distance, variant) in hits.items():
                e = stored.get(entry_id)
                if e is None:  # removed through another process since we indexed
                    continue
                found.append(
                    Match(
                        idx.bank.name,
                        idx.bank.kind,
                        e.signal_type,
                        e.value,
                        distance,
                        entry_id,
                        e.source,
                        e.labels,
                        variant,
                    )
                )
        found.sort(key=lambda m: (m.distance, m.bank, m.entry_id))
        allow = [m for m in found if m.bank_kind is BankKind.ALLOWLIST]
        block = [m for m in found if m.bank_kind is BankKind.BLOCKLIST]
        if allow:
            return MatchResult([], block, allow)
        return MatchResult(block, [], [])

    def match_image(
        self,
        data: bytes,
        *,
        banks: Sequence[str] | None = None,
        dihedral: bool = False,
        name: str = "image",
    ) -> tuple[ImageHashes, MatchResult]:
        """Hash an image here (nothing stored) and match it; optionally its flips and turns."""
        if dihedral:
            hashes, pdq = hash_image_variants(data, name=name)
            return hashes, self.match(pdq, hashes.md5, banks, list(VARIANTS))
        hashes = hash_image_bytes(data, name=name)
        return hashes, self.match([hashes.pdq] if hashes.pdq else [], hashes.md5, banks)
