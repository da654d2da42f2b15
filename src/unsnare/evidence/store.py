"""Where a locker's sealed records live: a small `CaseStore` interface, an
in-memory implementation for tests and a one-file SQLite implementation.

The store only ever sees ciphertext. Its keys are random ids or sequence
numbers, never names or text. Every change goes through `atomic()`, so a
crash or a full disk in the middle of an add leaves the locker as it was.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Protocol

from unsnare.errors import LockerError
from unsnare.private import create_private_file

FORMAT_TAG = b"unsnare-locker/1"
TABLES = ("case", "blob", "record", "custody")


class CaseStore(Protocol):
    """Storage for sealed locker records: (case, table, key) -> bytes, in insertion order."""

    # True when the last change was cut off (the program stopped, the power went)
    # and the storage rolled it back on opening; the locker tells the person.
    interrupted: bool

    def meta_get(self, name: str) -> bytes | None:
        """A locker-level header value (KDF parameters, check value)."""

    def meta_put(self, name: str, value: bytes) -> None:
        """Set a locker-level header value."""

    def case_ids(self) -> list[str]:
        """Every case id, oldest first."""

    def keys(self, case_id: str, table: str) -> list[str]:
        """The keys in one table of one case, in the order they were added."""

    def get(self, case_id: str, table: str, key: str) -> bytes | None:
        """One value, or None when it is not there."""

    def insert(self, case_id: str, table: str, key: str, value: bytes) -> None:
        """Add a new value; refuses to overwrite (the evidence is append-only)."""

    def replace(self, case_id: str, table: str, key: str, value: bytes) -> None:
        """Insert or overwrite a value (only for mutable state: headers, checklist)."""

    def delete(self, case_id: str, table: str, key: str) -> None:
        """Remove a value (the locker never calls this; tests use it to tamper)."""

    def atomic(self) -> contextlib.AbstractContextManager[None]:
        """All writes inside happen together or not at all."""

    def settle(self) -> None:
        """After an interrupted change, make the storage forget it (called once unlocked)."""

    def integrity_problems(self) -> list[str]:
        """Low-level damage the storage engine itself can see."""

    def close(self) -> None:
        """Release the storage (and its lock)."""


class MemoryStore:
    """A `CaseStore` in a dict, with the same transaction semantics (for tests)."""

    def __init__(self) -> None:
        # A dict is never cut off half-way.
        self.interrupted = False
        self._meta: dict[str, bytes] = {}
        self._rows: dict[tuple[str, str, str], bytes] = {}
        self._snapshot: tuple[dict[str, bytes], dict[tuple[str, str, str], bytes]] | None = None

    def meta_get(self, name: str) -> bytes | None:
        """A locker-level header value."""
        return self._meta.get(name)

    def meta_put(self, name: str, value: bytes) -> None:
        """Set a locker-level header value."""
        self._meta[name] = value

    def case_ids(self) -> list[str]:
        """Every case id, oldest first."""
        return [c for (c, t, k) in self._rows if t == "case" and k == "key"]

    def keys(self, case_id: str, table: str) -> list[str]:
        """Keys of one table, in insertion order."""
        return [k for (c, t, k) in self._rows if c == case_id and t == table]

    def get(self, case_id: str, table: str, key: str) -> bytes | None:
        """One value or None."""
        return self._rows.get((case_id, table, key))

    def insert(self, case_id: str, table: str, key: str, value: bytes) -> None:
        """Add a new value; refuses to overwrite."""
        if (case_id, table, key) in self._rows:
            raise LockerError(f"Record {table}/{key} already exists; it is never overwritten.")
        self._rows[(case_id, table, key)] = value

    def replace(self, case_id: str, table: str, key: str, value: bytes) -> None:
        """Insert or overwrite a value."""
        self._rows[(case_id, table, key)] = value

    def delete(self, case_id: str, table: str, key: str) -> None:
        """Remove a value."""
        self._rows.pop((case_id, table, key), None)

    @contextlib.contextmanager
    def atomic(self) -> Iterator[None]:
        """Snapshot, run, and restore the snapshot on any error."""
        if self._snapshot is not None:
            yield
            return
        self._snapshot = (dict(self._meta), dict(self._rows))
        try:
            yield
        except BaseException:
            self._meta, self._rows = self._snapshot
            raise
        finally:
            self._snapshot = None

    def settle(self) -> None:
        """Nothing to settle."""

    def integrity_problems(self) -> list[str]:
        """Nothing can damage a dict."""
        return []

    def close(self) -> None:
        """Nothing to release."""


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS entries (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id TEXT NOT NULL, tbl TEXT NOT NULL, key TEXT NOT NULL, value BLOB NOT NULL,
    UNIQUE (case_id, tbl, key)
);
"""


def _lock_file(path: Path, timeout: float) -> IO[bytes]:
    """Take an exclusive advisory lock on `<locker>.lock`, waiting up to `timeout` s."""
    # A separate lock file, not the database itself: closing any descriptor of
    # the database would drop SQLite's own POSIX locks in this process.
    import fcntl  # POSIX only; imported here so the module imports everywhere

    fd = os.open(str(path) + ".lock", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    handle = os.fdopen(fd, "ab")  # held for the store's lifetime
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return handle
        except BlockingIOError:
            if time.monotonic() >= deadline:
                handle.close()
                raise LockerError(
                    "This locker is open in another Unsnare program (another window, "
                    "command or the web app), so it was not opened here.",
                    file=str(path),
                    hint="Close the other one, or wait for it to finish, then try again.",
                ) from None
            time.sleep(0.05)


def _is_disk_full(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and "full" in str(exc).lower()


class SqliteStore:
    """A `CaseStore` in one SQLite file, locked against other processes."""

    def __init__(self, path: Path, conn: sqlite3.Connection, lock: IO[bytes] | None) -> None:
        self.path = path
        self._conn = conn
        self._lock = lock
        self._depth = 0
        self.interrupted = False
        # The web app may call from several threads; one connection, one writer at a time.
        self._mutex = threading.RLock()

    @classmethod
    def create(cls, path: Path, *, lock_timeout: float = 5.0) -> SqliteStore:
        """Make a new, empty locker file; refuses to overwrite anything."""
        path = Path(path)
        if path.exists():
            raise LockerError(
                "A file already exists there; a new locker never overwrites anything.",
                file=str(path),
                hint="Choose another path, or open the existing locker.",
            )
        if not path.parent.is_dir():
            raise LockerError("The folder for the locker does not exist.", file=str(path))
        lock = _lock_file(path, lock_timeout)
        try:
            create_private_file(path)  # SQLite keeps the mode of a file it is given
        except OSError as exc:
            lock.close()
            raise LockerError(
                f"The locker file cannot be made here: {exc}.", file=str(path)
            ) from None
        conn = cls._connect(path, lock)
        store = cls(path, conn, lock)
        with store.atomic():
            for statement in _SCHEMA.strip().split(";"):
                if statement.strip():
                    conn.execute(statement)
            store.meta_put("format", FORMAT_TAG)
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)
        return store

    @classmethod
    def open(cls, path: Path, *, lock_timeout: float = 5.0) -> SqliteStore:
        """Open an existing locker file (taking its lock)."""
        path = Path(path)
        if not path.is_file():
            raise LockerError(
                "There is no locker at this path.",
                file=str(path),
                hint="Check the path, or create one with `unsnare case new`.",
            )
        lock = _lock_file(path, lock_timeout)
        # A journal left behind means a change was cut off (a crash or power loss);
        # SQLite undoes it on first read. Only we write here (we hold the lock).
        journal = Path(str(path) + "-journal")
        interrupted = journal.is_file() and journal.stat().st_size > 0
        conn = cls._connect(path, lock)
        store = cls(path, conn, lock)
        store.interrupted = interrupted
        try:
            tag = store.meta_get("format")
        except LockerError:
            store.close()
            raise
        if tag != FORMAT_TAG:
            store.close()
            raise LockerError(
                "This file is not an Unsnare locker (or its header is damaged).",
                file=str(path),
                hint="Check that you gave the right file.",
            )
        return store

    @staticmethod
    def _connect(path: Path, lock: IO[bytes]) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
            # A rollback journal (not WAL) keeps the locker one file at rest and
            # leaves it byte-for-byte untouched when we only read.
            conn.execute("PRAGMA journal_mode=DELETE")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA busy_timeout=5000")
        except sqlite3.DatabaseError as exc:
            lock.close()
            raise LockerError(
                f"The locker file cannot be opened: {exc}.", file=str(path)
            ) from None
        return conn

    def _check_open(self) -> None:
        if self._lock is None:
            raise LockerError("The locker is locked (closed); nothing in it can be read.",
                              hint="Open it again with its passphrase.")

    def _run(self, sql: str, args: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        self._check_open()
        try:
            with self._mutex:
                return self._conn.execute(sql, args).fetchall()
        except sqlite3.DatabaseError as exc:
            if _is_disk_full(exc) or (self._depth and isinstance(exc, sqlite3.OperationalError)):
                raise  # inside a change: `atomic` rolls back and explains
            raise LockerError(
                f"The locker file is damaged here ({exc}).",
                file=str(self.path),
                hint="Run `unsnare case verify`; what is intact can still be read.",
            ) from None

    def meta_get(self, name: str) -> bytes | None:
        """A locker-level header value."""
        rows = self._run("SELECT value FROM meta WHERE name = ?", (name,))
        return bytes(rows[0][0]) if rows else None

    def meta_put(self, name: str, value: bytes) -> None:
        """Set a locker-level header value."""
        self._run("INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)", (name, value))

    def case_ids(self) -> list[str]:
        """Every case id, oldest first."""
        rows = self._run("SELECT case_id FROM entries WHERE tbl='case' AND key='key' ORDER BY seq")
        return [str(r[0]) for r in rows]

    def keys(self, case_id: str, table: str) -> list[str]:
        """Keys of one table, in insertion order."""
        rows = self._run(
            "SELECT key FROM entries WHERE case_id=? AND tbl=? ORDER BY seq", (case_id, table)
        )
        return [str(r[0]) for r in rows]

    def get(self, case_id: str, table: str, key: str) -> bytes | None:
        """One value or None."""
        rows = self._run(
            "SELECT value FROM entries WHERE case_id=? AND tbl=? AND key=?", (case_id, table, key)
        )
        return bytes(rows[0][0]) if rows else None

    def insert(self, case_id: str, table: str, key: str, value: bytes) -> None:
        """Add a new value; refuses to overwrite."""
        self._check_open()
        try:
            with self._mutex:
                self._conn.execute(
                    "INSERT INTO entries (case_id, tbl, key, value) VALUES (?, ?, ?, ?)",
                    (case_id, table, key, value),
                )
        except sqlite3.IntegrityError:
            raise LockerError(
                f"Record {table}/{key} already exists; evidence is never overwritten."
            ) from None

    def replace(self, case_id: str, table: str, key: str, value: bytes) -> None:
        """Insert or overwrite a value."""
        self._run(
            "INSERT INTO entries (case_id, tbl, key, value) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (case_id, tbl, key) DO UPDATE SET value = excluded.value",
            (case_id, table, key, value),
        )

    def delete(self, case_id: str, table: str, key: str) -> None:
        """Remove a value."""
        self._run("DELETE FROM entries WHERE case_id=? AND tbl=? AND key=?", (case_id, table, key))

    @contextlib.contextmanager
    def atomic(self) -> Iterator[None]:
        """One SQLite transaction; on any error it is rolled back and we say so."""
        self._check_open()
        with self._mutex:
            if self._depth:
                yield
                return
            with self._transaction():
                yield

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        self._depth = 1
        try:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                yield
                self._conn.execute("COMMIT")
            except BaseException as exc:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("ROLLBACK")
                if _is_disk_full(exc):
                    raise LockerError(
                        "The disk is full, so this could not be saved. Nothing was "
                        "added: the locker is exactly as it was before.",
                        file=str(self.path),
                        hint="Free some space and try again.",
                    ) from None
                if isinstance(exc, sqlite3.Error):
                    raise LockerError(
                        f"The locker could not be saved ({exc}). Nothing was added: the "
                        "locker is exactly as it was before.",
                        file=str(self.path),
                        hint="Check that the disk is writable and not removed, then try again.",
                    ) from None
                raise
        finally:
            self._depth = 0

    def settle(self) -> None:
        """After an interrupted change: one small write so SQLite drops the stale journal."""
        if self.interrupted:
            with self.atomic():
                self.meta_put("recovered", b"1")

    def integrity_problems(self) -> list[str]:
        """What SQLite's own integrity check reports (empty when the file is sound)."""
        try:
            rows = self._conn.execute("PRAGMA integrity_check").fetchall()
        except sqlite3.DatabaseError as exc:
            return [f"storage file check failed: {exc}"]
        found = [str(r[0]) for r in rows]
        return [] if found == ["ok"] else [f"storage file: {p}" for p in found]

    def close(self) -> None:
        """Close the database, then release the lock (in that order)."""
        with contextlib.suppress(sqlite3.Error):
            self._conn.close()
        if self._lock is not None:
            self._lock.close()
            self._lock = None
