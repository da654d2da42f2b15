"""The OCR reader: tall pictures are read in overlapping slices, each line once."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from support.chatshot import THREAT_SCRIPT, Chatshot, draw_chat
from unsnare.imaging.ocr import OcrBox, RapidOcrReader, tile_bounds


@pytest.mark.parametrize(
    ("height", "width", "slices"),
    [
        (794, 640, 1),
        (2532, 1170, 1),
        (1920, 640, 1),
        (1921, 640, 2),
        (3000, 640, 2),
        (8000, 1170, 3),
    ],
)
def test_tile_bounds_cover_the_picture_once(height: int, width: int, slices: int) -> None:
    bounds = tile_bounds(height, width)
    assert len(bounds) == slices
    assert bounds[0][2] == 0 and bounds[-1][3] == height
    for (top, bottom, keep_from, keep_to), following in zip(
        bounds, bounds[1:] + [None], strict=True
    ):
        assert top <= keep_from < keep_to <= bottom
        # Any line shorter than half the overlap whose centre is kept lies inside the slice.
        assert keep_from - top >= 80 or top == 0
        assert bottom - keep_to >= 80 or bottom == height
        if following is not None:
            assert following[2] == keep_to  # keep bands meet without a gap


class _DrawnRegions(RapidOcrReader):
    """Reads each slice from what was drawn, as a perfect OCR would, without a model."""

    def __init__(self, shot: Chatshot) -> None:
        super().__init__()
        self.shot = shot
        self.slices: list[tuple[int, int]] = []

    def _read_region(self, image: Image.Image, top: int, bottom: int) -> list[OcrBox]:
        self.slices.append((top, bottom))
        return [
            OcrBox(text, 0.99, x0, y0 - top, x1, y1 - top)
            for text, (x0, y0, x1, y1) in self.shot.texts
            if y0 >= top and y1 <= bottom
        ]


def test_a_tall_screenshot_is_read_in_slices_and_each_line_once() -> None:
    shot = draw_chat("Jayden Mills", "@jaydn.mills_22", THREAT_SCRIPT * 4)
    image = Image.open(io.BytesIO(shot.png))
    assert image.height > 3 * image.width
    reader = _DrawnRegions(shot)
    boxes = reader.read(image)
    assert len(reader.slices) > 1
    assert sorted((b.text, b.y0) for b in boxes) == sorted((t, box[1]) for t, box in shot.texts)
