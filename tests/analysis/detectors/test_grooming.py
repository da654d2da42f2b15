"""grooming: flattery, secrecy, age probing, isolation, platform switch, meeting."""

from __future__ import annotations

import re

import pytest

from support.analysis import HARD_NEGATIVES, run_detector, top_score
from unsnare.analysis.detectors.grooming import RULES, GroomingDetector

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


# The kinds added for chat-register grooming (invented sentences): the rule that
# should fire, then ordinary look-alikes that must stay below medium.
@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("wheres ur mum tonight", "parents_whereabouts"),
        ("is your dad gonna be home on friday?", "parents_whereabouts"),
        ("so ur folks wont be hoem till late right", "parents_whereabouts"),
        ("does ur mom ever look through your phone", "parents_whereabouts"),
        ("ya stepdad would flip if he knew lol", "parents_whereabouts"),
        ("does your mother usually work saturdays", "parents_whereabouts"),
        ("will u be staying alone this weekend", "person_alone"),
        ("then we got the whole place to ourselves", "person_alone"),
        ("i dont want you getting in trouble ok", "trouble_for_you"),
        ("be careful so we dont end up in big trouble", "trouble_for_you"),
        ("i wont get u in trouble promise", "trouble_for_you"),
        ("so when can i come pick u up", "meeting_offer"),
        ("thought u wanted to meet", "meeting_offer"),
        ("if we ever meet youll see", "meeting_offer"),
        ("cant wait til i get to finally see ya", "meeting_offer"),
        ("ill pick you up near the park after school", "meeting_offer"),
        ("how far is it to get to your house from the highway", "meeting_offer"),
        ("ill get u some phone credit tomorrow", "gifts"),
        ("i could buy ya some smokes", "gifts"),
        ("lemme take you shopping saturday", "gifts"),
        ("when i was ur age i never had a phone", "age_gap_talk"),
        ("would your dad mind u hanging out with someone my age", "age_gap_talk"),
        ("u not being legal makes this tricky", "age_gap_talk"),
        ("you'll be so hot when you get older", "age_gap_talk"),
        ("is it weird talking to a 34 yr old guy", "age_gap_talk"),
        ("ur not some kind of cop are u", "cop_check_loose"),
    ],
)
def test_chat_grooming_kinds(text: str, rule: str) -> None:
    findings = run_detector(D, text)
    assert top_score(findings) >= 0.4, [f.detail for f in findings]
    # Where an older rule covers the same words it may be the one kept.
    kinds = {f.get("kind") for f in findings}
    expected = next(r for r in RULES if r.name == rule)
    assert dict(expected.detail)["kind"] in kinds
    assert re.search(expected.pattern, text.lower()), text


@pytest.mark.parametrize(
    "text",
    [
        "where's my mom, she said she'd pick me up",
        "say hi to your mom for me",
        "my parents won't be home till 6 so I'll cook",
        "you'll get in trouble with your boss if you're late again",
        "will the new manager get us in trouble for the long lunch",
        "i can't wait to see the movie",
        "can i meet you at the gym later",
        "the meeting is at the office at 10",
        "i'll get you a coffee on my way in",
        "i'll buy you a birthday present",
        "people my age love that band",
        "my 30 year old brother moved out",
        "the cops are outside the stadium",
        "we got the whole place cleaned before the party",
    ],
)
def test_chat_grooming_look_alikes_stay_below_medium(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4
