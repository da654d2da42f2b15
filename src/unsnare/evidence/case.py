"""A case: the evidence about one situation, sealed under its own data key.

A case holds intakes (originals byte for byte, or only hashes when an image
may be intimate), parsed conversations with their analysis, notes, offender
identifiers, timeline events and the response-plan checklist. Every change
is one atomic write that also appends to the custody log.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import secrets
import zlib
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from unsnare.errors import IntegrityError, LockerError, UsageError
from unsnare.evidence import crypto
from unsnare.evidence.custody import Action, CustodyEntry, next_entry, timestamp
from unsnare.evidence.records import (
    EventKind,
    Identifier,
    Item,
    Note,
    StoredConversation,
    TimelineEvent,
    build,
)
from unsnare.evidence.serialize import conversation_from_dict, expand_messages
from unsnare.models import Conversation

if TYPE_CHECKING:
    from unsnare.evidence.intake import IntakeResult
    from unsnare.evidence.locker import Locker
    from unsnare.evidence.verify import VerifyReport


class Case:
    """One open case. Get it from `Locker.new_case` or `Locker.case`."""

    def __init__(self, locker: Locker, case_id: str, key: bytes, *, fresh: bool = False) -> None:
        self.locker = locker
        self.id = case_id
        self._key = key
        self.header: dict[str, Any] = {}
        self.damaged: list[str] = []
        self._records: dict[str, dict[str, Any]] = {}
        if not fresh:
            self._load()

    def forget(self) -> None:
        """Drop the key and everything decrypted (called when the locker closes)."""
        self._key = b""
        self._records = {}
        self.header = {"title": ""}

    # --- sealed storage -------------------------------------------------
    def _aad(self, table: str, key: str) -> bytes:
        # Custody entries are bound to the case but not to their slot, so a
        # swapped pair still opens and the chain check can name the reordering.
        if table == "custody":
            return f"unsnare/{self.id}/custody".encode()
        return f"unsnare/{self.id}/{table}/{key}".encode()

    def put(self, table: str, key: str, payload: bytes, *, replace: bool = False) -> None:
        """Seal and store bytes (append-only unless `replace`)."""
        sealed = crypto.seal(self._key, payload, self._aad(table, key))
        if replace:
            self.locker.store.replace(self.id, table, key, sealed)
        else:
            self.locker.store.insert(self.id, table, key, sealed)

    def get(self, table: str, key: str) -> bytes | None:
        """Open stored bytes; IntegrityError if they were changed."""
        self.locker._require_open()
        sealed = self.locker.store.get(self.id, table, key)
        if sealed is None:
            return None
        return crypto.unseal(self._key, sealed, self._aad(table, key), what=f"{table} {key}")

    def _get_json(self, table: str, key: str) -> Any:
        raw = self.get(table, key)
        return None if raw is None else json.loads(raw)

    def _put_json(self, table: str, key: str, value: Any, *, replace: bool = False) -> None:
        self.put(table, key, json.dumps(value, ensure_ascii=False).encode(), replace=replace)

    def put_blob(self, data: bytes, *, compress: bool = False) -> str:
        """Store a blob and return its id."""
        blob_id = secrets.token_hex(8)
        self.put("blob", blob_id, (b"z" + zlib.compress(data, 1)) if compress else (b"r" + data))
        return blob_id

    def get_blob(self, blob_id: str) -> bytes:
        """A stored blob's bytes (IntegrityError if changed or missing)."""
        raw = self.get("blob", blob_id)
        if raw is None:
            raise IntegrityError(f"Stored file {blob_id} is missing from the locker.")
        return zlib.decompress(raw[1:]) if raw[:1] == b"z" else raw[1:]

    def _load(self) -> None:
        self.damaged = []
        try:
            self.header = self._get_json("case", "header") or {}
        except IntegrityError as exc:
            self.damaged.append(f"case header: {exc.message}")
            self.header = {"title": "(header damaged)", "created_at": ""}
        self._records = {}
        for key in self.locker.store.keys(self.id, "record"):
            try:
                record = self._get_json("record", key)
            except (IntegrityError, LockerError) as exc:
                self.damaged.append(f"record {key}: {exc.message}")
                continue
            if isinstance(record, dict):
                self._records[key] = record

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """One atomic change; on failure the in-memory view is reloaded from the store."""
        try:
            with self.locker.store.atomic():
                yield
        except BaseException:
            self._load()
            raise

    def now(self) -> datetime:
        """The locker clock (timezone-aware)."""
        return self.locker.clock()

    def init_header(self, title: str, actor: str) -> None:
        """Write the header of a new case (inside `Locker.new_case`)."""
        self.header = {
            "title": title,
            "created_at": timestamp(self.now()),
            "created_by": actor,
            "head_seq": 0,
            "head_hash": None,
        }
        self._put_json("case", "header", self.header)

    def put_record(self, record: dict[str, Any]) -> None:
        """Store a new record (it must carry `type` and `id`)."""
        self._put_json("record", record["id"], record)
        self._records[record["id"]] = record

    def replace_record(self, record: dict[str, Any]) -> None:
        """Store a changed record over the one with the same `id`."""
        self._put_json("record", record["id"], record, replace=True)
        self._records[record["id"]] = record

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
            prev, action=action, actor=actor or self.locker.actor, now=self.now(),
            subject=subject, details=details,
        )
        self._put_json("custody", f"{entry.seq:010d}", entry.to_dict())
        self.header = {**self.header, "head_seq": entry.seq, "head_hash": entry.hash}
        self._put_json("case", "header", self.header, replace=True)
        return entry

    # --- reading ---------------------------------------------------------
    @property
    def title(self) -> str:
        """The case title."""
        return str(self.header.get("title", ""))

    def _of(self, kind: str) -> list[dict[str, Any]]:
        return [r for r in self._records.values() if r.get("type") == kind]

    def items(self) -> list[Item]:
        """Every intake, in the order added."""
        return [build(Item, r) for r in self._of("item")]

    def item(self, ref: str) -> Item:
        """One intake by id (or an unambiguous start of it)."""
        found = [i for i in self.items() if i.id == ref] or [
            i for i in self.items() if i.id.startswith(ref)
        ]
        if len(found) != 1:
            raise UsageError(f"There is no single item '{ref}' in this case.")
        return found[0]

    def conversations(self) -> list[StoredConversation]:
        """Every parsed conversation."""
        return [build(StoredConversation, r) for r in self._of("conversation")]

    def notes(self) -> list[Note]:
        """Every note, oldest first."""
        return [build(Note, r) for r in self._of("note")]

    def custody_entries(self) -> list[CustodyEntry | None]:
        """The custody log in stored order; None where an entry cannot be read."""
        out: list[CustodyEntry | None] = []
        for key in self.locker.store.keys(self.id, "custody"):
            try:
                raw = self._get_json("custody", key)
                out.append(CustodyEntry.from_dict(raw))
            except (IntegrityError, LockerError, KeyError, ValueError, TypeError):
                out.append(None)
        return out

    def custody_log(self) -> list[CustodyEntry]:
        """The readable custody entries, in order."""
        return [e for e in self.custody_entries() if e is not None]

    def messages(self, conversation_id: str) -> list[dict[str, Any]]:
        """A conversation's messages as stored dicts (fast; no view is logged)."""
        return list(self._conversation_dict(conversation_id)["messages"])

    def _conversation_dict(self, conversation_id: str) -> dict[str, Any]:
        record = self._records.get(conversation_id)
        if record is None or record.get("type") != "conversation":
            raise UsageError(f"There is no conversation '{conversation_id}' in this case.")
        data: dict[str, Any] = json.loads(self.get_blob(record["messages_blob"]))
        if "messages" not in data:
            data["messages"] = expand_messages(data)
        return data

    def conversation(self, conversation_id: str) -> Conversation:
        """A stored conversation as the model object."""
        return conversation_from_dict(self._conversation_dict(conversation_id))

    def analysis(self, conversation_id: str) -> dict[str, Any] | None:
        """The stored analysis report of one conversation, if it was analysed."""
        record = self._records.get(conversation_id) or {}
        blob = record.get("analysis")
        return json.loads(self.get_blob(blob)) if blob else None

    def read_original(self, item_id: str, *, actor: str | None = None) -> bytes:
        """The original bytes of a stored item; the view is logged."""
        item = self.item(item_id)
        record = self._records[item.id]
        if not item.stored or not record.get("blob"):
            raise UsageError(
                f"Item {item.id} was not stored: {item.withheld_reason or 'only hashes kept'}."
            )
        data = self.get_blob(record["blob"])
        if hashlib.sha256(data).hexdigest() != item.sha256:
            raise IntegrityError(
                f"Item {item.id} no longer matches the SHA-256 taken when it was added.",
                hint="Run `unsnare case verify` to see everything that is affected.",
            )
        self.record_view("original", subject=item.id, actor=actor)
        return data

    def record_view(self, what: str, *, subject: str | None = None,
                    actor: str | None = None) -> None:
        """Log that someone looked at part of the case.

        If the log itself is damaged the view still happens (people must be able
        to see their evidence); the problem is added to `damaged` for display.
        """
        try:
            with self.writing():
                self.log(Action.VIEW, subject=subject or self.id, details={"what": what},
                         actor=actor)
        except IntegrityError as exc:
            self.damaged.append(f"this view could not be logged: {exc.message}")

    # --- adding ----------------------------------------------------------
    def add_file(self, path: Path | str | None = None, **kw: Any) -> IntakeResult:
        """Add an export, screenshot, image or other file (see `intake.add_file`)."""
        from unsnare.evidence.intake import add_file

        return add_file(self, None if path is None else Path(path), **kw)

    def add_export(self, path: Path | str, **kw: Any) -> IntakeResult:
        """Add a chat export (any importer format): originals plus parsed messages."""
        return self.add_file(path, kind="export", **kw)

    def add_note(self, text: str, *, about: str | None = None, author: str | None = None) -> Note:
        """Write a note on the case (or on one item)."""
        if not text.strip():
            raise UsageError("A note cannot be empty.")
        if about is not None:
            about = self.item(about).id
        author = author or self.locker.actor
        record = {"type": "note", "id": "n" + secrets.token_hex(4), "text": text,
                  "author": author, "at": timestamp(self.now()), "about": about}
        with self.writing():
            self.put_record(record)
            self.log(Action.ANNOTATE, subject=record["id"], details={"note_about": about},
                     actor=author)
        return build(Note, record)

    def add_event(
        self,
        kind: EventKind | str,
        *,
        text: str = "",
        at: datetime | None = None,
        actor: str | None = None,
        **fields: str | None,
    ) -> TimelineEvent:
        """Record something that happened: a payment, a report filed, a block, a threat."""
        try:
            kind = EventKind(kind)
        except ValueError:
            raise UsageError(f"Unknown event kind '{kind}'.", hint="Use one of: " + ", ".join(
                k.value for k in EventKind)) from None
        if at is not None and at.tzinfo is None:
            raise UsageError("Give the time with its zone (for example 2026-03-02T21:15+01:00).")
        allowed = {"platform", "reference", "amount", "currency", "counterpart", "item_id"}
        unknown = set(fields) - allowed
        if unknown:
            raise UsageError(f"Unknown event field(s): {', '.join(sorted(unknown))}.")
        record = {"type": "event", "id": "e" + secrets.token_hex(4), "kind": kind.value,
                  "text": text, "at": None if at is None else at.isoformat(),
                  "recorded_by": actor or self.locker.actor,
                  "recorded_at": timestamp(self.now()), **fields}
        with self.writing():
            self.put_record(record)
            self.log(Action.ANNOTATE, subject=record["id"], details={"event": kind.value},
                     actor=actor)
        return self._event_from_record(record)

    def add_identifier(
        self, kind: str, value: str, *, platform: str | None = None, where: str = "",
        actor: str | None = None,
    ) -> Identifier:
        """Record an offender identifier seen somewhere outside the imported chats."""
        record: dict[str, Any] = {
            "type": "identifier", "id": "d" + secrets.token_hex(4), "kind": kind,
                  "value": value, "normalized": value.strip().lower(), "platform": platform,
                  "seen": [{"where": where or "recorded by hand", "message_ids": []}]}
        with self.writing():
            self.put_record(record)
            self.log(Action.ANNOTATE, subject=record["id"], details={"identifier": kind},
                     actor=actor)
        return build(Identifier, record)

    def plan(self) -> dict[str, Any]:
        """The response-plan checklist state."""
        for r in self._of("plan_state"):
            return dict(r.get("state") or {})
        return {}

    def set_plan(self, state: Mapping[str, Any], *, actor: str | None = None) -> None:
        """Replace the checklist state (the change is logged)."""
        record = {"type": "plan_state", "id": "plan", "state": dict(state)}
        with self.writing():
            self.replace_record(record)
            self.log(Action.ANNOTATE, subject="plan", details={"checklist": sorted(state)},
                     actor=actor)

    def checkup(self) -> list[str]:
        """The privacy check-up settings ticked as done (``platform.setting`` ids)."""
        for r in self._of("checkup_state"):
            return [str(t) for t in r.get("ticked") or []]
        return []

    def set_checkup(self, ticked: list[str], *, actor: str | None = None) -> None:
        """Replace the ticked check-up settings (the change is logged)."""
        record = {"type": "checkup_state", "id": "checkup", "ticked": sorted(ticked)}
        with self.writing():
            self.replace_record(record)
            self.log(Action.ANNOTATE, subject="checkup", details={"ticked": len(ticked)},
                     actor=actor)

    # --- derived views ----------------------------------------------------
    def identifiers(self) -> list[Identifier]:
        """Offender identifiers, merged by kind and normalised value, with where seen."""
        merged: dict[tuple[str, str], dict[str, Any]] = {}
        for r in self._of("identifier"):
            key = (str(r["kind"]), str(r.get("normalized") or r["value"]).lower())
            slot = merged.setdefault(key, {**r, "seen": []})
            slot["seen"] = [*slot["seen"], *r.get("seen", [])]
        return [build(Identifier, r) for r in merged.values()]

    def timeline(self, *, include_messages: bool = False) -> list[TimelineEvent]:
        """Threats, demands, payments, reports and blocks (and every message if asked), by time."""
        from unsnare.evidence.timeline import build_timeline

        return build_timeline(self, include_messages=include_messages)

    def _event_from_record(self, r: dict[str, Any]) -> TimelineEvent:
        from unsnare.evidence.timeline import event_from_record

        return event_from_record(r)

    def verify(self, *, actor: str | None = None, record: bool = True) -> VerifyReport:
        """Check every stored blob and the whole custody chain (see `verify.verify_case`)."""
        from unsnare.evidence.verify import verify_case

        return verify_case(self, actor=actor, record=record)
