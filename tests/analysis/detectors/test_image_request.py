"""image_request: asking for pictures or camera time, sexual ones above all."""

from __future__ import annotations

import pytest

from support.analysis import HARD_NEGATIVES, run_detector, top_score
from unsnare.analysis.detectors.image_request import ImageRequestDetector

D = ImageRequestDetector()


@pytest.mark.parametrize(
    "text",
    [
        "send me a pic of you without your shirt",
        "any nudes?",
        "show me your body",
        "can you take a naked pic for me",
        "pose in your underwear for me",
        "get on cam for me",
        "mandame fotos desnuda",
        "me manda nudes",
    ],
)
def test_sexual_image_requests_are_found(text: str) -> None:
    assert top_score(run_detector(D, text)) >= 0.45, text


@pytest.mark.parametrize(
    "text",
    [
        *HARD_NEGATIVES,
        "send me the pic of the menu",
        "I will send your video to all your contacts",
        "I have your nudes now",
        "should i send you the pics from the trip?",
        "take a photo of your homework and send it",
        "nice pic!",
    ],
)
def test_ordinary_picture_talk_is_calm(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4


def test_a_plain_request_for_a_selfie_is_low() -> None:
    score = top_score(run_detector(D, "send me a selfie"))
    assert 0 < score < 0.4


@pytest.mark.parametrize(
    "text",
    [
        "send me a pic",
        "send pics",
        "can you send me more",
        "show me more of you",
        "he wants me to send pics",
        "he keeps asking me to send more and i don't want to",
        "send your nudes to me",
    ],
)
def test_requests_for_pictures_are_found(text: str) -> None:
    assert run_detector(D, text), text


@pytest.mark.parametrize(
    "text",
    [
        # Sending TO other people is a threat to spread images, not a request.
        "he says he'll send my pics to everyone if i don't pay",
        "she's going to post my photos online",
        "they threatened to send my nudes to my school",
        "I will share your nudes with your family",
        "send your pics to all your followers? that's what happens if you ignore me",
        "send me more money",
        "send more details please",
        "he wants me to send more money",
    ],
)
def test_threats_to_spread_are_not_requests(text: str) -> None:
    assert not run_detector(D, text), text


@pytest.mark.parametrize(
    "text",
    ["send me a pic in your school uniform", "send me a pic with your friends"],
)
def test_a_request_naming_other_people_still_asks(text: str) -> None:
    assert run_detector(D, text), text


@pytest.mark.parametrize(
    "text",
    ["don't worry I won't show anyone your photos", "i would never send your pics to anyone"],
)
def test_a_promise_not_to_share_is_not_a_request(text: str) -> None:
    assert not run_detector(D, text), text


@pytest.mark.parametrize(
    "text",
    ["u got any new pics??", "have you got another selfie", "any more pics babe", "ya got a webcam?"],
)
def test_asking_whether_they_have_pictures_or_a_camera_is_a_request(text: str) -> None:
    assert top_score(run_detector(D, text)) >= 0.4, text


@pytest.mark.parametrize(
    "text",
    [
        "do you have any photos of the flat before we sign",
        "anyone got pics from the game last night?",
        "have you got a webcam for the team meeting",
    ],
)
def test_pictures_of_things_or_events_are_not_requests_for_the_person(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4, text


@pytest.mark.parametrize(
    "text",
    ["pasame una fotito tuya porfa", "hagamos videollamada ya", "me manda uma selfie sua"],
)
def test_spanish_and_portuguese_requests_for_the_person(text: str) -> None:
    assert top_score(run_detector(D, text)) >= 0.45, text


@pytest.mark.parametrize(
    "text", ["any more photos of urself?", "u got a digital camera?", "u got pics for me"]
)
def test_more_ways_of_asking_for_the_person_s_pictures(text: str) -> None:
    assert top_score(run_detector(D, text)) >= 0.4, text


# A direct ask for a picture of the person in chat words (invented sentences).
@pytest.mark.parametrize(
    "text",
    [
        "send me ur pics",
        "give me another pic",
        "may i see some pics",
        "could u send me a pic tonight",
        "i'd love to see more pics",
        "take a pic of urself for me",
    ],
)
def test_a_direct_ask_for_a_picture_reaches_medium(text: str) -> None:
    assert top_score(run_detector(D, text)) >= 0.4


@pytest.mark.parametrize(
    "text",
    [
        "send me the pics from the wedding",
        "can i see the photos of your new flat",
        "could you send me a photo of the receipt",
        "i'd love to see pics of the puppy",
        "i'll send you the pics tonight",
        "show me the screenshot of the error",
    ],
)
def test_asks_for_other_pictures_stay_below_medium(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4


@pytest.mark.parametrize(
    "text",
    ["u think u could send a pic?", "u should send a few pics", "u gonna send more photos"],
)
def test_the_person_named_as_the_sender(text: str) -> None:
    findings = run_detector(D, text)
    assert any(f.get("rule") == "image_request/you_could_send" for f in findings), text
    assert top_score(findings) >= 0.4, text


@pytest.mark.parametrize(
    "text",
    [
        "u should send the pics of the trip to grandma",
        "you can send photos of the damage to the insurer",
        "u could show me the vids from the party",
    ],
)
def test_pictures_of_something_else_stay_calm(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4, text


@pytest.mark.parametrize("text", ["send me a pic", "snap me a photo of u", "show me a picture?"])
def test_a_picture_asked_for_outright_is_medium(text: str) -> None:
    findings = run_detector(D, text)
    assert any(f.get("rule") == "image_request/send_a_pic" for f in findings), text
    assert top_score(findings) >= 0.4, text


@pytest.mark.parametrize(
    "text",
    [
        "send me the pics from the wedding",
        "send pics of the flat pls",
        "show me a photo of ur dog",
        "send me a picture of the menu",
        "send a pic to grandma",
    ],
)
def test_pictures_of_things_and_events_stay_below_medium(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4, text


@pytest.mark.parametrize(
    "text",
    [
        "facetime me when ur alone",
        "video chat tonight when everyone is asleep",
        "can we vc in ur room later",
        "skype me when nobody's home",
    ],
)
def test_a_video_call_where_no_one_sees(text: str) -> None:
    findings = run_detector(D, text)
    assert any(f.get("rule") == "image_request/private_video_call" for f in findings), text
    assert top_score(findings) >= 0.4, text


@pytest.mark.parametrize(
    "text", ["facetime grandma tonight", "video call at 6 with the team", "can u facetime later"]
)
def test_an_ordinary_video_call_stays_calm(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4, text
