"""outing_threat: threats to reveal someone's sexuality or gender identity."""

from __future__ import annotations

import pytest

from support.analysis import HARD_NEGATIVES, run_detector, top_score
from unsnare.analysis.detectors.outing_threat import OutingThreatDetector

D = OutingThreatDetector()


@pytest.mark.parametrize(
    "text",
    [
        "pay or i tell your parents you're gay",
        "i'll out you to the whole school",
        "I will let everyone know you are trans",
    ],
)
def test_outing_threats_are_found(text: str) -> None:
    assert top_score(run_detector(D, text)) >= 0.6, text


@pytest.mark.parametrize(
    "text", [*HARD_NEGATIVES, "my cousin came out as gay last year, we're so proud", "let's go out"]
)
def test_talk_about_identity_is_not_a_threat(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4


@pytest.mark.parametrize(
    "text",
    [
        "he said he'll tell my parents i'm gay if i don't pay",
        "she says she will let my whole school know that i'm trans",
    ],
)
def test_a_retold_outing_threat_is_found(text: str) -> None:
    findings = run_detector(D, text)
    assert top_score(findings) >= 0.6 and "You describe" in findings[0].explanation, text


@pytest.mark.parametrize(
    "text", ["i told my parents i'm gay and they were cool", "he said im bi too lol"]
)
def test_coming_out_in_your_own_words_is_not_a_threat(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4, text
