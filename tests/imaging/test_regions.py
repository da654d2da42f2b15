"""The nudity check looks at windows too, so a picture inside a screenshot is judged on its own.

No explicit imagery is used: a stand-in model scores how much of what it sees
is one marker colour, which is enough to show that the windows find a small
picture that the whole-picture view would dilute.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest
from PIL import Image

from unsnare.imaging.nudity import NudityClassifier
from unsnare.imaging.regions import MAX_REGIONS, MIN_WINDOW, regions

MARKER = (255, 0, 255)


@pytest.mark.parametrize(
    ("width", "height"),
    [(200, 200), (640, 794), (1170, 2532), (1170, 8000), (4000, 3000), (64, 64)],
)
def test_regions_start_with_the_whole_picture_and_stay_inside(width: int, height: int) -> None:
    boxes = regions(width, height)
    assert boxes[0] == (0, 0, width, height)
    assert len(boxes) <= MAX_REGIONS and len(set(boxes)) == len(boxes)
    for x0, y0, x1, y1 in boxes:
        assert 0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height
        assert x1 - x0 >= min(MIN_WINDOW, width) and y1 - y0 >= min(MIN_WINDOW, height)


def test_half_size_windows_cover_a_phone_screenshot() -> None:
    boxes = regions(1170, 2532)
    covered = np.zeros((2532, 1170), dtype=bool)
    for x0, y0, x1, y1 in boxes:
        if x1 - x0 == 585:
            covered[y0:y1, x0:x1] = True
    assert covered.all()


def test_a_limit_of_one_is_the_whole_picture() -> None:
    assert regions(1170, 2532, limit=1) == [(0, 0, 1170, 2532)]


@dataclass
class _Prediction:
    nsfw: float


class _MarkerModel:
    """Scores the share of marker-coloured pixels in what it is shown."""

    def classify(self, image: Image.Image) -> _Prediction:
        px = np.asarray(image.convert("RGB")).reshape(-1, 3).astype(int)
        near = np.max(np.abs(px - np.array(MARKER)), axis=1) <= 40
        return _Prediction(float(np.mean(near)))


class _WithMarkerModel(NudityClassifier):
    def _build_engine(self) -> Any:
        return _MarkerModel()


def _screenshot_with_small_picture() -> bytes:
    img = Image.new("RGB", (585, 1266), (255, 255, 255))
    img.paste(MARKER, (150, 500, 400, 750))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def test_windows_find_a_small_picture_the_whole_view_dilutes() -> None:
    data = _screenshot_with_small_picture()
    whole_only = _WithMarkerModel(scan_regions=False).score(data)
    with_regions = _WithMarkerModel().score(data)
    assert whole_only < 0.1
    assert with_regions > 0.6
    assert "regions" in _WithMarkerModel().model
