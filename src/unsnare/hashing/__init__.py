"""Image protection: on-device PDQ hashing, hash banks and an exact PDQ matcher."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from unsnare.hashing.index import PDQIndex
    from unsnare.hashing.pdq import FileHashes, ImageHashes, hash_file, hash_image_bytes

__all__ = ["FileHashes", "ImageHashes", "PDQIndex", "hash_file", "hash_image_bytes"]

# Loaded on first use: they need NumPy, Pillow and pdqhash, and the light parts
# of this package (banks, guidance) are imported by every `unsnare` start.
_WHERE = {
    "PDQIndex": "unsnare.hashing.index",
    "FileHashes": "unsnare.hashing.pdq",
    "ImageHashes": "unsnare.hashing.pdq",
    "hash_file": "unsnare.hashing.pdq",
    "hash_image_bytes": "unsnare.hashing.pdq",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(_WHERE[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
