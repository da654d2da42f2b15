"""Invented exports for the end-to-end speed benchmark (issue 17).

An Android WhatsApp export with what real chats hold besides plain lines:
messages over several lines, media (omitted and attached), deleted messages,
edited ones, calls and emoji; and a plain "Name: text" file for `unsnare analyze`.
Everything is made up here; the same seed gives the same bytes.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

NAMES = ["Jordan Reyes", "Alex Kim", "DJ: Nova", "Sam Lee", "+1 555 0100"]
WORDS = (  # noqa: SIM905 - one readable run of words
    "hey send me a pic now or else I will post it everywhere please stop ok no "
    "lol haha the bus tomorrow school game dinner mom tonight can you see that "
    "😊 😂 ❤️ 🔥 👍 🙏 😭 🎉"
).split()
ORDINARY = [
    "hey are you coming to practice tomorrow?",
    "lol that video was so funny 😂",
    "can you send me the notes from class",
    "my mom says i can go if we're back by 9",
    "send me a pic of your dog!! she is so cute 🐶",
    "you still owe me $20 from the movies",
    "pizza tonight? i can pay this time",
    "happy birthday!!! 🎉🎉",
]
OFFENDER = [
    "you're so mature for your age",
    "don't tell your parents we talk ok",
    "send me a pic of you in your underwear",
    "i have your nudes. send $300 to $jaykash or i post them to all your followers",
    "you have 2 hours. i have a list of your family and friends",
]


def _body(rnd: random.Random, i: int) -> str:
    r = i % 50
    if r == 3:
        return "<Media omitted>"
    if r == 7:
        return f"IMG-2023{i % 12 + 1:02d}{i % 28 + 1:02d}-WA{i % 10000:04d}.jpg (file attached)"
    if r == 11:
        return "This message was deleted"
    if r == 13:
        return "Missed voice call"
    if r == 17:
        return " ".join(rnd.choice(WORDS) for _ in range(4)) + " <This message was edited>"
    if r in (19, 37):
        return rnd.choice(OFFENDER)
    if r in (5, 23, 41):
        lines = [" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(2, 9)))]
        lines += ["second line 👀", "", "and a third after a blank one"][: 1 + i % 3]
        return "\n".join(lines)
    if r % 4 == 0:
        return rnd.choice(ORDINARY)
    return " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(2, 14)))


def write_android(path: Path, n: int, seed: int = 17) -> int:
    """Write an invented n-message Android WhatsApp export (24-hour, day-first); its size."""
    rnd = random.Random(seed)
    t = datetime(2023, 1, 13, 9, 0)
    day = ""
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write(f"{t:%d/%m/%Y}, {t:%H:%M} - Messages and calls are end-to-end encrypted. "
                "No one outside of this chat, not even WhatsApp, can read or listen to them.\n")
        for i in range(n - 1):
            t += timedelta(seconds=rnd.randint(5, 90))
            if i % 1000 == 0 or day[:2] != f"{t.day:02d}":
                day = f"{t:%d/%m/%Y}"
            f.write(f"{day}, {t:%H:%M} - {NAMES[i % 4]}: {_body(rnd, i)}\n")
    return path.stat().st_size


def write_lines(path: Path, n: int, seed: int = 13) -> int:
    """Write an invented n-message plain text chat ("Name: text" a line); its size."""
    rnd = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="\n") as f:
        for i in range(n):
            r = rnd.random()
            text = rnd.choice(OFFENDER if r < 0.03 else ORDINARY)
            f.write(("Alex" if i % 2 else "Sam") + ": " + text + "\n")
    return path.stat().st_size
