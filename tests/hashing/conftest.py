"""Fixtures for the hashing tests: invented pictures and a throwaway PostgreSQL server."""

from __future__ import annotations

import pytest
from PIL import Image

from .pictures import make_picture


@pytest.fixture
def picture() -> Image.Image:
    """One invented picture."""
    return make_picture()
