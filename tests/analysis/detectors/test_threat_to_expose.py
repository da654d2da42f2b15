"""threat_to_expose: threats to send or post someone's images, with the audience."""

from __future__ import annotations

import pytest

from support.analysis import HARD_NEGATIVES, run_detector, top_score
from unsnare.analysis.detectors.threat_to_expose import ThreatToExposeDetector

D = ThreatToExposeDetector()


@pytest.mark.parametrize(
    ("text", "audience"),
    [
        ("send $300 or I will post your nudes online", "everyone"),
        ("i'm going to send them to your family", "family"),
        ("I'll share these pics with all your followers", "followers"),
        ("pay or everyone at your school sees it", "school"),
        ("your boss will see everything", "employer"),
        ("imma leak the video to your friends", "friends"),
        ("i will ruin your life", "everyone"),
        ("send $500 or I post them to all your followers and your school", "followers"),
        ("voy a publicar tus fotos y tu familia las va a ver", "family"),
        ("vou postar tudo pra seus amigos", "friends"),
        ("he says he will send my nudes to my family unless i pay", "family"),
        ("my ex says she'll post my pics online if i don't get back with her", "everyone"),
        ("they said they'll email my video to my teachers unless i pay", "school"),
        ("he's going to dm my nudes to my followers", "followers"),
        ("i paid him and he wants more money, he says he'll post everything online", "everyone"),
        ("can you imagine if i send these to your family", "family"),
        ("pay up or i send the pics to your family", "family"),
        ("he'll send the nude photos to my school unless i pay", "school"),
        ("he says he'll send my pics to everyone", "everyone"),
        ("he's going to send my pics to my family", "family"),
        ("she's threatening to send my photos to my friends", "friends"),
        ("they said they would post all my pictures on my instagram", "followers"),
    ],
)
def test_threats_are_found_with_their_audience(text: str, audience: str) -> None:
    findings = run_detector(D, text)
    assert findings, text
    assert top_score(findings) >= 0.5
    assert any(f.get("audience") == audience for f in findings), [f.detail for f in findings]


@pytest.mark.parametrize(
    "text",
    [
        *HARD_NEGATIVES,
        "I'll send the pics from the trip to everyone tonight",
        "can you send me the homework",
        "post it on the group chat when you're done",
        "she's going to post my pics from the party lol",
        "i'll post the pics from the trip on insta tonight",
        "she'll email me the pics from the party",
        "he texted me my schedule for next week",
        "she said she'll post everything about the bake sale on the school page",
        "can u share the pics from saturday with everyone in the group",
        "he said he'll send the photos to everyone from the trip by tonight",
        "please send the video to your mom, she'll love it",
        "my mom said she will send my graduation pics to grandma",
        "she'll send me the pics from the party",
        "he said he'd share my photos of the match with the team",
        "Your friends will see your new profile picture",
        "Tus amigos verán tu nueva foto de perfil",
        "I have your photos from the wedding, want me to send them?",
    ],
)
def test_ordinary_messages_are_not_threats(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4


@pytest.mark.parametrize(
    "text",
    [
        "ur vids r going up on ur class group chat unless u pay",
        "your nudes will be sent to all your followers",
        "lol u think blocking me is gonna save u",
        "blocking me doesnt change anything",
        "unblock me now",
        "pay the 200 or you know what comes next",
        "I have your photos from the party, pay me 200 or I post them",
        "Tus amigos verán tus fotos",
    ],
)
def test_passive_threats_block_reminders_and_menace(text: str) -> None:
    assert top_score(run_detector(D, text)) >= 0.55, text


@pytest.mark.parametrize(
    "text",
    [
        "the photos from the wedding are going up on the family page tonight",
        "you know what happens next in the show? no spoilers",
        "i blocked him, blocking works",
    ],
)
def test_ordinary_posts_and_plot_talk_are_not_threats(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.5, text


def test_a_chain_message_asking_the_reader_to_forward_it_is_not_a_threat() -> None:
    text = "its hug day!! send this to all ur best frnds n see how many hug u back, reply me first"
    assert top_score(run_detector(D, text)) < 0.5


def test_we_can_send_this_to_your_friends_is_a_threat() -> None:
    assert top_score(run_detector(D, "we could forward this to all your contacts today")) >= 0.7


@pytest.mark.parametrize(
    "text",
    ["im going to wreck you", "i'll make u regret this", "vamos a arruinarle la vida",
     "vou lhe fazer sofrer"],
)
def test_menace_at_the_person_in_english_spanish_and_portuguese(text: str) -> None:
    assert top_score(run_detector(D, text)) >= 0.45, text


@pytest.mark.parametrize(
    "text", ["i will destroy you at chess tomorrow", "ill ruin u in ranked lol"]
)
def test_game_talk_is_not_menace(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.45, text


@pytest.mark.parametrize(
    "text",
    [
        "500 or it goes on your instagram",
        "pay up or they get sent to ur family",
        "do it or everything goes out to all your followers",
    ],
)
def test_a_demand_whose_consequence_is_it_going_to_the_audience(text: str) -> None:
    assert top_score(run_detector(D, text)) >= 0.55, text


@pytest.mark.parametrize(
    "text",
    [
        "charge your phone or it goes dead",
        "finish the essay or it goes on your record",
        "confirm the address or it goes to your spam folder",
    ],
)
def test_ordinary_or_else_consequences_are_not_threats(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.5, text
