"""Bad input gets a clear error naming the file (and line), never a traceback."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from unsnare.errors import ImportFormatError, InputError, UsageError
from unsnare.importers import read_export


def _empty(p: Path) -> Path:
    p.write_bytes(b"")
    return p


def _garbage(p: Path) -> Path:
    p.write_bytes(bytes(range(256)) * 40)
    return p


def _latin1(p: Path) -> Path:
    p.write_bytes("12/03/2023, 21:05 - Zoë: hi\n12/03/2023, 21:06 - Zoë: ça va\n".encode("latin-1"))
    return p


def _truncated_zip(p: Path) -> Path:
    whole = p.with_suffix(".whole.zip")
    with zipfile.ZipFile(whole, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("_chat.txt", "[14/10/2021, 15:37:12] Casey: hi\n" * 2000)
    data = whole.read_bytes()
    p.write_bytes(data[: len(data) // 2])
    return p


def _huge(p: Path) -> Path:
    with p.open("wb") as f:  # sparse: costs no disk space
        f.truncate(3 * 1024**3)
    return p


def _prose(p: Path) -> Path:
    p.write_text("Dear diary,\nToday was long.\n\nNothing else to say.\n", encoding="utf-8")
    return p


# builder, expected error class, words the message must contain, expected line
CASES: list[tuple[Callable[[Path], Path], type[Exception], str, int | None]] = [
    (_empty, InputError, "empty", None),
    (_garbage, ImportFormatError, "does not recognise", None),
    (_latin1, InputError, "not UTF-8", 1),
    (_truncated_zip, ImportFormatError, "damaged or incomplete", None),
    (_huge, InputError, "larger than any chat export", None),
    (_prose, ImportFormatError, "does not recognise", None),
]


@pytest.mark.parametrize(("build", "error", "words", "line"), CASES)
def test_bad_input_is_explained(
    tmp_path: Path,
    build: Callable[[Path], Path],
    error: type[Exception],
    words: str,
    line: int | None,
) -> None:
    path = build(tmp_path / "export.txt")
    before = path.stat().st_size
    with pytest.raises(error) as info:
        read_export(path, tz="UTC")
    exc = info.value
    assert isinstance(exc, InputError)
    assert words in exc.message
    assert exc.file and "export.txt" in exc.file
    assert exc.line == line
    assert exc.hint
    assert path.stat().st_size == before


def test_missing_path_and_bad_options(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        read_export(tmp_path / "nope.txt")
    chat = tmp_path / "c.txt"
    chat.write_text("Alex: hi\n", encoding="utf-8")
    with pytest.raises(UsageError, match="no import format"):
        read_export(chat, format="myspace")
    with pytest.raises(UsageError, match="time zone"):
        read_export(chat, tz="Mars/Olympus")


def test_forced_wrong_format_is_explained(tmp_path: Path) -> None:
    chat = tmp_path / "c.txt"
    chat.write_text("Alex: hi\n", encoding="utf-8")
    with pytest.raises(ImportFormatError) as info:
        read_export(chat, format="csv")
    assert "c.txt" in str(info.value)


# forced format, file content: reading it as that format must fail clearly
FORCED = [
    ("whatsapp", "Alex: hi\nSam: hello\n"),
    ("plaintext", "12345\n67890\n"),
    ("discord", '{"something": "else"}'),
    ("telegram", '{"something": "else"}'),
    ("instagram", '{"something": "else"}'),
    ("snapchat", '{"something": "else"}'),
]


@pytest.mark.parametrize(("fmt", "content"), FORCED)
def test_forced_format_that_does_not_fit(tmp_path: Path, fmt: str, content: str) -> None:
    path = tmp_path / "export.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportFormatError) as info:
        read_export(path, format=fmt, tz="UTC")
    assert "export.json" in str(info.value) and info.value.hint


def test_default_zone_follows_tz_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    from unsnare.importers.base import resolve_zone

    monkeypatch.setenv("TZ", "America/Sao_Paulo")
    _, name, given = resolve_zone(None)
    assert (name, given) == ("America/Sao_Paulo", False)


@pytest.mark.parametrize(
    "fmt",
    ["whatsapp", "telegram", "snapchat", "instagram", "messenger", "discord", "discord-package"],
)
def test_forced_format_on_zip_without_its_file(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "photos.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("holiday/beach.jpg", b"\xff\xd8 invented")
    with pytest.raises(ImportFormatError) as info:
        read_export(path, format=fmt, tz="UTC")
    assert "photos.zip" in str(info.value)


def test_unrecognised_export_says_what_was_seen(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text('{"conversation": [], "owner": "x"}', encoding="utf-8")
    with pytest.raises(ImportFormatError) as info:
        read_export(path, tz="UTC")
    assert "conversation, owner" in str(info.value) and "--format" in info.value.hint
