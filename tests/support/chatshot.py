"""Draw invented, phone-like chat screenshots for the imaging tests and bench.

Everything here is made up: the people, handles and words. The drawing knows
where it put each message, so tests can compare what OCR read with the truth.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from unsnare.imaging.ocr import OcrBox

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
    wide: bool = False  # a bubble as wide as the screen, so only its colour tells the side


@dataclass(frozen=True)
class Drawn:
    """A message as drawn: its side, text and the bubble's rectangle."""

    side: str
    text: str
    box: tuple[int, int, int, int]


@dataclass(frozen=True)
class Chatshot:
    """A drawn screenshot: PNG bytes, the bubbles drawn, and every piece of text with its box."""

    png: bytes
    drawn: tuple[Drawn, ...]
    texts: tuple[tuple[str, tuple[int, int, int, int]], ...]


@dataclass(frozen=True)
class Theme:
    """Colours of one app look."""

    page: tuple[int, int, int] = PAGE
    ink: tuple[int, int, int] = (0, 0, 0)
    theirs: tuple[int, int, int] = THEIR_BUBBLE
    their_ink: tuple[int, int, int] = (0, 0, 0)
    mine: tuple[int, int, int] = MY_BUBBLE
    my_ink: tuple[int, int, int] = (255, 255, 255)
    faint: tuple[int, int, int] = (130, 130, 135)
    bar: tuple[int, int, int] | None = None  # a coloured header bar across the screen
    bar_ink: tuple[int, int, int] = (255, 255, 255)


LIGHT = Theme()
DARK = Theme(
    page=(0, 0, 0),
    ink=(255, 255, 255),
    theirs=(38, 38, 41),
    their_ink=(255, 255, 255),
    mine=(0, 92, 75),
    my_ink=(255, 255, 255),
    faint=(150, 150, 155),
)


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(f"{FONT_DIR}/{name}", size)


def _wrap(
    draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, wide: bool = False
) -> list[str]:
    limit = (WIDTH - 2 * MARGIN if wide else MAX_BUBBLE) - 2 * PAD
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if draw.textlength(trial, font=font) <= limit:
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
    theme: Theme = LIGHT,
    times_inside: bool = False,
) -> Chatshot:
    """Draw a chat screen: status bar, header with name and handle, bubbles, input bar.

    With `times_inside` the time sits inside the bubble's bottom-right corner
    (WhatsApp style) rather than under the bubble.
    """
    body = _font(22)
    small = _font(15)
    probe = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    height = 170 + sum(62 + 32 * len(_wrap(probe, ln.text, body, ln.wide)) for ln in script) + 90
    img = Image.new("RGB", (WIDTH, height), theme.page)
    draw = ImageDraw.Draw(img)
    texts: list[tuple[str, tuple[int, int, int, int]]] = []

    def text(
        xy: tuple[float, float],
        words: str,
        font: ImageFont.FreeTypeFont,
        fill: tuple[int, int, int],
    ) -> None:
        draw.text(xy, words, font=font, fill=fill)
        x0, y0, x1, y1 = draw.textbbox(xy, words, font=font)
        texts.append((words, (int(x0), int(y0), int(x1), int(y1))))

    # Status bar and header, as on a phone.
    head_ink, head_faint = theme.ink, theme.faint
    if theme.bar is not None:
        draw.rectangle((0, 0, WIDTH, 124), fill=theme.bar)
        head_ink = head_faint = theme.bar_ink
    text((MARGIN + 10, 10), status_time, _font(18, bold=True), head_ink)
    text((WIDTH - 90, 10), "100%", _font(16), head_ink)
    draw.ellipse((60, 56, 108, 104), fill=(180, 150, 220))
    text((122, 54), display_name, _font(24, bold=True), head_ink)
    if handle:
        text((122, 86), handle, _font(17), head_faint)
    draw.line((0, 124, WIDTH, 124), fill=theme.faint, width=1)
    y = 144
    drawn: list[Drawn] = []
    for line in script:
        if line.side == "centre":
            w = draw.textlength(line.text, font=small)
            text(((WIDTH - w) / 2, y), line.text, small, theme.faint)
            y += 36
            continue
        wrapped = _wrap(draw, line.text, body, line.wide)
        text_w = max(draw.textlength(t, font=body) for t in wrapped)
        inside = times_inside and line.time is not None
        bw = WIDTH - 2 * MARGIN if line.wide else int(text_w) + 2 * PAD
        bh = 30 * len(wrapped) + 2 * PAD - 6 + (20 if inside else 0)
        x0 = MARGIN if line.side == "left" else WIDTH - MARGIN - bw
        mine = line.side == "right"
        colour, ink = (theme.mine, theme.my_ink) if mine else (theme.theirs, theme.their_ink)
        draw.rounded_rectangle((x0, y, x0 + bw, y + bh), radius=18, fill=colour)
        for i, t in enumerate(wrapped):
            text((x0 + PAD, y + PAD - 3 + 30 * i), t, body, ink)
        if inside and line.time:
            tw = draw.textlength(line.time, font=small)
            text((x0 + bw - tw - 12, y + bh - 24), line.time, small, ink)
        drawn.append(Drawn(line.side, line.text, (x0, y, x0 + bw, y + bh)))
        y += bh + 6
        if line.time and not inside:
            tw = draw.textlength(line.time, font=small)
            tx = x0 + 6 if line.side == "left" else x0 + bw - tw - 6
            text((tx, y), line.time, small, theme.faint)
            y += 22
        y += 12
    # The input bar at the bottom of the screen.
    draw.rounded_rectangle(
        (MARGIN, height - 70, WIDTH - MARGIN, height - 26), radius=22, outline=theme.faint, width=2
    )
    text((MARGIN + 20, height - 60), "Message...", _font(18), theme.faint)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return Chatshot(buf.getvalue(), tuple(drawn), tuple(texts))


def draw_labelled_chat(display_name: str, script: list[Line]) -> Chatshot:
    """Draw a bubble-less chat (Snapchat style): a speaker label above each run of text."""
    body = _font(22)
    label_font = _font(15, bold=True)
    img = Image.new("RGB", (WIDTH, 200 + 90 * len(script)), PAGE)
    draw = ImageDraw.Draw(img)
    texts: list[tuple[str, tuple[int, int, int, int]]] = []

    def text(
        xy: tuple[int, int], words: str, font: ImageFont.FreeTypeFont, fill: tuple[int, int, int]
    ) -> None:
        draw.text(xy, words, font=font, fill=fill)
        texts.append((words, tuple(int(v) for v in draw.textbbox(xy, words, font=font))))  # type: ignore[arg-type]

    text((MARGIN + 10, 10), "9:41", _font(18, bold=True), (0, 0, 0))
    text((122, 60), display_name, _font(24, bold=True), (0, 0, 0))
    y, previous = 150, None
    for line in script:
        if line.side != previous:
            mine = line.side == "right"
            label = "ME" if mine else display_name.split()[0].upper()
            text((MARGIN + 12, y), label, label_font, (240, 60, 80) if mine else (40, 120, 230))
            y += 26
            previous = line.side
        text((MARGIN + 12, y), line.text, body, (0, 0, 0))
        y += 40
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return Chatshot(buf.getvalue(), (), tuple(texts))


class DrawnTextReader:
    """A stand-in OCR engine that 'reads' exactly what `draw_chat` drew, instantly.

    `scale` follows the picture when a test resizes it (as a phone's resolution would).
    """

    engine = "drawn text (test)"

    def __init__(
        self,
        shot: Chatshot,
        score: float = 0.99,
        low: frozenset[str] = frozenset(),
        scale: float = 1.0,
    ) -> None:
        self._shot = shot
        self._score = score
        self._low = low
        self._scale = scale

    def read(self, image: Image.Image) -> list[OcrBox]:
        """Every drawn piece of text as a box; texts in `low` get a poor score."""
        return [
            OcrBox(
                words,
                0.4 if words in self._low else self._score,
                *(int(v * self._scale) for v in box),
            )
            for words, box in self._shot.texts
        ]


def as_phone_jpeg(shot: Chatshot, *, quality: int, scale: float = 1.0) -> bytes:
    """The screenshot resized and saved as a lossy JPEG, as screenshots get passed around."""
    img = Image.open(io.BytesIO(shot.png))
    if scale != 1.0:
        size = (int(img.width * scale), int(img.height * scale))
        img = img.resize(size, Image.Resampling.BICUBIC)
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=quality)
    return buf.getvalue()


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


# A dark-mode, WhatsApp-like exchange with times inside the bubbles, a system
# line, and one screen-wide bubble whose side only its colour shows.
DARK_SCRIPT = [
    Line("left", "send me 50 on cashapp now", "10:14 PM"),
    Line("right", "i dont have that much money", "10:15 PM"),
    Line("centre", "Alex took a screenshot"),
    Line(
        "left",
        "then ask your parents. you have one hour or everyone sees it",
        "10:16 PM",
        wide=True,
    ),
]


# A WhatsApp-like look: a green header bar, beige page, white and green bubbles.
WHATSAPP = Theme(
    page=(236, 229, 221),
    theirs=(255, 255, 255),
    mine=(220, 248, 198),
    my_ink=(0, 0, 0),
    bar=(7, 94, 84),
)
