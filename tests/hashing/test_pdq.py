"""Hashing on this machine: PDQ equals the reference, every format reads, errors are clear."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import numpy as np
import pdqhash
import pytest
from PIL import Image

from support.pictures import encode, make_picture
from unsnare.errors import HashingError
from unsnare.hashing import hash_file, hash_image_bytes
from unsnare.hashing.pdq import decode_image, pdq_dihedral_from_pixels, pdq_hex


@pytest.mark.parametrize(
    ("fmt", "media_type"),
    [
        ("PNG", "image/png"),
        ("JPEG", "image/jpeg"),
        ("WEBP", "image/webp"),
        ("GIF", "image/gif"),
        ("HEIF", "image/heic"),
    ],
)
def test_each_format_hashes_like_the_reference(fmt: str, media_type: str) -> None:
    data = encode(make_picture(seed=4, size=(128, 96)), fmt)
    got = hash_image_bytes(data)
    pixels, _ = decode_image(data)
    bits, quality = pdqhash.compute(pixels)
    assert got.pdq == pdq_hex(bits)
    assert got.quality == quality
    assert got.media_type == media_type
    assert got.sha256 == hashlib.sha256(data).hexdigest()
    assert got.md5 == hashlib.md5(data).hexdigest()


def test_pdq_hex_bit_order_matches_threatexchange() -> None:
    bits = np.zeros(256, dtype=np.uint8)
    bits[0] = 1  # the first bit is the most significant hex digit
    bits[255] = 1
    assert pdq_hex(bits) == "8" + "0" * 62 + "1"


def test_same_picture_in_two_formats_is_near() -> None:
    img = make_picture(seed=2, size=(200, 160))
    png = hash_image_bytes(encode(img, "PNG")).pdq
    jpg = hash_image_bytes(encode(img, "JPEG")).pdq
    assert png is not None and jpg is not None
    distance = bin(int(png, 16) ^ int(jpg, 16)).count("1")
    assert distance <= 31


def test_dihedral_variants_include_the_plain_hash() -> None:
    pixels, _ = decode_image(encode(make_picture(seed=3), "PNG"))
    variants, _ = pdq_dihedral_from_pixels(pixels)
    assert len(variants) == 8
    assert pdq_hex(pdqhash.compute(pixels)[0]) in variants


def test_flat_image_has_low_quality_but_is_kept() -> None:
    flat = Image.new("RGB", (64, 64), (128, 128, 128))
    got = hash_image_bytes(encode(flat, "PNG"))
    assert got.pdq is not None
    assert got.low_quality


def test_hash_file_image_and_video(tmp_path: Path) -> None:
    img = tmp_path / "photo.png"
    img.write_bytes(encode(make_picture(), "PNG"))
    video = tmp_path / "clip.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(3_000_000))
    got = hash_file(img)
    assert got.pdq and got.quality is not None and got.path == str(img)
    clip = hash_file(video)
    assert clip.pdq is None and clip.quality is None
    assert clip.media_type == "video/mp4"
    assert clip.sha256 == hashlib.sha256(video.read_bytes()).hexdigest()
    assert clip.size == video.stat().st_size


@pytest.mark.parametrize("content", [b"", b"not an image at all", b"\x89PNG\r\n\x1a\n broken"])
def test_unreadable_image_is_a_clear_error(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(content)
    with pytest.raises(HashingError) as err:
        hash_file(bad)
    assert "bad.jpg" in err.value.explain()


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(HashingError, match="no such file"):
        hash_file(tmp_path / "nope.png")


def test_exif_orientation_is_applied_before_hashing() -> None:
    img = make_picture(seed=8, size=(120, 80))
    exif = Image.Exif()
    exif[0x0112] = 3  # stored upside down; viewers turn it 180 degrees
    buf = io.BytesIO()
    img.save(buf, format="PNG", exif=exif)
    pixels, _ = decode_image(buf.getvalue())
    assert np.array_equal(pixels, np.asarray(img)[::-1, ::-1])
