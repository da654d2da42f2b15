"""Lies about who they are: fake age, fake profile, pretending to be someone else."""

from __future__ import annotations

from unsnare.analysis.base import PatternDetector, Rule
from unsnare.analysis.tactics import Tactic
from unsnare.analysis.text import words

_EXPLAIN = "They admit they are not who they said they are. The profile may be fake."

_RETOLD = (
    "You describe them lying about who they are. The profile was fake; being fooled by "
    "a practised liar is not your fault."
)
_SUBJECT = r"the (?:girl|guy|boy|person|account|profile)|this (?:girl|guy|boy|person)"
_THEY_IS = r"(?:he|she|they)(?:'s| is| was| are| were|'re| s)"
# What the liar really was: an adult, or a grown man or woman behind a teen profile.
_GROWN = (
    r"(?:\d{2}\s?(?:years?|yrs?|yo)\b(?:[- ]old)?(?:\s+(?:man|guy|dude|woman|lady))?"
    # A bare adult age ends the clause: "he's actually 35", not "20 minutes away".
    r"|(?:1[89]|[2-9]\d)(?=\s*(?:$|[.,!?;)]|(?:and|but|or|now|lol|not|so|with)\b))"
    r"|(?:grown|old|older|middle[- ]aged)\s+(?:man|guy|dude|woman|lady|adult)|adult\b"
    r"|(?:man|guy|dude|woman|lady)\b(?!\s+(?:who|that|i|about|of)\b)|scammer|catfish|bot\b|fake\b)"
)
_COMING_OUT = r"\b(?:trans|transgender|transition\w*|pronouns?|non ?binary|came out|coming out)\b"

RULES = (
    Rule(
        r"\bi (?:said|told (?:you|u)) i (?:was|am|m|'m)\b[^.?!]{0,30}\b(?:lie|lied|not true|wasn'?t"
        r" true|really|actually)\b|\bi lied about (?:my|being)\b",
        0.45,
        _EXPLAIN,
        keys="said told lied",
    ),
    Rule(
        r"\b(?:not|didn'?t (?:put|use)|did not (?:put|use)) my real (?:age|name|pic|pics"
        r"|picture|photo|face|profile)\b"
        r"|\b(?:my|i used a|i made a|i have a|i use a) fake (?:profile|account|pics?|age|name)\b"
        r"|\b(?:that|this|those)(?:'s| is| are)? not (?:really )?me in the "
        r"(?:pic|pics|photo|picture)",
        0.45,
        _EXPLAIN,
        keys="real fake",
    ),
    # "someone made a fake account with my photos": the person is being
    # impersonated; nobody is admitting anything.
    Rule(
        r"\bfake (?:profile|account|page|insta|snap)\b[^.?!\n]{0,30}?\b(?:with|using|of|has)\s+"
        r"(?:all\s+)?(?:my|me|our)\b",
        0.35,
        "Someone is using your pictures or name on a fake account. That is not your fault, "
        "and the platform can take it down when you report it.",
        keys="fake",
    ),
    # "it was a fake profile": the person sees through it, or they admit it.
    Rule(
        r"\bfake (?:profile|account|pics?|age|name)\b",
        0.45,
        "The profile may be fake: the person behind it may not be who they say they are.",
        keys="fake",
    ),
    Rule(
        r"\b(?:i(?:'ll| will| can| could)?|can i|let me)\s+(?:\w+\s+)?pretend (?:to be|i'?m|i am)\b"
        r"|\bpretend to be (?:your|ur|a|an|mom|dad)\b|\bi(?:'m| am) not really (?:a |an )?\d*\b",
        0.45,
        "They want to pretend to be someone else, which hides who they are from others.",
        keys="pretend really",
    ),
    Rule(
        r"\b(?:i )?(?:look|looks) (?:a lot )?younger than i (?:am|really am)\b"
        r"|\bdressed? (?:more )?"
        r"like (?:1[3-9])\b",
        0.4,
        _EXPLAIN,
        keys="younger dressed dress",
    ),
    # The person targeted retells the lie: "turns out he was a 40 year old
    # man", "she says she's a guy", "he lied about his age". Each needs a sign
    # of a reveal (turns out, really, actually, lied, not who they said) or a
    # claimed sex at odds with the pronoun used so far; someone coming out is
    # not a lie, so talk of being trans or pronouns vetoes it.
    Rule(
        rf"\b(?:turn(?:s|ed)? out|found out|{_THEY_IS}\s+(?:really|actually)|"
        rf"(?:{_SUBJECT})\s+(?:is|was)\s+(?:really|actually))\s+"
        rf"(?:(?:{_THEY_IS}|(?:{_SUBJECT})\s+(?:is|was))\s+)?"
        rf"(?:(?:really|actually)\s+)?(?:a\s+|an\s+|some\s+)?(?:{_GROWN})",
        0.45,
        _RETOLD,
        keys="turns turned turn out really actually",
        unless=_COMING_OUT,
    ),
    Rule(
        rf"\b(?:{_THEY_IS}|(?:he|she|they)\s+(?:isn'?t|wasn'?t|aren'?t|weren'?t))\s+(?:not\s+)?"
        r"(?:really\s+)?who (?:he|she|they) (?:said|says|claimed|claims|pretended)"
        r"|\b(?:he|she|they) (?:lied|was lying|is lying|were lying|are lying) about "
        r"(?:(?:his|her|their) (?:age|name|gender|identity|pics?|photos?|face)|being\b|who )",
        0.45,
        _RETOLD,
        keys="said says claimed claims pretended lied lying",
        unless=_COMING_OUT,
    ),
    Rule(
        r"\bshe (?:says|said|told me|admitted|admits)(?: that)? she(?:'s| is| was| s)"
        r" (?:really |actually )?(?:a )?(?:guy|boy|man|dude)\b"
        r"|\bhe (?:says|said|told me|admitted|admits)(?: that)? he(?:'s| is| was| s)"
        r" (?:really |actually )?(?:a )?(?:girl|woman|lady)\b",
        0.45,
        _RETOLD,
        keys="says said told admitted admits",
        unless=_COMING_OUT,
    ),
    Rule(
        r"\b(?:perfil falso|no soy (?:quien|una chica|un chico)|nao sou (?:quem|uma menina"
        r"|um menino)|menti sobre (?:mi|minha) (?:edad|idade))\b",
        0.45,
        _EXPLAIN,
        langs=("es", "pt"),
        keys="perfil soy sou menti",
    ),
)


class FalseIdentityDetector(PatternDetector):
    """Finds admissions of a fake identity or plans to pose as someone else."""

    name = "false_identity"
    version = "1"
    tactic = Tactic.FALSE_IDENTITY
    rules = RULES
    triggers = words(
        "actually admits admitted claimed claims dressed fake lie lied lying menti out perfil "
        "pretend real really said says sou soy told turn turned turns younger"
    )
