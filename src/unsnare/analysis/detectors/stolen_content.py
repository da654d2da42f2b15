"""Sending "their own" explicit picture first to push for one back (often stolen)."""

from __future__ import annotations

from unsnare.analysis.base import PatternDetector, Rule
from unsnare.analysis.detectors import _kinds_stolen, _multilingual
from unsnare.analysis.tactics import Tactic
from unsnare.analysis.text import words

_EXPLAIN = (
    "They sent a picture first so you feel you owe one back. Such pictures are often "
    "stolen from someone else."
)

RULES = (
    Rule(
        r"\b(?:i|i've|ive)\s+(?:already\s+|just\s+)?(?:sent|showed|shown)\s+(?:you\s+|u\s+)?"
        r"(?:mine|my (?:\w+ )?(?:pic|pics|nudes|body|dick|boobs))\b",
        0.5,
        _EXPLAIN,
        keys="sent showed shown",
    ),
    Rule(
        r"\b(?:your|ur) turn\b|\bsend (?:me )?(?:one )?back\b|\b(?:you|u) owe me (?:a |one )?(?:pic"
        r"|picture|photo|nude)|\bfair is fair\b|\bnow (?:you|u) send\b|\bi showed (?:you|u) mine\b",
        0.25,
        _EXPLAIN,
        boost=r"\b(?:pic|pics|nude|nudes|photo|body|naked|mine)\b",
        boost_by=0.2,
        keys="turn back owe fair send showed",
    ),
    Rule(
        r"\b(?:ya te (?:mande|envie)|te mande|ja te (?:mandei|enviei)|te mandei)\s+(?:la |a |una |"
        r"uma )?(?:mia|minha|mi foto|foto)\b|\b(?:tu turno|sua vez|tu vez)\b",
        0.45,
        _EXPLAIN,
        langs=("es", "pt"),
        keys="mande envie mandei enviei turno vez",
    ),
)


class StolenContentDetector(PatternDetector):
    """Finds reciprocity pressure after sending a (likely stolen) picture."""

    name = "stolen_content"
    version = "1"
    tactic = Tactic.STOLEN_CONTENT
    rules = RULES + _multilingual.STOLEN_CONTENT + _kinds_stolen.STOLEN_CONTENT
    triggers = words(
        "sent showed shown mine turn back owe fair send mande envie mandei enviei turno vez"
    )
