"""`verify`: check every stored blob against its intake hashes and the whole
custody chain, and name each edit, deletion, reordering or corruption."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Protocol

from unsnare.errors import IntegrityError, LockerError, MissingBlobError, UnsnareError
from unsnare.evidence.custody import Action, CustodyEntry, check_chain
from unsnare.evidence.recordstore import RecordStore


@dataclass(frozen=True)
class VerifyReport:
    """The outcome of verifying one case."""

    case_id: str
    title: str
    problems: tuple[str, ...]
    items_checked: int
    entries_checked: int

    @property
    def ok(self) -> bool:
        """True when nothing is wrong."""
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"case": self.case_id, "title": self.title, "ok": self.ok,
                "problems": list(self.problems), "items_checked": self.items_checked,
                "custody_entries_checked": self.entries_checked}


def _check_blob(records: RecordStore, blob_id: str | None, what: str,
                sha256: str | None) -> list[str]:
    if not blob_id:
        return [f"{what}: its stored copy is not linked (edited record)"]
    try:
        data = records.get_blob(blob_id)
    except MissingBlobError:
        return [f"{what}: its stored copy is missing (deleted)"]
    except IntegrityError:
        return [f"{what}: its stored copy is corrupted or was edited outside Unsnare"]
    except LockerError:
        return [f"{what}: its stored copy cannot be read: the locker file is damaged there"]
    if sha256 is not None and hashlib.sha256(data).hexdigest() != sha256:
        return [f"{what}: its stored copy no longer matches the SHA-256 taken at intake (edited)"]
    return []


def verify_case(records: RecordStore, *, actor: str | None = None,
                record: bool = True) -> VerifyReport:
    """Check one case; with `record`, log the check itself in the custody chain."""
    records.load()
    problems = list(records.damaged)
    problems += records.store.integrity_problems()
    entries = records.custody_entries()
    head_seq = records.header.get("head_seq")
    problems += check_chain(
        entries, head_seq=head_seq if isinstance(head_seq, int) else None,
        head_hash=records.header.get("head_hash"),
    )
    added: dict[str, CustodyEntry] = {}
    for entry in entries:
        if entry is not None and entry.action == Action.ADD and entry.subject:
            added[entry.subject] = entry
    for item_id, entry in added.items():
        rec = records.get(item_id)
        name = entry.details.get("name", item_id)
        if rec is None:
            problems.append(f"item {item_id} ({name}), added in custody entry #{entry.seq}, "
                            "is missing: it was deleted")
        elif rec.get("sha256") != entry.details.get("sha256"):
            problems.append(f"item {item_id} ({name}): its record no longer matches custody "
                            f"entry #{entry.seq} (edited)")
    items = records.of("item")
    for rec in items:
        what = f"item {rec['id']} ({rec.get('name')})"
        if rec["id"] not in added:
            problems.append(f"{what} has no custody entry: it was added outside Unsnare")
        if rec.get("stored"):
            problems += _check_blob(records, rec.get("blob"), what, rec.get("sha256"))
    for rec in records.of("conversation"):
        what = f"conversation {rec['id']} ({rec.get('title') or rec.get('platform')})"
        problems += _check_blob(records, rec.get("messages_blob"), what, None)
        if rec.get("analysis"):
            problems += _check_blob(records, rec["analysis"], f"{what} analysis", None)
    title = str(records.header.get("title", ""))
    report = VerifyReport(records.case_id, title, tuple(problems), len(items),
                          sum(1 for e in entries if e is not None))
    if record:
        try:
            with records.writing():
                records.log(Action.VERIFY, subject=records.case_id,
                         details={"ok": report.ok, "problems": len(problems)}, actor=actor)
        except UnsnareError:
            pass  # a broken chain cannot take a new entry; the report already says why
    return report


class _OpenCase(Protocol):
    @property
    def records(self) -> RecordStore: ...


class _Cases(Protocol):
    """The part of a `Locker` that verifying every case needs."""

    def registered_cases(self) -> list[str]: ...

    def case_ids(self) -> list[str]: ...

    def case(self, ref: str) -> _OpenCase: ...


def verify_locker(locker: _Cases, *, actor: str | None = None) -> list[VerifyReport]:
    """Verify every case in the locker (unreadable cases are reported, not skipped)."""
    reports: list[VerifyReport] = []
    try:
        registered = locker.registered_cases()
    except IntegrityError as exc:
        reports.append(VerifyReport("-", "(list of cases)", (exc.message,), 0, 0))
        registered = locker.case_ids()
    for case_id in registered:
        if case_id not in locker.case_ids():
            reports.append(VerifyReport(case_id, "(missing)", (
                f"case {case_id} is missing from the locker: it was deleted",), 0, 0))
    for case_id in locker.case_ids():
        if case_id not in registered:
            reports.append(VerifyReport(case_id, "(unknown)", (
                f"case {case_id} was added outside Unsnare",), 0, 0))
            continue
        try:
            case = locker.case(case_id)
        except (IntegrityError, LockerError) as exc:
            reports.append(VerifyReport(case_id, "(unreadable)", (exc.message,), 0, 0))
            continue
        reports.append(verify_case(case.records, actor=actor))
    return reports
