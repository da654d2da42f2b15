"""deadline: time limits that rush the person."""

from __future__ import annotations

import pytest

from analysis.helpers import HARD_NEGATIVES, run_detector, top_score
from unsnare.analysis.detectors.deadline import DeadlineDetector

D = DeadlineDetector()


@pytest.mark.parametrize(
    "text",
    [
        "you have 24 hours to pay",
        "You have one hour or I post everything",
        "10 minutes left. send the money",
        "time is running out",
        "within 48 hours send the bitcoin or the video goes out",
        "tienes una hora para pagar",
        "voce tem 2 horas",
    ],
)
def test_deadlines_are_found(text: str) -> None:
    assert run_detector(D, text), text


@pytest.mark.parametrize(
    "text",
    [
        *HARD_NEGATIVES,
        "tell me half an hour before you come",
        "the store closes in 2 hours",
        "Please verify your account within 24 hours.",
    ],
)
def test_ordinary_times_are_not_pressure(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4
