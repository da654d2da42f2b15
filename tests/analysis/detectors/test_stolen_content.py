"""stolen_content: sending "their" picture first to push for one back."""

from __future__ import annotations

import pytest

from support.analysis import HARD_NEGATIVES, run_detector, top_score
from unsnare.analysis.detectors.stolen_content import StolenContentDetector

D = StolenContentDetector()


@pytest.mark.parametrize(
    "text",
    [
        "i already sent you mine, your turn",
        "I showed you mine, now you send",
        "you owe me a pic",
        "ya te mande la mia, tu turno",
    ],
)
def test_reciprocity_pressure_is_found(text: str) -> None:
    assert top_score(run_detector(D, text)) >= 0.4, text


@pytest.mark.parametrize(
    "text", [*HARD_NEGATIVES, "your turn to pick the movie", "send back the form by friday"]
)
def test_ordinary_turn_taking_is_calm(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4
