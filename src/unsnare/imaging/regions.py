"""Where in a picture the nudity check looks: the whole of it, then windows at two scales.

open_nsfw squashes a picture to 224x224 pixels. A photo shown inside a chat
screenshot (often the very image an offender threatens to share) is then a
small part of what the model sees and can score low. So the check also looks
at square windows the size of the picture's short side and half that, and
keeps the highest score. The number of windows is capped to bound the time.
"""

from __future__ import annotations

Box = tuple[int, int, int, int]

# Windows smaller than this carry too little for the model to judge.
MIN_WINDOW = 112
# Whole picture plus windows; about two seconds for a phone screenshot on one core.
MAX_REGIONS = 40


def _starts(length: int, side: int, stride: int) -> list[int]:
    if side >= length:
        return [0]
    starts = list(range(0, length - side + 1, stride))
    if starts[-1] != length - side:
        starts.append(length - side)  # the last window sits flush with the far edge
    return starts


def _grid(width: int, height: int, side: int, stride: int) -> list[Box]:
    return [
        (x, y, min(width, x + side), min(height, y + side))
        for y in _starts(height, side, stride)
        for x in _starts(width, side, stride)
    ]


def regions(width: int, height: int, *, limit: int = MAX_REGIONS) -> list[Box]:
    """The whole picture first, then overlapping square windows, at most `limit` boxes."""
    boxes: list[Box] = [(0, 0, width, height)]
    short = min(width, height)
    for side in (short, short // 2):
        if side < MIN_WINDOW:
            break
        # Half-overlapping windows if they fit the budget, else edge to edge, else none.
        for stride in (max(1, side // 2), side):
            grid = [b for b in _grid(width, height, side, stride) if b not in boxes]
            if len(boxes) + len(grid) <= limit:
                boxes.extend(grid)
                break
    return boxes
