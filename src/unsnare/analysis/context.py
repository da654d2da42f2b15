"""Talk ABOUT abuse is not abuse: news articles, school warnings, a parent
explaining sextortion ("scammers threaten to send your photos to your
family", "if someone online asks your child for pics"). Findings in them are
kept (they are still worth seeing) but weigh much less.

A victim telling what is happening to them ("he says he will post my pics")
is not such talk: it names no scheme in general terms, and it must count."""

from __future__ import annotations

import re

_ABOUT = re.compile(
    r"\b(?:sextortion|sextort\w*|scammers?|blackmailers?|predators?|offenders?|criminals?"
    r"|groomers?|cybertipline|ncmec|fbi|take it down|stopncii|helpline"
    r"|(?:people|the (?:scammer|offender|criminal)s?|they) (?:might |may |often |usually |could "
    r"|sometimes )(?:threaten|demand|ask|say|claim|pretend)"
    r"|if (?:someone|anyone|a stranger|somebody)(?: \w+)? (?:asks|threatens|says|tells|sends"
    r"|wants)"
    r"|warning signs?|how to (?:spot|report|stay safe)|report (?:it|them) to"
    # The same talk in the other languages read here, and in the neighbouring ones:
    # the people behind it named as a group, and warnings about them.
    # ("Meine letzte Warnung", "il mio ultimo avvertimento", "mijn laatste waarschuwing"
    # are the menace itself, not a warning about it.)
    r"|betruger\w*|erpresser\w*|kriminelle\w*|warnt|warnen|(?<!letzte )warnung\w*"
    r"|escroc\w*|arnaqueu\w*|maitres? chanteurs?|met(?:tent)? en garde|pharos"
    r"|truffator\w*|ricattator\w*|polizia postale|mette in guardia|(?<!ultimo )avvert\w*"
    r"|oplichter\w*|afpersers?|criminelen|(?<!laatste )waarschuw\w*|fraudehelpdesk"
    r"|estafador\w*|delincuentes|extorsionador\w*|advierte\w*|incibe"
    r"|golpistas?|criminosos|extorsionarios?|alerta(?:m)? (?:para|sobre)"
    r"|podvodni\w*|varuj\w*|oszus\w*|ostrzega\w*|svindler\w*|bedragare|advarer|varnar)\b"
)
ABOUT_ABUSE_FACTOR = 0.35


def talks_about_abuse(folded: str) -> bool:
    """True when a message describes abuse in the third person (an article, a warning)."""
    return _ABOUT.search(folded) is not None
