"""Tenant hash banks shared by every service process.

Banks are stored with `unsnare.hashing.storage.SqlBankStore`, named
`<tenant>.<bank>` so a tenant only ever sees its own. Each process keeps its own
in-memory index (`HashMatcher`) and the entries its lookups matched. Every request
waits for a read of the banks' change counters that began after it arrived (shared
between requests, see `freshness.py`), and the index of any bank another process
changed is dropped, so a hash added or removed anywhere is seen by the next lookup
everywhere, without a query of its own.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import datetime
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from unsnare.hashing.banks import (
    BankEntry,
    HashBank,
    SignalType,
    check_bank_name,
    normalise_hash,
)
from unsnare.hashing.matcher import HashMatcher, Match
from unsnare.hashing.storage import SqlBankStore, banks_table, entries_table, revisions_table
from unsnare.platform import audit
from unsnare.platform.errors import ConflictError, NotFoundError

Counters = tuple[int, int, str]
_CACHED = 200_000


@cache
def _all_counters() -> sa.Executable:
    # Built once per process: read by every shared freshness read.
    return _counters_query()


def _counters_query() -> sa.Select[str, int, int, datetime]:
    b, r = banks_table, revisions_table
    return (
        sa.select(b.c.name, r.c.revision, r.c.removals, b.c.created)
        .select_from(b.outerjoin(r, r.c.bank == b.c.name))
    )


def bank_counters(conn: sa.Connection, tenant: str | None = None) -> dict[str, Counters]:
    """Each bank's change counters (revision, removals, creation), one tenant's or all."""
    query: sa.Executable = _all_counters()
    if tenant is not None:
        query = _counters_query().where(
            banks_table.c.name.startswith(f"{tenant}.", autoescape=True))
    return {
        row.name: (int(row.revision or 0), int(row.removals or 0), str(row.created))
        for row in conn.execute(query)
    }


class _KeptEntries(SqlBankStore):
    """The store, keeping the entries an index was built from (up to 200,000 a bank)
    or that lookups matched: a stored entry never changes,
    and a bank changed anywhere is dropped (`drop`) before the next lookup, so a
    match is answered from memory instead of a query per lookup."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        self._kept: dict[str, dict[int, BankEntry]] = {}
        self._lock = threading.Lock()

    def entries(self, name: str) -> list[BankEntry]:
        """Every entry in the bank, oldest first; kept, when the bank is not huge (the
        index is built from them, so later matches need no query)."""
        found = super().entries(name)
        if len(found) <= _CACHED:
            with self._lock:
                self._kept[name] = {e.entry_id: e for e in found if e.entry_id is not None}
        return found

    def entries_by_id(self, name: str, ids: Sequence[int]) -> dict[int, BankEntry]:
        """Entries of the bank with these ids (from memory when seen before)."""
        with self._lock:
            kept = self._kept.setdefault(name, {})
            found = {i: kept[i] for i in ids if i in kept}
        missing = [i for i in ids if i not in found]
        if missing:
            read = super().entries_by_id(name, missing)
            with self._lock:
                kept = self._kept.setdefault(name, {})
                if len(kept) + len(read) > _CACHED:
                    kept.clear()
                kept.update(read)
            found.update(read)
        return found

    def drop(self, name: str) -> None:
        """Forget the kept entries of a bank (it changed)."""
        with self._lock:
            self._kept.pop(name, None)


def _match(m: Match, tenant: str) -> dict[str, Any]:
    return {
        "bank": m.bank.removeprefix(f"{tenant}."),
        "bank_kind": str(m.bank_kind),
        "signal_type": str(m.signal_type),
        "value": m.value,
        "distance": m.distance,
        "entry_id": m.entry_id,
        "labels": list(m.labels),
        "variant": m.variant,
    }


class TenantBanks:
    """Hash banks for every tenant, kept current across processes."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.store = _KeptEntries(engine)
        self.matcher = HashMatcher(self.store)
        self._seen: dict[str, Counters] = {}
        # The latest counters of every bank from a shared read (`observe`); None
        # until the first, and then lookups read their tenant's counters themselves.
        self._latest: dict[str, Counters] | None = None
        self._lock = threading.Lock()

    @staticmethod
    def stored_name(tenant: str, bank: str) -> str:
        """The bank's name in the store."""
        return f"{tenant}.{check_bank_name(bank)}"

    def _counters(self, tenant: str) -> dict[str, Counters]:
        with self.engine.connect() as conn:
            return bank_counters(conn, tenant)

    def _apply(self, now: dict[str, Counters], prefix: str = "") -> None:
        # Called with the lock held: drop what changed or went, note what is new.
        for name in [n for n in self._seen if n.startswith(prefix)]:
            if now.get(name) != self._seen[name]:
                self._forget(name)
                self._seen.pop(name)
        for name, counters in now.items():
            if name not in self._seen:
                self._forget(name)
                self._seen[name] = counters

    def _forget(self, name: str) -> None:
        self.matcher.forget(name)
        self.store.drop(name)

    def observe(self, counters: dict[str, Counters]) -> None:
        """Every bank's counters as a shared read saw them: drop what changed."""
        with self._lock:
            self._apply(counters)
            self._latest = counters

    def refresh(self, tenant: str) -> list[str]:
        """Read this tenant's counters now and drop the indexes of its banks that
        changed since we last looked; the tenant's bank names (as stored)."""
        now = self._counters(tenant)
        with self._lock:
            self._apply(now, f"{tenant}.")
        return sorted(now)

    def current(self, tenant: str) -> list[str]:
        """The tenant's bank names as of the latest shared read (or read now)."""
        with self._lock:
            latest = self._latest
        if latest is None:
            return self.refresh(tenant)
        prefix = f"{tenant}."
        return sorted(n for n in latest if n.startswith(prefix))

    def list_banks(self, tenant: str) -> list[dict[str, Any]]:
        """The tenant's banks with their sizes."""
        out = []
        for name in self.current(tenant):
            status = self.store.status(name)
            out.append({
                "name": name.removeprefix(f"{tenant}."),
                "kind": str(status.bank.kind),
                "max_distance": status.bank.max_distance,
                "description": status.bank.description,
                "pdq": status.pdq,
                "md5": status.md5,
            })
        return out

    def create_bank(
        self, conn: sa.Connection, tenant: str, bank: HashBank, actor: audit.Actor
    ) -> None:
        """Create a bank for the tenant."""
        name = self.stored_name(tenant, bank.name)
        if name in self._counters(tenant):
            raise ConflictError(f"bank '{bank.name}' exists already", field="name")
        self.store.create_bank(HashBank(name, bank.kind, bank.max_distance, bank.description))
        audit.record(conn, actor, "bank.create", bank.name, kind=str(bank.kind),
                     max_distance=bank.max_distance)

    def _existing(self, tenant: str, bank: str) -> str:
        name = self.stored_name(tenant, bank)
        if name not in self.refresh(tenant):
            raise NotFoundError(f"no bank named '{bank}'", field="bank",
                                hint="List your banks with GET /v1/banks.")
        return name

    def add(
        self, conn: sa.Connection, tenant: str, bank: str, entries: Sequence[BankEntry],
        actor: audit.Actor,
    ) -> list[BankEntry]:
        """Add hashes to a tenant's bank; every process matches them from its next lookup."""
        name = self._existing(tenant, bank)
        stored = self.store.add_entries(name, entries)
        audit.record(conn, actor, "bank.add", bank, added=len(stored),
                     given=len(entries))
        return stored

    def remove(
        self, conn: sa.Connection, tenant: str, bank: str, signal_type: SignalType,
        values: Sequence[str], actor: audit.Actor,
    ) -> int:
        """Remove hashes from a tenant's bank; no process matches them from its next lookup."""
        name = self._existing(tenant, bank)
        removed = self.store.remove_entries(name, signal_type, values)
        audit.record(conn, actor, "bank.remove", bank, removed=removed, given=len(values))
        return removed

    def entry_ids(self, tenant: str, bank: str, entries: Sequence[BankEntry]) -> list[int]:
        """The stored ids of these hashes in a tenant's bank (added now or before)."""
        name = self.stored_name(tenant, bank)
        self.store.get_bank(name)
        wanted = {(e.signal_type.value, e.value) for e in entries}
        t = entries_table
        # Only these hashes' rows (by the bank's value index), not the whole bank.
        query = (
            sa.select(t.c.id, t.c.signal_type, t.c.value)
            .where(t.c.bank == name, t.c.value.in_(sorted({v for _, v in wanted})))
            .order_by(t.c.id)
        )
        with self.engine.connect() as conn:
            return [int(row.id) for row in conn.execute(query)
                    if (row.signal_type, row.value) in wanted]

    def remove_by_id(
        self, conn: sa.Connection, tenant: str, bank: str, entry_id: int, actor: audit.Actor
    ) -> int:
        """Remove one stored hash by its id (HMA's content id); 0 when it is not there."""
        name = self._existing(tenant, bank)
        found = self.store.entries_by_id(name, [entry_id]).get(entry_id)
        if found is None:
            return 0
        return self.remove(conn, tenant, bank, found.signal_type, [found.value], actor)

    def lookup(
        self, tenant: str, pdq: Sequence[str], md5: str | None, banks: Sequence[str] | None
    ) -> dict[str, Any]:
        """Match hashes against the tenant's banks (all, or the ones named)."""
        # Checked first, so a bad hash is an error even for a tenant with no banks.
        pdq = [normalise_hash(SignalType.PDQ, h) for h in pdq]
        md5 = normalise_hash(SignalType.MD5, md5) if md5 else None
        names = self.current(tenant)
        if banks:
            wanted = [self.stored_name(tenant, b) for b in banks]
            missing = [b for b, n in zip(banks, wanted, strict=True) if n not in names]
            if missing:
                raise NotFoundError(f"no bank named '{missing[0]}'", field="banks")
            names = wanted
        if not names:
            return {"matched": False, "matches": [], "suppressed": [], "allowlisted": []}
        result = self.matcher.match(pdq, md5, names)
        return {
            "matched": result.matched,
            "matches": [_match(m, tenant) for m in result.matches],
            "suppressed": [_match(m, tenant) for m in result.suppressed],
            "allowlisted": [_match(m, tenant) for m in result.allowlisted],
        }

    def banks_tracked(self) -> int:
        """Banks this process has looked at (for metrics)."""
        return len(self._seen)
