"""Hash banks frozen for a scan: built once by the driver, broadcast to every worker.

A `BankSnapshot` holds, per bank, a `PDQIndex` and an MD5 table keyed to the
bank's entry ids. It pickles as plain numpy arrays and dicts, so Dask can
scatter it and Spark can broadcast it; no worker touches the bank database.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa

from unsnare.hashing.banks import BankEntry, BankKind, BankStore, HashBank, SignalType
from unsnare.hashing.formats import read_bank_file
from unsnare.hashing.index import PDQIndex
from unsnare.scan.hashcols import HashBlock
from unsnare.scan.tables import MATCHES


@dataclass(frozen=True, slots=True)
class HashMatch:
    """One input item found in a bank."""

    id: str
    signal: str
    bank: str
    bank_kind: str
    distance: int
    matched_id: int


@dataclass
class _Bank:
    name: str
    kind: BankKind
    max_distance: int
    pdq: PDQIndex = field(default_factory=PDQIndex)
    md5: dict[str, int] = field(default_factory=dict)


class BankSnapshot:
    """Every bank a scan matches against, searchable without a database."""

    def __init__(self) -> None:
        self._banks: list[_Bank] = []

    def add(self, bank: HashBank, entries: Iterable[BankEntry]) -> None:
        """Index a bank's entries; an entry without an id gets its 1-based position."""
        held = _Bank(bank.name, bank.kind, bank.max_distance)
        pdq_values: list[str] = []
        pdq_ids: list[int] = []
        for position, e in enumerate(entries, 1):
            entry_id = e.entry_id if e.entry_id is not None else position
            if e.signal_type is SignalType.PDQ:
                pdq_values.append(e.value)
                pdq_ids.append(entry_id)
            else:
                held.md5.setdefault(e.value, entry_id)
        held.pdq.add(pdq_values, pdq_ids)
        self._banks.append(held)
        self._banks.sort(key=lambda b: b.name)

    def __len__(self) -> int:
        return sum(len(b.pdq) + len(b.md5) for b in self._banks)

    def names(self) -> list[str]:
        """The bank names, sorted."""
        return [b.name for b in self._banks]

    def match(self, item: str, pdq: str | None, md5: str | None) -> list[HashMatch]:
        """Every bank entry within its bank's distance of the PDQ, or equal to the MD5."""
        out: list[HashMatch] = []
        for bank in self._banks:
            if pdq is not None:
                for entry_id, distance in bank.pdq.search(pdq, bank.max_distance):
                    out.append(
                        HashMatch(item, "pdq", bank.name, str(bank.kind), distance, int(entry_id))
                    )
            if md5 is not None and md5 in bank.md5:
                out.append(HashMatch(item, "md5", bank.name, str(bank.kind), 0, bank.md5[md5]))
        return out


    def match_block(self, block: HashBlock) -> pa.Table:
        """`match` for every row of a block, as a table in the `MATCHES` schema.

        Each bank searches all the block's PDQs in one call into the kernel.
        """
        parts: list[pa.Table] = []
        for bank in self._banks:
            qnum, entry_ids, dist = bank.pdq.search_batch(block.pdq, bank.max_distance)
            md5 = [(i, bank.md5[v]) for i, v in block.md5 if v in bank.md5]
            rows = np.concatenate([block.pdq_rows[qnum], np.array([i for i, _ in md5], np.int64)])
            n_pdq, n = len(qnum), len(qnum) + len(md5)
            parts.append(pa.table(
                {
                    "id": block.ids.take(pa.array(rows, pa.int64())),
                    "signal": pa.array(["pdq"] * n_pdq + ["md5"] * len(md5), pa.string()),
                    "bank": pa.array([bank.name] * n, pa.string()),
                    "bank_kind": pa.array([str(bank.kind)] * n, pa.string()),
                    "distance": pa.array(np.concatenate(
                        [dist.astype(np.int64), np.zeros(len(md5), np.int64)])),
                    "matched_id": pa.array(np.concatenate(
                        [entry_ids.astype(np.int64), np.array([e for _, e in md5], np.int64)])),
                },
                schema=MATCHES,
            ))  # fmt: skip
        return pa.concat_tables(parts) if parts else MATCHES.empty_table()


def snapshot(
    store: BankStore | None, names: Sequence[str], files: Sequence[Path]
) -> BankSnapshot:
    """A snapshot of the named banks in the store and of bank files (named by file stem)."""
    snap = BankSnapshot()
    for name in names:
        if store is None:
            raise ValueError("a bank store is needed to scan against named banks")
        snap.add(store.get_bank(name), store.entries(name))
    for path in files:
        read = read_bank_file(path)
        bank = read.bank or HashBank(name=path.stem)
        snap.add(bank, read.entries)
    return snap
