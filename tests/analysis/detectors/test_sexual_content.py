"""sexual_content: explicit sexual talk aimed at the person."""

from __future__ import annotations

import pytest

from support.analysis import HARD_NEGATIVES, run_detector, top_score
from unsnare.analysis.detectors.sexual_content import SexualContentDetector

D = SexualContentDetector()


@pytest.mark.parametrize(
    "text",
    [
        "i want to fuck you",
        "have you had sex before",
        "are you still a virgin",
        "get naked for me",
        "i wanna lick your boobs",
        "quiero cogerte",
        "voce e virgem?",
    ],
)
def test_explicit_talk_is_found(text: str) -> None:
    assert top_score(run_detector(D, text)) >= 0.4, text


def test_a_nudity_word_alone_is_noted_but_low() -> None:
    score = top_score(run_detector(D, "we went to a nude beach in france"))
    assert 0 < score < 0.4


def test_a_youth_cue_raises_the_score() -> None:
    adult = top_score(run_detector(D, "have you had sex before"))
    young = top_score(run_detector(D, "have you had sex before? i know ur only 14"))
    assert young > adult


@pytest.mark.parametrize(
    "text",
    [
        *HARD_NEGATIVES,
        "fuck you and your stupid team",
        "this song is fire",
        "I'd love to kiss you goodnight",
    ],
)
def test_flirting_and_swearing_are_not_sexual_content(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("he says he'll post my nudes on insta", "not your fault"),
        ("she has my naked pics and wants money", "not your fault"),
        ("send me nudes", "They bring up nudity"),
        ("i want to see your nudes", "They bring up nudity"),
    ],
)
def test_the_persons_own_pictures_get_a_blame_free_sentence(text: str, says: str) -> None:
    findings = run_detector(D, text)
    assert findings and says in findings[0].explanation, [f.explanation for f in findings]


@pytest.mark.parametrize(
    "text",
    ["i wanna lick u so bad", "have you ever gotten head", "did ur bf ever touch u"],
)
def test_sexual_acts_aimed_at_the_person_and_questions_about_experience(text: str) -> None:
    assert top_score(run_detector(D, text)) >= 0.45, text


@pytest.mark.parametrize(
    "text", ["the puppy keeps licking you lol", "ill touch you up on the spreadsheet later"]
)
def test_the_same_verbs_in_ordinary_talk(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.45, text
