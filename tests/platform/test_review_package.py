"""The evidence package of a confirmed review item: signed in the personal app's format,
accepted by `unsnare package verify`, and refused once anything in it is changed."""

from __future__ import annotations

import dataclasses
import io
import json
import warnings
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from support.platform import SEXTORTION, TestClient, batch
from unsnare.cli.main import _register_commands, app
from unsnare.evidence.package import verify_package
from unsnare.platform.app import create_app
from unsnare.platform.review_package import new_signing_key
from unsnare.platform.settings import PlatformSettings

pytestmark = pytest.mark.postgres
Headers = dict[str, str]
REPORT = {
    "reporter": {"firstName": "Jo", "lastName": "Ortega", "email": "safety@acme.example"},
    "service": "Acme Chat",
    "reported_sender": "kai",
}


@pytest.fixture
def signed(settings: PlatformSettings, tmp_path: Path) -> Iterator[tuple[TestClient, str]]:
    key = tmp_path / "signing.pem"
    fingerprint = new_signing_key(key)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        made = TestClient(
            create_app(dataclasses.replace(settings, signing_key=str(key)), worker=False),
            raise_server_exceptions=False)
    with made as c:
        yield c, fingerprint


def _confirmed(client: TestClient, key: Headers) -> int:
    client.post("/v1/conversations/c1/messages", json=batch(SEXTORTION), headers=key)
    item_id: int = client.get("/v1/review/items", headers=key).json()["items"][0]["id"]
    client.get(f"/v1/review/items/{item_id}", params={"reveal": "true"}, headers=key)
    answer = client.post(f"/v1/review/items/{item_id}/decision",
                         json={"decision": "confirm", "note": "clear sextortion"}, headers=key)
    assert answer.status_code == 200, answer.text
    return item_id


def test_a_confirmed_item_gets_a_sealed_package_that_verifies(
    signed: tuple[TestClient, str], make_key: Callable[..., Headers], tmp_path: Path
) -> None:
    client, fingerprint = signed
    key = make_key("acme", "analyze,review,report")
    item_id = _confirmed(client, key)
    answer = client.post(f"/v1/review/items/{item_id}/package", json=REPORT, headers=key)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/zip"
    path = tmp_path / "review.zip"
    path.write_bytes(answer.content)
    report = verify_package(path, expect_key=fingerprint)
    assert report.ok, report.problems
    assert report.package_hash == answer.headers["unsnare-package-hash"]
    files = zipfile.ZipFile(path)
    names = set(files.namelist())
    assert {"conversation/messages.json", "conversation/findings.json", "hashes.json",
            "cybertip/report.json", "cybertip/report.xml", "review/audit.json",
            "review/item.json"} <= names
    assert not any(n.lower().endswith((".jpg", ".jpeg", ".png", ".heic")) for n in names)
    texts = [m["text"] for m in json.loads(files.read("conversation/messages.json"))]
    assert texts == [t for _, t in SEXTORTION]
    manifest = json.loads(files.read("manifest.json"))
    # The item came from an early warning (no enqueue entry): reveal, decision, export.
    assert [e["action"] for e in manifest["custody_log"]] == [
        "review.reveal", "review.confirm", "export"]
    audit = json.loads(files.read("review/audit.json"))
    assert audit[-1]["action"] == "review.confirm"
    assert audit[-1]["detail"]["note"] == "clear sextortion"
    code = CliRunner().invoke(_app(), ["package", "verify", str(path)])
    assert code.exit_code == 0, code.output
    assert "OK" in code.output


def _app() -> object:
    _register_commands()
    return app


def _tampered(original: Path, out: Path, name: str, change: Callable[[bytes], bytes]) -> Path:
    source = zipfile.ZipFile(original)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for info in source.infolist():
            data = source.read(info.filename)
            zf.writestr(info.filename, change(data) if info.filename == name else data)
    out.write_bytes(buffer.getvalue())
    return out


@pytest.mark.parametrize(("name", "old", "new", "problem"), [
    ("conversation/messages.json", b"gift cards", b"gift cardz", "does not match its SHA-256"),
    ("review/audit.json", b"review.confirm", b"review.dismiss", "does not match its SHA-256"),
    ("manifest.json", b"review.confirm", b"review.dismiss", "signature"),
])
def test_a_tampered_package_is_refused(
    signed: tuple[TestClient, str], make_key: Callable[..., Headers], tmp_path: Path,
    name: str, old: bytes, new: bytes, problem: str,
) -> None:
    client, _ = signed
    key = make_key("acme", "analyze,review,report")
    item_id = _confirmed(client, key)
    path = tmp_path / "review.zip"
    path.write_bytes(client.post(f"/v1/review/items/{item_id}/package", json=REPORT,
                                 headers=key).content)
    bad = _tampered(path, tmp_path / "bad.zip", name, lambda b: b.replace(old, new, 1))
    report = verify_package(bad)
    assert not report.ok and any(problem in p for p in report.problems), report.problems
    result = CliRunner().invoke(_app(), ["package", "verify", str(bad)])
    assert result.exit_code != 0


def test_only_a_confirmed_item_gets_a_package(
    signed: tuple[TestClient, str], make_key: Callable[..., Headers]
) -> None:
    client, _ = signed
    key = make_key("acme", "analyze,review,report")
    client.post("/v1/conversations/c1/messages", json=batch(SEXTORTION), headers=key)
    item_id = client.get("/v1/review/items", headers=key).json()["items"][0]["id"]
    answer = client.post(f"/v1/review/items/{item_id}/package", json=REPORT, headers=key)
    assert answer.status_code == 409 and "not confirmed" in answer.json()["error"]
    other = make_key("globex", "analyze,review,report")
    assert client.post(f"/v1/review/items/{item_id}/package", json=REPORT,
                       headers=other).status_code == 404


def test_without_a_signing_key_the_service_says_how_to_make_one(
    client: TestClient, make_key: Callable[..., Headers]
) -> None:
    key = make_key("acme", "analyze,review,report")
    item_id = _confirmed(client, key)
    answer = client.post(f"/v1/review/items/{item_id}/package", json=REPORT, headers=key)
    assert answer.status_code == 400
    assert "signing-key create" in answer.json()["hint"]
