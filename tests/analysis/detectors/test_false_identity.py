"""false_identity: admitting a fake age or profile, pretending to be someone else."""

from __future__ import annotations

import pytest

from support.analysis import HARD_NEGATIVES, run_detector, top_score
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


@pytest.mark.parametrize(
    "text",
    [
        "she says she's a boy, not a girl like her profile",
        "turns out he was a 38 year old man",
        "he told me he was 15 but he's actually 41",
        "the girl was really a grown man",
        "turns out the profile was fake the whole time",
        "he lied about his age and his name",
        "she wasn't who she said she was",
        "they lied about being in high school",
    ],
)
def test_a_retold_lie_about_who_they_are_is_found(text: str) -> None:
    findings = run_detector(D, text)
    assert top_score(findings) >= 0.4, text
    assert any("You describe them lying" in f.explanation for f in findings), findings


@pytest.mark.parametrize(
    "text",
    [
        "she says she's a girl from my school",
        "turns out he's a really nice guy",
        "turns out she was right about the test",
        "he's actually 15 too haha",
        "he's actually 20 minutes away",
        "she came out as trans, she says she's a guy now and uses he/him pronouns",
        "he lied about his homework again",
        "he was really a man about it and said sorry",
        "it was actually 30 degrees today",
    ],
)
def test_retold_ordinary_talk_is_not_a_false_identity(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4, text
