"""The evidence locker: encrypted cases, chain of custody, sealed evidence packages.

The public API, for the CLI and the web app:

    Locker.create(path, passphrase) / Locker.open(path, passphrase)
    locker.new_case(title), locker.cases(), locker.case(id)
    case.add_file(...), case.add_export(...), case.add_note(...), case.add_event(...)
    case.timeline(), case.identifiers(), case.verify()
    export_package(case, out_path, password=None), verify_package(path, password=None)
"""

from __future__ import annotations

from unsnare.evidence.case import Case
from unsnare.evidence.intake import IntakeResult
from unsnare.evidence.locker import CaseSummary, Locker
from unsnare.evidence.records import (
    EventKind,
    Identifier,
    IntakeKind,
    Item,
    ItemKind,
    Note,
    StoredConversation,
    TimelineEvent,
)
from unsnare.evidence.recordstore import RecordStore
from unsnare.evidence.store import CaseStore, MemoryStore, SqliteStore
from unsnare.evidence.tools import ImageVerdict, Toolkit
from unsnare.evidence.verify import VerifyReport, verify_case, verify_locker

__all__ = [
    "Case", "CaseStore", "CaseSummary", "EventKind", "Identifier", "ImageVerdict",
    "IntakeKind", "IntakeResult", "Item", "ItemKind", "Locker", "MemoryStore", "Note",
    "RecordStore", "SqliteStore",
    "StoredConversation", "TimelineEvent", "Toolkit", "VerifyReport", "verify_case",
    "verify_locker",
]
