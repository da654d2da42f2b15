"""grooming: flattery, secrecy, age probing, isolation, platform switch, meeting."""

from __future__ import annotations

import pytest

from support.analysis import HARD_NEGATIVES, run_detector, top_score
from unsnare.analysis.detectors.grooming import GroomingDetector

D = GroomingDetector()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("don't tell your parents about us", "secrecy"),
        ("this is our little secret ok", "secrecy"),
        ("delete the chat so no one sees", "secrecy"),
        ("you're only 13? you seem mature for your age", "age_probing"),
        ("age is just a number", "age_probing"),
        ("do you like older guys", "age_probing"),
        ("when does your mom leave for work", "isolation"),
        ("can you sneak out tonight", "isolation"),
        ("are you home alone", "isolation"),
        ("add me on snap, whats your number", "platform_switch"),
        ("i can pick you up after school", "meeting"),
        ("come to my hotel room", "meeting"),
        ("no le digas a nadie, es nuestro secreto", "secrecy"),
    ],
)
def test_grooming_kinds_are_named(text: str, kind: str) -> None:
    findings = run_detector(D, text)
    assert any(f.get("kind") == kind for f in findings), [f.detail for f in findings]
    assert top_score(findings) >= 0.3


def test_flattery_alone_stays_low_and_youth_raises_it() -> None:
    assert top_score(run_detector(D, "you're so pretty")) < 0.4
    assert top_score(run_detector(D, "you're so pretty for a 13 year old")) >= 0.4


@pytest.mark.parametrize(
    "text",
    [
        *HARD_NEGATIVES,
        "don't tell anyone about the surprise party",
        "my mom says hi",
        "call me when you're done",
        "mom said you can come over after school",
        "don't tell dad about the dent in the car lol",
        "dont tell anyone but i like jake",
        "what's your address? i'm sending your birthday present",
        "the hotel room is booked for the tournament",
        "that old man at the store was so nice",
        "see you at the library at 4",
    ],
)
def test_ordinary_life_is_not_grooming(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4


@pytest.mark.parametrize(
    "text",
    [
        "do you want your parents to see these? pay up",
        "would you like your dad to find out what you sent me",
        "u want ur family to see this or not",
    ],
)
def test_a_threat_naming_the_family_is_not_isolation(text: str) -> None:
    findings = run_detector(D, text)
    assert not any(f.get("kind") == "isolation" for f in findings), [f.detail for f in findings]


@pytest.mark.parametrize(
    "text", ["make sure your mom doesnt see our chats", "you don't want your parents to find out"]
)
def test_planning_around_parents_is_still_isolation(text: str) -> None:
    findings = run_detector(D, text)
    assert any(f.get("kind") == "isolation" for f in findings), [f.detail for f in findings]


@pytest.mark.parametrize(
    "text",
    ["does ur dad work nights?", "so ur mom is asleep?", "i could get in serious trouble, ur 14"],
)
def test_parents_schedule_and_fear_of_the_law(text: str) -> None:
    assert top_score(run_detector(D, text)) >= 0.45, text


@pytest.mark.parametrize(
    "text",
    ["does your dad work at the garage on main st?", "i'll get in trouble with my boss if im late"],
)
def test_ordinary_questions_about_work_and_trouble(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.45, text


@pytest.mark.parametrize(
    "text", ["honestly i prefer younger girls", "u being 13 is what makes it so exciting"]
)
def test_an_adult_stating_interest_in_youth(text: str) -> None:
    assert top_score(run_detector(D, text)) >= 0.55, text


@pytest.mark.parametrize("text", ["i like young adult books", "we love little league games"])
def test_young_in_other_senses(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.45, text


@pytest.mark.parametrize(
    "text",
    [
        "while ur parents r not home",
        "arent your folks home on fridays?",
        "ur dad would freak out if he knew",
        "u still underage right",
        "gotta watch out for undercover cops on here",
    ],
)
def test_parents_away_their_anger_age_and_the_police(text: str) -> None:
    assert top_score(run_detector(D, text)) >= 0.45, text


@pytest.mark.parametrize(
    "text", ["your mom will be mad if you miss the bus again", "minor league game at 7?"]
)
def test_ordinary_parent_and_minor_talk(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.45, text


@pytest.mark.parametrize(
    "text",
    [
        "u r a minor tho",
        "r u working for the cops",
        "clear all of our chats tonight ok",
        "does ur dad usually get home late?",
        "what r u gonna tell ur mom so u can sneak out",
    ],
)
def test_more_ways_of_age_police_secrecy_and_parents(text: str) -> None:
    assert top_score(run_detector(D, text)) >= 0.45, text
