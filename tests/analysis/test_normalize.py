"""Normalisation before the detectors: look-alikes, marks, spacing, leetspeak."""

from __future__ import annotations

import pytest

from unsnare.analysis import analyze_text
from unsnare.analysis.normalize import Normalizer

N = Normalizer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello there!", "hello there!"),
        ("send me n00dz", "send me noodz"),
        ("I h4ck3d your device", "i hacked your device"),
        ("p a y  n o w or else", "pay now or else"),
        ("s.e.n.d me the money", "send me the money"),
        ("pleeeeease", "please"),
        ("\u0443\u043eur p\u0456cs", "your pics"),  # Cyrillic look-alikes
        ("\uff50\uff41\uff59 \uff4e\uff4f\uff57", "pay now"),  # full-width letters
        ("\U0001d429\U0001d41a\U0001d432 \U0001d426\U0001d41e", "pay me"),  # bold maths letters
        ("v\u0336i\u0336d\u0336e\u0336o\u0336", "video"),  # combining strike-through
        ("pay\u200bment", "payment"),  # zero-width space
        ("k!ll urself", "kill urself"),
        # Left alone: money, times, text-speak, handles, ordinary punctuation.
        ("$500 at 10pm b4 2day", "$500 at 10pm b4 2day"),
        ("venmo @jay-kay-9", "venmo @jay-kay-9"),
        ("hi!! wow!", "hi!! wow!"),
        ("i m a guy", "i m a guy"),
        ("Café crème", "cafe creme"),
    ],
)
def test_normalised_text(text: str, expected: str) -> None:
    assert N.fold(text).text == expected


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("p a y  n o w", "pay"),
        ("\u0443\u043eur pics go to everyone", "everyone"),
        ("pay\u200b\u200bment now", "now"),
        ("v\u0336i\u0336d\u0336e\u0336o\u0336 everyone", "everyone"),
    ],
)
def test_spans_map_back_to_the_original(text: str, word: str) -> None:
    n = N.fold(text)
    i = n.text.index(word)
    s, e = n.span(i, i + len(word))
    assert N.fold(text[s:e]).text.replace(" ", "") == word


def test_an_obfuscated_threat_is_read_and_its_span_points_at_the_original() -> None:
    text = "s e n d  $300 or 1 p0st y0ur n\u0443d\u0435s to \u0435v\u0435ry\u043en\u0435"
    report = analyze_text(text)
    assert report.risk.flagged
    for f in report.findings:
        assert 0 <= f.start < f.end <= len(text)


@pytest.mark.parametrize(
    "text",
    ["hey ❤️ you", "👍🏽👍🏽 ok `quoted`", "ﬁne Straße İstanbul", "a\u0301b\u200bc", "\ud800x", "é" * 5],
)
def test_uneven_texts_keep_every_offset(text: str) -> None:
    # Runs of ASCII are copied whole; the offsets must equal those of a walk
    # character by character through the same table.
    n = Normalizer()
    parts: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        out = n._table[ord(ch)]
        parts.append(out)
        offsets.extend([i] * len(out))
    folded, got = n._uneven(text)
    assert folded == "".join(parts)
    assert list(got) == [*offsets, len(text)]
