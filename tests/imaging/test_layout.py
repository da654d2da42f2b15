"""Bubble sides from position, and lines joined into bubbles by the colour between them."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from support.chatshot import THREAT_SCRIPT, Line, draw_chat
from unsnare.imaging.layout import Side, group_bubbles, group_lines, side_of
from unsnare.imaging.ocr import OcrBox


@pytest.mark.parametrize(
    ("left", "right", "side"),
    [
        (20, 400, Side.LEFT),
        (300, 620, Side.RIGHT),
        (20, 620, Side.UNKNOWN),
        (200, 440, Side.CENTRE),
        (20, 560, Side.LEFT),
        (60, 600, Side.UNKNOWN),
    ],
)
def test_side_of(left: int, right: int, side: Side) -> None:
    assert side_of(left, right, 640) is side


def _pixels_and_boxes(script: list[Line]) -> tuple[np.ndarray, list[OcrBox]]:
    shot = draw_chat("Jayden Mills", None, script)
    pixels = np.asarray(Image.open(io.BytesIO(shot.png)).convert("RGB"))
    return pixels, [OcrBox(t, 0.99, *box) for t, box in shot.texts]


def test_wrapped_lines_join_but_separate_bubbles_do_not() -> None:
    script = [
        Line("left", "this message is long enough that it wraps onto a second line for sure"),
        Line("left", "and this is another bubble"),
    ]
    pixels, boxes = _pixels_and_boxes(script)
    bubbles = [b for b in group_bubbles(group_lines(boxes, pixels), pixels) if b.in_bubble]
    assert [b.text for b in bubbles] == [line.text for line in script]
    assert [len(b.lines) for b in bubbles] == [2, 1]
    assert all(b.side is Side.LEFT for b in bubbles)


def test_bubble_edges_come_from_the_pixels() -> None:
    pixels, boxes = _pixels_and_boxes(THREAT_SCRIPT)
    shot = draw_chat("Jayden Mills", None, THREAT_SCRIPT)
    bubbles = [b for b in group_bubbles(group_lines(boxes, pixels), pixels) if b.in_bubble]
    for bubble, drawn in zip(bubbles, shot.drawn, strict=True):
        left, _, right, _ = bubble.rect
        assert abs(left - drawn.box[0]) <= 2 and abs(right - drawn.box[2]) <= 2
