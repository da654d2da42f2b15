"""Threats to reveal someone's sexual orientation or gender identity."""

from __future__ import annotations

from unsnare.analysis.base import PatternDetector, Rule
from unsnare.analysis.detectors._vocab import YOU
from unsnare.analysis.tactics import Tactic
from unsnare.analysis.text import words

_LGBT = (
    r"(?:gay|lesbian|bi|bisexual|trans|transgender|queer|a fag\w*|homo|"
    r"into (?:guys|men|boys|girls))"
)

RULES = (
    Rule(
        rf"\b(?:tell|show|let)\s+(?:\w+\s+){{0,4}}?(?:know\s+)?(?:that\s+)?{YOU}(?:'re| are| r|re)?"
        rf"\s+(?:\w+\s+)?{_LGBT}\b",
        0.7,
        "They threaten to tell people about your sexuality. That is blackmail.",
        boost=r"\b(?:or|unless|if (?:you|u) (?:don'?t|dont))\b",
        boost_by=0.1,
        keys="gay lesbian bi bisexual trans transgender queer homo fag faggot into",
    ),
    # The person retelling the threat: "he says he'll tell my parents I'm gay".
    Rule(
        r"\b(?:he|she|they|someone|this (?:guy|girl|person|account))\b[^.?!\n]{0,40}?\b(?:tell"
        r"|show|let)\s+(?:\w+\s+){0,4}?(?:know\s+)?(?:that\s+)?(?:i'm|i am|im)\s+(?:\w+\s+)?"
        rf"{_LGBT}\b",
        0.7,
        "You describe someone threatening to tell people about your sexuality. That is "
        "blackmail, and it is not your fault.",
        keys="gay lesbian bi bisexual trans transgender queer homo fag faggot into",
    ),
    Rule(
        r"\b(?:i'?ll|i will|gonna|going to|imma)\s+out\s+(?:you|u)\b|\bouting (?:you|u)\b",
        0.7,
        "They threaten to tell people about your sexuality. That is blackmail.",
        keys="out outing",
    ),
    Rule(
        r"\b(?:contar|decir|dizer|contar a todos)\b[^.]{0,40}\b(?:eres|es|voce e|vc e)\s+(?:gay"
        r"|lesbiana|bi|trans|gay)\b",
        0.7,
        "They threaten to tell people about your sexuality. That is blackmail.",
        langs=("es", "pt"),
        keys="gay lesbiana bi trans",
    ),
)


class OutingThreatDetector(PatternDetector):
    """Finds threats to out someone as gay, bi or trans."""

    name = "outing_threat"
    version = "1"
    tactic = Tactic.OUTING_THREAT
    rules = RULES
    triggers = words("gay lesbian bi bisexual trans transgender queer homo out outing lesbiana")
