"""Sealed evidence packages: one ZIP with a manifest, a PDF report, transcripts,
the originals (never an explicit image) and an RFC 3161 time-stamp request.

`manifest.json` lists every item with its intake hashes, every other file in
the ZIP with its SHA-256, and the custody log. Its `package_hash` is the
SHA-256 of the manifest's canonical JSON without that field. `manifest.sig`
is an Ed25519 signature over the exact `manifest.json` bytes by the locker's
own key (see `signing`), which anyone able to recompute hashes still cannot
forge. The time-stamp request covers the SHA-256 of the `manifest.json` bytes;
a reply from a time-stamp authority can be checked against it (see `tsr`).
`verify_package` recomputes all of it.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from unsnare import __version__
from unsnare.errors import InputError, IntegrityError, UsageError
from unsnare.evidence import signing, tsr
from unsnare.evidence.custody import Action, CustodyEntry, canonical_json, check_chain, timestamp
from unsnare.evidence.records import EventKind
from unsnare.evidence.report import html_to_pdf, merge_by_message, render_report_html
from unsnare.evidence.timestamp import SHA256_OID, parse_timestamp_request, timestamp_request
from unsnare.evidence.transcripts import transcript_csv, transcript_html

if TYPE_CHECKING:
    from unsnare.evidence.case import Case

FORMAT = "unsnare-evidence-package/2"
# Version 1 packages were not signed: they are read, and reported as unsigned.
READABLE_FORMATS = ("unsnare-evidence-package/1", FORMAT)
MANIFEST = "manifest.json"
SIGNATURE = signing.SIGNATURE_FILE
# Evidence (text, pictures, PDFs) deflates far less than this; see _check_expansion.
_MAX_RATIO = 100
TSQ = "timestamp/manifest.tsq"
# A time-stamp authority's reply, if the person put it into the ZIP afterwards.
TSR = "timestamp/manifest.tsr"


@dataclass(frozen=True)
class PackageResult:
    """What `export_package` wrote."""

    path: Path
    package_hash: str
    manifest_sha256: str
    files: int
    encrypted: bool
    signer_fingerprint: str


@dataclass(frozen=True)
class PackageReport:
    """The outcome of `verify_package`."""

    path: Path
    problems: tuple[str, ...]
    package_hash: str | None = None
    files_checked: int = 0
    case_title: str | None = None
    notes: tuple[str, ...] = field(default=())
    # The fingerprint of the key whose valid signature covers the manifest.
    signer_fingerprint: str | None = None
    signed_by: str | None = None
    timestamp: tsr.TimestampCheck | None = None

    @property
    def ok(self) -> bool:
        """True when the signature, every hash and the custody chain check out."""
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"package": str(self.path), "ok": self.ok, "problems": list(self.problems),
                "package_hash": self.package_hash, "files_checked": self.files_checked,
                "case": self.case_title, "signer_fingerprint": self.signer_fingerprint,
                "signed_by": self.signed_by, "notes": list(self.notes),
                "timestamp": self.timestamp.to_dict() if self.timestamp else None}


def package_hash(manifest: dict[str, Any]) -> str:
    """SHA-256 of the manifest's canonical JSON, without the `package_hash` field."""
    body = {k: v for k, v in manifest.items() if k != "package_hash"}
    return hashlib.sha256(canonical_json(body)).hexdigest()


def _safe(name: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", name.replace("\\", "/").split("/")[-1])
    return cleaned.strip("._") or "file"


def _build_files(
    case: Case, actor: str, made_at: str, render_pdf: Callable[[str], bytes],
    signer: signing.Signer,
) -> tuple[dict[str, bytes], dict[str, Any]]:
    """Every file for the ZIP except the manifest and time-stamp request, plus manifest parts."""
    files: dict[str, bytes] = {}
    items: list[dict[str, Any]] = []
    records = case.records
    for item in records.items():
        record = records.get(item.id) or {}
        entry = {k: record.get(k) for k in (
            "id", "kind", "name", "sha256", "md5", "size", "media_type", "source", "added_by",
            "added_at", "stored", "withheld_reason", "pdq", "pdq_quality", "parent",
            "conversation_ids")}
        entry["path"] = None
        if item.stored and record.get("blob"):
            path = f"originals/{item.id}/{_safe(item.name)}"
            files[path] = records.get_blob(record["blob"])
            entry["path"] = path
        items.append(entry)
    conversations: list[dict[str, Any]] = []
    for conv in records.conversations():
        record = records.get(conv.id) or {}
        data = records.conversation_dict(conv.id)
        base = f"transcripts/{conv.id}"
        files[f"{base}.html"] = transcript_html(record, data).encode()
        files[f"{base}.csv"] = transcript_csv(data).encode("utf-8-sig")
        conversations.append({
            "id": conv.id, "item_id": conv.item_id, "derived_from": conv.derived_from,
            "platform": conv.platform, "format": conv.format, "title": conv.title,
            "message_count": conv.message_count, "first_at": conv.first_at,
            "last_at": conv.last_at, "timezone": conv.timezone,
            "timezone_assumed": conv.timezone_assumed,
            "timezone_given": conv.timezone_given, "risk": conv.risk, "scheme": conv.scheme,
            "stage": conv.stage, "analysis_note": conv.analysis_note,
            "transcripts": {"html": f"{base}.html", "csv": f"{base}.csv"},
        })
    timeline = [e.to_dict() for e in case.timeline()]
    custody = [e.to_dict() for e in case.custody_log()]
    identifiers = [
        {"kind": i.kind, "value": i.value, "normalized": i.normalized, "platform": i.platform,
         "seen": list(i.seen)} for i in case.identifiers()
    ]
    notes = [{"id": n.id, "text": n.text, "author": n.author, "at": n.at, "about": n.about}
             for n in case.notes()]
    case_info = {"id": case.id, "title": case.title, "created_at": case.header.get("created_at"),
                 "created_by": case.header.get("created_by")}

    def of(*kinds: EventKind) -> list[dict[str, Any]]:
        """The timeline events of these kinds."""
        return [e for e in timeline if e["kind"] in {k.value for k in kinds}]

    context = {
        "case": case_info, "made_at": made_at, "made_by": actor,
        "generator": f"Unsnare {__version__}", "items": items, "conversations": conversations,
        "signer_fingerprint": signer.fingerprint,
        "identifiers": identifiers, "notes": notes, "custody": custody,
        "threats": of(EventKind.THREAT), "demands": of(EventKind.DEMAND),
        "key_events": merge_by_message(of(EventKind.THREAT, EventKind.DEMAND,
                                          EventKind.PAYMENT)),
        "reports": of(EventKind.REPORT), "payments": of(EventKind.PAYMENT),
        "blocks": of(EventKind.BLOCK), "withheld": [i for i in items if not i["stored"]],
    }
    files["report.pdf"] = render_pdf(render_report_html(context))
    parts = {"case": case_info, "items": items, "conversations": conversations,
             "identifiers": identifiers, "timeline": timeline, "notes": notes,
             "checklist": case.plan(), "custody_log": custody,
             "custody_head": custody[-1]["hash"] if custody else None}
    return files, parts


def export_package(
    case: Case, out_path: Path | str, *, password: str | None = None, actor: str | None = None,
    overwrite: bool = False, render_pdf: Callable[[str], bytes] = html_to_pdf,
) -> PackageResult:
    """Write the sealed ZIP for a case and log the export in its custody chain."""
    out = Path(out_path)
    if out.exists() and not overwrite:
        raise UsageError("A file already exists there; packages never overwrite anything.",
                         file=str(out), hint="Choose a new file name.")
    if password is not None and len(password) < 8:
        raise UsageError("The package password is too short: use at least 8 characters.")
    actor = actor or case.locker.actor
    made_at = timestamp(case.now())
    key = case.locker.signing_key()
    signer = signing.signer_of(key)
    files, parts = _build_files(case, actor, made_at, render_pdf, signer)
    manifest: dict[str, Any] = {
        "format": FORMAT, "generator": f"unsnare {__version__}", "created_at": made_at,
        "created_by": actor, "signer": signer.to_dict(), **parts,
        "files": [{"path": p, "sha256": hashlib.sha256(b).hexdigest(), "size": len(b)}
                  for p, b in sorted(files.items())],
        "timestamp_request": {"path": TSQ, "hash_algorithm": "sha256", "covers": MANIFEST},
    }
    manifest["package_hash"] = package_hash(manifest)
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
    manifest_sha = hashlib.sha256(manifest_bytes).digest()
    files[MANIFEST] = manifest_bytes
    files[SIGNATURE] = signing.sign(key, manifest_bytes)
    files[TSQ] = timestamp_request(manifest_sha)
    tmp = out.with_name(out.name + ".partial")
    try:
        _write_zip(tmp, files, password)
        with contextlib.suppress(OSError):
            os.chmod(tmp, 0o600)  # evidence: readable by its owner only
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    try:
        with case.writing():
            case.log(Action.EXPORT, subject=case.id, actor=actor, details={
                "package": out.name, "package_hash": manifest["package_hash"],
                "manifest_sha256": manifest_sha.hex(), "encrypted": password is not None,
                "signer": signer.fingerprint,
            })
    except BaseException:
        out.unlink(missing_ok=True)  # no package leaves without its custody entry
        raise
    return PackageResult(out, manifest["package_hash"], manifest_sha.hex(), len(files),
                         password is not None, signer.fingerprint)


def _write_zip(path: Path, files: dict[str, bytes], password: str | None) -> None:
    first = [MANIFEST, SIGNATURE, TSQ, "report.pdf"]
    order = first + sorted(k for k in files if k not in first)
    if password is None:
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name in order:
                zf.writestr(name, files[name])
        return
    import pyzipper

    with pyzipper.AESZipFile(path, "w", compression=pyzipper.ZIP_DEFLATED,
                             encryption=pyzipper.WZ_AES) as zf:
        zf.setpassword(password.encode())
        for name in order:
            zf.writestr(name, files[name])


def _read_zip(path: Path, password: str | None, data: bytes | None = None) -> dict[str, bytes]:
    import pyzipper

    try:
        with pyzipper.AESZipFile(io.BytesIO(data) if data is not None else path) as zf:
            if password is not None:
                zf.setpassword(password.encode())
            encrypted = any(info.flag_bits & 0x1 for info in zf.infolist())
            if encrypted and password is None:
                raise UsageError("This package is protected by a password.", file=str(path),
                                 hint="Give it with --password (you will be asked).")
            for info in zf.infolist():
                _check_expansion(path, info)
            return {i.filename: zf.read(i.filename) for i in zf.infolist() if not i.is_dir()}
    except (zipfile.BadZipFile, pyzipper.BadZipFile, zlib.error, OSError, EOFError) as exc:
        raise InputError(f"This is not a readable ZIP package ({exc}).", file=str(path)) from None
    except RuntimeError as exc:  # pyzipper's "Bad password"
        raise UsageError(f"The package could not be opened: {exc}.", file=str(path),
                         hint="Check the password.") from None


def _check_expansion(path: Path, info: zipfile.ZipInfo) -> None:
    # A package is read whole into memory; a member that claims to expand far
    # beyond what deflate gives real evidence is refused before it is read.
    if info.file_size > 16 * 1024**2 and info.file_size > _MAX_RATIO * info.compress_size:
        raise InputError(
            f"{info.filename} would expand from {info.compress_size / 1024**2:.1f} MB to "
            f"{info.file_size / 1024**2:.0f} MB; Unsnare never makes packages like that.",
            file=str(path),
            hint="Ask the sender for the package exactly as Unsnare made it.",
        )


def verify_package(
    path: Path | str, *, password: str | None = None, expect_key: str | None = None,
    tsr_reply: bytes | None = None, tsa_cert: bytes | None = None, data: bytes | None = None,
) -> PackageReport:
    """Check the signature and recompute every hash in a package; name each mismatch.

    `expect_key` is the signer's fingerprint learned by another channel (the
    report's first page, a phone call); `tsr_reply` a time-stamp authority's
    reply to the package's request and `tsa_cert` that authority's certificate
    (PEM or DER), which the reply's signer must be or be issued by. With `data`,
    the package is read from those bytes and `path` only names it.
    """
    path = Path(path)
    if data is None and not path.is_file():
        raise InputError("There is no such package file.", file=str(path))
    expected = signing.normalise_fingerprint(expect_key) if expect_key else None
    files = _read_zip(path, password, data)
    if MANIFEST not in files:
        return PackageReport(path, ("manifest.json is missing: this is not a sealed package",))
    try:
        manifest = json.loads(files[MANIFEST])
        if not isinstance(manifest, dict) or manifest.get("format") not in READABLE_FORMATS:
            raise ValueError("unknown format")
    except (ValueError, RecursionError) as exc:  # RecursionError: nested absurdly deep
        return PackageReport(path, (f"manifest.json cannot be read ({exc})",))
    problems: list[str] = []
    signer: signing.Signer | None = None
    if SIGNATURE not in files:
        problems.append(
            f"{SIGNATURE} is missing: the package is not signed, so anyone who can recompute "
            "its hashes could have made or changed it")
    else:
        signer, signature_problems = signing.check(files[SIGNATURE], files[MANIFEST], manifest)
        problems += signature_problems
        if signature_problems:
            signer = None  # a key that did not sign this manifest names nobody
    if expected and (signer is None or signer.fingerprint != expected):
        problems.append(
            f"it was not signed by the key you expected ({expected}): "
            + (f"the key {signer.fingerprint} signed it" if signer else "no valid signature"))
    recorded = manifest.get("package_hash")
    if package_hash(manifest) != recorded:
        problems.append("manifest.json was edited: its package hash does not match its contents")
    listed: dict[str, dict[str, Any]] = {f["path"]: f for f in manifest.get("files", [])}
    # Originals are listed both as files and as items: hash each one once.
    sha256s: dict[str, str] = {}
    for name, entry in listed.items():
        data = files.get(name)
        if data is None:
            problems.append(f"{name} is missing from the package (deleted)")
            continue
        sha256s[name] = hashlib.sha256(data).hexdigest()
        if sha256s[name] != entry.get("sha256") or len(data) != entry.get("size"):
            problems.append(f"{name} does not match its SHA-256 in the manifest (changed)")
    for item in manifest.get("items", []):
        p = item.get("path")
        if p is None:
            continue
        if not item.get("stored"):
            problems.append(f"item {item['id']} is marked not stored yet has a file here")
        data = files.get(p)
        if data is not None and (
            (sha256s.get(p) or hashlib.sha256(data).hexdigest()) != item.get("sha256")
            or hashlib.md5(data, usedforsecurity=False).hexdigest() != item.get("md5")
        ):
            problems.append(f"original {p} does not match the hashes taken at intake (changed)")
    for extra in sorted(set(files) - set(listed) - {MANIFEST, SIGNATURE, TSQ, TSR}):
        problems.append(f"{extra} is in the package but not in the manifest (added)")
    entries = [CustodyEntry.from_dict(e) for e in manifest.get("custody_log", [])]
    head = manifest.get("custody_head")
    problems += check_chain(entries, head_seq=entries[-1].seq if entries else None,
                            head_hash=head)
    tsq = files.get(TSQ)
    if tsq is None:
        problems.append(f"{TSQ} is missing (deleted)")
    else:
        try:
            parsed = parse_timestamp_request(tsq)
            if parsed.hash_oid != SHA256_OID or parsed.digest != hashlib.sha256(
                files[MANIFEST]
            ).digest():
                problems.append(f"{TSQ} is not for this manifest.json (changed)")
        except IntegrityError as exc:
            problems.append(f"{TSQ}: {exc.message}")
    stamp = None
    reply = tsr_reply if tsr_reply is not None else files.get(TSR)
    if reply is not None:
        nonce = _request_nonce(tsq)
        stamp = tsr.check_reply(reply, hashlib.sha256(files[MANIFEST]).digest(), nonce=nonce,
                                trusted=tsa_cert)
        problems += stamp.problems
    return PackageReport(path, tuple(problems), recorded, len(files),
                         (manifest.get("case") or {}).get("title"),
                         notes=tuple(stamp.notes if stamp else ()),
                         signer_fingerprint=signer.fingerprint if signer else None,
                         signed_by=manifest.get("created_by") if signer else None,
                         timestamp=stamp)


def _request_nonce(tsq: bytes | None) -> int | None:
    if tsq is None:
        return None
    try:
        return parse_timestamp_request(tsq).nonce
    except IntegrityError:
        return None
