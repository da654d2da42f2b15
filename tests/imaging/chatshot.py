"""Draw invented, phone-like chat screenshots for the imaging tests and bench.

Everything here is made up: the people, handles and words. The drawing knows
where it put each message, so tests can compare what OCR read with the truth.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
WIDTH = 640
MARGIN = 20
PAD = 14
MAX_BUBBLE = int(WIDTH * 0.72)
PAGE = (255, 255, 255)
THEIR_BUBBLE = (233, 233, 235)
MY_BUBBLE = (10, 132, 255)


@dataclass(frozen=True)
class Line:
    """One message in the script: who sent it, its text and the time shown under it."""

    side: str  # "left" (the other person), "right" (the phone owner) or "centre" (a date line)
    text: str
    time: str | None = None


@dataclass(frozen=True)
class Drawn:
    """A message as drawn: its side, text and the bubble's rectangle."""

    side: str
    text: str
    box: tuple[int, int, int, int]


@dataclass(frozen=True)
class Chatshot:
    """A drawn screenshot: PNG bytes plus what was drawn where."""

    png: bytes
    drawn: tuple[Drawn, ...]


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(f"{FONT_DIR}/{name}", size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if draw.textlength(trial, font=font) <= MAX_BUBBLE - 2 * PAD:
            current = trial
        else:
            lines.append(current)
            current = word
    lines.append(current)
    return lines


def draw_chat(
    display_name: str,
    handle: str | None,
    script: list[Line],
    *,
    status_time: str = "9:41",
) -> Chatshot:
    """Draw a chat screen: status bar, header with name and handle, bubbles, input bar."""
    body = _font(22)
    small = _font(15)
    height = (
        170
        + sum(
            40 + 32 * len(_wrap(ImageDraw.Draw(Image.new("RGB", (1, 1))), ln.text, body))
            for ln in script
        )
        + 90
    )
    img = Image.new("RGB", (WIDTH, height), PAGE)
    draw = ImageDraw.Draw(img)
    # Status bar and header, as on a phone.
    draw.text((MARGIN + 10, 10), status_time, font=_font(18, bold=True), fill=(0, 0, 0))
    draw.text((WIDTH - 90, 10), "100%", font=_font(16), fill=(0, 0, 0))
    draw.text((MARGIN, 62), "<", font=_font(30), fill=MY_BUBBLE)
    draw.ellipse((60, 56, 108, 104), fill=(180, 150, 220))
    draw.text((122, 54), display_name, font=_font(24, bold=True), fill=(0, 0, 0))
    if handle:
        draw.text((122, 86), handle, font=_font(17), fill=(110, 110, 115))
    draw.line((0, 124, WIDTH, 124), fill=(215, 215, 220), width=2)
    y = 144
    drawn: list[Drawn] = []
    for line in script:
        if line.side == "centre":
            w = draw.textlength(line.text, font=small)
            draw.text(((WIDTH - w) / 2, y), line.text, font=small, fill=(120, 120, 125))
            y += 36
            continue
        wrapped = _wrap(draw, line.text, body)
        text_w = max(draw.textlength(t, font=body) for t in wrapped)
        bw, bh = int(text_w) + 2 * PAD, 30 * len(wrapped) + 2 * PAD - 6
        x0 = MARGIN if line.side == "left" else WIDTH - MARGIN - bw
        colour, ink = (
            (THEIR_BUBBLE, (0, 0, 0)) if line.side == "left" else (MY_BUBBLE, (255, 255, 255))
        )
        draw.rounded_rectangle((x0, y, x0 + bw, y + bh), radius=18, fill=colour)
        for i, t in enumerate(wrapped):
            draw.text((x0 + PAD, y + PAD - 3 + 30 * i), t, font=body, fill=ink)
        drawn.append(Drawn(line.side, line.text, (x0, y, x0 + bw, y + bh)))
        y += bh + 6
        if line.time:
            tw = draw.textlength(line.time, font=small)
            tx = x0 + 6 if line.side == "left" else x0 + bw - tw - 6
            draw.text((tx, y), line.time, font=small, fill=(140, 140, 145))
            y += 22
        y += 12
    # The input bar at the bottom of the screen.
    draw.rounded_rectangle(
        (MARGIN, height - 70, WIDTH - MARGIN, height - 26),
        radius=22,
        outline=(200, 200, 205),
        width=2,
    )
    draw.text((MARGIN + 20, height - 60), "Message...", font=_font(18), fill=(160, 160, 165))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return Chatshot(buf.getvalue(), tuple(drawn))


def landscape_png() -> bytes:
    """An invented landscape: sky, sun, hills and a lake."""
    img = Image.new("RGB", (480, 320), (135, 190, 235))
    draw = ImageDraw.Draw(img)
    draw.ellipse((360, 30, 420, 90), fill=(255, 220, 90))
    draw.polygon([(0, 220), (120, 120), (260, 220)], fill=(70, 130, 70))
    draw.polygon([(180, 220), (330, 100), (480, 220)], fill=(50, 110, 60))
    draw.rectangle((0, 220, 480, 320), fill=(40, 90, 160))
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=85)
    return buf.getvalue()


def solid_png(colour: tuple[int, int, int] = (30, 120, 200)) -> bytes:
    """A plain picture of one colour."""
    buf = io.BytesIO()
    Image.new("RGB", (200, 200), colour).save(buf, format="PNG")
    return buf.getvalue()


# An invented sextortion-pattern exchange (no explicit content) used by the tests.
THREAT_SCRIPT = [
    Line("centre", "14 Nov 2026 21:02"),
    Line("left", "hey you seem cool, where are you from?", "21:02"),
    Line("right", "lol thanks, near Leeds", "21:03"),
    Line("left", "I saved your pics. Pay 200 pounds or I send them to all your followers", "21:05"),
    Line("right", "please dont do this", "21:06"),
]
