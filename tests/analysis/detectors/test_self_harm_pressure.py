"""self_harm_pressure: pushing someone to hurt themselves."""

from __future__ import annotations

import pytest

from support.analysis import HARD_NEGATIVES, run_detector, top_score
from unsnare.analysis.detectors.self_harm_pressure import SelfHarmPressureDetector

D = SelfHarmPressureDetector()


@pytest.mark.parametrize(
    "text",
    [
        "just kill yourself",
        "your life is over",
        "you'd be better off dead",
        "no one will ever love you after this",
        "matate",
    ],
)
def test_pressure_to_self_harm_is_found(text: str) -> None:
    assert top_score(run_detector(D, text)) >= 0.7, text


@pytest.mark.parametrize(
    "text",
    [
        *HARD_NEGATIVES,
        "kys noob gg",
        "this homework is killing me",
        "life is good",
        "nobody will want you on the team if you keep missing practice",
    ],
)
def test_trash_talk_and_hyperbole_stay_low(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("kill yourself", "telling you to hurt yourself"),
        ("send the money or your life is over", "a lie meant to break you"),
        ("nobody will ever want you once they see this", "a lie meant to break you"),
    ],
)
def test_the_explanation_says_what_was_said(text: str, says: str) -> None:
    findings = run_detector(D, text)
    assert findings and all(says in f.explanation for f in findings), text


def test_might_as_well_die_is_pressure_to_self_harm() -> None:
    findings = run_detector(D, "you might as well die")
    assert findings and "telling you to hurt yourself" in findings[0].explanation


@pytest.mark.parametrize(
    "text",
    [
        "bring dich doch um, dich vermisst keiner",
        "si tu ne paies pas, autant en finir",
        "se non paghi tanto vale farla finita",
        "maak jezelf maar van kant",
        "se não pagar é melhor acabar com tudo",
        "wenn du nicht zahlst, kannst du es gleich beenden",
    ],
)
def test_the_push_to_self_harm_in_the_other_languages(text: str) -> None:
    assert top_score(run_detector(D, text)) >= 0.75, text


@pytest.mark.parametrize(
    "text",
    [
        "tanto vale farla finita con questa dieta",
        "autant en finir avec ce dossier ce soir",
        "das Spiel ist vorbei, gut gespielt",
    ],
)
def test_giving_up_a_diet_or_a_file_is_not_self_harm(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4, text
