"""The stolen content's kinds: the act claimed through what was watched, each
language; and ordinary sightings and banter."""

from __future__ import annotations

import pytest

from support.analysis import run_detector, top_score
from unsnare.analysis.detectors.stolen_content import StolenContentDetector

D = StolenContentDetector()


@pytest.mark.parametrize(
    "text",
    [
        "I watched you touching yourself on camera",
        "te vi masturbándote por la cámara",
        "Ich habe gesehen, wie du dich vor der Kamera selbst befriedigst.",
        "je t'ai vu te masturber devant l'écran",
        "ti ho visto mentre ti toccavi davanti alla webcam",
        "ik heb gezien hoe je jezelf bevredigde",
    ],
)
def test_the_act_claimed_as_seen_is_read(text: str) -> None:
    assert top_score(run_detector(D, text)) >= 0.45, text


@pytest.mark.parametrize(
    "text",
    [
        "I saw you at the concert last night, you were great",
        "Ich habe gesehen, dass du Pornos magst, lol, wie wir alle",
        "ho visto il film che mi hai consigliato",
    ],
)
def test_sightings_and_banter_stay_calm(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4, text
