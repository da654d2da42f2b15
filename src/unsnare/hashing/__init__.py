"""Image protection: on-device PDQ hashing, hash banks and an exact PDQ matcher."""

from __future__ import annotations

from unsnare.hashing.index import PDQIndex
from unsnare.hashing.pdq import FileHashes, ImageHashes, hash_file, hash_image_bytes

__all__ = ["FileHashes", "ImageHashes", "PDQIndex", "hash_file", "hash_image_bytes"]
