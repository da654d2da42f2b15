"""The sealed evidence package of a confirmed review item, made by the service.

It has the personal app's package format (`unsnare.evidence.package`), so
`unsnare package verify` checks it: `manifest.json` lists every file with its
SHA-256, `manifest.sig` is an Ed25519 signature over the manifest by the
service's own key, and a time-stamp request covers the manifest. It holds the
conversation's messages, its findings, the hashes (never an image), the
CyberTipline report built from the item, and the item's audit trail, which is
also written as the package's custody chain (each entry chained to the one
before, ending with the export itself).
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    load_pem_private_key,
)

from unsnare import __version__
from unsnare.analysis import Analyzer
from unsnare.errors import UsageError
from unsnare.evidence import signing
from unsnare.evidence.custody import Action, CustodyEntry, next_entry, timestamp
from unsnare.evidence.package import FORMAT, MANIFEST, SIGNATURE, TSQ, package_hash
from unsnare.evidence.timestamp import timestamp_request
from unsnare.platform import audit, review
from unsnare.platform.cybertip import ReportRequest, build_report, to_xml
from unsnare.platform.db import findings, messages
from unsnare.platform.errors import ConflictError
from unsnare.platform.settings import ENV_SIGNING_KEY


def new_signing_key(path: Path) -> str:
    """Write a new Ed25519 key (PEM, readable by its owner only); its fingerprint."""
    if path.exists():
        raise UsageError("a file already exists there; keys are never overwritten",
                         file=str(path), hint="Choose a new file name.")
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    path.touch(mode=0o600)
    path.write_bytes(pem)
    return signing.signer_of(key).fingerprint


def load_signing_key(path: str | None) -> Ed25519PrivateKey:
    """The service's signing key from its PEM file, or a clear error."""
    if not path:
        raise UsageError("the service has no signing key for evidence packages",
                         field=ENV_SIGNING_KEY,
                         hint="Make one with `unsnare platform signing-key create PATH` and "
                         f"set {ENV_SIGNING_KEY}=PATH (or --signing-key) when serving.")
    try:
        key = load_pem_private_key(Path(path).read_bytes(), password=None)
    except (OSError, ValueError) as exc:
        raise UsageError(f"the signing key cannot be read ({exc})", file=path,
                         hint="Give the PEM file `unsnare platform signing-key create` "
                         "made.") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise UsageError("the signing key is not an Ed25519 key", file=path)
    return key


def _custody(trail: list[dict[str, Any]], export: dict[str, Any]) -> list[CustodyEntry]:
    chain: list[CustodyEntry] = []
    for e in [*trail, export]:
        chain.append(next_entry(
            chain[-1] if chain else None, action=e["action"], actor=e["actor"],
            now=datetime.fromisoformat(e["at"]), subject=e.get("subject"),
            details={"audit_id": e.get("id"), **e.get("detail", {})},
        ))
    return chain


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True).encode()


def build_package(
    conn: sa.Connection, analyzer: Analyzer, key: Ed25519PrivateKey, tenant: str,
    item_id: int, request: ReportRequest, actor: audit.Actor,
) -> tuple[bytes, str]:
    """The ZIP bytes of a confirmed item's sealed package, and its package hash."""
    found = review.item(conn, tenant, item_id, reveal=False, actor=actor)
    if found["status"] != review.CONFIRMED:
        raise ConflictError(f"item {item_id} is {found['status']}, not confirmed",
                            field="item", hint="Only a confirmed item gets a package.")
    conversation = found["conversation_id"]
    matched = [m["value"] for m in found["hashes"].get("matches", [])]
    files: dict[str, bytes] = {
        "review/item.json": _json({k: found[k] for k in (
            "id", "kind", "conversation_id", "status", "crisis", "minor", "risk_score",
            "created", "decided", "decided_by", "note")}),
        "hashes.json": _json(found["hashes"]),
    }
    if conversation is not None:
        rows = conn.execute(sa.select(messages).where(
            messages.c.tenant == tenant, messages.c.conversation == conversation,
        ).order_by(messages.c.seq))
        files["conversation/messages.json"] = _json([
            {"seq": r.seq, "id": r.message_id, "sender": r.sender, "text": r.text,
             "sent_at": r.sent_at.isoformat() if r.sent_at else None,
             "received": r.received.isoformat()} for r in rows])
        files["conversation/findings.json"] = _json([
            {"message_id": f.message_id, "tactic": f.tactic, "detector": f.detector,
             "start": f.start, "end": f.end, "score": f.score, "explanation": f.explanation}
            for f in conn.execute(sa.select(findings).where(
                findings.c.tenant == tenant, findings.c.conversation == conversation,
            ).order_by(findings.c.id))])
        wanted = request.model_copy(update={
            "file_hashes": list(dict.fromkeys([*request.file_hashes, *matched]))})
        report = build_report(conn, analyzer, tenant, conversation, wanted, actor)
        files["cybertip/report.json"] = _json(report.model_dump(mode="json", exclude_none=True))
        files["cybertip/report.xml"] = to_xml(report).encode()
    trail = review.trail(conn, tenant, item_id)
    files["review/audit.json"] = _json(trail)
    now = datetime.now(UTC)
    signer = signing.signer_of(key)
    export = {"action": str(Action.EXPORT), "actor": actor.name, "at": now.isoformat(),
              "subject": review.target(item_id), "detail": {"signer": signer.fingerprint}}
    custody = [e.to_dict() for e in _custody(
        [{**e, "subject": review.target(item_id)} for e in trail], export)]
    manifest: dict[str, Any] = {
        "format": FORMAT, "generator": f"unsnare {__version__} (platform service)",
        "created_at": timestamp(now), "created_by": actor.name, "signer": signer.to_dict(),
        "case": {"id": f"{tenant}/{review.target(item_id)}",
                 "title": f"Review item {item_id} ({tenant})", "created_at": found["created"],
                 "created_by": "unsnare platform service"},
        "items": [], "conversations": [], "identifiers": [], "timeline": [], "notes": [],
        "custody_log": custody, "custody_head": custody[-1]["hash"],
        "files": [{"path": p, "sha256": hashlib.sha256(b).hexdigest(), "size": len(b)}
                  for p, b in sorted(files.items())],
        "timestamp_request": {"path": TSQ, "hash_algorithm": "sha256", "covers": MANIFEST},
    }
    manifest["package_hash"] = package_hash(manifest)
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
    files[MANIFEST] = manifest_bytes
    files[SIGNATURE] = signing.sign(key, manifest_bytes)
    files[TSQ] = timestamp_request(hashlib.sha256(manifest_bytes).digest())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in [MANIFEST, SIGNATURE, TSQ, *sorted(set(files) - {MANIFEST, SIGNATURE, TSQ})]:
            zf.writestr(name, files[name])
    audit.record(conn, actor, "review.package", review.target(item_id),
                 package_hash=manifest["package_hash"], signer=signer.fingerprint,
                 files=len(files))
    return out.getvalue(), str(manifest["package_hash"])
