"""Deadlines that put a clock on a demand ("you have 24 hours")."""

from __future__ import annotations

from unsnare.analysis.base import PatternDetector, Rule
from unsnare.analysis.tactics import Tactic
from unsnare.analysis.text import words

_N = (
    r"(?:\d+|an?|one|two|three|five|ten|fifteen|twenty|thirty|forty|sixty|una?|dos|tres|cinco"
    r"|diez|uma|duas|dez)"
)
_UNIT = r"(?:hours?|hrs?|h|minutes?|mins?|days?|seconds?|secs?)"
_PRESSURE = (
    r"\b(?:pay|send|everyone|post|leak|delete|money|bitcoin|btc|video|pics?|nudes|expose"
    r"|or else|or i|or everyone|or your)\b"
)

RULES = (
    Rule(
        rf"\b(?:you|u)\s+(?:only\s+)?(?:have|got|get)\s+(?:only\s+)?(?:exactly\s+)?{_N}\s*{_UNIT}\b",
        0.3,
        "They are putting a deadline on you to rush you. Rushing is a pressure trick.",
        boost=_PRESSURE,
        boost_by=0.15,
        keys="hours hour hrs hr h minutes minute mins min days day seconds secs",
    ),
    Rule(
        rf"\b(?:within|in the next|before)\s+(?:the\s+next\s+)?{_N}\s*{_UNIT}\b",
        0.2,
        "They set a short time limit to rush you.",
        requires=_PRESSURE,
        boost=_PRESSURE,
        boost_by=0.15,
        keys="hours hour hrs hr h minutes minute mins min days day seconds secs",
    ),
    Rule(
        rf"\b{_N}\s*{_UNIT}\s+(?:left|to pay|to send|or else|or i|or everyone|before i)\b"
        r"|\b(?:time|clock)(?:'s| is)?\s+(?:running out|ticking)\b|\btick tock\b"
        r"|\b(?:before|by)\s+(?:tonight|midnight|tomorrow|the end of (?:the )?day)\s+or\b",
        0.35,
        "They say time is running out, to rush you. Rushing is a pressure trick.",
        boost=_PRESSURE,
        boost_by=0.1,
        keys=(
            "hours hour hrs hr h minutes minute mins min days day seconds secs time clock "
            "tick tonight midnight tomorrow"
        ),
    ),
    Rule(
        rf"\b(?:tienes|tenes|tiene|voce tem|vc tem|tem)\s+(?:solo\s+|so\s+|apenas\s+)?{_N}?\s*"
        r"(?:horas?|minutos?|dias?)\b|\b(?:antes de|ate)\s+(?:esta noche|la medianoche|manana"
        r"|hoje a noite|meia-noite|amanha)\b|\bel tiempo corre\b|\bo tempo esta acabando\b",
        0.3,
        "They are putting a deadline on you to rush you. Rushing is a pressure trick.",
        langs=("es", "pt"),
        boost=r"\b(?:paga|manda|envia|todos|dinero|dinheiro|fotos?)",
        boost_by=0.15,
        keys="tienes tenes tiene tem horas minutos dias antes ate tiempo tempo",
    ),
)


class DeadlineDetector(PatternDetector):
    """Finds deadlines and countdowns attached to demands."""

    name = "deadline"
    version = "1"
    tactic = Tactic.DEADLINE
    rules = RULES
    triggers = words(
        "antes ate clock days dias h horas hour hours hr hrs left midnight min mins minute "
        "minutes minutos seconds secs tem tempo tenes tick tiempo tiene tienes time tomorrow "
        "tonight"
    )
