"""`unsnare case ...` and `unsnare package verify`, end to end with the real helpers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from support.fakes import PASSPHRASE, png
from unsnare.cli import case as case_cli
from unsnare.errors import UsageError, WrongPassphraseError
from unsnare.evidence import Locker
from unsnare.evidence.crypto import KdfParams

WHATSAPP = (
    "3/2/26, 9:10 PM - Jordan Vale: hey you're cute, what's your snap\n"
    "3/2/26, 9:12 PM - Sam Okafor: haha who is this\n"
    "3/2/26, 9:40 PM - Jordan Vale: I have your pics. Pay $300 or I send them to all "
    "your followers and your family\n"
    "3/2/26, 9:41 PM - Jordan Vale: send it to my cashapp $quickcash4u in 2 hours\n"
)

RUNNER = CliRunner()


def _app() -> typer.Typer:
    app = typer.Typer()
    case_cli.register(app)
    return app


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("UNSNARE_LOCKER", str(tmp_path / "locker.unsnare"))
    monkeypatch.setenv("UNSNARE_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("UNSNARE_ACTOR", "helper-anna")
    # Made here with quick KDF settings (opening reuses them), so each command
    # does not spend a second on Argon2id; `case new` on a missing locker is
    # tested below with the real settings.
    Locker.create(tmp_path / "locker.unsnare", PASSPHRASE, kdf=KdfParams.fast_for_tests()).close()
    return tmp_path


def _run(*args: str, input: str | None = None) -> tuple[int, str, BaseException | None]:
    result = RUNNER.invoke(_app(), list(args), input=input)
    return result.exit_code, result.stdout, result.exception


def test_a_whole_case_from_the_command_line(env: Path) -> None:
    chat = env / "WhatsApp Chat with Jordan Vale.txt"
    chat.write_text(WHATSAPP, encoding="utf-8")
    code, out, exc = _run("case", "new", "Sam and Jordan Vale", "--json")
    assert code == 0, exc
    case_id = json.loads(out)["id"]
    code, out, exc = _run("case", "add", case_id, str(chat), "--source", "Sam's phone",
                          "--tz", "Europe/London", "--json")
    assert code == 0, exc
    added = json.loads(out)
    assert added["items"][0]["kind"] == "export"
    assert added["conversations"][0]["message_count"] == 4
    code, out, exc = _run("case", "add", case_id, "--report-to", "Instagram", "--reference",
                          "IG-5521-XK", "--at", "2026-03-03T08:00+00:00")
    assert code == 0 and "IG-5521-XK" in out, exc
    code, out, _ = _run("case", "add", case_id, "--paid", "50", "--currency", "USD",
                        "--paid-to", "$quickcash4u", "--at", "2026-03-02T21:50+00:00")
    assert code == 0
    code, out, _ = _run("case", "add", case_id, "--blocked", "jordan.vale", "--platform", "WhatsApp")
    assert code == 0
    assert _run("case", "note", case_id, "Sam told his dad on Tuesday")[0] == 0
    code, out, _ = _run("case", "list", "--json")
    assert [c["title"] for c in json.loads(out)] == ["Sam and Jordan Vale"]
    code, out, _ = _run("case", "show", case_id)
    assert code == 0 and "Sam told his dad" in out
    code, out, _ = _run("case", "timeline", case_id, "--json")
    kinds = [e["kind"] for e in json.loads(out)]
    assert {"payment", "report", "block"} <= set(kinds)
    code, out, _ = _run("case", "add", case_id, "--identifier", "phone:+44 7700 900123",
                        "--seen", "his WhatsApp profile", "--platform", "WhatsApp")
    assert code == 0 and "+44 7700 900123" in out
    assert _run("case", "add", case_id, "--identifier", "nocolon")[0] != 0
    code, out, _ = _run("case", "identifiers", case_id, "--json")
    assert code == 0
    assert "+44 7700 900123" in [i["value"] for i in json.loads(out)]
    package = env / "evidence.zip"
    code, out, exc = _run("case", "export", case_id, str(package), "--json")
    assert code == 0, exc
    made = json.loads(out)
    assert made["package_hash"] and len(made["signer_fingerprint"]) == 39
    code, out, _ = _run("package", "verify", str(package))
    assert code == 0 and out.startswith("OK") and made["signer_fingerprint"] in out
    code, out, _ = _run("package", "verify", str(package), "--expect-key",
                        made["signer_fingerprint"].replace(" ", ""))
    assert code == 0, out
    code, out, _ = _run("package", "verify", str(package), "--expect-key", "0" * 32)
    assert code != 0 and "not signed by the key you expected" in out
    code, out, exc = _run("package", "verify", str(package), "--tsr", str(env / "none.tsr"))
    assert code != 0 and "cannot be read" in out + str(exc)
    code, out, _ = _run("case", "verify", "--json")
    assert code == 0 and json.loads(out)[0]["ok"]


def test_explicit_picture_check_runs_on_device(env: Path) -> None:
    picture = env / "profile.png"
    picture.write_bytes(png((30, 90, 160)))
    code, out, _ = _run("case", "new", "pictures", "--json")
    case_id = json.loads(out)["id"]
    code, out, exc = _run("case", "add", case_id, str(picture), "--json")
    assert code == 0, exc
    item = json.loads(out)["items"][0]
    # A flat blue square is not explicit; either way the verdict is recorded with the item.
    assert item["kind"] in ("image", "screenshot") and item["sha256"]


def test_wrong_passphrase_and_bad_usage_are_clean_errors(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _run("case", "new", "x")[0] == 0
    monkeypatch.setenv("UNSNARE_PASSPHRASE", "not the right one")
    code, _, exc = _run("case", "list")
    assert isinstance(exc, WrongPassphraseError)
    monkeypatch.setenv("UNSNARE_PASSPHRASE", PASSPHRASE)
    code, _, exc = _run("case", "add", "zzzz")
    assert isinstance(exc, UsageError)


def test_prompted_passphrase_is_not_echoed(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("UNSNARE_PASSPHRASE")
    monkeypatch.setenv("UNSNARE_LOCKER", str(env / "new.unsnare"))
    code, out, exc = _run("case", "new", "prompted", input=f"{PASSPHRASE}\n{PASSPHRASE}\n")
    assert code == 0, exc
    assert PASSPHRASE not in out
    code, out, exc = _run("case", "list", input=f"{PASSPHRASE}\n")
    assert code == 0 and "prompted" in out and PASSPHRASE not in out


def test_tampered_package_fails_with_exit_code(env: Path) -> None:
    bad = env / "bad.zip"
    bad.write_bytes(b"not a zip")
    result = subprocess.run(
        [sys.executable, "-m", "unsnare.cli.main", "package", "verify", str(bad)],
        capture_output=True, text=True, env={**os.environ}, timeout=120,
    )
    assert result.returncode == 3
    assert "Traceback" not in result.stderr and "not a readable ZIP" in result.stderr


def test_passphrase_change_and_password_package(
    env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = _run("case", "new", "c", "--json")
    case_id = json.loads(out)["id"]
    assert _run("case", "note", case_id, "a note")[0] == 0
    monkeypatch.setenv("UNSNARE_NEW_PASSPHRASE", "another long passphrase")
    code, out, exc = _run("case", "passphrase")
    assert code == 0 and "changed" in out, exc
    code, _, exc = _run("case", "list")
    assert isinstance(exc, WrongPassphraseError)
    monkeypatch.setenv("UNSNARE_PASSPHRASE", "another long passphrase")
    monkeypatch.setenv("UNSNARE_PACKAGE_PASSWORD", "zip password 123")
    package = env / "p.zip"
    code, out, exc = _run("case", "export", case_id, str(package), "--password")
    assert code == 0 and "not encrypted" not in out, exc
    code, out, exc = _run("package", "verify", str(package), "--password", "--json")
    assert code == 0 and json.loads(out)["ok"], exc


def test_verify_names_tampering_and_exits_5(env: Path) -> None:
    code, out, _ = _run("case", "new", "c", "--json")
    case_id = json.loads(out)["id"]
    (env / "notes.txt").write_text("what happened on Monday")
    code, out, exc = _run("case", "add", case_id, str(env / "notes.txt"), "--kind", "file")
    assert code == 0, exc
    with Locker.open(env / "locker.unsnare", PASSPHRASE) as locker:
        store = locker.store
        key = store.keys(case_id, "blob")[0]
        raw = bytearray(store.get(case_id, "blob", key) or b"")
        raw[-3] ^= 0x40
        store.replace(case_id, "blob", key, bytes(raw))
    code, out, _ = _run("case", "verify", case_id)
    assert code == 5
    assert "PROBLEMS" in out and "(notes.txt): its stored copy is corrupted" in out
