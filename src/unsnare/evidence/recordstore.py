"""One case's sealed storage: the single owner of how a case's records are kept.

Everything a case holds is sealed under its own data key and stored in the
locker's `CaseStore` as (table, key) -> bytes: the header, blobs (originals,
parsed messages, analysis reports), records (items, conversations, notes,
events, identifiers, checklist state) and the custody log. Intake, the
timeline, verify and the package read and write through this store; `Case`
is a thin front over it.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import zlib
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from typing import Any, Protocol

from unsnare.errors import IntegrityError, LockerError, MissingBlobError, UsageError
from unsnare.evidence import crypto
from unsnare.evidence.compact import expand_messages
from unsnare.evidence.custody import Action, CustodyEntry, next_entry, timestamp
from unsnare.evidence.records import Item, StoredConversation, build
from unsnare.evidence.store import CaseStore

# A record as stored: a JSON object with at least "type" and "id".
Record = dict[str, Any]


class LockerAccess(Protocol):
    """What a case's records need from the open locker that holds them."""

    @property
    def store(self) -> CaseStore:
        """Where the sealed bytes live."""

    @property
    def actor(self) -> str:
        """Who is making changes, for the custody log."""

    @property
    def clock(self) -> Callable[[], datetime]:
        """The locker clock (timezone-aware)."""

    def require_open(self) -> None:
        """LockerError when the locker has been closed."""


class RecordStore:
    """The sealed records of one case, read once and kept in memory while open."""

    def __init__(self, access: LockerAccess, case_id: str, key: bytes, *,
                 fresh: bool = False) -> None:
        self.access = access
        self.case_id = case_id
        self._key = key
        self.header: dict[str, Any] = {}
        # Problems met while reading (a damaged record is reported, not fatal).
        self.damaged: list[str] = []
        self._records: dict[str, Record] = {}
        if not fresh:
            self.load()

    @property
    def store(self) -> CaseStore:
        """The locker's storage."""
        return self.access.store

    @property
    def actor(self) -> str:
        """Who the locker says is making changes."""
        return self.access.actor

    def now(self) -> datetime:
        """The locker clock (timezone-aware)."""
        return self.access.clock()

    def forget(self) -> None:
        """Drop the key and everything decrypted (called when the locker closes)."""
        self._key = b""
        self._records = {}
        self.header = {"title": ""}

    # --- sealed bytes -----------------------------------------------------
    def _aad(self, table: str, key: str) -> bytes:
        # Custody entries are bound to the case but not to their slot, so a
        # swapped pair still opens and the chain check can name the reordering.
        if table == "custody":
            return f"unsnare/{self.case_id}/custody".encode()
        return f"unsnare/{self.case_id}/{table}/{key}".encode()

    def seal(self, table: str, key: str, payload: bytes, *, replace: bool = False) -> None:
        """Seal and store bytes (append-only unless `replace`)."""
        sealed = crypto.seal(self._key, payload, self._aad(table, key))
        if replace:
            self.store.replace(self.case_id, table, key, sealed)
        else:
            self.store.insert(self.case_id, table, key, sealed)

    def unseal(self, table: str, key: str) -> bytes | None:
        """Open stored bytes; IntegrityError if they were changed."""
        self.access.require_open()
        sealed = self.store.get(self.case_id, table, key)
        if sealed is None:
            return None
        return crypto.unseal(self._key, sealed, self._aad(table, key), what=f"{table} {key}")

    def _get_json(self, table: str, key: str) -> Any:
        raw = self.unseal(table, key)
        return None if raw is None else json.loads(raw)

    def _put_json(self, table: str, key: str, value: object, *, replace: bool = False) -> None:
        self.seal(table, key, json.dumps(value, ensure_ascii=False).encode(), replace=replace)

    def put_blob(self, data: bytes, *, compress: bool = False) -> str:
        """Store a blob and return its id."""
        blob_id = secrets.token_hex(8)
        self.seal("blob", blob_id, (b"z" + zlib.compress(data, 1)) if compress else (b"r" + data))
        return blob_id

    def get_blob(self, blob_id: str) -> bytes:
        """A stored blob's bytes (MissingBlobError if gone, IntegrityError if changed)."""
        raw = self.unseal("blob", blob_id)
        if raw is None:
            raise MissingBlobError(f"Stored file {blob_id} is missing from the locker.")
        return zlib.decompress(raw[1:]) if raw[:1] == b"z" else raw[1:]

    # --- records ----------------------------------------------------------
    def load(self) -> None:
        """Read the header and every record again from the store."""
        self.damaged = []
        try:
            self.header = self._get_json("case", "header") or {}
        except IntegrityError as exc:
            self.damaged.append(f"case header: {exc.message}")
            self.header = {"title": "(header damaged)", "created_at": ""}
        self._records = {}
        for key in self.store.keys(self.case_id, "record"):
            try:
                record = self._get_json("record", key)
            except (IntegrityError, LockerError) as exc:
                self.damaged.append(f"record {key}: {exc.message}")
                continue
            if isinstance(record, dict):
                self._records[key] = record

    def ids(self) -> list[str]:
        """Every readable record's id, in the order stored."""
        return list(self._records)

    def get(self, record_id: str) -> Record | None:
        """One record by id, or None."""
        return self._records.get(record_id)

    def of(self, kind: str) -> list[Record]:
        """Every record of one type ("item", "conversation", "note", ...), in order."""
        return [r for r in self._records.values() if r.get("type") == kind]

    def put(self, record: Record) -> None:
        """Store a new record (it must carry `type` and `id`)."""
        self._put_json("record", record["id"], record)
        self._records[record["id"]] = record

    def replace(self, record: Record) -> None:
        """Store a changed record over the one with the same `id`."""
        self._put_json("record", record["id"], record, replace=True)
        self._records[record["id"]] = record

    @staticmethod
    def new_id(prefix: str) -> str:
        """A fresh random record id, such as ``n1a2b3c4d`` for a note."""
        return prefix + secrets.token_hex(4)

    def items(self) -> list[Item]:
        """Every intake, in the order added."""
        return [build(Item, r) for r in self.of("item")]

    def conversations(self) -> list[StoredConversation]:
        """Every parsed conversation."""
        return [build(StoredConversation, r) for r in self.of("conversation")]

    def conversation_dict(self, conversation_id: str) -> dict[str, Any]:
        """A stored conversation's sealed data (participants and messages)."""
        record = self._records.get(conversation_id)
        if record is None or record.get("type") != "conversation":
            raise UsageError(f"There is no conversation '{conversation_id}' in this case.")
        data: dict[str, Any] = json.loads(self.get_blob(record["messages_blob"]))
        if "messages" not in data:
            data["messages"] = expand_messages(data)
        return data

    def analysis(self, conversation_id: str) -> dict[str, Any] | None:
        """The stored analysis report of one conversation, if it was analysed."""
        record = self._records.get(conversation_id) or {}
        blob = record.get("analysis")
        return json.loads(self.get_blob(blob)) if blob else None

    # --- changes and the custody log ---------------------------------------
    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """One atomic change; on failure the in-memory view is reloaded from the store."""
        try:
            with self.store.atomic():
                yield
        except BaseException:
            self.load()
            raise

    def init_header(self, title: str, actor: str) -> None:
        """Write the header of a new case."""
        self.header = {
            "title": title,
            "created_at": timestamp(self.now()),
            "created_by": actor,
            "head_seq": 0,
            "head_hash": None,
        }
        self._put_json("case", "header", self.header)

    def log(
        self,
        action: Action | str,
        *,
        subject: str | None = None,
        details: Mapping[str, Any] | None = None,
        actor: str | None = None,
    ) -> CustodyEntry:
        """Append one custody entry (call inside `writing()` with the change it records)."""
        prev = None
        # Read the head afresh: another Case object (another request, another
        # thread) may have logged since this one was loaded.
        self.header = self._get_json("case", "header") or self.header
        if self.header.get("head_seq"):
            raw = self._get_json("custody", f"{self.header['head_seq']:010d}")
            prev = CustodyEntry.from_dict(raw) if raw else None
            if prev is None or prev.hash != self.header.get("head_hash"):
                raise IntegrityError(
                    "The custody log's latest entry is missing or changed, so nothing new "
                    "was recorded.",
                    hint="Run `unsnare case verify` to see what is wrong.",
                )
        entry = next_entry(
            prev, action=action, actor=actor or self.actor, now=self.now(),
            subject=subject, details=details,
        )
        self._put_json("custody", f"{entry.seq:010d}", entry.to_dict())
        self.header = {**self.header, "head_seq": entry.seq, "head_hash": entry.hash}
        self._put_json("case", "header", self.header, replace=True)
        return entry

    def custody_entries(self) -> list[CustodyEntry | None]:
        """The custody log in stored order; None where an entry cannot be read."""
        out: list[CustodyEntry | None] = []
        for key in self.store.keys(self.case_id, "custody"):
            try:
                raw = self._get_json("custody", key)
                out.append(CustodyEntry.from_dict(raw))
            except (IntegrityError, LockerError, KeyError, ValueError, TypeError):
                out.append(None)
        return out
