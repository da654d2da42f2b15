"""A clock on the demand, each language, and the ordinary clocks (invoices,
offers, exams) that share its words. Every line is written by the team."""

from __future__ import annotations

import pytest

from support.analysis import run_detector, top_score
from unsnare.analysis.detectors.deadline import DeadlineDetector

D = DeadlineDetector()
RULE = "deadline/a_clock_on_the_demand"


def _rules(text: str) -> set[str]:
    return {str(dict(f.detail).get("rule")) for f in run_detector(D, text)}


@pytest.mark.parametrize(
    "text",
    [
        "the clock is ticking: 300 dollars or the video goes out",
        "manda 200 euros antes de medianoche",
        "paga 500 reais até amanhã ou eu posto tudo",
        "überweis 400 Euro bis heute Abend",
        "envoie 300 euros avant minuit",
        "manda 250 euro entro stasera",
        "betaal 300 euro voor middernacht",
        "die Uhr tickt, zahl endlich",
    ],
)
def test_a_clock_on_a_payment_or_the_pictures_is_read(text: str) -> None:
    assert top_score(run_detector(D, text)) >= 0.35, text


@pytest.mark.parametrize(
    "text",
    [
        "Rechnung 1182: bitte zahlen Sie 80 Euro bis morgen.",
        "Oferta: 20 euros de descuento antes de medianoche.",
        "rends-moi les 20 euros avant ce soir stp",
        "l'examen est dans 2 heures, bonne chance",
        "we gaan voor middernacht naar huis",
    ],
)
def test_ordinary_clocks_stay_calm(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.3, text
