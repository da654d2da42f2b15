"""Despair or thoughts of self-harm in the messages of the person targeted.

When this fires, every interface shows crisis help before anything else.
It errs on the side of showing help: a false alarm costs a moment, a miss
can cost a life.
"""

from __future__ import annotations

import re

from unsnare.analysis.text import words
from unsnare.analysis.view import MessageView

_CRISIS = re.compile(
    r"\b(?:i(?:'m| am|m)?\s+(?:going to|gonna|about to|want to|wanna|will|should|could|might)\s+"
    r"(?:just\s+)?(?:kill|hurt|cut|end)\s+(?:myself|my self|my life|it all)"
    r"|kill(?:ing)? myself|end(?:ing)? my life|end it all|take my (?:own )?life|suicid\w*"
    r"|i (?:want|wanna|just want) to die|i(?:'d| would) rather (?:be )?(?:die|dead)"
    r"|(?:better off|rather be) dead|no reason to live|(?:don'?t|dont"
    r"|do not) want to (?:live|be alive)"
    r"|can'?t (?:go on|take (?:it|this) anymore|do this anymore)|my life is (?:over|ruined)"
    r"|i(?:'m| am) (?:done|finished) with (?:life|everything)|nothing to live for"
    r"|quiero morir\w*|me quiero matar|matarme|no quiero vivir|mi vida se acabo"
    r"|quero morrer|vou me matar|me matar|nao quero mais viver|minha vida acabou)\b"
)


# One of these words is in every sentence the pattern above can match.
CRISIS_WORDS = words(
    "kill killing die dead suicide suicidal end ending take live alive go anymore over "
    "ruined done finished nothing rather morir morirme matarme matar vivir acabo morrer "
    "viver acabou myself life suicidio suicidar suicidarme"
)


# Set phrases that are plainly not about dying ("I want to die of embarrassment").
_HYPERBOLE = re.compile(
    r"\b(?:die|dying|died|dead) (?:of|from) (?:embarrassment|laughter|laughing|boredom|cringe"
    r"|shame|cuteness)\b|\bdying (?:laughing|of laughter)\b"
)


def crisis_in(message: MessageView) -> bool:
    """True when this message shows despair or thoughts of self-harm."""
    if CRISIS_WORDS.isdisjoint(message.words):
        return False
    found = _CRISIS.search(message.folded)
    return found is not None and not _HYPERBOLE.search(message.folded)
