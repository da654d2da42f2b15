"""Shared pattern fragments (over folded text) and the youth-cue check.

Chat spelling is loose ("u", "ur", "pics", "pix"), so fragments list the
common spellings once here instead of in every rule.
"""

from __future__ import annotations

import re

YOU = r"(?:you|u|ya|yu|ye)"
YOUR = r"(?:your|ur|yr|yur|ure)"
ME = r"(?:me|mi)"
I_WILL = (
    r"(?:i(?:'ll| will|ll| wil| am going to|'m going to| m going to|m going to|'m gonna| am gonna"
    r"| m gonna|m gonna| gonna| would| shall|'d| can)|ill|imma|ima|i'ma)"
)
PIC = (
    r"(?:pics?|pix|pic's|picture?s?|photos?|fotos?|selfies?|snaps?|vids?|videos?|nudes?|images?"
    r"|shots?)"
)
SEXUAL_QUALIFIER = (
    r"(?:naked|nude|nudes|topless|shirtless|undressed|unnaked|semi naked|without (?:any "
    r"|ur |your )?"
    r"clothes|without (?:a |any |ur |your )?(?:shirt|top|pants|bra)|no clothes|bra|bras"
    r"|panties|pantys|panty|underwear|undies|boxers|lingerie|bikini"
    r"|thong|boobs|tits|titties|butt|ass|dick|cock|pussy|privates|private parts|naughty|dirty"
    r"|spicy|sexy|nsfw|body|bod|in the shower|in the bath)"
)
BODY = (
    r"(?:pussy|cock|dick|tits|titties|boobs|breasts?|nipples?|clit|penis|vagina|balls|cunt|ass"
    r"|butt|thighs|privates)"
)
FAMILY = (
    r"(?:family|mom|mum|mommy|mother|momz|dad|daddy|father|parents?|"
    r"relatives|brothers?|sisters?|aunt|uncle|grandma|grandpa)"
)

# Words that show the person targeted may be a child: an age under 18, school,
# parents, "your age", age-gap talk. Used to raise grooming and sexual scores.
YOUTH = re.compile(
    r"(?<![\d.$])(?:9|1[0-7])\s*(?:yrs?|years?|y/?o|yo)\b"
    r"|\b(?:ur|you'?re|you are|u r|u are|ure|your)\s+(?:only\s+|just\s+)?(?:9|1[0-7])\b"
    r"|\b(?:your|ur|my|that) age\b|\bat (?:your|ur) age\b|\bfor (?:your|ur) age\b"
    r"|\b(?:middle|junior high|high|elementary) school\b|\b(?:[5-9]th|1[0-2]th) grade\b"
    r"|\bjail ?bait\b|\bolder (?:guy|guys|man|men|dude|dudes|bf|boyfriend)\b"
    r"|\b(?:your|ur|yr|the) (?:mom|mum|mommy|dad|parents?|momz|aunt)\b|\bmomz?\b"
    r"|\b(?:so|too|very|ur|you'?re|u r|are) (?:young|small|little)\b|\bjail\b"
    r"|\bget (?:me|us) in trouble\b|\bvirgin\b|\bschool\b"
)


# The strong cues only: an age under 18, "so young", age-gap talk, school
# grades, jail. Parents and school alone are everyday words between teenagers.
STRONG_YOUTH = (
    r"(?<![\d.$])(?:9|1[0-7])\s*(?:yrs?|years?|y/?o|yo)\b"
    r"|\b(?:ur|you'?re|you are|u r|u are|ure|your)\s+(?:only\s+|just\s+)?(?:9|1[0-7])\b"
    r"|\b(?:at|for) (?:your|ur) age\b|\bjail ?bait\b|\bolder (?:guy|guys|man|men|dude|bf)\b"
    r"|\b(?:so|too|very|ur|you'?re|u r|are) (?:young|small|little)\b|\bjail\b"
    r"|\b(?:[5-9]th|1[0-2]th) grade\b|\bmiddle school\b"
)


def has_youth_cue(folded: str) -> bool:
    """True when the text carries a cue that the person may be under 18."""
    return YOUTH.search(folded) is not None
