"""Invented pictures for the hashing tests, and the `picture` fixture."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image


def make_picture(seed: int = 1, size: tuple[int, int] = (96, 64)) -> Image.Image:
    """An invented picture with structure (gradients and blocks), never a real photo."""
    rng = np.random.default_rng(seed)
    w, h = size
    y, x = np.mgrid[0:h, 0:w]
    base = np.stack([(x * 255 // w), (y * 255 // h), ((x + y) * 255 // (w + h))], axis=-1)
    blocks = rng.integers(0, 255, (4, 4, 3)).repeat(h // 4 + 1, 0).repeat(w // 4 + 1, 1)[:h, :w]
    return Image.fromarray(((base + blocks) // 2).astype(np.uint8), "RGB")


def encode(img: Image.Image, fmt: str) -> bytes:
    """The picture saved in one file format."""
    buf = io.BytesIO()
    if fmt == "HEIF":
        from pillow_heif import register_heif_opener

        register_heif_opener()
    img.save(buf, format=fmt)
    return buf.getvalue()


@pytest.fixture
def picture() -> Image.Image:
    """One invented picture."""
    return make_picture()
