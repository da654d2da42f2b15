"""Invented chat screenshots for the web tests: grey bubbles on the left, blue on the right."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

DEMAND = [("l", ["Pay me $500 or I send your", "photo to your family."]),
          ("l", ["Send it to cashapp", "$quickcash2291"]), ("r", ["please dont"]),
          ("l", ["You have 1 hour."])]


def chat_screenshot(bubbles: list[tuple[str, list[str]]] = DEMAND, name: str = "Mia R") -> bytes:
    """A PNG of a chat: a contact name on top, then one bubble per (side, lines)."""
    font = ImageFont.load_default(size=22)
    img = Image.new("RGB", (720, 120 + 110 * len(bubbles)), "white")
    draw = ImageDraw.Draw(img)
    draw.text((24, 20), name, fill="black", font=font)
    y = 90
    for side, lines in bubbles:
        height = 34 * len(lines) + 20
        x0 = 20 if side == "l" else 300
        draw.rounded_rectangle((x0, y, x0 + 400, y + height), 18,
                               fill="#e9e9eb" if side == "l" else "#0b84ff")
        for i, line in enumerate(lines):
            draw.text((x0 + 16, y + 10 + i * 34), line, font=font,
                      fill="black" if side == "l" else "white")
        y += height + 24
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue()
