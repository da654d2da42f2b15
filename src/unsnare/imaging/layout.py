"""Find the chat bubbles in a screenshot and say which side each one is on.

Chat apps draw the other person's messages in bubbles on the left and the
phone owner's on the right, each side in its own colour. We group OCR boxes
into lines and lines into bubbles using the pixels around the text, then read
the side from where the bubble sits. When position cannot tell (a bubble as
wide as the screen) the bubble's colour decides if, and only if, both sides
have been seen in distinct colours; otherwise the side stays "unknown".
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from numpy.typing import NDArray

from unsnare.imaging.ocr import OcrBox

Pixels = NDArray[np.uint8]
Colour = tuple[int, int, int]

# How far (0-255, per channel) two surface colours (medians) may differ and still
# count as one surface. Light-mode grey bubbles differ from white by about 20.
SAME_COLOUR = 10
# Single pixels are noisier (JPEG ringing near text and edges): a pixel belongs to
# a bubble when it is within half the bubble-to-page contrast, clamped to this range.
PIXEL_TOLERANCE = (10, 28)
# Gaps of noisy pixels this wide do not end a bubble when walking to its edge.
EDGE_GAP = 3
# Bubbles of the two sides must differ by more than this for colour to decide a side.
DISTINCT_COLOURS = 24
# A bubble is on one side when the gap on that side is smaller than the other
# by this share of the screen width.
SIDE_MARGIN = 0.08


class Side(StrEnum):
    """Where a bubble sits, which says who sent it."""

    LEFT = "left"
    RIGHT = "right"
    CENTRE = "centre"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class TextLine:
    """OCR boxes on one visual line, left to right, with the surface behind them."""

    boxes: tuple[tuple[int, OcrBox], ...]  # (box number, box)
    surface: Colour
    in_bubble: bool
    left: int  # bubble edges when in a bubble, text edges otherwise
    right: int

    @property
    def text(self) -> str:
        """The line's words."""
        return " ".join(b.text for _, b in self.boxes)

    @property
    def top(self) -> int:
        """Top of the line in pixels."""
        return min(b.y0 for _, b in self.boxes)

    @property
    def bottom(self) -> int:
        """Bottom of the line in pixels."""
        return max(b.y1 for _, b in self.boxes)

    @property
    def min_score(self) -> float:
        """The lowest OCR confidence on the line."""
        return min(b.score for _, b in self.boxes)


@dataclass(frozen=True, slots=True)
class Bubble:
    """Lines that share one bubble (or one loose line of text), with the side it sits on."""

    lines: tuple[TextLine, ...]
    side: Side
    in_bubble: bool
    by_colour: bool = False

    @property
    def text(self) -> str:
        """The bubble's text, wrapped lines joined by spaces."""
        return " ".join(line.text for line in self.lines)

    @property
    def box_numbers(self) -> tuple[int, ...]:
        """The OCR box numbers the bubble was read from."""
        return tuple(n for line in self.lines for n, _ in line.boxes)

    @property
    def rect(self) -> tuple[int, int, int, int]:
        """The bubble's rectangle (left, top, right, bottom) in pixels."""
        return (
            min(ln.left for ln in self.lines),
            self.lines[0].top,
            max(ln.right for ln in self.lines),
            self.lines[-1].bottom,
        )


def _colour(pixels: Pixels) -> Colour:
    flat = pixels.reshape(-1, 3)
    med = np.median(flat, axis=0)
    return (int(med[0]), int(med[1]), int(med[2]))


def _close(a: Colour, b: Colour, tol: int = SAME_COLOUR) -> bool:
    return max(abs(a[0] - b[0]), abs(a[1] - b[1]), abs(a[2] - b[2])) <= tol


def page_colour(img: Pixels) -> Colour:
    """The screen's background: the median of the outermost columns."""
    edge = max(1, img.shape[1] // 100)
    return _colour(np.concatenate([img[:, :edge], img[:, -edge:]], axis=1))


def _surface(img: Pixels, x0: int, y0: int, x1: int, y1: int) -> Colour:
    h, w = img.shape[:2]
    e = max(2, (y1 - y0) // 4)
    strips = [
        img[max(0, y0 - e) : max(0, y0 - 1), x0:x1],
        img[min(h, y1 + 1) : min(h, y1 + e), x0:x1],
        img[y0:y1, max(0, x0 - e) : max(0, x0 - 1)],
        img[y0:y1, min(w, x1 + 1) : min(w, x1 + e)],
    ]
    ring = [s.reshape(-1, 3) for s in strips if s.size]
    if not ring:
        return (0, 0, 0)
    return _colour(np.concatenate(ring))


def _pixel_tolerance(surface: Colour, page: Colour) -> int:
    contrast = max(abs(surface[i] - page[i]) for i in range(3))
    low, high = PIXEL_TOLERANCE
    return max(low, min(high, contrast // 2))


def _matches(pixels: Pixels, colour: Colour, tol: int) -> NDArray[np.bool_]:
    diff = np.abs(pixels.astype(np.int16) - np.array(colour, dtype=np.int16))
    return np.asarray(np.max(diff, axis=-1) <= tol)


def _edges(img: Pixels, line_boxes: list[OcrBox], colour: Colour, tol: int) -> tuple[int, int]:
    """Walk outwards from the text while the columns beside it are bubble-coloured."""
    x0 = min(b.x0 for b in line_boxes)
    x1 = max(b.x1 for b in line_boxes)
    y0 = min(b.y0 for b in line_boxes)
    y1 = max(b.y1 for b in line_boxes)
    quarter = max(1, (y1 - y0) // 4)
    band = img[max(0, y0 + quarter) : max(1, y1 - quarter)]
    # A column counts when most of the band's pixels in it are the bubble's colour.
    same = np.mean(_matches(band, colour, tol), axis=0) >= 0.6
    width = len(same)

    # Right beside the text, JPEG ringing can hide the bubble for a few pixels.
    halo = max(EDGE_GAP, (y1 - y0) // 2)

    def walk(start: int, step: int) -> int:
        edge, x, misses, allowed = start, start + step, 0, halo
        while 0 <= x < width and misses <= allowed:
            if same[x]:
                edge, misses, allowed = x, 0, EDGE_GAP
            else:
                misses += 1
            x += step
        return edge

    return walk(min(x0, width - 1), -1), walk(min(x1, width - 1), 1)


def group_lines(boxes: list[OcrBox], img: Pixels) -> list[TextLine]:
    """Number the boxes in reading order and join boxes on one line over one surface."""
    ordered = sorted(boxes, key=lambda b: (b.y0, b.x0))
    numbered = list(enumerate(ordered, start=1))
    page = page_colour(img)
    lines: list[list[tuple[int, OcrBox]]] = []
    for n, box in numbered:
        for line in lines:
            last = line[-1][1]
            overlap = min(last.y1, box.y1) - max(last.y0, box.y0)
            if overlap > 0.5 * min(last.height, box.height) and _close(
                _surface(img, last.x0, last.y0, last.x1, last.y1),
                _surface(img, box.x0, box.y0, box.x1, box.y1),
            ):
                line.append((n, box))
                break
        else:
            lines.append([(n, box)])
    result: list[TextLine] = []
    for line in lines:
        line.sort(key=lambda nb: nb[1].x0)
        bxs = [b for _, b in line]
        surface = _surface(
            img,
            min(b.x0 for b in bxs),
            min(b.y0 for b in bxs),
            max(b.x1 for b in bxs),
            max(b.y1 for b in bxs),
        )
        text_edges = (bxs[0].x0, max(b.x1 for b in bxs))
        in_bubble = not _close(surface, page)
        tol = _pixel_tolerance(surface, page)
        left, right = _edges(img, bxs, surface, tol) if in_bubble else text_edges
        if in_bubble and (left <= 0 or right >= img.shape[1] - 1):
            # Colour reaching the screen's edge is a bar (header, input box), not a bubble.
            in_bubble, (left, right) = False, text_edges
        result.append(TextLine(tuple(line), surface, in_bubble, left, right))
    result.sort(key=lambda ln: (ln.top, ln.left))
    return result


def _same_bubble(img: Pixels, a: TextLine, b: TextLine, page: Colour) -> bool:
    if not (a.in_bubble and b.in_bubble and _close(a.surface, b.surface)):
        return False
    tol = max(8, img.shape[1] // 60)
    if abs(a.left - b.left) > tol or abs(a.right - b.right) > tol:
        return False
    if b.top <= a.bottom:
        return True
    # Between two lines of one bubble, columns just inside its edges stay bubble-coloured;
    # between two bubbles they cross the page.
    gap = img[a.bottom : b.top]
    inset = max(3, img.shape[1] // 150)
    columns = [max(a.left, b.left) + inset, min(a.right, b.right) - inset]
    pixel_tol = _pixel_tolerance(a.surface, page)
    return any(
        float(np.mean(_matches(gap[:, x], a.surface, pixel_tol))) >= 0.85
        for x in columns
        if 0 <= x < img.shape[1]
    )


def side_of(left: int, right: int, width: int) -> Side:
    """Which side a bubble spanning `left`..`right` sits on, from the gaps at each edge."""
    left_gap = left / width
    right_gap = (width - right) / width
    if right_gap - left_gap > SIDE_MARGIN:
        return Side.LEFT
    if left_gap - right_gap > SIDE_MARGIN:
        return Side.RIGHT
    if min(left_gap, right_gap) > 0.12:
        return Side.CENTRE
    return Side.UNKNOWN


def group_bubbles(lines: list[TextLine], img: Pixels) -> list[Bubble]:
    """Join lines into bubbles and decide each bubble's side."""
    page = page_colour(img)
    groups: list[list[TextLine]] = []
    for line in lines:
        if groups and _same_bubble(img, groups[-1][-1], line, page):
            groups[-1].append(line)
        else:
            groups.append([line])
    width = img.shape[1]
    bubbles = [
        Bubble(
            tuple(g),
            side_of(min(ln.left for ln in g), max(ln.right for ln in g), width),
            g[0].in_bubble,
        )
        for g in groups
    ]
    return _sides_by_colour(bubbles)


def _sides_by_colour(bubbles: list[Bubble]) -> list[Bubble]:
    left = [b.lines[0].surface for b in bubbles if b.in_bubble and b.side is Side.LEFT]
    right = [b.lines[0].surface for b in bubbles if b.in_bubble and b.side is Side.RIGHT]
    if not left or not right:
        return bubbles
    lc, rc = left[0], right[0]
    consistent = all(_close(c, lc) for c in left) and all(_close(c, rc) for c in right)
    if not consistent or _close(lc, rc, DISTINCT_COLOURS):
        return bubbles
    out: list[Bubble] = []
    for b in bubbles:
        if b.side is Side.UNKNOWN and b.in_bubble:
            if _close(b.lines[0].surface, lc):
                b = Bubble(b.lines, Side.LEFT, True, by_colour=True)
            elif _close(b.lines[0].surface, rc):
                b = Bubble(b.lines, Side.RIGHT, True, by_colour=True)
        out.append(b)
    return out


def group_loose(lines: list[TextLine], width: int) -> list[Bubble]:
    """Join loose lines (no bubbles drawn) into paragraphs: close together, same alignment."""
    groups: list[list[TextLine]] = []
    tol = max(6, width // 60)
    for line in lines:
        if groups:
            prev = groups[-1][-1]
            gap = line.top - prev.bottom
            height = min(prev.bottom - prev.top, line.bottom - line.top)
            aligned = abs(line.left - prev.left) <= tol or abs(line.right - prev.right) <= tol
            if gap < 0.6 * height and aligned and _close(line.surface, prev.surface):
                groups[-1].append(line)
                continue
        groups.append([line])
    return [
        Bubble(tuple(g), side_of(min(ln.left for ln in g), max(ln.right for ln in g), width), False)
        for g in groups
    ]
