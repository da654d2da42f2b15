"""iter_text_blocks: a member's UTF-8 text in blocks ending at line ends, and
the exact line named when a byte is not UTF-8, whatever the read size."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unsnare.errors import InputError
from unsnare.importers import source
from unsnare.importers.source import ExportSource, iter_text_blocks


def _reference(data: bytes) -> tuple[str, int | None]:
    """The whole text (BOM dropped), or the number of the first line that is not UTF-8."""
    lines = data.split(b"\n")
    for i, raw in enumerate(lines, 1):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            return "", i
    text = data.decode("utf-8")
    return (text[1:] if text.startswith("\ufeff") else text), None


def _read(tmp_path: Path, data: bytes) -> tuple[list[str], int | None]:
    path = tmp_path / "chat.txt"
    path.write_bytes(data)
    blocks: list[str] = []
    try:
        with ExportSource(path) as src:
            blocks.extend(iter_text_blocks(src, "chat.txt"))
    except InputError as exc:
        return blocks, exc.line
    return blocks, None


CASES = [
    b"one\ntwo\nthree\n",
    b"no line end at the end",
    b"\xef\xbb\xbfwith a BOM\nand more\n",
    b"crlf\r\nlines\r\n",
    b"a long line " + b"x" * 200 + b" \xf0\x9f\x98\x8a\nshort\n",
    b"ok\nok\n" + b"caf\xe9\n" + b"ok\n",  # latin-1 on line 3
    b"ok\n" * 40 + b"last line caf\xe9",  # not UTF-8 on the last line, no line end
    b"caf\xe9",  # the only line
    b"\xf0\x9f\x98\x8a split emoji\n" * 9,
]


@pytest.mark.parametrize("chunk", [1, 7, 64, 1 << 14])
@pytest.mark.parametrize("data", CASES)
def test_blocks_are_the_text_or_the_bad_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: bytes, chunk: int
) -> None:
    monkeypatch.setattr(source, "_CHUNK", chunk)
    blocks, line = _read(tmp_path, data)
    text, bad = _reference(data)
    assert line == bad
    if bad is None:
        # CR before LF stays in the text (readers strip it); each block but the last ends a line.
        assert "".join(blocks) == text
        assert all(b.endswith("\n") for b in blocks[:-1])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from([b"hi", b"\xc3\xa9", b"\xf0\x9f\x98\x8a", b"\n", b"\r\n", b"\xe9", b" "]),
        max_size=40,
    ),
    st.integers(1, 9),
)
def test_any_bytes_any_read_size(tmp_path_factory: pytest.TempPathFactory, parts: list[bytes],
                                 chunk: int) -> None:
    data = b"".join(parts)
    if not data:
        return
    old = source._CHUNK
    source._CHUNK = chunk
    try:
        blocks, line = _read(tmp_path_factory.mktemp("src"), data)
    finally:
        source._CHUNK = old
    text, bad = _reference(data)
    assert line == bad
    if bad is None:
        assert "".join(blocks) == text
