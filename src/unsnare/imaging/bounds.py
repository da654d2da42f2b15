"""Size limits for decoding pictures: refuse image bombs, decode large pictures reduced.

A picture file states its width and height in its header, which Pillow reads
without decoding pixels. A 17 KB PNG can claim 12000 x 12000 pixels and take
gigabytes once decoded, so the size is checked first. Large pictures are
decoded at a reduced size: PDQ and the picture checks look at a downscaled
image anyway (Meta's own PHP PDQ hasher downsamples before hashing, see
facebook/ThreatExchange pdq/php/pdqhasher.php), and pictures up to
`REDUCE_ABOVE` pixels on their longest side are decoded exactly as before, so
their hashes do not change.
"""

from __future__ import annotations

import io
import math
import warnings

from PIL import Image, JpegImagePlugin

# Decoded pictures beyond this many pixels are refused (8192 x 8192: 256 MB as
# Pillow holds them). A JPEG is first decoded at 1/2, 1/4 or 1/8 of its size,
# so photos from 200-megapixel phone cameras still open.
MAX_PIXELS = 8192 * 8192
# Pictures longer than this on one side are decoded reduced to about REDUCED_SIDE.
REDUCE_ABOVE = 4096
REDUCED_SIDE = 2048

_REDUCIBLE = frozenset({"L", "LA", "RGB", "RGBA", "I", "F"})


class PictureTooLarge(ValueError):
    """A picture whose stated size is beyond what Unsnare decodes."""


def open_picture(data: bytes) -> Image.Image:
    """Open image bytes (header only), raising `PictureTooLarge` for an image bomb.

    A large JPEG is set to decode at a reduced scale; nothing is decoded yet.
    """
    try:
        # Pillow warns from 89 megapixels and refuses from twice that; our own
        # limit is lower, so its warning says nothing we do not check below.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as exc:
        if not data.startswith(b"\xff\xd8\xff"):
            raise PictureTooLarge(_too_large_text(None, None)) from exc
        # A JPEG can be decoded at 1/8 of its size, so a 200-megapixel photo is
        # fine: open it past Pillow's check, which runs before draft() can act.
        img = JpegImagePlugin.JpegImageFile(io.BytesIO(data))
    check_size(img)
    return img


def check_size(img: Image.Image) -> None:
    """Set a large JPEG to decode reduced; raise `PictureTooLarge` if it is still too big."""
    if max(img.size) > REDUCE_ABOVE and img.format == "JPEG":
        # draft() keeps both sides at least the size asked for.
        scale = REDUCED_SIDE / max(img.size)
        img.draft(img.mode, (math.ceil(img.width * scale), math.ceil(img.height * scale)))
    width, height = img.size
    if width * height > MAX_PIXELS:
        raise PictureTooLarge(_too_large_text(width, height))


def is_large(img: Image.Image) -> bool:
    """Whether the picture is decoded reduced (longest side over `REDUCE_ABOVE`)."""
    return max(img.size) > REDUCE_ABOVE


def decode_reduced(img: Image.Image) -> Image.Image:
    """Decode a large picture and shrink it to about `REDUCED_SIDE` (EXIF kept in `info`)."""
    img.load()
    picture = img if img.mode in _REDUCIBLE else img.convert("RGBA")
    factor = math.ceil(max(picture.size) / REDUCED_SIDE)
    if factor > 1:
        picture = picture.reduce(factor)
    return picture


def _too_large_text(width: int | None, height: int | None) -> str:
    limit = f"Unsnare opens pictures up to {MAX_PIXELS / 1e6:.0f} megapixels"
    if width is None or height is None:
        return f"it claims to be far too large; {limit}"
    return f"it is {width} x {height} pixels ({width * height / 1e6:.0f} megapixels); {limit}"
