"""Long upload names, damaged packages, forged locker settings, file modes (issue 16)."""

from __future__ import annotations

import json
import sqlite3
import stat
import time
import zipfile
from pathlib import Path

import pytest

from support.child import run_cli
from support.hostile_json import corrupt_deflate
from support.web import csrf, make_client
from unsnare.errors import InputError, IntegrityError
from unsnare.evidence import Locker
from unsnare.evidence.crypto import KdfParams
from unsnare.evidence.package import verify_package
from unsnare.hashing.storage import SqlBankStore

PASS = "blue kettle morning"
CHAT = b"01/03/2026, 10:00 - Max: send it now or else\n01/03/2026, 10:01 - Sam: no\n"
LONG = "\u00e9" * 200 + ".txt"  # 404 bytes in UTF-8: over every file system's 255


def _open_case(client) -> None:  # type: ignore[no-untyped-def]
    client.post(
        "/case/create",
        data={
            "csrf_token": csrf(client, "/case"),
            "passphrase": PASS,
            "passphrase_again": PASS,
            "title": "Sam's case",
        },
    )


def test_upload_names_over_255_bytes_never_give_500(tmp_path: Path) -> None:
    with make_client(tmp_path) as client:
        check = client.post(
            "/check/upload",
            data={"csrf_token": csrf(client, "/check")},
            files={"files": (LONG, CHAT, "text/plain")},
        )
        assert check.status_code == 200 and "messages: 2" in check.text
        _open_case(client)
        token = csrf(client, "/case")
        added = client.post(
            "/case/files",
            data={"csrf_token": token, "kind": "export", "tz": "Europe/London"},
            files={"files": (LONG, CHAT, "text/plain")},
        )
        assert added.status_code == 200 and "Added to your case" in added.text
        verify = client.post(
            "/case/verify",
            data={"csrf_token": token},
            files={"package_file": ("p" * 300 + ".zip", b"PK\x03\x04 cut off", "application/zip")},
        )
        assert verify.status_code == 400


def _package(tmp_path: Path) -> Path:
    manifest = {"format": "unsnare-evidence-package/1", "files": [], "note": "x" * 4000}
    return corrupt_deflate(tmp_path / "evidence.zip", "manifest.json", json.dumps(manifest).encode())


def test_a_damaged_deflate_stream_in_a_package_is_a_clear_error(tmp_path: Path) -> None:
    path = _package(tmp_path)
    with pytest.raises(InputError, match="not a readable ZIP package"):
        verify_package(path)
    run = run_cli("package", "verify", str(path))
    assert run.exit_code == 3 and "Traceback" not in run.stderr
    with make_client(tmp_path / "web") as client:
        answer = client.post(
            "/case/verify",
            data={"csrf_token": csrf(client, "/case/verify")},
            files={"package_file": ("evidence.zip", path.read_bytes(), "application/zip")},
        )
        assert answer.status_code == 400 and "evidence.zip" in answer.text


def test_a_package_member_claiming_a_huge_expansion_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "evidence.zip"
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf,
        zf.open("originals/chat.txt", "w", force_zip64=True) as out,
    ):
        for _ in range(40):
            out.write(b"\x00" * (1024 * 1024))
    with pytest.raises(InputError, match="would expand"):
        verify_package(path)


def test_a_package_manifest_nested_absurdly_deep_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "evidence.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", '{"x": ' + "[" * 50_000 + "]" * 50_000 + "}")
    report = verify_package(path)
    assert not report.ok and "manifest.json cannot be read" in report.problems[0]


def _set_kdf(path: Path, value: bytes) -> None:
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = ? WHERE name = 'kdf'", (value,))
    db.close()


def _kdf(path: Path) -> bytes:
    with sqlite3.connect(path) as db:
        (raw,) = db.execute("SELECT value FROM meta WHERE name = 'kdf'").fetchone()
    db.close()
    return bytes(raw)


@pytest.mark.parametrize(
    "change",
    [
        lambda kdf: {**kdf, "time_cost": 100_000},
        lambda kdf: {**kdf, "memory_cost": 1 << 40},
        lambda kdf: {**kdf, "parallelism": 0},
        lambda kdf: {**kdf, "salt": "zz"},
        lambda kdf: {k: v for k, v in kdf.items() if k != "salt"},
        lambda kdf: "broken",
    ],
)
def test_forged_or_broken_kdf_settings_are_refused_at_once(tmp_path: Path, change) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "case.unsnare-locker"
    Locker.create(path, PASS, kdf=KdfParams.fast_for_tests()).close()
    forged = change(json.loads(_kdf(path)))
    _set_kdf(path, forged.encode() if isinstance(forged, str) else json.dumps(forged).encode())
    started = time.monotonic()
    with pytest.raises(IntegrityError, match="key settings are damaged"):
        Locker.open(path, PASS)
    assert time.monotonic() - started < 30  # not the hours a time_cost of 100000 takes
    # The store was closed (its lock released): trying again says the same, at once.
    with pytest.raises(IntegrityError):
        Locker.open(path, PASS)


def test_a_broken_byte_in_the_kdf_settings_exits_with_the_integrity_code(tmp_path: Path) -> None:
    path = tmp_path / "case.unsnare-locker"
    Locker.create(path, PASS, kdf=KdfParams.fast_for_tests()).close()
    raw = bytearray(_kdf(path))
    raw[len(raw) // 2] = 0xFF
    _set_kdf(path, bytes(raw))
    run = run_cli("case", "list", "--locker", str(path), env={"UNSNARE_PASSPHRASE": PASS})
    assert run.exit_code == 5, run.stderr
    assert "key settings are damaged" in run.stderr and "Traceback" not in run.stderr


def test_the_locker_and_its_folder_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "made" / "for" / "it" / "case.unsnare-locker"
    run = run_cli("case", "new", "Sam", "--locker", str(path), env={"UNSNARE_PASSPHRASE": PASS})
    assert run.exit_code == 0, run.stderr
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for folder in (path.parent, path.parent.parent, path.parent.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_the_web_locker_folder_is_owner_only(tmp_path: Path) -> None:
    with make_client(tmp_path) as client:
        _open_case(client)
    lockers = list((tmp_path / "data").glob("*locker*"))
    assert lockers and all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in lockers if p.is_file())
    assert stat.S_IMODE((tmp_path / "data").stat().st_mode) == 0o700


def test_the_hash_bank_database_is_owner_only(tmp_path: Path) -> None:
    db = tmp_path / "data" / "unsnare.db"
    store = SqlBankStore.from_url(f"sqlite:///{db}")
    del store
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700


def _zip(members: list[tuple[str, bytes]], corrupt: str | None = None) -> bytes:
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            zf.writestr(name, data)
    raw = bytearray(out.getvalue())
    if corrupt is not None:
        start = raw.find(corrupt.encode()) + len(corrupt) + 4  # inside its deflate stream
        for i in range(start, start + 24):
            raw[i] ^= 0x5A
    return bytes(raw)


def _png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 64), "red").save(out, "PNG")
    return out.getvalue()


def _bad_chat() -> bytes:
    return _zip([("chat.txt", CHAT * 400), ("a.png", _png())], "chat.txt")


def _bad_picture() -> bytes:
    return _zip([("chat.txt", CHAT * 400), ("a.png", _png() * 40)], "a.png")


@pytest.mark.parametrize(
    "archive,kind,status,shown",
    [
        # Read as an export, the damaged chat is a clear 400 naming the archive.
        (_bad_chat, "export", 400, "could not"),
        # Kept as a file: what cannot be checked next to a picture is never stored.
        (_bad_chat, "file", 200, "not stored"),
        (_bad_picture, "export", 200, "not stored"),
        (_bad_picture, "file", 200, "not stored"),
    ],
)
def test_a_damaged_archive_added_to_a_case_is_explained(
    tmp_path: Path, archive, status: int, shown: str, kind: str  # type: ignore[no-untyped-def]
) -> None:
    with make_client(tmp_path) as client:
        _open_case(client)
        answer = client.post(
            "/case/files",
            data={"csrf_token": csrf(client, "/case"), "kind": kind, "tz": "Europe/London"},
            files={"files": ("export.zip", archive(), "application/zip")},
        )
    assert answer.status_code == status, answer.text[:300]
    assert shown in answer.text and "export.zip" in answer.text
