"""The compiled rule scanner says exactly what testing each rule's strings one
by one says (src/unsnare/_fastscan.c; the Python test is the reference)."""

from __future__ import annotations

import random
from collections.abc import Sequence

import pytest

from support.components import require
from unsnare.analysis import base

Needs = Sequence[Sequence[Sequence[str]]] | None


def _scanner() -> type:
    require(base._fastscan is not None, "unsnare._fastscan (pip install -e . builds it)")
    assert base._fastscan is not None
    return base._fastscan.Scanner  # type: ignore[no-any-return]


def _reference(rules: list[Needs], text: str) -> tuple[int, ...]:
    return tuple(
        i
        for i, needs in enumerate(rules)
        if needs is None
        or not needs
        or any(all(any(s in text for s in clause) for clause in alt) for alt in needs)
    )


# Letters that make strings overlap and nest, with accents, other scripts, an
# emoji and a lone surrogate (which a chat file decoded with errors can hold).
_ALPHABET = ["a", "b", "n", "s", " ", "é", "ж", "😀", "\ud83d", "'"]


def _string(rnd: random.Random, low: int = 1, high: int = 4) -> str:
    return "".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(low, high)))


def _rules(rnd: random.Random) -> list[Needs]:
    rules: list[Needs] = []
    for _ in range(rnd.randint(1, 70)):  # more than 64 rules too
        if rnd.random() < 0.1:
            rules.append(None)
            continue
        rules.append(
            [
                [[_string(rnd) for _ in range(rnd.randint(1, 3))] for _ in range(rnd.randint(0, 3))]
                for _ in range(rnd.randint(1, 3))
            ]
        )
    return rules


def test_the_scanner_equals_testing_each_string() -> None:
    scanner = _scanner()
    rnd = random.Random(17)
    for _ in range(300):
        rules = _rules(rnd)
        scan = scanner(rules).scan
        for _ in range(30):
            text = _string(rnd, 0, 40)
            assert scan(text) == _reference(rules, text), (rules, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", (0, 3)),
        ("send me a pic", (0, 1, 3)),
        ("sendnudes", (0, 1, 3)),  # strings need no spaces around them
        ("pics", (0, 3)),
        ("café and nudes", (0, 2, 3)),
        ("cafe", (0, 3)),  # "é" is not "e": the scanner reads folded text
        ("x" * 100_000 + "send pic", (0, 1, 3)),
    ],
)
def test_table(text: str, expected: tuple[int, ...]) -> None:
    rules: list[Needs] = [
        None,
        [[["send", "show"], ["pic", "nude"]]],
        [[["café"], ["nudes"]], [["xyz"]]],
        [],
    ]
    assert _scanner()(rules).scan(text) == expected


@pytest.mark.parametrize(
    "rules",
    [5, [5], [[[5]]], [[[["a", 5]]]], [[[[""]]]]],
)
def test_bad_rules_are_refused(rules: object) -> None:
    with pytest.raises(TypeError):
        _scanner()(rules)


def test_scan_takes_only_text() -> None:
    scan = _scanner()([None]).scan
    with pytest.raises(TypeError):
        scan(b"bytes")
