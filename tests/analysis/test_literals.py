"""The literal test before a rule's pattern: it may only skip texts the
pattern cannot match in (so findings stay exactly the same)."""

from __future__ import annotations

import random
import re

import pytest

from unsnare.analysis import PatternDetector, builtin_registry
from unsnare.analysis.base import loosen_spaces
from unsnare.analysis.literals import literal_gate, required_alternatives, required_literals


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bsend\s+nudes\b", ("nudes",)),
        (r"\b(?:send|show)\s+me", ("send", "show")),
        (
            r"(?:i'll|i will) (?:post|send)",
            ("i'll post", "i'll send", "i will post", "i will send"),
        ),
        (r"\bpics?\b", ("pic",)),
        (r"(?:ha){2}", ("haha",)),
        (r"(?<!not )\bpay\b", ("pay",)),
        (r"\w+ing", ("ing",)),
        (r"\bi\s+will\s+(?:post|send)\b", ("will",)),
        # No literal every match must hold, or only short ones: always run.
        (r"\b\w+\b", None),
        (r"\bpay\b|\w+", None),
        (r"\bu\b", None),
        (r"(?:\d+)\s*(?:hrs?|min)", None),
        (r"(?i)\bpay\b", None),
        (r"(?i:pay)ment", ("ment",)),
        (r"[(", None),
    ],
)
def test_required_literals(pattern: str, expected: tuple[str, ...] | None) -> None:
    found = required_literals(pattern)
    assert (None if found is None else tuple(sorted(found))) == (
        None if expected is None else tuple(sorted(expected))
    )


_PIECES = [
    "send", "pic", "s", "e", " ", r"\s+", r"\s*", r"\b", r"\w+", r"\w*", ".", "[ae]",
    "[^a]", r"\d", "(?:me )?", "(?:u|you)", "(?:pay|send|post)", "s?", "(?:ha){1,3}",
    "(?=s)", "(?<!x)", "(?:abc|ab)+", "e{2,}",
]  # fmt: skip


# Inside a repeated group only pieces of bounded length: a repeated group of
# unbounded pieces ("(?:\w+)+") backtracks for ever on a text that fails.
_BOUNDED = [p for p in _PIECES if not p.endswith(("+", "*", ",}"))]


def _random_pattern(rnd: random.Random, depth: int = 0) -> str:
    parts = []
    for _ in range(rnd.randint(1, 4)):
        if depth < 2 and rnd.random() < 0.2:
            alternatives = [_random_pattern(rnd, depth + 1) for _ in range(rnd.randint(2, 3))]
            parts.append("(?:" + "|".join(alternatives) + ")" + rnd.choice(["", "?", "{1,2}"]))
        else:
            parts.append(rnd.choice(_PIECES if depth == 0 else _BOUNDED))
    return "".join(parts)


def _random_text(rnd: random.Random) -> str:
    words = ["send", "pic", "pay", "me", "you", "u", "post", "haha", "abc", "see", "x", "12"]
    return " ".join(rnd.choice(words) for _ in range(rnd.randint(0, 8)))


def test_the_gate_never_skips_a_text_the_pattern_matches_in() -> None:
    rnd = random.Random(20261207)
    gated = 0
    for _ in range(3000):
        pattern = _random_pattern(rnd)
        gate = literal_gate(pattern)
        if gate is None:
            continue
        gated += 1
        regex = re.compile(pattern)
        for _ in range(20):
            text = _random_text(rnd)
            if regex.search(text):
                assert gate(text), (pattern, text)
    assert gated > 300  # (the property was really exercised)


def _rules() -> list[tuple[str, str]]:
    return [
        (c.name, loosen_spaces(c.rule.pattern))
        for d in builtin_registry()
        if isinstance(d, PatternDetector)
        for c in d._compiled
    ]


# Texts that each match some rule: the tests before the rules must let them through.
_MATCHING_TEXTS = [
    "send me a pic of you in your underwear",
    "i have your nudes. send $300 to $jaykash or i post them to all your followers",
    "you have 2 hours. i have a list of your family and friends",
    "pay now or your life is over",
    "i got the $300 but now i want $500 more",
    "you're so mature for your age",
    "don't tell your parents we talk ok",
    "i hacked your camera and recorded you",
    "i will send the video to everyone you know",
    "te voy a arruinar la vida si no pagas",
    "ich habe dich beobachtet, zahle 500 euro in bitcoin",
    "kill yourself, nobody will miss you",
    "im 16 and you are so mature, add me on snap",
]


def test_every_built_in_rule_keeps_its_matches_through_the_gate() -> None:
    checked = 0
    for name, pattern in _rules():
        gate = literal_gate(pattern)
        regex = re.compile(pattern)
        for text in _MATCHING_TEXTS:
            if regex.search(text):
                checked += 1
                assert gate is None or gate(text), (name, text)
    assert checked > 10


def _holds(needs: tuple[tuple[tuple[str, ...], ...], ...], text: str) -> bool:
    return any(all(any(s in text for s in clause) for clause in alt) for alt in needs)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bsend\s+nudes\b", ((("send",), ("nudes",)),)),
        # One alternative per top-level branch, so a weak one does not weaken the rest.
        (r"\bpay\s+now|\b(?:dm|tag)\s+me", ((("pay",), ("now",)), (("dm", "tag"), ("me",)))),
        # Short strings count ("9", or the "1" of "1[0-7]").
        (r"(?:9|1[0-7])\s*yrs?", ((("1", "9"), ("yr",)),)),
        # Nothing known for one branch: nothing known at all.
        (r"\bpay\b|\w+", None),
        (r"(?i)\bpay\b", None),
        (r"[(", None),
    ],
)  # fmt: skip
def test_required_alternatives(
    pattern: str, expected: tuple[tuple[tuple[str, ...], ...], ...] | None
) -> None:
    found = required_alternatives(pattern)
    if expected is None:
        assert found is None
        return
    assert found is not None
    normal = {frozenset(frozenset(c) for c in alt) for alt in found}
    assert normal == {frozenset(frozenset(c) for c in alt) for alt in expected}


def test_the_alternatives_never_rule_out_a_text_the_pattern_matches_in() -> None:
    rnd = random.Random(20261208)
    known = 0
    for _ in range(3000):
        pattern = _random_pattern(rnd)
        needs = required_alternatives(pattern)
        if needs is None:
            continue
        known += 1
        regex = re.compile(pattern)
        for _ in range(20):
            text = _random_text(rnd)
            if regex.search(text):
                assert _holds(needs, text), (pattern, text)
    assert known > 300


def test_every_built_in_rule_keeps_its_matches_through_its_alternatives() -> None:
    checked = 0
    for name, pattern in _rules():
        needs = required_alternatives(pattern)
        regex = re.compile(pattern)
        for text in _MATCHING_TEXTS:
            if regex.search(text):
                checked += 1
                assert needs is None or _holds(needs, text), (name, text)
    assert checked > 10
