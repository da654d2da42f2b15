"""Talk about abuse (warnings, news) is told from the menace itself."""

from __future__ import annotations

import pytest

from unsnare.analysis.context import talks_about_abuse
from unsnare.analysis.normalize import Normalizer


def fold(text: str) -> str:
    return Normalizer().fold(text).text


@pytest.mark.parametrize(
    "text",
    [
        "Die Polizei warnt vor Erpressern, die Nacktbilder verlangen.",
        "Achtung, Warnung vor einer neuen Betrugsmasche per E-Mail.",
        "La polizia avverte: non pagate mai.",
        "De politie waarschuwt voor afpersers op sociale media.",
        "Scammers often threaten to send your photos to your family.",
    ],
)
def test_warnings_and_news_are_talk_about_abuse(text: str) -> None:
    assert talks_about_abuse(fold(text))


@pytest.mark.parametrize(
    "text",
    [
        "Das ist meine letzte Warnung!",
        "Questo è il mio ultimo avvertimento.",
        "Dit is mijn laatste waarschuwing.",
        "pay or your pics go to everyone",
    ],
)
def test_a_last_warning_is_the_menace_itself(text: str) -> None:
    assert not talks_about_abuse(fold(text))
