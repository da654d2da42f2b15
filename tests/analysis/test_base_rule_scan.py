"""How rules are chosen for a text (the compiled scanner, the Python gates)
never changes a finding: both equal trying every rule on every message."""

from __future__ import annotations

import functools
import random
from datetime import UTC, datetime, timedelta

import pytest

from support.analysis import HARD_NEGATIVES, load_case
from support.components import require
from unsnare.analysis import (
    Analyzer,
    DetectorRegistry,
    Finding,
    PatternDetector,
    base,
    builtin_registry,
)
from unsnare.analysis.literals import required_alternatives
from unsnare.analysis.view import REPEAT_TEXT_LIMIT
from unsnare.models import Conversation, Message, Source

_PATTERN_DETECTORS = [d for d in builtin_registry() if isinstance(d, PatternDetector)]

# Texts that match rules, and ones that come near (the tests before the rules
# must keep the first and may drop the second).
_TEXTS = [
    "send me a pic of you in your underwear",
    "i have your nudes. send $300 to $jaykash or i post them to all your followers",
    "you have 2 hours. i have a list of your family and friends",
    "pay now or your life is over",
    "i got the $300 but now i want $500 more",
    "you're so mature for your age, ur 14 right",
    "don't tell your parents we talk ok",
    "i hacked your camera and recorded you",
    "i will send the video to everyone you know",
    "te voy a arruinar la vida si no pagas",
    "ich habe dich beobachtet, zahle 500 euro in bitcoin",
    "kill yourself, nobody will miss you",
    "sendnudes", "s e n d  n u d e s", "n00dz pls", "ѕеnd mе а рiс",  # look-alikes
    "SEND ME UR PICS!!!", "send\u200b me\u200b nudes", "pleeeease send a pic",
    "i'll post them. i'll post them. i'll post them. i'll post them.",
]  # fmt: skip


def _words() -> list[str]:
    """Every word some rule looks for, and every string a rule needs."""
    out: set[str] = set()
    for d in _PATTERN_DETECTORS:
        out |= d.vocabulary()
        for c in getattr(d, "_compiled", ()):
            for alt in required_alternatives(c.regex.pattern) or ():
                for clause in alt:
                    out.update(clause)
    return sorted(out)


def _random_texts(rnd: random.Random, n: int) -> list[str]:
    words = _words() + ["you", "me", "i", "the", "or", "$500", "17", "é", "ж", "😀", ".", "?"]
    texts = []
    for _ in range(n):
        k = rnd.choice([1, 3, 6, 12, 40])  # (some longer than the repeat limit)
        sep = rnd.choice([" ", " ", "  ", "\n", ", "])
        texts.append(sep.join(rnd.choice(words) for _ in range(k)))
    return texts


def _conversation(texts: list[str]) -> Conversation:
    t = datetime(2026, 3, 1, tzinfo=UTC)
    msgs = tuple(
        Message(f"m{i}", ("a", "b", None)[i % 3], t + timedelta(seconds=i), text,
                Source("0" * 64, "t", line=i))
        for i, text in enumerate(texts)
    )  # fmt: skip
    return Conversation("c", "text", "text", (), msgs)


def _findings(conversation: Conversation, mode: str, monkeypatch: pytest.MonkeyPatch) -> list[Finding]:
    monkeypatch.setattr(base, "SCAN_MODE", mode)
    registry = DetectorRegistry()
    for d in _PATTERN_DETECTORS:
        registry.register(type(d)())  # fresh detectors: the mode is read per detector
    engine = Analyzer(registry)
    view = engine.view(conversation)
    out: list[Finding] = []
    for d in engine.registry:
        out.extend(d.detect(view))
    return out



@functools.cache
def _corpora() -> list[tuple[str, list[str]]]:
    rnd = random.Random(20261208)
    long_line = " ".join(_TEXTS) * 3
    assert len(long_line) > REPEAT_TEXT_LIMIT
    es, _ = load_case("financial_sextortion_es.json")
    return [
        ("tricky", _TEXTS + list(HARD_NEGATIVES) + [long_line, "x" * 25_000 + " send nudes"]),
        # Each text twice or more: the second reading comes from the first's.
        ("repeated", (_TEXTS + _random_texts(rnd, 30)) * 3),
        ("random", _random_texts(rnd, 300)),
        ("spanish", [m.text for m in es.messages] + _TEXTS),
    ]


@pytest.mark.parametrize("corpus", range(4))
def test_choosing_rules_changes_no_finding(corpus: int, monkeypatch: pytest.MonkeyPatch) -> None:
    name, texts = _corpora()[corpus]
    conversation = _conversation(texts)
    expected = _findings(conversation, "plain", monkeypatch)
    assert expected  # (the corpus really exercises the rules)
    assert _findings(conversation, "python", monkeypatch) == expected, name
    require(base._fastscan is not None, "unsnare._fastscan (pip install -e . builds it)")
    assert _findings(conversation, "compiled", monkeypatch) == expected, name
