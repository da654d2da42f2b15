"""`SqlBankStore`: hash banks in SQLite (the default) or PostgreSQL, via SQLAlchemy Core."""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from unsnare.errors import HashingError
from unsnare.hashing.banks import (
    BankEntry,
    BankKind,
    BankRevision,
    BankStatus,
    BankStore,
    HashBank,
    SignalType,
    check_bank_name,
    check_distance,
    existing_bank,
    missing_bank,
    normalise_hash,
)
from unsnare.private import create_private_file, make_private_dir
from unsnare.settings import Settings

_meta = sa.MetaData()
banks_table = sa.Table(
    "hash_banks",
    _meta,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("max_distance", sa.Integer, nullable=False),
    sa.Column("description", sa.Text, nullable=False, default=""),
    sa.Column("created", sa.DateTime(timezone=True), nullable=False),
)
entries_table = sa.Table(
    "hash_bank_entries",
    _meta,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("bank", sa.String(64), sa.ForeignKey("hash_banks.name"), nullable=False),
    sa.Column("signal_type", sa.String(8), nullable=False),
    sa.Column("value", sa.String(64), nullable=False),
    sa.Column("source", sa.Text, nullable=False, default=""),
    sa.Column("added", sa.DateTime(timezone=True), nullable=False),
    sa.Column("labels", sa.Text, nullable=False, default="[]"),
    sa.UniqueConstraint("bank", "signal_type", "value", name="uq_hash_bank_entry"),
)
# A table of its own (not columns on hash_banks) so databases made before it
# gain it through create_all; a bank without a row counts as revision 0.
revisions_table = sa.Table(
    "hash_bank_revisions",
    _meta,
    sa.Column("bank", sa.String(64), primary_key=True),
    sa.Column("revision", sa.Integer, nullable=False, default=0),
    sa.Column("removals", sa.Integer, nullable=False, default=0),
)
_BATCH = 500


def _utc(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; we only ever store UTC.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _bank(row: Any) -> HashBank:
    return HashBank(
        row.name, BankKind(row.kind), row.max_distance, row.description, _utc(row.created)
    )


def _entry(row: Any) -> BankEntry:
    return BankEntry(
        SignalType(row.signal_type),
        row.value,
        source=row.source,
        added=_utc(row.added),
        labels=tuple(json.loads(row.labels)),
        entry_id=row.id,
    )


class SqlBankStore:
    """A BankStore in any SQLAlchemy database (tested on SQLite and PostgreSQL/pg8000)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        try:
            _meta.create_all(engine)
        except SQLAlchemyError as exc:
            raise _db_error(exc) from exc

    @classmethod
    def from_url(cls, url: str) -> SqlBankStore:
        """Open (and create if needed) the bank tables at a database URL."""
        if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
            db = Path(url.removeprefix("sqlite:///"))
            make_private_dir(db.parent)
            with contextlib.suppress(OSError):  # exists already, or SQLite will explain
                create_private_file(db)
        try:
            engine = sa.create_engine(url)
        except (SQLAlchemyError, ImportError, ValueError) as exc:
            raise HashingError(
                f"cannot open the hash-bank database ({exc.__class__.__name__})",
                field="database_url",
                hint="Check UNSNARE_DATABASE_URL, e.g. postgresql+pg8000://user@host/db.",
            ) from exc
        return cls(engine)

    def create_bank(self, bank: HashBank) -> HashBank:
        """Create a bank; refuses an existing name."""
        check_bank_name(bank.name)
        check_distance(bank.max_distance)
        with self.engine.begin() as conn:
            if conn.execute(sa.select(banks_table.c.name).filter_by(name=bank.name)).first():
                raise existing_bank(bank.name)
            conn.execute(
                banks_table.insert().values(
                    name=bank.name,
                    kind=bank.kind.value,
                    max_distance=bank.max_distance,
                    description=bank.description,
                    created=_utc(bank.created),
                )
            )
        return self.get_bank(bank.name)

    def get_bank(self, name: str) -> HashBank:
        """The bank with this name, or HashingError."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(banks_table).filter_by(name=name)).first()
        if row is None:
            raise missing_bank(name)
        return _bank(row)

    def list_banks(self) -> list[HashBank]:
        """All banks, by name."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(banks_table).order_by(banks_table.c.name)).all()
        return [_bank(r) for r in rows]

    def delete_bank(self, name: str) -> None:
        """Delete a bank and its entries."""
        self.get_bank(name)
        with self.engine.begin() as conn:
            conn.execute(entries_table.delete().where(entries_table.c.bank == name))
            conn.execute(banks_table.delete().where(banks_table.c.name == name))
            conn.execute(revisions_table.delete().where(revisions_table.c.bank == name))

    def add_entries(self, name: str, entries: Sequence[BankEntry]) -> list[BankEntry]:
        """Add entries; a hash already in the bank is skipped. Returns the stored new ones."""
        self.get_bank(name)
        fresh: dict[tuple[str, str], BankEntry] = {}
        for item in entries:
            fresh.setdefault((item.signal_type.value, item.value), item)
        t = entries_table
        with self.engine.begin() as conn:
            keys = list(fresh)
            for start in range(0, len(keys), _BATCH):
                part = keys[start : start + _BATCH]
                found = conn.execute(
                    sa.select(t.c.signal_type, t.c.value).where(
                        t.c.bank == name, t.c.value.in_([v for _, v in part])
                    )
                ).all()
                for sig, value in found:
                    fresh.pop((sig, value), None)
            rows = [
                {
                    "bank": name,
                    "signal_type": e.signal_type.value,
                    "value": e.value,
                    "source": e.source,
                    "added": _utc(e.added),
                    "labels": json.dumps(list(e.labels)),
                }
                for e in fresh.values()
            ]
            if rows:
                conn.execute(t.insert(), rows)
                _bump(conn, name, removal=False)
        return list(self._lookup(name, list(fresh)).values())

    def _lookup(self, name: str, keys: list[tuple[str, str]]) -> dict[tuple[str, str], BankEntry]:
        t = entries_table
        out: dict[tuple[str, str], BankEntry] = {}
        wanted = set(keys)
        with self.engine.connect() as conn:
            for start in range(0, len(keys), _BATCH):
                part = keys[start : start + _BATCH]
                query = sa.select(t).where(t.c.bank == name, t.c.value.in_([v for _, v in part]))
                for row in conn.execute(query):
                    if (row.signal_type, row.value) in wanted:
                        out[(row.signal_type, row.value)] = _entry(row)
        return {k: out[k] for k in keys if k in out}

    def remove_entries(self, name: str, signal_type: SignalType, values: Sequence[str]) -> int:
        """Remove these hashes from the bank; returns how many were removed."""
        self.get_bank(name)
        clean = [normalise_hash(signal_type, v) for v in values]
        t = entries_table
        removed = 0
        with self.engine.begin() as conn:
            for start in range(0, len(clean), _BATCH):
                result = conn.execute(
                    t.delete().where(
                        t.c.bank == name,
                        t.c.signal_type == SignalType(signal_type).value,
                        t.c.value.in_(clean[start : start + _BATCH]),
                    )
                )
                removed += result.rowcount
            if removed:
                _bump(conn, name, removal=True)
        return removed

    def entries(self, name: str) -> list[BankEntry]:
        """Every entry in the bank, oldest first."""
        self.get_bank(name)
        t = entries_table
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(t).where(t.c.bank == name).order_by(t.c.id)).all()
        return [_entry(r) for r in rows]

    def entries_by_id(self, name: str, ids: Sequence[int]) -> dict[int, BankEntry]:
        """Entries of the bank with these ids."""
        t = entries_table
        out: dict[int, BankEntry] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(ids), _BATCH):
                part = list(ids[start : start + _BATCH])
                query = sa.select(t).where(t.c.bank == name, t.c.id.in_(part))
                out.update((row.id, _entry(row)) for row in conn.execute(query))
        return out

    def status(self, name: str) -> BankStatus:
        """How many hashes of each type the bank holds."""
        bank = self.get_bank(name)
        t = entries_table
        query = (
            sa.select(t.c.signal_type, sa.func.count())
            .where(t.c.bank == name)
            .group_by(t.c.signal_type)
        )
        with self.engine.connect() as conn:
            counts = {sig: int(n) for sig, n in conn.execute(query).all()}
        return BankStatus(bank, counts.get("pdq", 0), counts.get("md5", 0))


    def revision(self, name: str) -> BankRevision:
        """The bank's change counters (they only ever go up)."""
        r = revisions_table
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(r.c.revision, r.c.removals).filter_by(bank=name)).first()
        if row is None:
            self.get_bank(name)
            return BankRevision()
        return BankRevision(int(row.revision), int(row.removals))

    def entries_after(self, name: str, entry_id: int) -> list[BankEntry]:
        """Entries of the bank whose id is above entry_id, oldest first."""
        t = entries_table
        query = sa.select(t).where(t.c.bank == name, t.c.id > entry_id).order_by(t.c.id)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [_entry(r) for r in rows]


def _bump(conn: sa.Connection, name: str, *, removal: bool) -> None:
    # In the same transaction as the change, so the counter never runs ahead of
    # or behind the rows another process reads.
    r = revisions_table
    values: dict[str, Any] = {"revision": r.c.revision + 1}
    if removal:
        values["removals"] = r.c.removals + 1
    if conn.execute(r.update().where(r.c.bank == name).values(**values)).rowcount == 0:
        conn.execute(r.insert().values(bank=name, revision=1, removals=int(removal)))


def _db_error(exc: SQLAlchemyError) -> HashingError:
    return HashingError(
        f"the hash-bank database cannot be used ({exc.__class__.__name__})",
        field="database_url",
        hint="Check that the database server is running and the URL is right.",
    )


def open_bank_store(settings: Settings) -> BankStore:
    """The bank store the settings point at (SQLite in the data dir by default)."""
    return SqlBankStore.from_url(settings.resolved_database_url())


def bank_index_dir(settings: Settings) -> Path | None:
    """Where matchers keep saved bank indexes for this database (None for in-memory ones)."""
    url = settings.resolved_database_url()
    if url == "sqlite://" or url.endswith(":memory:"):
        return None
    # One folder per database, so two databases with a bank of the same name never mix.
    shown = sa.make_url(url).render_as_string(hide_password=True)
    key = hashlib.sha256(shown.encode("utf-8")).hexdigest()[:16]
    return settings.data_dir / "hash-index" / key
