"""Hash banks: named lists of hashes with metadata, and the storage interface.

A bank is either a blocklist (matches are reported) or an allowlist (a match
suppresses blocklist matches: a known false positive, e.g. a meme that
happens to look like a listed image). Each bank has its own PDQ distance.
Storage sits behind `BankStore`; `MemoryBankStore` is for tests and
one-off runs, `SqlBankStore` (storage.py) for SQLite and PostgreSQL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Protocol

from unsnare.errors import HashingError, UsageError
from unsnare.hashing.signals import builtin_signal_types

DEFAULT_PDQ_DISTANCE = 31
_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")
_HEX = re.compile(r"^[0-9a-f]+$")
SIGNAL_LENGTHS = {t.name: t.hex_length for t in builtin_signal_types()}


class BankKind(StrEnum):
    """What a match against the bank means."""

    BLOCKLIST = "blocklist"
    ALLOWLIST = "allowlist"


class SignalType(StrEnum):
    """The kinds of hash a bank holds."""

    PDQ = "pdq"
    MD5 = "md5"


def now() -> datetime:
    """The current time, timezone-aware (UTC)."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class HashBank:
    """A named list of hashes; `max_distance` is the PDQ match distance for this bank."""

    name: str
    kind: BankKind = BankKind.BLOCKLIST
    max_distance: int = DEFAULT_PDQ_DISTANCE
    description: str = ""
    created: datetime = field(default_factory=now)


@dataclass(frozen=True)
class BankEntry:
    """One hash in a bank, with where it came from, when, and labels."""

    signal_type: SignalType
    value: str
    source: str = ""
    added: datetime = field(default_factory=now)
    labels: tuple[str, ...] = ()
    entry_id: int | None = None


def check_bank_name(name: str) -> str:
    """Refuse bank names that would be awkward in files, URLs and shells."""
    if not _NAME.match(name):
        raise UsageError(
            f"'{name}' cannot be used as a bank name",
            field="bank",
            hint="Use 1-64 lower-case letters, digits, '-', '_' or '.', starting with a letter "
            "or digit.",
        )
    return name


def check_distance(distance: int) -> int:
    """A PDQ distance must be 0-256 bits."""
    if not 0 <= distance <= 256:
        raise UsageError("a PDQ distance must be between 0 and 256", field="max_distance")
    return distance


def normalise_hash(signal_type: SignalType | str, value: str, *, where: str = "") -> str:
    """Lower-case hex of the right length for its type, or a clear error."""
    kind = SignalType(signal_type)
    text = value.strip().lower()
    if len(text) != SIGNAL_LENGTHS[kind] or not _HEX.match(text):
        raise HashingError(
            f"'{value[:80]}' is not a {kind.value.upper()} hash",
            file=where or None,
            field="hash",
            hint=f"A {kind.value.upper()} hash is {SIGNAL_LENGTHS[kind]} hexadecimal characters.",
        )
    return text


def guess_signal_type(value: str) -> SignalType | None:
    """PDQ for 64 hex characters, MD5 for 32, otherwise None."""
    text = value.strip().lower()
    if not _HEX.match(text):
        return None
    by_length = {t.hex_length: SignalType(t.name) for t in builtin_signal_types()}
    return by_length.get(len(text))


def entry(
    signal_type: SignalType | str,
    value: str,
    *,
    source: str = "",
    labels: Iterable[str] = (),
    added: datetime | None = None,
) -> BankEntry:
    """A validated entry (hash normalised, labels trimmed and de-duplicated)."""
    if added is not None and added.tzinfo is None:
        raise HashingError("'added' must include a time zone", field="added")
    tidy = tuple(dict.fromkeys(label.strip() for label in labels if label.strip()))
    return BankEntry(
        SignalType(signal_type),
        normalise_hash(signal_type, value),
        source=source,
        added=added or now(),
        labels=tidy,
    )


def with_id(item: BankEntry, entry_id: int) -> BankEntry:
    """The entry as stored, with its id."""
    return replace(item, entry_id=entry_id)


@dataclass(frozen=True)
class BankRevision:
    """How often a bank changed: every add or removal that changed rows counts once.

    `removals` counts only removals, so a reader holding an older copy can tell
    that only adds happened since (and fetch the rows after its last id).
    """

    revision: int = 0
    removals: int = 0


@dataclass(frozen=True)
class BankStatus:
    """Counts for one bank."""

    bank: HashBank
    pdq: int
    md5: int


class BankStore(Protocol):
    """Where banks and their entries are kept."""

    def create_bank(self, bank: HashBank) -> HashBank:
        """Create a bank; refuses an existing name."""
        ...

    def get_bank(self, name: str) -> HashBank:
        """The bank with this name, or HashingError."""
        ...

    def list_banks(self) -> list[HashBank]:
        """All banks, by name."""
        ...

    def delete_bank(self, name: str) -> None:
        """Delete a bank and its entries."""
        ...

    def add_entries(self, name: str, entries: Sequence[BankEntry]) -> list[BankEntry]:
        """Add entries; a hash already in the bank is skipped. Returns the stored new ones."""
        ...

    def remove_entries(self, name: str, signal_type: SignalType, values: Sequence[str]) -> int:
        """Remove these hashes from the bank; returns how many were removed."""
        ...

    def entries(self, name: str) -> list[BankEntry]:
        """Every entry in the bank, oldest first."""
        ...

    def entries_by_id(self, name: str, ids: Sequence[int]) -> dict[int, BankEntry]:
        """Entries of the bank with these ids."""
        ...

    def status(self, name: str) -> BankStatus:
        """How many hashes of each type the bank holds."""
        ...

    def revision(self, name: str) -> BankRevision:
        """The bank's change counters (they only ever go up)."""
        ...

    def entries_after(self, name: str, entry_id: int) -> list[BankEntry]:
        """Entries of the bank whose id is above entry_id, oldest first."""
        ...


class UnknownBankError(HashingError):
    """No bank has this name (the web API answers 404)."""

    status_code = 404


class BankExistsError(UsageError):
    """A bank with this name exists already (the web API answers 409)."""

    status_code = 409


def missing_bank(name: str) -> HashingError:
    """The error for a bank name that does not exist."""
    return UnknownBankError(
        f"there is no hash bank called '{name}'",
        field="bank",
        hint="Run `unsnare bank list` to see the banks, or `unsnare bank create NAME`.",
    )


def existing_bank(name: str) -> UsageError:
    """The error for creating a bank whose name is taken."""
    return BankExistsError(f"a hash bank called '{name}' already exists", field="bank")


class MemoryBankStore:
    """A BankStore in memory: for tests and one-off runs."""

    def __init__(self) -> None:
        self._banks: dict[str, HashBank] = {}
        self._entries: dict[str, dict[tuple[SignalType, str], BankEntry]] = {}
        self._revisions: dict[str, BankRevision] = {}
        self._next_id = 1

    def create_bank(self, bank: HashBank) -> HashBank:
        """Create a bank; refuses an existing name."""
        check_bank_name(bank.name)
        check_distance(bank.max_distance)
        if bank.name in self._banks:
            raise existing_bank(bank.name)
        self._banks[bank.name] = bank
        self._entries[bank.name] = {}
        self._revisions[bank.name] = BankRevision()
        return bank

    def get_bank(self, name: str) -> HashBank:
        """The bank with this name, or HashingError."""
        if name not in self._banks:
            raise missing_bank(name)
        return self._banks[name]

    def list_banks(self) -> list[HashBank]:
        """All banks, by name."""
        return [self._banks[n] for n in sorted(self._banks)]

    def delete_bank(self, name: str) -> None:
        """Delete a bank and its entries."""
        self.get_bank(name)
        del self._banks[name], self._entries[name], self._revisions[name]

    def add_entries(self, name: str, entries: Sequence[BankEntry]) -> list[BankEntry]:
        """Add entries; a hash already in the bank is skipped. Returns the stored new ones."""
        self.get_bank(name)
        stored = self._entries[name]
        added = []
        for item in entries:
            key = (item.signal_type, item.value)
            if key in stored:
                continue
            stored[key] = with_id(item, self._next_id)
            self._next_id += 1
            added.append(stored[key])
        if added:
            old = self._revisions[name]
            self._revisions[name] = BankRevision(old.revision + 1, old.removals)
        return added

    def remove_entries(self, name: str, signal_type: SignalType, values: Sequence[str]) -> int:
        """Remove these hashes from the bank; returns how many were removed."""
        self.get_bank(name)
        stored = self._entries[name]
        keys = [(signal_type, normalise_hash(signal_type, v)) for v in values]
        removed = sum(1 for k in keys if stored.pop(k, None) is not None)
        if removed:
            old = self._revisions[name]
            self._revisions[name] = BankRevision(old.revision + 1, old.removals + 1)
        return removed

    def entries(self, name: str) -> list[BankEntry]:
        """Every entry in the bank, oldest first."""
        self.get_bank(name)
        return sorted(self._entries[name].values(), key=lambda e: e.entry_id or 0)

    def entries_by_id(self, name: str, ids: Sequence[int]) -> dict[int, BankEntry]:
        """Entries of the bank with these ids."""
        wanted = set(ids)
        return {
            e.entry_id: e
            for e in self._entries[name].values()
            if e.entry_id is not None and e.entry_id in wanted
        }

    def status(self, name: str) -> BankStatus:
        """How many hashes of each type the bank holds."""
        bank = self.get_bank(name)
        kinds = [k for k, _ in self._entries[name]]
        return BankStatus(bank, kinds.count(SignalType.PDQ), kinds.count(SignalType.MD5))

    def revision(self, name: str) -> BankRevision:
        """The bank's change counters (they only ever go up)."""
        self.get_bank(name)
        return self._revisions[name]

    def entries_after(self, name: str, entry_id: int) -> list[BankEntry]:
        """Entries of the bank whose id is above entry_id, oldest first."""
        return [e for e in self.entries(name) if (e.entry_id or 0) > entry_id]
