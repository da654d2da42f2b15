"""Deadlines that put a clock on a demand ("you have 24 hours")."""

from __future__ import annotations

import re

from unsnare.analysis.base import PatternDetector, Rule
from unsnare.analysis.detectors import _kinds_deadline, _multilingual, _scheme
from unsnare.analysis.tactics import Tactic
from unsnare.analysis.text import words
from unsnare.analysis.view import LONG_TEXT, MessageView

_N = (
    r"(?:\d+|an?|one|two|three|five|ten|fifteen|twenty|thirty|forty|sixty|una?|dos|tres|cinco"
    r"|diez|uma|duas|dez)"
)
_UNIT = r"(?:hours?|hrs?|h|minutes?|mins?|days?|seconds?|secs?)"
_PRESSURE = (
    r"\b(?:pay|send|everyone|post|leak|delete|money|bitcoin|btc|video|pics?|nudes|expose"
    r"|or else|or i|or everyone|or your)\b"
)

# A deadline word alone is ordinary life ("homework due by tomorrow", "see you
# by tonight"), and so is money with a date ("I need $50 by tonight for the
# trip"): a clock is pressure when a threat sits next to it.
# ("everyone" or "pics" alone is a party: "post the pics before midnight".)
_THREAT = (
    r"\b(?:leak|expose|post (?:it|them|everything|your|ur|my)|ruin|unless|or else|or i"
    r"|or everyone|or everybody|or your|or ur|or my|otherwise|nudes|send (?:it|them) to"
    r"|(?:will|gonna|going to) (?:see|get|know)|see (?:it|them|everything|this)|threat\w*"
    r"|if (?:i|you|u) (?:don'?t|dont|do not|didn'?t)(?! mind)|or (?:he|she|they)(?:'ll| will|'s"
    r"| is))\b"
)
# Pictures as the subject of what will happen: "or the video goes out".
_GOES_OUT = (
    r"\b(?:video|vids?|pics?|photos?|nudes|recording|footage)\b[^.!?\n]{0,30}\b(?:goes|go|gets"
    r"|get|will be|is going|are going)\b (?:\w+ )?(?:out|public|online|viral|everywhere|to)\b"
)
# "9pm" and "10:30pm" are one word each to the prefilter.
_CLOCK_WORDS = " ".join(
    f"{h}{half}" for h in (*range(1, 13), "00", "15", "30", "45") for half in ("am", "pm")
)
_THREAT_RE = re.compile(_THREAT)
_NEAR = 60  # characters either side of the deadline

_CLOCK = (
    r"(?:tonight|midnight|noon|tomorrow(?: (?:morning|night|noon|evening))?|today"
    r"|the end of (?:the )?(?:day|night)|end of (?:the )?day|eod"
    r"|\d{1,2}(?::\d\d)?\s*(?:am|pm|o'?clock))"
)

RULES = (
    Rule(
        rf"\b(?:by|before|until|till|til)\s+{_CLOCK}(?!\w)"
        rf"|\bwithin (?:the|an|one|1) (?:hour|day)\b"
        rf"|\b(?:in|within)\s+(?:the next\s+)?{_N}\s*{_UNIT}\b",
        0.45,
        "They set a deadline to rush you. Rushing is a pressure trick; you do not have to "
        "do anything by their time.",
        requires=_THREAT,  # the cheap check; `validate` wants it near
        # Paying a friend back by Friday is a loan, not a demand.
        unless=r"\b(?:pay|paying|send|sending) (?:you|u|ya|me|it|him|her) back\b",
        keys=(
            "tonight midnight noon tomorrow today day eod am pm oclock o'clock hour hours hr hrs "
            "h minutes minute mins min days seconds secs "
            + _CLOCK_WORDS
        ),
    ),
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
        # ("send" or "video" alone is a password-reset link that expires.)
        requires=_THREAT + "|" + _GOES_OUT,
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
    rules = RULES + _multilingual.DEADLINE + _kinds_deadline.DEADLINE
    def validate(
        self, message: MessageView, match: re.Match[str], rule: Rule, score: float
    ) -> float | None:
        """Keep a clock only where the scheme is in view.

        A clock time needs the threat close to it: a long email can hold
        "within 48 hours" and a threat paragraphs apart, while a threat with a
        deadline says both in one breath. And a long text (an email, a notice)
        puts a clock on everything, accounts, prizes and invoices: there a
        deadline counts only when the text also holds the scheme itself, a
        recording or intimate pictures and someone to show them to.
        """
        text = message.folded
        if len(text) > LONG_TEXT and not _scheme.in_view(text, *match.span()):
            return None
        if rule is not RULES[0]:
            return score
        near = text[max(0, match.start() - _NEAR) : match.end() + _NEAR]
        return score if _THREAT_RE.search(near) else None

    triggers = words(
        "antes ate clock days dias h horas hour hours hr hrs left midnight min mins minute "
        "minutes minutos seconds secs tem tempo tenes tick tiempo tiene tienes time tomorrow "
        "tonight"
    )
