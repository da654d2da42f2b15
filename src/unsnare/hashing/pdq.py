"""Decode images and compute PDQ (with quality), MD5 and SHA-256 on this machine.

Only hashes leave these functions: no pixels, thumbnails or file copies are
kept. PDQ comes from the `pdqhash` package (Meta's reference implementation);
we only decode, so our hash equals the reference on the same decoded pixels.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pdqhash
from PIL import Image, ImageOps, UnidentifiedImageError

from unsnare.errors import HashingError
from unsnare.imaging import bounds
from unsnare.media import VIDEO_SUFFIXES, VIDEO_TYPES

# Below this PDQ quality the hash says little about the picture (flat or tiny
# images); Meta's guidance is to treat such hashes with care, not to drop them.
LOW_QUALITY = 50

_CHUNK = 1024 * 1024
_ORIENTATION = 0x0112  # EXIF tag


@dataclass(frozen=True)
class ImageHashes:
    """The hashes of one image: exact (SHA-256, MD5) and perceptual (PDQ)."""

    sha256: str
    md5: str
    pdq: str | None
    quality: int | None
    media_type: str

    @property
    def low_quality(self) -> bool:
        """True when the PDQ quality is under 50 and matches are less reliable."""
        return self.quality is not None and self.quality < LOW_QUALITY


@dataclass(frozen=True)
class FileHashes(ImageHashes):
    """The hashes of one file on disk; videos get SHA-256 and MD5 only."""

    path: str = ""
    size: int = 0


def _register_heif() -> None:
    # Registering is cheap and idempotent; done on first use, not at import.
    from pillow_heif import register_heif_opener

    register_heif_opener()


def pdq_hex(bits: Any) -> str:
    """Turn pdqhash's 256-element bit vector into the usual 64-character hex."""
    return np.packbits(np.asarray(bits, dtype=np.uint8)).tobytes().hex()


def decode_image(data: bytes, *, name: str = "image") -> tuple[np.ndarray, str]:
    """Decode image bytes to an RGB pixel array (upright, first frame) and its MIME type."""
    _register_heif()
    try:
        with bounds.open_picture(data) as img:
            media_type = Image.MIME.get(img.format or "", "image/unknown")
            if img.format == "HEIF":
                media_type = "image/heic"
            # Hash the picture as a viewer shows it: phones store rotation in EXIF.
            # (Only then: transposing and converting copy every pixel.)
            orientation = img.getexif().get(_ORIENTATION, 1)
            picture: Image.Image = img
            if bounds.is_large(img):
                picture = bounds.decode_reduced(img)
            if orientation != 1:
                picture = ImageOps.exif_transpose(picture)
            if picture.mode != "RGB":
                picture = picture.convert("RGB")
            pixels = np.asarray(picture, dtype=np.uint8)
    except bounds.PictureTooLarge as exc:
        raise HashingError(
            f"this picture is too large to read safely ({exc})",
            file=name,
            hint="If it is a real photo, save a smaller copy (under 8000 pixels wide) and "
            "hash that; a file built to look huge cannot be hashed.",
        ) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise HashingError(
            f"this file cannot be read as an image ({exc.__class__.__name__})",
            file=name,
            hint="Check it opens in a photo viewer; PNG, JPEG, WebP, GIF and HEIC are supported.",
        ) from exc
    if pixels.ndim != 3 or pixels.shape[0] == 0 or pixels.shape[1] == 0:
        raise HashingError("the image has no pixels", file=name)
    return pixels, media_type


def pdq_from_pixels(pixels: np.ndarray) -> tuple[str, int]:
    """PDQ hash (hex) and quality (0-100) of an RGB pixel array."""
    bits, quality = pdqhash.compute(pixels)
    return pdq_hex(bits), int(quality)


def pdq_dihedral_from_pixels(pixels: np.ndarray) -> tuple[list[str], int]:
    """The 8 PDQ hashes of the image's rotations and flips, and the quality."""
    vectors, quality = pdqhash.compute_dihedral(pixels)
    return [pdq_hex(v) for v in vectors], int(quality)


def hash_image_bytes(data: bytes, *, name: str = "image") -> ImageHashes:
    """Hash one image held in memory: SHA-256, MD5, PDQ and its quality."""
    pixels, media_type = decode_image(data, name=name)
    pdq, quality = pdq_from_pixels(pixels)
    return _image_hashes(data, pdq, quality, media_type)


def hash_image_variants(data: bytes, *, name: str = "image") -> tuple[ImageHashes, list[str]]:
    """Hash one image and also give the PDQ of its 8 rotations and flips (first: as is)."""
    pixels, media_type = decode_image(data, name=name)
    variants, quality = pdq_dihedral_from_pixels(pixels)
    return _image_hashes(data, variants[0], quality, media_type), variants


def _image_hashes(data: bytes, pdq: str, quality: int, media_type: str) -> ImageHashes:
    return ImageHashes(
        sha256=hashlib.sha256(data).hexdigest(),
        md5=hashlib.md5(data, usedforsecurity=False).hexdigest(),
        pdq=pdq,
        quality=quality,
        media_type=media_type,
    )


def _stream_digests(path: Path) -> tuple[str, str, int]:
    sha, md5, size = hashlib.sha256(), hashlib.md5(usedforsecurity=False), 0
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            sha.update(chunk)
            md5.update(chunk)
            size += len(chunk)
    return sha.hexdigest(), md5.hexdigest(), size


def _video_type(suffix: str) -> str:
    return VIDEO_TYPES.get(suffix, "video/unknown")


def hash_file(path: str | Path) -> FileHashes:
    """Hash one image (PDQ + quality, MD5, SHA-256) or video (MD5, SHA-256, streamed)."""
    p = Path(path)
    if not p.is_file():
        raise HashingError(
            "no such file", file=str(p), hint="Check the path; folders are read file by file."
        )
    suffix = p.suffix.lower()
    try:
        if suffix in VIDEO_SUFFIXES:
            sha, md5, size = _stream_digests(p)
            return FileHashes(sha, md5, None, None, _video_type(suffix), str(p), size)
        data = p.read_bytes()
    except OSError as exc:
        raise HashingError(
            f"the file cannot be read ({exc.strerror or exc.__class__.__name__})",
            file=str(p),
            hint="Check that you are allowed to open it and that the disk is attached.",
        ) from exc
    img = hash_image_bytes(data, name=str(p))
    return FileHashes(img.sha256, img.md5, img.pdq, img.quality, img.media_type, str(p), len(data))
