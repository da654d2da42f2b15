"""false_identity: admitting a fake age or profile, pretending to be someone else."""

from __future__ import annotations

import pytest

from analysis.helpers import HARD_NEGATIVES, run_detector, top_score
from unsnare.analysis.detectors.false_identity import FalseIdentityDetector

D = FalseIdentityDetector()


@pytest.mark.parametrize(
    "text",
    [
        "i told you i was 17 but that was a lie",
        "that's not my real age on my profile",
        "this is a fake profile lol",
        "i can pretend to be your cousin if your mom asks",
        "no soy quien dije que era, es un perfil falso",
    ],
)
def test_false_identities_are_found(text: str) -> None:
    assert top_score(run_detector(D, text)) >= 0.4, text


@pytest.mark.parametrize(
    "text",
    [*HARD_NEGATIVES, "let's pretend we're pirates lol", "he told me he was sick"],
)
def test_ordinary_talk_is_not_false_identity(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("this is my fake account, don't tell anyone", "They admit"),
        ("it was a fake profile, she was really a grown man", "may not be who they say"),
        ("someone made a fake account with my photos and is messaging my friends", "not your fault"),
        ("there's a fake insta using my name and pics", "not your fault"),
    ],
)
def test_the_explanation_fits_who_is_speaking(text: str, says: str) -> None:
    findings = run_detector(D, text)
    assert findings and says in findings[0].explanation, [f.explanation for f in findings]


def test_being_impersonated_is_noted_below_an_admission() -> None:
    text = "someone made a fake account with my photos"
    assert 0 < top_score(run_detector(D, text)) < 0.4
