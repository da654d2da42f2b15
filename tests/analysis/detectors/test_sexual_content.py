"""sexual_content: explicit sexual talk aimed at the person."""

from __future__ import annotations

import re

import pytest

from support.analysis import HARD_NEGATIVES, run_detector, top_score
from unsnare.analysis.detectors.sexual_content import RULES, SexualContentDetector

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


# Chat-register kinds (invented sentences): the named rule fires at medium;
# ordinary look-alikes stay below it.
@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("i wanna cum 4 u", "come_slang"),
        ("can i cum over 2nite", "come_slang"),
        ("dont worry ill make sure not to cum", "come_slang"),
        ("ever had a bj", "oral_in_chat_words"),
        ("i'd love to lick u all over", "acts_in_chat_words"),
        ("we could do it when ur alone", "acts_in_chat_words"),
        ("its way better than regular sex", "acts_in_chat_words"),
        ("do u ever sleep around", "acts_in_chat_words"),
        ("i have some x movies we can watch", "sexual_material"),
        ("what color are ur panties rn", "asks_underwear"),
        ("which kind of bra do u have on", "asks_underwear"),
        ("i'll buy you a lacy thong", "asks_underwear"),
        ("wanna see me naked", "offers_own_nudity"),
    ],
)
def test_chat_sexual_kinds(text: str, rule: str) -> None:
    findings = run_detector(D, text)
    assert top_score(findings) >= 0.4, [f.detail for f in findings]
    # Where an older rule covers the same words it may be the one kept.
    pattern = next(r.pattern for r in RULES if r.name == rule)
    assert re.search(pattern, text.lower()), text


@pytest.mark.parametrize(
    "text",
    [
        "i'm making love to this pizza",
        "what are you wearing to the party",
        "the condom aisle is next to the toothpaste",
        "use protection: sunscreen every two hours",
        "we reported the porn site to the hosting company",
        "can you lick the envelope for me",
        "stop fucking around and finish the report",
        "my dog went down on the carpet",
        "is the pill for your headache",
        "that blowjob joke in the film was so awkward",
    ],
)
def test_chat_sexual_look_alikes_stay_below_medium(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4
