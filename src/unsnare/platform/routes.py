"""The API's routes: parse, call the library, answer. No SQL here beyond transactions."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path

from unsnare.errors import HashingError
from unsnare.hashing.banks import HashBank, entry, guess_signal_type
from unsnare.platform import audit
from unsnare.platform.conversations import IncomingMessage
from unsnare.platform.cybertip import ReportRequest, build_report, to_xml
from unsnare.platform.keys import ApiKey
from unsnare.platform.schemas import (
    BankIn,
    BatchIn,
    HashesIn,
    LookupBatchIn,
    LookupIn,
    MessagesIn,
    RemoveIn,
)
from unsnare.platform.services import Services, scoped, services
from unsnare.platform.storable import storable

router = APIRouter(prefix="/v1")
Svc = Annotated[Services, Depends(services)]
ConversationId = Annotated[str, Path(min_length=1, max_length=200)]
BankName = Annotated[str, Path(min_length=1, max_length=64)]


@router.post("/conversations/{conversation_id}/messages", tags=["conversations"])
def post_messages(
    conversation_id: ConversationId, body: MessagesIn, svc: Svc,
    key: Annotated[ApiKey, Depends(scoped("analyze"))],
) -> dict[str, Any]:
    """Add messages to a conversation; the current risk, stage and new findings."""
    batch = [IncomingMessage(m.id, m.text, m.sender, m.sent_at) for m in body.messages]
    with svc.engine.begin() as conn:
        state = svc.scorer.add_messages(conn, key.tenant, conversation_id, batch, key.actor())
    svc.metrics.messages.inc(state.accepted)
    return state.to_dict()


@router.post("/messages", tags=["conversations"])
def post_batch(
    body: BatchIn, svc: Svc, key: Annotated[ApiKey, Depends(scoped("analyze"))]
) -> dict[str, Any]:
    """Add messages of many conversations in one request (as platforms send them); each
    conversation's current risk, stage and new findings, in the order they first appear."""
    batch = [(m.conversation_id, IncomingMessage(m.id, m.text, m.sender, m.sent_at))
             for m in body.messages]
    with svc.engine.begin() as conn:
        states = svc.scorer.add_batch(conn, key.tenant, batch, key.actor())
    svc.metrics.messages.inc(sum(s.accepted for s in states))
    return {"conversations": [s.to_dict() for s in states]}


@router.get("/conversations/{conversation_id}", tags=["conversations"])
def get_conversation(
    conversation_id: ConversationId, svc: Svc,
    key: Annotated[ApiKey, Depends(scoped("analyze"))],
) -> dict[str, Any]:
    """A conversation's state and every finding so far."""
    with svc.engine.connect() as conn:
        return svc.scorer.get(conn, key.tenant, conversation_id)


@router.post("/conversations/{conversation_id}/cybertip", tags=["reports"])
def cybertip_report(
    conversation_id: ConversationId, body: ReportRequest, svc: Svc,
    key: Annotated[ApiKey, Depends(scoped("report"))],
) -> dict[str, Any]:
    """Build (never send) an NCMEC CyberTipline report for a conversation."""
    with svc.engine.begin() as conn:
        report = build_report(conn, svc.scorer.analyzer, key.tenant, conversation_id, body,
                              key.actor())
    return {
        "report": report.model_dump(mode="json", exclude_none=True),
        "xml": to_xml(report),
        "schema": "Unsnare's own, written from NCMEC's CyberTipline Reporting API "
                  "documentation (NCMEC serves its XSD to registered reporters only)",
        "sent": False,
    }


@router.get("/banks", tags=["hashes"])
def list_banks(svc: Svc, key: Annotated[ApiKey, Depends(scoped("hash:lookup"))]) -> dict[str, Any]:
    """This tenant's hash banks."""
    return {"banks": svc.banks.list_banks(key.tenant)}


@router.post("/banks", status_code=201, tags=["hashes"])
def create_bank(
    body: BankIn, svc: Svc, key: Annotated[ApiKey, Depends(scoped("hash:write"))]
) -> dict[str, Any]:
    """Create a bank for this tenant."""
    storable(body.description, "description")
    with svc.engine.begin() as conn:
        svc.banks.create_bank(
            conn, key.tenant, HashBank(body.name, body.kind, body.max_distance, body.description),
            key.actor(),
        )
    return {"name": body.name, "kind": str(body.kind), "max_distance": body.max_distance}


@router.post("/banks/{bank}/hashes", tags=["hashes"])
def add_hashes(
    bank: BankName, body: HashesIn, svc: Svc,
    key: Annotated[ApiKey, Depends(scoped("hash:write"))],
) -> dict[str, Any]:
    """Add hashes to a bank; every service process matches them from its next lookup."""
    entries = []
    for i, h in enumerate(body.hashes):
        kind = h.signal_type or guess_signal_type(h.value)
        if kind is None:
            raise HashingError(f"'{h.value[:80]}' is neither a PDQ nor an MD5 hash",
                               field=f"hashes[{i}].value",
                               hint="PDQ is 64 hexadecimal characters, MD5 is 32.")
        storable(h.source, f"hashes[{i}].source")
        for label in h.labels:
            storable(label, f"hashes[{i}].labels")
        entries.append(entry(kind, h.value, source=h.source, labels=h.labels))
    with svc.engine.begin() as conn:
        stored = svc.banks.add(conn, key.tenant, bank, entries, key.actor())
    return {"added": len(stored), "already_there": len(entries) - len(stored),
            "ids": [e.entry_id for e in stored]}


@router.post("/banks/{bank}/hashes/remove", tags=["hashes"])
def remove_hashes(
    bank: BankName, body: RemoveIn, svc: Svc,
    key: Annotated[ApiKey, Depends(scoped("hash:write"))],
) -> dict[str, Any]:
    """Remove hashes from a bank; no service process matches them from its next lookup."""
    with svc.engine.begin() as conn:
        removed = svc.banks.remove(conn, key.tenant, bank, body.signal_type, body.values,
                                   key.actor())
    return {"removed": removed}


@router.post("/lookup", tags=["hashes"])
def lookup(
    body: LookupIn, svc: Svc, key: Annotated[ApiKey, Depends(scoped("hash:lookup"))]
) -> dict[str, Any]:
    """Match hashes against this tenant's banks."""
    if not body.pdq and not body.md5:
        raise HashingError("nothing to look up", field="pdq",
                           hint="Send at least one PDQ hash or an MD5.")
    result = svc.banks.lookup(key.tenant, body.pdq, body.md5, body.banks)
    svc.metrics.lookups.inc()
    return result


@router.post("/lookup/batch", tags=["hashes"])
def lookup_batch(
    body: LookupBatchIn, svc: Svc, key: Annotated[ApiKey, Depends(scoped("hash:lookup"))]
) -> dict[str, Any]:
    """Match many images' hashes against this tenant's banks; one result per item, in order."""
    results = []
    for i, item in enumerate(body.items):
        if not item.pdq and not item.md5:
            raise HashingError("nothing to look up", field=f"items[{i}].pdq",
                               hint="Send at least one PDQ hash or an MD5 for every item.")
        results.append(svc.banks.lookup(key.tenant, item.pdq, item.md5, body.banks))
    svc.metrics.lookups.inc(len(results))
    return {"results": results}


@router.get("/audit", tags=["admin"])
def audit_entries(
    svc: Svc, key: Annotated[ApiKey, Depends(scoped("admin"))]
) -> dict[str, Any]:
    """This tenant's latest audit-log entries (newest first)."""
    with svc.engine.connect() as conn:
        return {"entries": audit.entries(conn, key.tenant)}
