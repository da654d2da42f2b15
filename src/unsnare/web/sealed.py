"""Analysis reports and the files behind them, kept on disk sealed instead of in memory.

A report of a big export, and the upload kept to save it to the case later,
can each take hundreds of megabytes; held in memory for every browser, they
stayed there until the session ended. Here each one is pickled and sealed
with AES-GCM under a key made for this process and held only in its memory,
and written to a file (mode 0600) in a private folder (0700). What is left on
disk after a crash cannot be read: the key died with the process. The folder
is removed at exit, and `leftovers.remove_leftovers` removes the folder of a
server that was killed.

Unpickling is safe here: only bytes that this process sealed itself get
past AES-GCM's check (the file name is bound in as associated data, so files
cannot be swapped either).
"""

from __future__ import annotations

import logging
import os
import pickle
import secrets
import shutil
import threading
import weakref
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from unsnare.errors import UnsnareError
from unsnare.web.leftovers import private_tempdir

log = logging.getLogger("unsnare.web")

_NONCE = 12
# Small plain values (a kind of file, a zone name) stay in memory beside a sealed
# value's parts, so asking for them does not unseal megabytes.
_PLAIN = (str, int, float, bool, type(None))


class SealedGoneError(UnsnareError):
    """A sealed file was removed or changed behind the server's back."""

    status_code = 410


class SealedFolder:
    """Where sealed values live: one private folder and one key per process (per app)."""

    def __init__(self, parent: Path | None = None) -> None:
        self._aead = AESGCM(AESGCM.generate_key(bit_length=256))
        self._parent = parent
        self._folder: Path | None = None
        self._mutex = threading.Lock()
        self._cleanup: weakref.finalize[[Path, bool], SealedFolder] | None = None

    @property
    def folder(self) -> Path | None:
        """The folder in use (None until the first value is sealed)."""
        return self._folder

    def _ensure_folder(self) -> Path:
        with self._mutex:
            if self._folder is None or not self._folder.is_dir():
                if self._parent is not None:
                    self._parent.mkdir(parents=True, exist_ok=True)
                self._folder = private_tempdir("reports", self._parent)
                # Removed when the app is closed or garbage collected, and at interpreter exit.
                self._cleanup = weakref.finalize(self, shutil.rmtree, self._folder, True)
            return self._folder

    def seal(self, value: Any) -> Blob:
        """Seal one value into a new file; the file goes when the returned Blob does."""
        name = secrets.token_hex(16)
        nonce = os.urandom(_NONCE)
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        sealed = nonce + self._aead.encrypt(nonce, data, name.encode())
        del data
        try:
            path = self._ensure_folder() / name
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(sealed)
        except OSError as exc:
            # A full or read-only disk must not lose the report: keep it (still
            # sealed) in memory instead.
            log.warning("could not write a sealed report (%s); keeping it in memory",
                        type(exc).__name__)
            return Blob(name, None, sealed)
        return Blob(name, path, None)

    def unseal(self, blob: Blob) -> Any:
        """The value sealed in `blob`, read back and checked (SealedGoneError if it cannot be)."""
        try:
            sealed = blob.held if blob.path is None else blob.path.read_bytes()
            assert sealed is not None
            data = self._aead.decrypt(sealed[:_NONCE], sealed[_NONCE:], blob.name.encode())
        except (OSError, InvalidTag) as exc:
            raise SealedGoneError(
                "This report is no longer kept on this computer.",
                hint="Check the conversation again to see its report.",
            ) from exc
        del sealed
        return pickle.loads(data)

    def close(self) -> None:
        """Remove the folder and everything in it."""
        if self._cleanup is not None:
            self._cleanup()


class Blob:
    """One sealed value; its file is removed as soon as nothing refers to it."""

    __slots__ = ("name", "path", "held", "__weakref__")

    def __init__(self, name: str, path: Path | None, held: bytes | None) -> None:
        self.name = name
        self.path = path
        self.held = held
        if path is not None:
            weakref.finalize(self, _remove, path)


def _remove(path: Path) -> None:
    path.unlink(missing_ok=True)


class SealedMap(MutableMapping[str, Any]):
    """A dict whose values are sealed on disk: set seals, get unseals, delete removes."""

    def __init__(self, folder: SealedFolder) -> None:
        self._folder = folder
        self._blobs: dict[str, Blob] = {}

    def __getitem__(self, key: str) -> Any:
        try:
            return self._folder.unseal(self._blobs[key])
        except SealedGoneError:
            raise KeyError(key) from None  # shown like any report that is gone

    def __setitem__(self, key: str, value: Any) -> None:
        # A Blob is a value sealed beforehand (outside a lock, say).
        self._blobs[key] = value if isinstance(value, Blob) else self._folder.seal(value)

    def __delitem__(self, key: str) -> None:
        del self._blobs[key]

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._blobs))

    def __len__(self) -> int:
        return len(self._blobs)

    def __contains__(self, key: object) -> bool:
        return key in self._blobs

    def clear(self) -> None:
        """Drop every value (and its file) without unsealing any."""
        self._blobs.clear()


class SealedTuple:
    """A tuple kept sealed (such as uploaded files and their kind); unpacks like one.

    Plain small values stay in memory, everything else is unsealed when read.
    The same SealedTuple can stand behind several reports (one export holding
    several chats), so it is compared by identity, like the tuple it replaces.
    """

    __slots__ = ("_folder", "_parts", "digest")

    def __init__(self, folder: SealedFolder, values: tuple[Any, ...], digest: str) -> None:
        self._folder = folder
        self._parts = tuple(v if isinstance(v, _PLAIN) else folder.seal(v) for v in values)
        self.digest = digest

    def __getitem__(self, index: int) -> Any:
        part = self._parts[index]
        return self._folder.unseal(part) if isinstance(part, Blob) else part

    def __len__(self) -> int:
        return len(self._parts)

    def __iter__(self) -> Iterator[Any]:
        return (self[i] for i in range(len(self._parts)))
