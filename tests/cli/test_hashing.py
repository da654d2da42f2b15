"""`unsnare protect`, `unsnare match` and `unsnare bank ...` end to end (invented pictures)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from PIL import Image
from typer.testing import CliRunner

from support.pictures import encode, make_picture
from unsnare.cli import hashing as hashing_cli
from unsnare.errors import HashingError, UsageError

RUNNER = CliRunner()


def _app() -> typer.Typer:
    app = typer.Typer()
    hashing_cli.register(app)
    return app


def run(*args: str) -> tuple[int, str, BaseException | None]:
    result = RUNNER.invoke(_app(), list(args))
    return result.exit_code, result.stdout, result.exception


@pytest.fixture
def photos(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("UNSNARE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("UNSNARE_DATABASE_URL", raising=False)
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "beach.jpg").write_bytes(encode(make_picture(1, (200, 150)), "JPEG"))
    (folder / "mirror.heic").write_bytes(encode(make_picture(2, (200, 150)), "HEIF"))
    (folder / "plain.png").write_bytes(encode(Image.new("RGB", (40, 40), (10, 10, 10)), "PNG"))
    (folder / "clip.mov").write_bytes(b"\x00\x00\x00\x14ftypqt  " + bytes(5000))
    (folder / "notes.txt").write_text("not a picture")
    return folder


@pytest.mark.parametrize(
    ("age", "expected", "not_expected"),
    [
        ("15", "takeitdown.ncmec.org", "stopncii.org"),
        ("24", "stopncii.org", "takeitdown.ncmec.org"),
        (None, "takeitdown.ncmec.org", None),
    ],
)
def test_protect_writes_hash_list_and_explains(
    photos: Path, tmp_path: Path, age: str | None, expected: str, not_expected: str | None
) -> None:
    args = ["protect", str(photos), "--out", str(tmp_path / "out")]
    if age:
        args += ["--age", age]
    code, out, exc = run(*args)
    assert code == 0, exc
    assert expected in out
    if not_expected:
        assert not_expected not in out
    assert "not your fault" in out
    assert "participating" in out or "take part" in out
    assert "cropped" in out and "still need reporting" in out
    assert "Warning" in out and "plain.png" in out  # low quality listed, not dropped
    doc = json.loads((tmp_path / "out" / "unsnare-hash-list.json").read_text())
    files = {Path(i["file"]).name: i for i in doc["items"]}
    assert set(files) == {"beach.jpg", "mirror.heic", "plain.png", "clip.mov"}
    assert files["clip.mov"]["pdq"] is None and files["clip.mov"]["md5"]
    assert files["plain.png"]["warning"]
    csv_text = (tmp_path / "out" / "unsnare-hash-list.csv").read_text()
    assert csv_text.count("\n") == 5


def test_protect_goes_on_after_an_unreadable_file(photos: Path, tmp_path: Path) -> None:
    (photos / "broken.jpg").write_bytes(b"not really a jpeg")
    code, out, _ = run("protect", str(photos), "--out", str(tmp_path / "out"))
    assert code == 3
    doc = json.loads((tmp_path / "out" / "unsnare-hash-list.json").read_text())
    assert len(doc["items"]) == 4


def test_bank_commands_and_match(photos: Path, tmp_path: Path) -> None:
    assert run("protect", str(photos), "--out", str(tmp_path / "out"))[0] == 0
    assert run("bank", "create", "reports", "--description", "helpline")[0] == 0
    code, out, exc = run(
        "bank", "import", "reports", str(tmp_path / "out" / "unsnare-hash-list.json")
    )
    assert code == 0, exc
    assert "added" in out
    code, out, _ = run("match", str(photos / "beach.jpg"), "--json")
    doc = json.loads(out)
    assert doc["matched"] and doc["matches"][0]["distance"] == 0
    # The index is saved for the next `unsnare match`; later changes below refresh it.
    assert list((tmp_path / "data" / "hash-index").glob("*/reports/stamp.json"))
    pdq = doc["query"]["pdq"]
    assert run("bank", "export", "reports", str(tmp_path / "r.json"))[0] == 0
    assert run("bank", "create", "copy")[0] == 0
    assert run("bank", "import", "copy", str(tmp_path / "r.json"))[0] == 0
    code, out, _ = run("bank", "status", "copy", "--json")
    assert json.loads(out)["pdq"] == 3
    assert run("bank", "remove", "reports", pdq)[0] == 0
    code, out, _ = run("match", pdq, "--bank", "reports", "--json")
    assert not json.loads(out)["matched"]
    assert run("bank", "add", "reports", pdq, "--label", "ncii")[0] == 0
    code, out, _ = run("match", pdq, "--bank", "reports")
    assert "Match" in out and "ncii" in out
    code, out, _ = run("bank", "list", "--json")
    assert [b["name"] for b in json.loads(out)] == ["copy", "reports"]
    assert run("bank", "create", "known-memes", "--allowlist")[0] == 0
    assert run("bank", "add", "known-memes", pdq)[0] == 0
    code, out, _ = run("match", pdq)
    assert "allowlist" in out


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["match", "not-a-hash"], UsageError),
        (["bank", "status", "missing"], HashingError),
        (["bank", "create", "Bad Name"], UsageError),
        (["protect", ".", "--age", "0"], UsageError),
        (["bank", "add", "reports", "xyz"], UsageError),
    ],
)
def test_clear_errors(photos: Path, args: list[str], error: type[Exception]) -> None:
    code, _, exc = run(*args)
    assert code != 0
    assert isinstance(exc, error)


def test_real_command_prints_no_traceback(photos: Path, tmp_path: Path) -> None:
    env = {"UNSNARE_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run(
        [sys.executable, "-m", "unsnare.cli.main", "bank", "status", "nope"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 3
    assert "no hash bank called 'nope'" in proc.stderr
    assert "Traceback" not in proc.stderr
