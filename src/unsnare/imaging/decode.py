"""Turn image bytes into Pillow images, with errors a person can act on.

Shared by the nudity check and the screenshot reader. HEIC/HEIF (what iPhones
save photos as) is read through pillow-heif directly, without registering a
global Pillow plug-in, so that importing Unsnare changes nothing process-wide.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import pillow_heif
from PIL import Image, ImageOps, UnidentifiedImageError

from unsnare.errors import InputError
from unsnare.imaging import bounds

# Animated images can hide a frame; the nudity check looks at up to this many,
# spread evenly over the animation, so a long GIF cannot make it slow.
MAX_FRAMES = 32

_HINT = (
    "Check that the file is a complete picture (PNG, JPEG, GIF, WebP or HEIC). "
    "If it came from a phone, copy it again from the original."
)


def _unreadable(name: str | None, why: str) -> InputError:
    return InputError(f"This image cannot be read ({why}).", file=name, hint=_HINT)


def _too_large(name: str | None, exc: bounds.PictureTooLarge) -> InputError:
    return InputError(
        f"This picture is too large to open safely ({exc}).",
        file=name,
        hint="If it is a real photo, save a smaller copy (under 8000 pixels wide) and use "
        "that; a file built to look huge cannot be opened.",
    )


def _shrunk(im: Image.Image) -> Image.Image:
    # The checks look at pictures far smaller than this; shrink big ones early.
    return bounds.decode_reduced(im) if bounds.is_large(im) else im


def _open_heif(data: bytes, name: str | None) -> list[Image.Image]:
    try:
        heif = pillow_heif.open_heif(io.BytesIO(data))
        frames = []
        for frame in heif:
            width, height = frame.size
            if width * height > bounds.MAX_PIXELS:
                raise _too_large(name, bounds.PictureTooLarge(f"it is {width} x {height} pixels"))
            frames.append(_shrunk(frame.to_pillow()))
        return frames
    except (ValueError, RuntimeError, OSError) as exc:
        raise _unreadable(name, f"damaged HEIF data: {exc}") from exc


def _frame_indices(count: int, limit: int) -> list[int]:
    if count <= limit:
        return list(range(count))
    if limit <= 1:
        return [0]
    # Evenly spread, always including the first and the last frame.
    return sorted({round(i * (count - 1) / (limit - 1)) for i in range(limit)})


def open_frames(
    data: bytes, *, name: str | None = None, limit: int = MAX_FRAMES
) -> list[Image.Image]:
    """Every frame (up to `limit`, evenly spread) of an image, as upright RGB pictures."""
    if not data:
        raise _unreadable(name, "the file is empty")
    if pillow_heif.is_supported(data):
        images = _open_heif(data, name)
    else:
        images = list(_open_pillow(data, name, limit))
    if not images:
        raise _unreadable(name, "it holds no picture")
    return [_upright_rgb(im) for im in images]


def open_image(data: bytes, *, name: str | None = None) -> Image.Image:
    """The first (or only) frame of an image, upright and in RGB."""
    return open_frames(data, name=name, limit=1)[0]


def _open_pillow(data: bytes, name: str | None, limit: int) -> Iterator[Image.Image]:
    try:
        # verify() checks the file's structure (PNG checksums, headers) whatever
        # ImageFile.LOAD_TRUNCATED_IMAGES says: WeasyPrint sets that process-wide
        # on import, after which Pillow would quietly decode a cut-off file.
        bounds.open_picture(data).verify()
        im = bounds.open_picture(data)
        count = int(getattr(im, "n_frames", 1))
        for index in _frame_indices(count, limit):
            im.seek(index)
            if bounds.is_large(im):
                yield bounds.decode_reduced(im)
                continue
            im.load()
            yield im.copy()
    except bounds.PictureTooLarge as exc:
        raise _too_large(name, exc) from None
    except (UnidentifiedImageError, OSError, ValueError, EOFError, SyntaxError) as exc:
        raise _unreadable(name, f"not a picture Unsnare knows, or damaged: {exc}") from exc


def _upright_rgb(im: Image.Image) -> Image.Image:
    # Phones store rotation in EXIF; OCR and people expect the picture upright.
    upright = ImageOps.exif_transpose(im)
    if upright.mode == "RGB":
        return upright
    if upright.mode in ("RGBA", "LA") or (upright.mode == "P" and "transparency" in upright.info):
        # Flatten on white, as a viewer would show it, rather than exposing hidden colours.
        rgba = upright.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return upright.convert("RGB")
