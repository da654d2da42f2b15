"""The chat-register grooming rules (invented sentences): each kind fires on the
loose spelling of chat, at medium where it has no everyday reading and low
where it does; ordinary look-alikes stay below medium."""

from __future__ import annotations

import pytest

from support.analysis import run_detector, top_score
from unsnare.analysis.detectors._chat_grooming import CHAT_RULES
from unsnare.analysis.detectors.grooming import GroomingDetector

D = GroomingDetector()
NAMES = {r.name for r in CHAT_RULES}


def _rules(text: str) -> set[str]:
    return {str(f.get("rule")).split("/", 1)[1] for f in run_detector(D, text)}


@pytest.mark.parametrize(
    ("text", "rule", "medium"),
    [
        ("just tell ur mom ur staying at a friends house", "cover_story", True),
        ("say ur going to the library, they wont check", "cover_story", True),
        ("if anyone asks im just a friend from the game", "cover_identity", False),
        ("save my number as jenny so nobody wonders", "cover_identity", True),
        ("turn on vanish mode before we talk", "no_trace", True),
        ("wipe the convo after ok", "no_trace", True),
        ("promise u wont screenshot this", "no_trace", True),
        ("keep the app hidden in a folder", "no_trace", True),
        ("this is between u n me", "just_us", False),
        ("this is between u n me, ur only 14 so promise", "just_us", True),
        ("who's home with u right now", "who_is_home", False),
        ("can they hear u from downstairs", "who_is_home", False),
        ("do u have ur own room", "own_room", False),
        ("r ur parents strict about boys", "strict_parents", True),
        ("can anyone see ur dms", "strict_parents", False),
        ("r u allowed to have a bf", "strict_parents", False),
        ("can u get out of the house saturday", "get_out", True),
        ("come out without anyone noticing", "get_out", True),
        ("what street do u live on", "where_you_live", False),
        ("how far r u from the mall", "where_you_live", False),
        ("when i finally see u im gonna hug u so tight", "meeting_plan", False),
        ("ill wait in the lot behind the store", "meeting_plan", False),
        ("i'll put 20 on ur steam", "game_gifts", False),
        ("want me to get u robux? dont tell ur mom", "game_gifts", True),
        ("lets go somewhere private to talk", "private_app", False),
        ("download kik and msg me there", "private_app", False),
        ("i think im falling for u", "lavish_attachment", False),
        ("ur friends never get u like i do", "lavish_attachment", False),
        ("i could get in trouble being with a minor", "age_law", True),
        ("thats like giving smokes to a minor lol", "age_law", True),
        ("if we ever get to meet", "hoped_meeting", False),
    ],
)
def test_chat_kinds_fire(text: str, rule: str, medium: bool) -> None:
    assert rule in NAMES
    assert rule in _rules(text), [f.detail for f in run_detector(D, text)]
    assert (top_score(run_detector(D, text)) >= 0.4) is medium, text


@pytest.mark.parametrize(
    "text",
    [
        "dile a tus padres que vas a casa de una amiga",
        "apaga a conversa depois",
        "ta sozinha em casa?",
    ],
)
def test_spanish_and_portuguese_hiding(text: str) -> None:
    assert top_score(run_detector(D, text)) >= 0.4, text


@pytest.mark.parametrize(
    "text",
    [
        "tell the boss im at the dentist",
        "if anyone asks about the party its a surprise",
        "is anyone home? i lost my keys",
        "my parents are so strict its annoying",
        "where do u live now, i want to send a birthday card",
        "the package says it's near your house",
        "ill wait in the car at the airport",
        "i'll venmo u back for the pizza",
        "add me on discord for the raid tonight",
        "minor league game at 7",
        "are you old enough to rent a car",
        "you must not be a minor to enter this site, click to verify",
        "hope we get to meet your sister at the wedding",
        "save the date: may 4",
    ],
)
def test_ordinary_look_alikes_stay_below_medium(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4, [f.detail for f in run_detector(D, text)]
