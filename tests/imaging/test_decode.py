"""Image bytes become upright RGB pictures, or a clear InputError."""

from __future__ import annotations

import io

import pillow_heif
import pytest
from PIL import Image, ImageFile

from unsnare.errors import InputError
from unsnare.imaging.decode import MAX_FRAMES, open_frames, open_image


def _save(im: Image.Image, fmt: str, **kwargs: object) -> bytes:
    buf = io.BytesIO()
    im.save(buf, format=fmt, **kwargs)
    return buf.getvalue()


def _wide_red_left() -> Image.Image:
    im = Image.new("RGB", (80, 40), (0, 0, 255))
    im.paste((255, 0, 0), (0, 0, 20, 40))
    return im


def test_exif_rotation_is_applied() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 degrees clockwise to view"
    data = _save(_wide_red_left(), "JPEG", exif=exif.tobytes(), quality=95)
    upright = open_image(data)
    assert upright.size == (40, 80)
    r, g, b = upright.getpixel((20, 5))  # type: ignore[misc]
    assert r > 200 and b < 60  # the red strip is now along the top


def test_heic_is_read() -> None:
    heif = pillow_heif.from_pillow(Image.new("RGB", (64, 48), (10, 200, 30)))
    buf = io.BytesIO()
    heif.save(buf, quality=90)
    im = open_image(buf.getvalue(), name="IMG_0001.HEIC")
    assert im.size == (64, 48) and im.mode == "RGB"


@pytest.mark.parametrize(
    ("mode", "colour"),
    [("RGBA", (0, 0, 0, 0)), ("LA", (0, 0)), ("L", 128), ("P", 3), ("CMYK", (0, 0, 0, 0))],
)
def test_every_mode_becomes_rgb(mode: str, colour: object) -> None:
    fmt = "JPEG" if mode == "CMYK" else "PNG"
    im = open_image(_save(Image.new(mode, (10, 10), colour), fmt))  # type: ignore[arg-type]
    assert im.mode == "RGB"
    if mode in ("RGBA", "LA"):
        assert im.getpixel((5, 5)) == (255, 255, 255)  # transparent areas flattened on white


def test_long_animations_are_sampled_up_to_the_limit() -> None:
    frames = [Image.new("RGB", (8, 8), (i * 4, 0, 0)) for i in range(50)]
    data = _save(frames[0], "GIF", save_all=True, append_images=frames[1:])
    assert len(open_frames(data, limit=10)) == 10
    assert len(open_frames(data)) == MAX_FRAMES
    assert len(open_frames(data, limit=1)) == 1


def test_a_huge_image_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    with pytest.raises(InputError) as caught:
        open_image(_save(Image.new("RGB", (100, 100)), "PNG"), name="big.png")
    assert "too large" in caught.value.message


@pytest.mark.parametrize(
    "data", [b"", b"GIF89a", b"\x00\x00\x00\x1cftypheic" + b"\x00" * 20, b"%PDF-1.7\n"]
)
def test_damaged_or_foreign_data_is_an_input_error(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        open_image(data, name="x")
    assert caught.value.file == "x" and caught.value.hint


def test_a_cut_off_png_is_refused_even_when_pillow_accepts_truncated_files(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # WeasyPrint switches this on for the whole process when it is imported.
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    data = _save(Image.effect_noise((64, 64), 40).convert("RGB"), "PNG")
    with pytest.raises(InputError):
        open_image(data[: len(data) // 2])
