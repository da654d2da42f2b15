"""What an importer reads from: one file, a folder, or a zip, opened read-only.

An `ExportSource` lists the files in what the person gave us and opens them
for reading. It never writes. It hashes each file as received so every
message can cite the exact original, and it refuses inputs too large to be a
chat export before reading them, so a stray disk image fails fast and clearly.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import IO

from unsnare.errors import ImportFormatError, InputError
from unsnare.models import SourceFile

# The biggest exports we accept. WhatsApp caps exports at ~40,000 messages (a
# few MB); a 1,000,000-message text file is ~70 MB. Several GB means the wrong
# file was picked, so we say so instead of churning through it.
MAX_FILE_BYTES = 1024**3
MAX_MEMBERS = 200_000
# Chat text and JSON compress about 5-20 times; deflate can reach about 1,000.
# A large member that claims more than this ratio is a zip bomb, not an export.
MAX_ZIP_RATIO = 100
_RATIO_FROM = 16 * 1024**2
# 16 KB: text with emoji decodes to four bytes a character, and blocks of 1 MB
# (4 MB of text) were handed back to the system and faulted in afresh each
# time (measured on a 1M-message WhatsApp export: half of read_export's page
# faults, ~0.3 s); blocks under malloc's 128 KB mmap threshold are reused.
_CHUNK = 1 << 14
# What reading a damaged file or zip member can raise (zlib: a corrupted deflate stream).
READ_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, EOFError)


class ExportSource:
    """Read-only access to the files of one export (a file, a folder or a zip)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.label = path.name or str(path)
        self._hashes: dict[str, str] = {}
        self._zip: zipfile.ZipFile | None = None
        self._members: dict[str, int] = {}
        self._container: SourceFile | None = None
        self.kind = "file"
        self._open()

    # -- set-up -------------------------------------------------------------------
    def _open(self) -> None:
        path = self.path
        if not path.exists():
            raise InputError(
                "this file or folder does not exist",
                file=str(path),
                hint="check the path; drag the file into the terminal to paste its full path",
            )
        if path.is_dir():
            self.kind = "folder"
            for p in sorted(path.rglob("*")):
                if p.is_file():
                    if len(self._members) >= MAX_MEMBERS:
                        raise InputError(
                            f"this folder holds more than {MAX_MEMBERS} files",
                            file=str(path),
                            hint="point Unsnare at the export folder itself, not a whole disk",
                        )
                    self._members[p.relative_to(path).as_posix()] = p.stat().st_size
            if not self._members:
                raise InputError(
                    "this folder is empty",
                    file=str(path),
                    hint="choose the folder the platform's export unpacked into",
                )
            return
        size = path.stat().st_size
        self._check_size(path.name, size)
        if size == 0:
            raise InputError(
                "this file is empty",
                file=str(path),
                hint="export the chat again and choose the new file",
            )
        with path.open("rb") as f:
            magic = f.read(4)
        if magic.startswith(b"PK"):
            self.kind = "zip"
            self._open_zip()
        else:
            self._members[path.name] = size

    def _open_zip(self) -> None:
        self._load_zip(self.path, str(self.path))

    def _load_zip(self, target: Path | IO[bytes], file: str) -> None:
        """Open `target` as this export's zip and list its members (`file` names it in errors)."""
        try:
            zf = zipfile.ZipFile(target)
            infos = zf.infolist()
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise ImportFormatError(
                f"this zip file is damaged or incomplete ({exc})",
                file=file,
                hint="download or copy the export again; an interrupted download cuts a zip short",
            ) from None
        self._zip = zf
        self._members = {}
        for info in infos:
            if info.is_dir():
                continue
            if len(self._members) >= MAX_MEMBERS:
                raise InputError(f"this zip holds more than {MAX_MEMBERS} files", file=file)
            self._check_size(info.filename, info.file_size)
            self._check_ratio(info)
            self._members[info.filename] = info.file_size
        if not self._members:
            raise InputError(
                "this zip file is empty",
                file=file,
                hint="export the chat again and choose the new file",
            )

    def _check_size(self, name: str, size: int) -> None:
        if size > MAX_FILE_BYTES:
            raise InputError(
                f"{name} is {size / 1024**3:.1f} GB, far larger than any chat export",
                file=str(self.path),
                hint="check that you picked the chat export and not a backup or disk image",
            )

    def _check_ratio(self, info: zipfile.ZipInfo) -> None:
        # zipfile never reads past a member's stated size (and checks its CRC), so
        # the stated sizes bound what reading can expand to.
        if info.file_size > _RATIO_FROM and info.file_size > MAX_ZIP_RATIO * info.compress_size:
            raise InputError(
                f"{info.filename} would expand from {info.compress_size / 1024**2:.1f} MB to "
                f"{info.file_size / 1024**2:.0f} MB, far more than any chat export compresses",
                file=str(self.path),
                hint="this zip looks built to fill the computer's memory; "
                "use the zip exactly as the platform made it",
            )

    # -- access -------------------------------------------------------------------
    def names(self) -> list[str]:
        """The files in this export, as relative POSIX paths."""
        return list(self._members)

    def has(self, name: str) -> bool:
        """Whether the export holds a file with this relative path."""
        return name in self._members

    def size(self, name: str) -> int:
        """The size in bytes of one file of the export."""
        return self._members[name]

    def display_name(self, name: str) -> str:
        """How to name a member in messages: `export.zip!/_chat.txt` or the file's name."""
        if self.kind == "file":
            return self.label
        return f"{self.label}/{name}"

    def open(self, name: str) -> IO[bytes]:
        """Open one member for reading bytes."""
        try:
            if self._zip is not None:
                return self._zip.open(name)
            if self.kind == "folder":
                return (self.path / name).open("rb")
            return self.path.open("rb")
        except (*READ_ERRORS, RuntimeError) as exc:
            raise self.damaged(name, exc) from None

    def damaged(self, name: str, exc: BaseException) -> InputError:
        """The error to raise when reading member `name` failed with `exc`."""
        return ImportFormatError(
            f"could not read {name} ({type(exc).__name__}: {exc})",
            file=str(self.path),
            hint="the export may be damaged or cut short; download or copy it again",
        )

    def read_bytes(self, name: str) -> bytes:
        """The whole content of one member (for formats that are one JSON document)."""
        with self.open(name) as f:
            try:
                return f.read()
            except READ_ERRORS as exc:
                raise self.damaged(name, exc) from None

    def head(self, name: str, n: int = 65536) -> bytes:
        """The first bytes of a member, for sniffing."""
        try:
            with self.open(name) as f:
                return f.read(n)
        except (InputError, *READ_ERRORS):
            return b""

    def iter_chunks(self, name: str) -> Iterator[bytes]:
        """The member's bytes in chunks, turning read errors into a clear message."""
        with self.open(name) as f:
            while True:
                try:
                    chunk = f.read(_CHUNK)
                except READ_ERRORS as exc:
                    raise self.damaged(name, exc) from None
                if not chunk:
                    return
                yield chunk

    def sha256(self, name: str) -> str:
        """SHA-256 of one member as received (computed once)."""
        if name not in self._hashes:
            h = hashlib.sha256()
            for chunk in self.iter_chunks(name):
                h.update(chunk)
            self._hashes[name] = h.hexdigest()
        return self._hashes[name]

    def source_file(self, name: str) -> SourceFile:
        """The `SourceFile` record for one member."""
        return SourceFile(
            name=self.display_name(name), sha256=self.sha256(name), size=self.size(name)
        )

    def container_file(self) -> SourceFile | None:
        """The zip itself, hashed as received, when the export came as a zip."""
        if self.kind != "zip":
            return None
        # Hashed once per export: a zip of many chats is listed by every chat.
        if self._container is None:
            h = hashlib.sha256()
            with self.path.open("rb") as f:
                while chunk := f.read(_CHUNK):
                    h.update(chunk)
            size = self.path.stat().st_size
            self._container = SourceFile(name=self.label, sha256=h.hexdigest(), size=size)
        return self._container

    def source_files(self, *names: str) -> tuple[SourceFile, ...]:
        """What a conversation was read from: the zip as received (if any), then `names`."""
        container = self.container_file()
        return ((container,) if container else ()) + tuple(self.source_file(n) for n in names)

    def find(self, basename: str) -> list[str]:
        """Members whose file name (last part) equals `basename`."""
        return [n for n in self._members if PurePosixPath(n).name == basename]

    def close(self) -> None:
        """Release the zip handle, if any."""
        if self._zip is not None:
            self._zip.close()
            self._zip = None

    def __enter__(self) -> ExportSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class PastedSource(ExportSource):
    """Text a person pasted, served like a one-file export (held in memory, never written)."""

    def __init__(self, name: str, data: bytes) -> None:
        self.path = Path(name)
        self.label = name
        self.kind = "file"
        self._hashes = {}
        self._zip = None
        self._members = {name: len(data)}
        self._data = data

    def open(self, name: str) -> IO[bytes]:
        """The pasted bytes as a stream."""
        return io.BytesIO(self._data)


def single_file_head(src: ExportSource, n: int) -> bytes | None:
    """The first `n` bytes of a one-file export; None for a folder, a zip or binary data."""
    if src.kind != "file":
        return None
    head = src.head(src.names()[0], n)
    return None if b"\x00" in head else head


def iter_text_lines(src: ExportSource, name: str) -> Iterator[tuple[int, str]]:
    """Yield (1-based line number, line text without its line ending) of a UTF-8 member.

    Splitting on bytes keeps U+2028 and friends inside messages, accepts CRLF,
    LF and a mix, drops one leading BOM, and names the exact line that is not
    UTF-8 instead of guessing an encoding.
    """
    lineno = 0
    for block in iter_text_blocks(src, name):
        lines = block.split("\n")
        if lines[-1] == "":
            lines.pop()
        for line in lines:
            lineno += 1
            yield lineno, line[:-1] if line.endswith("\r") else line


def iter_text_blocks(src: ExportSource, name: str) -> Iterator[str]:
    """The UTF-8 text of a member in blocks that each end at a line end (but the last).

    A leading BOM is dropped. Decoding a whole block at once is fast; only
    when a block is not UTF-8 do we go line by line to name the exact line.
    """
    if src.head(name, 4).startswith((b"\xff\xfe", b"\xfe\xff")):
        yield _utf16_text(src, name)
        return
    done = 0  # bytes before `rest`: line numbers are counted from them only for an error
    rest: list[bytes] = []  # a line's start, read but not ended yet
    first = True
    for chunk in src.iter_chunks(name):
        cut = chunk.rfind(b"\n") + 1
        if not cut:
            rest.append(chunk)  # joined once its line ends: a long line is copied once
            continue
        raw = b"".join((*rest, chunk[:cut])) if rest else chunk[:cut]
        rest = [chunk[cut:]] if cut < len(chunk) else []
        try:
            block = raw.decode("utf-8")
        except UnicodeDecodeError:
            lineno = _lines_before(src, name, done)
            for line in raw.split(b"\n")[:-1]:
                lineno += 1
                _decode(src, name, line, lineno)
            raise AssertionError("unreachable: the block failed to decode") from None
        done += len(raw)
        if first and block.startswith("\ufeff"):
            block = block[1:]
        first = False
        yield block
    if rest:
        # The last line's number: 1 when it is the only one, else counted if needed.
        text = _decode(src, name, b"".join(rest), 1 if first else 0, done)
        if first and text.startswith("\ufeff"):
            text = text[1:]
        yield text


def _lines_before(src: ExportSource, name: str, offset: int) -> int:
    """How many lines end in the first `offset` bytes of a member (for an error's line)."""
    count = 0
    for chunk in src.iter_chunks(name):
        count += chunk.count(b"\n", 0, offset)
        offset -= len(chunk)
        if offset <= 0:
            break
    return count


def _decode(src: ExportSource, name: str, raw: bytes, lineno: int, offset: int = 0) -> str:
    """One line's text; `lineno` 0 means the line after the first `offset` bytes."""
    if raw.endswith(b"\r"):
        raw = raw[:-1]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"this line is not UTF-8 text (byte {exc.start + 1} is 0x{raw[exc.start]:02x}); "
            "it may be in another encoding or not text at all",
            file=src.display_name(name),
            line=lineno or _lines_before(src, name, offset) + 1,
            hint="export the chat again from the app (exports are UTF-8), "
            "or save the file as UTF-8 in a text editor; the original file was not changed",
        ) from None
    if lineno == 1 and text.startswith("\ufeff"):
        text = text[1:]
    return text


def _utf16_text(src: ExportSource, name: str) -> str:
    data = src.read_bytes(name)
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError:
        raise InputError(
            "this file starts like UTF-16 text but is not",
            file=src.display_name(name),
            hint="save the file as UTF-8 and try again",
        ) from None
