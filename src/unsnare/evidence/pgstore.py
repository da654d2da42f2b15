"""A `CaseStore` in PostgreSQL, for a platform or helpline that keeps lockers on
a server. Many lockers share two tables, told apart by a locker name; the
server only ever sees ciphertext, exactly as with the SQLite file.

A session advisory lock keeps one program per locker, like the file lock.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote, urlparse

from unsnare.errors import LockerError, UsageError

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS unsnare_locker_meta (locker TEXT NOT NULL, name TEXT NOT NULL, "
    "value BYTEA NOT NULL, PRIMARY KEY (locker, name))",
    "CREATE TABLE IF NOT EXISTS unsnare_locker_entries (seq BIGSERIAL PRIMARY KEY, "
    "locker TEXT NOT NULL, case_id TEXT NOT NULL, tbl TEXT NOT NULL, key TEXT NOT NULL, "
    "value BYTEA NOT NULL, UNIQUE (locker, case_id, tbl, key))",
)
FORMAT_TAG = b"unsnare-locker/1"


def _connect(url: str) -> Any:
    parts = urlparse(url)
    if not parts.scheme.startswith("postgresql"):
        raise UsageError("A PostgreSQL locker needs a postgresql:// URL.", field="url")
    import pg8000.native

    try:
        return pg8000.native.Connection(
            user=unquote(parts.username or "postgres"), password=unquote(parts.password or "")
            or None, host=parts.hostname or "127.0.0.1", port=parts.port or 5432,
            database=(parts.path or "/postgres").lstrip("/") or "postgres",
        )
    except Exception as exc:  # noqa: BLE001 - pg8000 raises several unrelated types here
        raise LockerError(f"The locker database cannot be reached ({type(exc).__name__}).",
                          hint="Check the database URL and that the server is running.") from None


class PostgresStore:
    """A `CaseStore` in PostgreSQL (one named locker per store)."""

    def __init__(self, con: Any, locker: str) -> None:
        self._con = con
        self.locker = locker
        self._depth = 0
        self._mutex = threading.RLock()
        self._open = True
        self.interrupted = False

    @classmethod
    def _start(cls, url: str, locker: str) -> PostgresStore:
        con = _connect(url)
        got = con.run("SELECT pg_try_advisory_lock(hashtext(:k))", k=f"unsnare-locker:{locker}")
        if not got[0][0]:
            con.close()
            raise LockerError(f"Locker '{locker}' is open in another Unsnare program.",
                              hint="Close the other one, then try again.")
        for statement in _SCHEMA:
            con.run(statement)
        return cls(con, locker)

    @classmethod
    def create(cls, url: str, locker: str) -> PostgresStore:
        """Make a new, empty named locker; refuses to reuse a name."""
        store = cls._start(url, locker)
        if store.meta_get("format") is not None:
            store.close()
            raise LockerError(f"A locker named '{locker}' already exists.")
        store.meta_put("format", FORMAT_TAG)
        return store

    @classmethod
    def open(cls, url: str, locker: str) -> PostgresStore:
        """Open an existing named locker."""
        store = cls._start(url, locker)
        if store.meta_get("format") != FORMAT_TAG:
            store.close()
            raise LockerError(f"There is no locker named '{locker}' in this database.")
        return store

    def _run(self, sql: str, **params: Any) -> list[list[Any]]:
        if not self._open:
            raise LockerError("The locker is locked (closed); nothing in it can be read.")
        with self._mutex:
            rows: list[list[Any]] | None = self._con.run(sql, locker=self.locker, **params)
        return rows or []

    def meta_get(self, name: str) -> bytes | None:
        """A locker-level header value."""
        rows = self._run("SELECT value FROM unsnare_locker_meta WHERE locker=:locker AND "
                         "name=:name", name=name)
        return bytes(rows[0][0]) if rows else None

    def meta_put(self, name: str, value: bytes) -> None:
        """Set a locker-level header value."""
        self._run("INSERT INTO unsnare_locker_meta (locker, name, value) VALUES "
                  "(:locker, :name, :value) ON CONFLICT (locker, name) DO UPDATE SET "
                  "value = EXCLUDED.value", name=name, value=value)

    def case_ids(self) -> list[str]:
        """Every case id, oldest first."""
        rows = self._run("SELECT case_id FROM unsnare_locker_entries WHERE locker=:locker AND "
                         "tbl='case' AND key='key' ORDER BY seq")
        return [str(r[0]) for r in rows]

    def keys(self, case_id: str, table: str) -> list[str]:
        """Keys of one table, in insertion order."""
        rows = self._run("SELECT key FROM unsnare_locker_entries WHERE locker=:locker AND "
                         "case_id=:c AND tbl=:t ORDER BY seq", c=case_id, t=table)
        return [str(r[0]) for r in rows]

    def get(self, case_id: str, table: str, key: str) -> bytes | None:
        """One value or None."""
        rows = self._run("SELECT value FROM unsnare_locker_entries WHERE locker=:locker AND "
                         "case_id=:c AND tbl=:t AND key=:k", c=case_id, t=table, k=key)
        return bytes(rows[0][0]) if rows else None

    def insert(self, case_id: str, table: str, key: str, value: bytes) -> None:
        """Add a new value; refuses to overwrite."""
        rows = self._run("INSERT INTO unsnare_locker_entries (locker, case_id, tbl, key, value) "
                         "VALUES (:locker, :c, :t, :k, :v) ON CONFLICT DO NOTHING RETURNING seq",
                         c=case_id, t=table, k=key, v=value)
        if not rows:
            raise LockerError(f"Record {table}/{key} already exists; it is never overwritten.")

    def replace(self, case_id: str, table: str, key: str, value: bytes) -> None:
        """Insert or overwrite a value."""
        self._run("INSERT INTO unsnare_locker_entries (locker, case_id, tbl, key, value) VALUES "
                  "(:locker, :c, :t, :k, :v) ON CONFLICT (locker, case_id, tbl, key) DO UPDATE "
                  "SET value = EXCLUDED.value", c=case_id, t=table, k=key, v=value)

    def delete(self, case_id: str, table: str, key: str) -> None:
        """Remove a value."""
        self._run("DELETE FROM unsnare_locker_entries WHERE locker=:locker AND case_id=:c AND "
                  "tbl=:t AND key=:k", c=case_id, t=table, k=key)

    @contextlib.contextmanager
    def atomic(self) -> Iterator[None]:
        """One PostgreSQL transaction; rolled back on any error."""
        with self._mutex:
            if self._depth:
                yield
                return
            self._depth = 1
            try:
                self._run("BEGIN")
                try:
                    yield
                    self._run("COMMIT")
                except BaseException as exc:
                    with contextlib.suppress(Exception):
                        self._con.run("ROLLBACK")
                    if "53100" in str(exc):  # disk_full
                        raise LockerError("The database server's disk is full. Nothing was "
                                          "added: the locker is exactly as it was.") from None
                    raise
            finally:
                self._depth = 0

    def integrity_problems(self) -> list[str]:
        """PostgreSQL checks its own pages; nothing extra to report here."""
        return []

    def settle(self) -> None:
        """Nothing to settle: PostgreSQL rolls a cut-off transaction back itself."""

    def close(self) -> None:
        """Release the advisory lock and the connection."""
        if self._open:
            self._open = False
            with contextlib.suppress(Exception):
                self._con.close()  # closing the session releases its advisory lock
