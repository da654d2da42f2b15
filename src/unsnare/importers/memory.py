"""An export that was uploaded: read from memory, never written to disk.

The web app receives exports as bytes. Writing them to a temporary folder for
the importers would leave the whole chat in clear on disk if the program were
killed halfway (issue 16), so `MemorySource` serves the same `ExportSource`
interface from the bytes themselves: one file, several files (like a
folder), or a zip opened in memory.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import IO

from unsnare.errors import InputError
from unsnare.importers.source import ExportSource
from unsnare.models import SourceFile


class MemorySource(ExportSource):
    """One or more uploaded files (`(name, bytes)` pairs), held in memory only."""

    def __init__(self, files: Sequence[tuple[str, bytes]], label: str | None = None) -> None:
        if not files:
            raise InputError("No file was given.", hint="Choose the exported chat file.")
        names = [PurePath(n.replace("\\", "/")).name or "upload" for n, _ in files]
        self.label = label or names[0]
        self.path = Path(self.label)
        self._hashes: dict[str, str] = {}
        self._zip: zipfile.ZipFile | None = None
        self._members: dict[str, int] = {}
        self._container: SourceFile | None = None
        self._data: dict[str, bytes] = {}
        self.kind = "folder" if len(files) > 1 else "file"
        for name, (_, data) in zip(names, files, strict=True):
            self._check_size(name, len(data))
            self._data[name] = data
            self._members[name] = len(data)
        if self.kind == "file":
            only = self._data[names[0]]
            if not only:
                raise InputError("this file is empty", file=self.label,
                                 hint="export the chat again and choose the new file")
            if only.startswith(b"PK"):
                self._open_memory_zip(only)

    def _open_memory_zip(self, data: bytes) -> None:
        self._load_zip(io.BytesIO(data), self.label)
        self.kind = "zip"
        self._container = SourceFile(self.label, hashlib.sha256(data).hexdigest(), len(data))

    def display_name(self, name: str) -> str:
        """How to name a member: the upload's own name, or `upload.zip/member`."""
        if self.kind == "file":
            return self.label
        return f"{self.label}/{name}" if self.kind == "zip" else name

    def open(self, name: str) -> IO[bytes]:
        """Open one member for reading bytes (from memory)."""
        if self._zip is not None:
            try:
                return self._zip.open(name)
            except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as exc:
                raise self.damaged(name, exc) from None
        return io.BytesIO(self._data[name])

    def container_file(self) -> SourceFile | None:
        """The uploaded zip itself, hashed as received, when the upload was a zip."""
        return self._container
