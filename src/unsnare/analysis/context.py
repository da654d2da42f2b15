"""Talk ABOUT abuse is not abuse: news articles, school warnings, a parent
explaining sextortion. Such messages describe threats in the third person
("scammers threaten to send your photos to your family"); findings in them
are kept (they are still worth seeing) but weigh much less."""

from __future__ import annotations

import re

_ABOUT = re.compile(
    r"\b(?:sextortion|sextort\w*|scammers?|blackmailers?|predators?|offenders?|criminals?"
    r"|groomers?|cybertipline|ncmec|fbi|take it down|stopncii|helpline"
    r"|(?:they|he|she|someone|somebody|a stranger|people|the (?:scammer|offender|criminal)s?)"
    r" (?:might |may |will |often |usually |could |then |sometimes )?(?:threaten|threatens"
    r"|threatened|demand|demands|ask|asks|say|says|claim|claims|pretend|pretends)"
    r"|if (?:someone|anyone|a stranger|somebody) (?:asks|threatens|says|tells|sends)"
    r"|warning signs?|how to (?:spot|report|stay safe)|report (?:it|them) to)\b"
)
ABOUT_ABUSE_FACTOR = 0.35


def talks_about_abuse(folded: str) -> bool:
    """True when a message describes abuse in the third person (an article, a warning)."""
    return _ABOUT.search(folded) is not None
