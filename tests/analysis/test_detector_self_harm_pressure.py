"""self_harm_pressure: pushing someone to hurt themselves."""

from __future__ import annotations

import pytest

from analysis.helpers import HARD_NEGATIVES, run_detector, top_score
from unsnare.analysis.detectors.self_harm_pressure import SelfHarmPressureDetector

D = SelfHarmPressureDetector()


@pytest.mark.parametrize(
    "text",
    [
        "just kill yourself",
        "your life is over",
        "you'd be better off dead",
        "no one will ever love you after this",
        "matate",
    ],
)
def test_pressure_to_self_harm_is_found(text: str) -> None:
    assert top_score(run_detector(D, text)) >= 0.7, text


@pytest.mark.parametrize(
    "text", [*HARD_NEGATIVES, "kys noob gg", "this homework is killing me", "life is good"]
)
def test_trash_talk_and_hyperbole_stay_low(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4
