"""Claims of control over the device, each language, said alone; and the
software, support and school talk that shares their words."""

from __future__ import annotations

import pytest

from support.analysis import run_detector, top_score
from unsnare.analysis.detectors.hacking_claim import HackingClaimDetector

D = HackingClaimDetector()


@pytest.mark.parametrize(
    "text",
    [
        "my program has been sitting on your laptop for weeks",
        "tu ordenador tiene mi programa desde hace meses",
        "meu programa está instalado no seu celular sem você saber",
        "mein Programm läuft seit Wochen auf deinem Rechner",
        "mon logiciel tourne sur ton ordinateur depuis des semaines",
        "il mio programma gira sul tuo cellulare da settimane",
        "mijn programma draait al weken op je laptop",
        "I can turn on your webcam any time I like",
        "puedo encender tu cámara cuando quiera",
        "ich kann deine Kamera jederzeit einschalten",
        "je peux allumer ta webcam quand je veux",
    ],
)
def test_control_of_the_device_is_read(text: str) -> None:
    assert top_score(run_detector(D, text)) >= 0.45, text


@pytest.mark.parametrize(
    "text",
    [
        "my app needs an update on your phone, download it from the store",
        "I can see your screen now, open the settings and allow the camera permission",
        "mi programa de la escuela no abre en tu ordenador",
        "ich kann deine Nachrichten nicht lesen, schick sie nochmal",
    ],
)
def test_software_support_and_school_talk_stay_calm(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4, text
