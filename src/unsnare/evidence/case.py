"""A case: the evidence about one situation, sealed under its own data key.

A case holds intakes (originals byte for byte, or only hashes when an image
may be intimate), parsed conversations with their analysis, notes, offender
identifiers, timeline events and the response-plan checklist. Every change
is one atomic write that also appends to the custody log.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol, Unpack

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from unsnare.errors import IntegrityError, UsageError
from unsnare.evidence.compact import unpack_conversation
from unsnare.evidence.custody import Action, CustodyEntry, timestamp
from unsnare.evidence.intake import IntakeOptions, IntakeResult, add_file
from unsnare.evidence.records import (
    EventKind,
    Identifier,
    IntakeKind,
    Item,
    Note,
    StoredConversation,
    TimelineEvent,
    build,
)
from unsnare.evidence.recordstore import LockerAccess, RecordStore
from unsnare.evidence.timeline import build_timeline, event_from_record
from unsnare.evidence.tools import Toolkit
from unsnare.evidence.verify import VerifyReport, verify_case
from unsnare.models import Conversation


class CaseOwner(LockerAccess, Protocol):
    """What a case needs from the open locker it belongs to (a `Locker`)."""

    @property
    def tools(self) -> Toolkit:
        """The helpers intake uses (nudity check, hashes, OCR, importers, analysis)."""

    def signing_key(self) -> Ed25519PrivateKey:
        """The locker's key for signing evidence packages."""


class Case:
    """One open case. Get it from `Locker.new_case` or `Locker.case`.

    A thin front: what the case holds is kept by its `RecordStore`; adding files
    is `intake`, the timeline is `timeline`, checking is `verify`.
    """

    def __init__(self, locker: CaseOwner, case_id: str, key: bytes, *, fresh: bool = False) -> None:
        self.locker = locker
        self.id = case_id
        self.records = RecordStore(locker, case_id, key, fresh=fresh)

    @property
    def header(self) -> dict[str, Any]:
        """The case header: title, created, and the custody log's head."""
        return self.records.header

    @property
    def damaged(self) -> list[str]:
        """Problems met while reading the case (shown, never fatal)."""
        return self.records.damaged

    def forget(self) -> None:
        """Drop the key and everything decrypted (called when the locker closes)."""
        self.records.forget()

    def put(self, table: str, key: str, payload: bytes, *, replace: bool = False) -> None:
        """Seal and store bytes (append-only unless `replace`)."""
        self.records.seal(table, key, payload, replace=replace)

    def get(self, table: str, key: str) -> bytes | None:
        """Open stored bytes; IntegrityError if they were changed."""
        return self.records.unseal(table, key)

    def get_blob(self, blob_id: str) -> bytes:
        """A stored blob's bytes (MissingBlobError if gone, IntegrityError if changed)."""
        return self.records.get_blob(blob_id)

    def writing(self) -> contextlib.AbstractContextManager[None]:
        """One atomic change; on failure the in-memory view is reloaded from the store."""
        return self.records.writing()

    def now(self) -> datetime:
        """The locker clock (timezone-aware)."""
        return self.records.now()

    def log(
        self,
        action: Action | str,
        *,
        subject: str | None = None,
        details: Mapping[str, Any] | None = None,
        actor: str | None = None,
    ) -> CustodyEntry:
        """Append one custody entry (call inside `writing()` with the change it records)."""
        return self.records.log(action, subject=subject, details=details, actor=actor)

    # --- reading ---------------------------------------------------------
    @property
    def title(self) -> str:
        """The case title."""
        return str(self.header.get("title", ""))

    def items(self) -> list[Item]:
        """Every intake, in the order added."""
        return self.records.items()

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
        return self.records.conversations()

    def notes(self) -> list[Note]:
        """Every note, oldest first."""
        return [build(Note, r) for r in self.records.of("note")]

    def custody_entries(self) -> list[CustodyEntry | None]:
        """The custody log in stored order; None where an entry cannot be read."""
        return self.records.custody_entries()

    def custody_log(self) -> list[CustodyEntry]:
        """The readable custody entries, in order."""
        return [e for e in self.custody_entries() if e is not None]

    def messages(self, conversation_id: str) -> list[dict[str, Any]]:
        """A conversation's messages as stored dicts (fast; no view is logged)."""
        return list(self.records.conversation_dict(conversation_id)["messages"])

    def conversation(self, conversation_id: str) -> Conversation:
        """A stored conversation as the model object."""
        return unpack_conversation(self.records.conversation_dict(conversation_id))

    def analysis(self, conversation_id: str) -> dict[str, Any] | None:
        """The stored analysis report of one conversation, if it was analysed."""
        return self.records.analysis(conversation_id)

    def read_original(self, item_id: str, *, actor: str | None = None) -> bytes:
        """The original bytes of a stored item; the view is logged."""
        item = self.item(item_id)
        record = self.records.get(item.id) or {}
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
    def add_file(self, path: Path | str | None = None,
                 **kw: Unpack[IntakeOptions]) -> IntakeResult:
        """Add an export, screenshot, image or other file (see `intake.add_file`)."""
        return add_file(self.records, self.locker.tools, None if path is None else Path(path),
                        **kw)

    def add_export(self, path: Path | str, **kw: Unpack[IntakeOptions]) -> IntakeResult:
        """Add a chat export (any importer format): originals plus parsed messages."""
        kw["kind"] = IntakeKind.EXPORT
        return self.add_file(path, **kw)

    def add_note(self, text: str, *, about: str | None = None, author: str | None = None) -> Note:
        """Write a note on the case (or on one item)."""
        if not text.strip():
            raise UsageError("A note cannot be empty.")
        if about is not None:
            about = self.item(about).id
        author = author or self.records.actor
        record = {"type": "note", "id": self.records.new_id("n"), "text": text,
                  "author": author, "at": timestamp(self.now()), "about": about}
        with self.writing():
            self.records.put(record)
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
        record = {"type": "event", "id": self.records.new_id("e"), "kind": kind.value,
                  "text": text, "at": None if at is None else at.isoformat(),
                  "recorded_by": actor or self.records.actor,
                  "recorded_at": timestamp(self.now()), **fields}
        with self.writing():
            self.records.put(record)
            self.log(Action.ANNOTATE, subject=record["id"], details={"event": kind.value},
                     actor=actor)
        return event_from_record(record)

    def add_identifier(
        self, kind: str, value: str, *, platform: str | None = None, where: str = "",
        actor: str | None = None,
    ) -> Identifier:
        """Record an offender identifier seen somewhere outside the imported chats."""
        record: dict[str, Any] = {
            "type": "identifier", "id": self.records.new_id("d"), "kind": kind,
                  "value": value, "normalized": value.strip().lower(), "platform": platform,
                  "seen": [{"where": where or "recorded by hand", "message_ids": []}]}
        with self.writing():
            self.records.put(record)
            self.log(Action.ANNOTATE, subject=record["id"], details={"identifier": kind},
                     actor=actor)
        return build(Identifier, record)

    def plan(self) -> dict[str, Any]:
        """The response-plan checklist state."""
        for r in self.records.of("plan_state"):
            return dict(r.get("state") or {})
        return {}

    def set_plan(self, state: Mapping[str, Any], *, actor: str | None = None) -> None:
        """Replace the checklist state (the change is logged)."""
        record = {"type": "plan_state", "id": "plan", "state": dict(state)}
        with self.writing():
            self.records.replace(record)
            self.log(Action.ANNOTATE, subject="plan", details={"checklist": sorted(state)},
                     actor=actor)

    def checkup(self) -> list[str]:
        """The privacy check-up settings ticked as done (``platform.setting`` ids)."""
        for r in self.records.of("checkup_state"):
            return [str(t) for t in r.get("ticked") or []]
        return []

    def set_checkup(self, ticked: list[str], *, actor: str | None = None) -> None:
        """Replace the ticked check-up settings (the change is logged)."""
        record = {"type": "checkup_state", "id": "checkup", "ticked": sorted(ticked)}
        with self.writing():
            self.records.replace(record)
            self.log(Action.ANNOTATE, subject="checkup", details={"ticked": len(ticked)},
                     actor=actor)

    # --- derived views ----------------------------------------------------
    def identifiers(self) -> list[Identifier]:
        """Offender identifiers, merged by kind and normalised value, with where seen."""
        merged: dict[tuple[str, str], dict[str, Any]] = {}
        for r in self.records.of("identifier"):
            key = (str(r["kind"]), str(r.get("normalized") or r["value"]).lower())
            slot = merged.setdefault(key, {**r, "seen": []})
            slot["seen"] = [*slot["seen"], *r.get("seen", [])]
        return [build(Identifier, r) for r in merged.values()]

    def timeline(self, *, include_messages: bool = False) -> list[TimelineEvent]:
        """Threats, demands, payments, reports and blocks (and every message if asked), by time."""
        return build_timeline(self.records, include_messages=include_messages)

    def verify(self, *, actor: str | None = None, record: bool = True) -> VerifyReport:
        """Check every stored blob and the whole custody chain (see `verify.verify_case`)."""
        return verify_case(self.records, actor=actor, record=record)
