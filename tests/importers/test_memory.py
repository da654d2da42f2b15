"""Uploads read from memory give exactly what the same file read from disk gives."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from support.importers import CASES
from unsnare.errors import ImportFormatError, InputError
from unsnare.importers import conversation_to_dict, read_export
from unsnare.importers.memory import MemorySource


def _zip(folder: Path) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                zf.write(p, p.relative_to(folder).as_posix())
    return out.getvalue()


def _dicts(result: object) -> list[dict[str, object]]:
    return [conversation_to_dict(c) for c in result.conversations]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("fmt", "path"), CASES, ids=[f"{f}-{p.name}" for f, p in CASES])
def test_memory_reads_like_the_disk(fmt: str, path: Path, tmp_path: Path) -> None:
    if path.is_file():
        on_disk = read_export(path)
        in_memory = read_export(MemorySource([(path.name, path.read_bytes())]))
    else:
        data = _zip(path)
        zipped = tmp_path / f"{path.name}.zip"
        zipped.write_bytes(data)
        on_disk = read_export(zipped)
        in_memory = read_export(MemorySource([(zipped.name, data)]))
    assert in_memory.format == on_disk.format == fmt
    assert _dicts(in_memory) == _dicts(on_disk)


@pytest.mark.parametrize("fmt", ["instagram", "messenger"])
def test_several_uploads_read_like_a_folder(fmt: str, tmp_path: Path) -> None:
    source = next(p for f, p in CASES if f == fmt)
    files = [(p.name, p.read_bytes()) for p in sorted(source.rglob("*")) if p.is_file()]
    # The same files in a folder whose name says nothing (as the web app had them).
    folder = tmp_path / "upload"
    folder.mkdir()
    for name, data in files:
        (folder / name).write_bytes(data)
    on_disk, in_memory = read_export(folder), read_export(MemorySource(files))
    assert in_memory.format == on_disk.format
    texts = [[m.text for m in c.messages] for c in in_memory.conversations]
    assert texts == [[m.text for m in c.messages] for c in on_disk.conversations]
    assert texts and texts[0]


@pytest.mark.parametrize(
    ("files", "error", "words"),
    [([("chat.txt", b"")], InputError, "empty"),
     ([("export.zip", b"PK\x03\x04 cut short")], ImportFormatError, "damaged"),
     ([], InputError, "No file")],
)
def test_bad_uploads_are_clear_errors(files, error, words) -> None:
    with pytest.raises(error, match=words):
        MemorySource(files)
