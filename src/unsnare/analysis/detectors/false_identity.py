"""Lies about who they are: fake age, fake profile, pretending to be someone else."""

from __future__ import annotations

from unsnare.analysis.base import PatternDetector, Rule
from unsnare.analysis.tactics import Tactic
from unsnare.analysis.text import words

_EXPLAIN = "They admit they are not who they said they are. The profile may be fake."

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
        "dressed fake lie lied lying menti perfil pretend real said sou soy told younger"
    )
