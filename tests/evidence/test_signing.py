"""Signed packages: the forgery from issue 16 fails, and the signer is named."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from support.fakes import PASSPHRASE, fake_pdf
from unsnare.errors import UsageError
from unsnare.evidence import Case, Locker
from unsnare.evidence.custody import GENESIS, CustodyEntry
from unsnare.evidence.package import export_package, package_hash, verify_package
from unsnare.evidence.signing import fingerprint, normalise_fingerprint, sign, signer_of
from unsnare.evidence.timestamp import timestamp_request

FORGED_LINE = b"Jordan: this is a forged line the offender never wrote\n"


@pytest.fixture
def case(make_locker: Callable[..., Locker], chat_file: Path) -> Case:
    case = make_locker().new_case("Sam / Jordan Vale")
    case.add_export(chat_file, source="Sam's phone")
    return case


@pytest.fixture
def package(case: Case, tmp_path: Path) -> Path:
    out = tmp_path / "evidence.zip"
    export_package(case, out, render_pdf=fake_pdf)
    return out


def _read(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _write(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


def forge(files: dict[str, bytes], resign: Ed25519PrivateKey | None = None) -> dict[str, bytes]:
    """Issue 16's attack: edit an original, then recompute every hash the package holds."""
    files = dict(files)
    manifest = json.loads(files["manifest.json"])
    item = next(i for i in manifest["items"] if i["path"])
    old_sha = item["sha256"]
    edited = files[item["path"]] + FORGED_LINE
    files[item["path"]] = edited
    item.update(sha256=hashlib.sha256(edited).hexdigest(), size=len(edited),
                md5=hashlib.md5(edited, usedforsecurity=False).hexdigest())
    for f in manifest["files"]:
        if f["path"] == item["path"]:
            f.update(sha256=item["sha256"], size=len(edited))
    # Rewrite the custody chain so the "add" entry names the new hash.
    chain, prev = [], GENESIS
    for raw in manifest["custody_log"]:
        entry = CustodyEntry.from_dict(raw)
        if entry.details.get("sha256") == old_sha:
            entry = dataclasses.replace(entry, details={**entry.details,
                                                        "sha256": item["sha256"]})
        entry = dataclasses.replace(entry, prev_hash=prev)
        entry = dataclasses.replace(entry, hash=entry.computed_hash())
        prev = entry.hash
        chain.append(entry.to_dict())
    manifest["custody_log"], manifest["custody_head"] = chain, prev
    if resign is not None:
        manifest["signer"] = signer_of(resign).to_dict()
    manifest["package_hash"] = package_hash(manifest)
    body = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
    files["manifest.json"] = body
    files["timestamp/manifest.tsq"] = timestamp_request(hashlib.sha256(body).digest())
    if resign is not None:
        files["manifest.sig"] = sign(resign, body)
    return files


def test_a_genuine_package_names_its_signer(case: Case, package: Path) -> None:
    report = verify_package(package)
    key = fingerprint(signer_of(case.locker.signing_key()).public_key)
    assert report.ok, report.problems
    assert report.signer_fingerprint == key and report.signed_by == "helper-anna"
    assert verify_package(package, expect_key=key.replace(" ", "").upper()).ok
    pdf = _read(package)["report.pdf"].decode(errors="replace")
    assert key in pdf  # on the report's first page (fake_pdf keeps the HTML)
    assert case.custody_log()[-1].details["signer"] == key


def test_the_issue_16_forgery_fails(package: Path, tmp_path: Path) -> None:
    forged = _write(tmp_path / "forged.zip", forge(_read(package)))
    # Every hash, the chain, package_hash and the .tsq were recomputed ...
    manifest = json.loads(_read(forged)["manifest.json"])
    assert manifest["package_hash"] == package_hash(manifest)
    report = verify_package(forged)
    # ... but the signature over the manifest cannot be.
    assert not report.ok
    assert report.problems == (
        "the signature in manifest.sig does not fit manifest.json: the manifest was changed "
        "after it was signed (or the signature was)",)
    assert report.signer_fingerprint is None


def test_a_forgery_without_the_signature_fails(package: Path, tmp_path: Path) -> None:
    files = forge(_read(package))
    del files["manifest.sig"]
    report = verify_package(_write(tmp_path / "unsigned.zip", files))
    assert not report.ok and "not signed" in report.problems[0]


def test_a_forgery_signed_with_another_key_shows_that_key(
    case: Case, package: Path, tmp_path: Path
) -> None:
    mallory = Ed25519PrivateKey.generate()
    forged = _write(tmp_path / "resigned.zip", forge(_read(package), resign=mallory))
    report = verify_package(forged)
    # Internally consistent, so only the fingerprint tells: it is not the sender's.
    original = signer_of(case.locker.signing_key()).fingerprint
    assert report.ok and report.signer_fingerprint == signer_of(mallory).fingerprint
    assert report.signer_fingerprint != original
    checked = verify_package(forged, expect_key=original)
    assert not checked.ok and "not signed by the key you expected" in checked.problems[0]


def test_the_key_is_kept_sealed_and_survives_a_new_passphrase(tmp_path: Path) -> None:
    from unsnare.evidence.crypto import KdfParams

    path = tmp_path / "l.unsnare"
    with Locker.create(path, PASSPHRASE, kdf=KdfParams.fast_for_tests()) as locker:
        first = signer_of(locker.signing_key()).fingerprint
        seed = locker.signing_key().private_bytes_raw()
        locker.change_passphrase(PASSPHRASE, "a whole new passphrase here",
                                 kdf=KdfParams.fast_for_tests())
    assert seed not in path.read_bytes()
    with Locker.open(path, "a whole new passphrase here") as locker:
        assert signer_of(locker.signing_key()).fingerprint == first


@pytest.mark.parametrize("text", ["abc", "zz" * 16, "3f2a 9c1b"])
def test_a_malformed_expected_key_is_a_clear_error(text: str) -> None:
    with pytest.raises(UsageError, match="not a key fingerprint"):
        normalise_fingerprint(text)


@pytest.mark.parametrize(
    "signature",
    [b"", b"not json", b'"a string"', b"[1, 2]", b'{"algorithm": "Ed25519"}',
     b'{"algorithm": "Ed25519", "public_key": "!!", "signature": "AA=="}',
     b'{"algorithm": "RSA", "public_key": "AAAA", "signature": "AAAA"}'],
)
def test_a_damaged_signature_file_is_a_clear_problem(
    package: Path, tmp_path: Path, signature: bytes
) -> None:
    files = _read(package)
    files["manifest.sig"] = signature
    report = verify_package(_write(tmp_path / "bad-sig.zip", files))
    assert not report.ok and report.problems[0].startswith("manifest.sig cannot be read")
