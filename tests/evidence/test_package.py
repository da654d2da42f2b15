"""Sealed evidence packages: contents, hashes, password, time-stamp request, verify."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from support.fakes import EXPLICIT_MARK, ZONE, fake_pdf, png
from unsnare.errors import UsageError
from unsnare.evidence import Case, Locker
from unsnare.evidence.package import export_package, package_hash, verify_package
from unsnare.evidence.timestamp import parse_timestamp_request


@pytest.fixture
def case(make_locker: Callable[..., Locker], chat_file: Path) -> Case:
    case = make_locker("memory").new_case("Sam / Jordan Vale")
    case.add_export(chat_file, source="Sam's phone")
    case.add_file(data=png(explicit=True), name="sent_by_offender.png")
    case.add_file(data=png(), name="profile.png")
    case.add_event("report", platform="NCMEC CyberTipline", reference="CT-2026-000123",
                   at=datetime(2026, 3, 3, 10, 0, tzinfo=ZONE))
    case.add_note("Sam did not pay.")
    case.add_identifier("phone", "+44 7700 900123", where="his WhatsApp profile")
    return case


def _rewrite(src: Path, dst: Path, change: Callable[[dict[str, bytes]], None]) -> None:
    with zipfile.ZipFile(src) as zf:
        files = {n: zf.read(n) for n in zf.namelist()}
    change(files)
    with zipfile.ZipFile(dst, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)


def test_package_holds_everything_and_verifies(case: Case, tmp_path: Path) -> None:
    out = tmp_path / "evidence.zip"
    result = export_package(case, out)
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        manifest = json.loads(zf.read("manifest.json"))
        pdf = zf.read("report.pdf")
        tsq = zf.read("timestamp/manifest.tsq")
        all_bytes = b"".join(zf.read(n) for n in names)
    conv = case.conversations()[0]
    assert {"manifest.json", "report.pdf", "timestamp/manifest.tsq",
            f"transcripts/{conv.id}.html", f"transcripts/{conv.id}.csv"} <= names
    assert pdf.startswith(b"%PDF")
    assert manifest["package_hash"] == result.package_hash == package_hash(manifest)
    assert parse_timestamp_request(tsq).digest.hex() == result.manifest_sha256
    stored = {i["name"]: i for i in manifest["items"]}
    assert stored["chat_export.txt"]["path"].startswith("originals/")
    assert stored["sent_by_offender.png"]["path"] is None
    assert stored["sent_by_offender.png"]["pdq"] == "f" * 64
    assert EXPLICIT_MARK not in all_bytes
    assert [e["action"] for e in manifest["custody_log"]][:2] == ["create", "add"]
    assert case.custody_log()[-1].action == "export"
    assert case.custody_log()[-1].details["package_hash"] == result.package_hash
    report = verify_package(out)
    assert report.ok, report.problems
    csv_text = (tmp_path / "t.csv")
    with zipfile.ZipFile(out) as zf:
        csv_text.write_bytes(zf.read(f"transcripts/{conv.id}.csv"))
    assert "pay 300 to $quickcash4u" in csv_text.read_text(encoding="utf-8-sig")


def test_report_has_the_key_facts(case: Case, tmp_path: Path) -> None:
    seen: list[str] = []
    export_package(case, tmp_path / "e.zip", render_pdf=lambda h: seen.append(h) or b"%PDF")
    for fact in ("$quickcash4u", "CT-2026-000123", "NCMEC CyberTipline", "send this to",
                 "Chain of custody", "Sam did not pay.", "not stored", "his WhatsApp profile"):
        assert fact in seen[0], fact


def _edit_file(files: dict[str, bytes]) -> str:
    name = next(n for n in files if n.startswith("originals/"))
    files[name] = files[name] + b"x"
    return f"{name} does not match its SHA-256 in the manifest (changed)"


def _delete_file(files: dict[str, bytes]) -> str:
    del files["report.pdf"]
    return "report.pdf is missing from the package (deleted)"


def _add_file(files: dict[str, bytes]) -> str:
    files["extra.txt"] = b"hello"
    return "extra.txt is in the package but not in the manifest (added)"


def _edit_manifest(files: dict[str, bytes]) -> str:
    manifest = json.loads(files["manifest.json"])
    manifest["case"]["title"] = "other"
    files["manifest.json"] = json.dumps(manifest).encode()
    return "manifest.json was edited"


def _edit_custody(files: dict[str, bytes]) -> str:
    manifest = json.loads(files["manifest.json"])
    del manifest["custody_log"][1]
    manifest["package_hash"] = package_hash(manifest)  # a forger who recomputes the hash
    files["manifest.json"] = json.dumps(manifest).encode()
    return "custody entry #2 is missing: it was deleted"


def _swap_tsq(files: dict[str, bytes]) -> str:
    from unsnare.evidence.timestamp import timestamp_request

    files["timestamp/manifest.tsq"] = timestamp_request(hashlib.sha256(b"other").digest())
    return "is not for this manifest.json"


@pytest.mark.parametrize(
    "change", [_edit_file, _delete_file, _add_file, _edit_manifest, _edit_custody, _swap_tsq]
)
def test_verify_names_each_mismatch(
    case: Case, tmp_path: Path, change: Callable[[dict[str, bytes]], str]
) -> None:
    out = tmp_path / "evidence.zip"
    export_package(case, out, render_pdf=fake_pdf)
    expected: list[str] = []
    _rewrite(out, tmp_path / "bad.zip", lambda files: expected.append(change(files)))
    report = verify_package(tmp_path / "bad.zip")
    assert not report.ok
    assert any(expected[0] in p for p in report.problems), report.problems


def test_password_protected_package(case: Case, tmp_path: Path) -> None:
    out = tmp_path / "evidence.zip"
    result = export_package(case, out, password="correct horse battery", render_pdf=fake_pdf)
    assert result.encrypted
    with zipfile.ZipFile(out) as zf:
        assert all(i.flag_bits & 1 for i in zf.infolist())
    with pytest.raises(UsageError, match="password"):
        verify_package(out)
    with pytest.raises(UsageError, match="password"):
        verify_package(out, password="wrong password!")
    assert verify_package(out, password="correct horse battery").ok


def test_export_never_overwrites(case: Case, tmp_path: Path) -> None:
    out = tmp_path / "evidence.zip"
    out.write_bytes(b"keep me")
    with pytest.raises(UsageError, match="already exists"):
        export_package(case, out, render_pdf=fake_pdf)
    assert out.read_bytes() == b"keep me"


def test_not_a_package(tmp_path: Path) -> None:
    bad = tmp_path / "x.zip"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("a.txt", "hi")
    assert "manifest.json is missing" in verify_package(bad).problems[0]
