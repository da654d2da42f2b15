"""Pushing the person toward self-harm ("kill yourself", "your life is over")."""

from __future__ import annotations

import re

from unsnare.analysis.base import PatternDetector, Rule
from unsnare.analysis.tactics import Tactic
from unsnare.analysis.text import words
from unsnare.analysis.view import MessageView

_EXPLAIN = (
    "They are telling you to hurt yourself. That is cruel and false: your life is not over, "
    "and people can help right now."
)
# Trash talk in games uses the same words without the blackmail around them.
_GAME = re.compile(r"\b(?:noob|gg|rekt|lobby|match|game|respawn|uninstall|lag|ranked|1v1)\b")

RULES = (
    Rule(
        r"\b(?:kill|hang|shoot|off)\s+(?:your|ur)\s*self\b|\bkys\b|\bgo die\b"
        r"|\byou should (?:just )?"
        r"die\b|\b(?:better|best) off dead\b|\bend (?:it|your life)\b(?! (?:with|for) (?:him|her))",
        0.85,
        _EXPLAIN,
        keys="kill hang shoot yourself urself self kys die dead end",
    ),
    Rule(
        r"\b(?:your|ur) life (?:is|will be|would be)\s+(?:\w+\s+)?(?:over|ruined|finished|done)\b"
        r"|\b(?:no one|noone|nobody) will (?:ever )?(?:love|want|forgive) you\b"
        r"(?! (?:on|in|at|to|for|as|around|back|here)\b)",  # "want you on the team"
        0.75,
        # Not an order to self-harm but the despair it aims at: say it is false.
        "They say your life is over or that no one will want you. That is a lie meant to "
        "break you: this can be fixed, and people can help right now.",
        keys="life love want forgive nobody",
    ),
    Rule(r"\bmight as well (?:die|end it)\b", 0.75, _EXPLAIN, keys="die end"),
    Rule(
        r"\b(?:matate|suicidate|mata-te|se mata|te mata)\b|\btu vida (?:esta"
        r"|se) (?:acabada|acabo)\b"
        r"|\bsua vida (?:acabou|esta acabada)\b",
        0.85,
        _EXPLAIN,
        langs=("es", "pt"),
        keys="matate suicidate mata vida se te",
    ),
    # "Bring dich um", "autant en finir", "tanto vale farla finita", "maak jezelf van
    # kant", "é melhor acabar com tudo": the push and the despair, each language.
    Rule(
        r"\bbring dich (?:doch |einfach )?um\b|\btote dich\b|\b(?:kannst|konntest) (?:du )?(?:es"
        r" )?(?:gleich|auch gleich|genauso gut) (?:\w+ )?beenden\b|\bdein leben ist (?:\w+ )?"
        r"(?:vorbei|zerstort|ruiniert)\b|\b(?:suicide|tue)-toi\b|\bva (?:te )?(?:tuer|mourir)\b"
        r"|\bautant en finir\b(?! avec)|\bta vie est (?:\w+ )?(?:finie|fichue|foutue|terminee)\b"
        r"|\b(?:ammazzati|ucciditi|fatti fuori)\b|\btanto vale farla finita\b(?! con)"
        r"|\bla tua vita e (?:\w+ )?finita\b|\bmaak jezelf (?:maar )?van kant\b"
        r"|\bpleeg (?:maar )?zelfmoord\b"
        r"|\b(?:net zo goed|maar) een eind aan (?:je leven )?maken\b|\bje leven is (?:\w+ )?"
        r"(?:voorbij|kapot)\b|\b(?:e |eh )?melhor acabar com tudo\b|\bmejor acaba(?:r)? con todo\b",
        0.85,
        _EXPLAIN,
        langs=("es", "pt", "de", "fr", "it", "nl"),
        keys="bring tote beenden leben suicide-toi tue-toi suicide tue tuer mourir finir vie "
        "ammazzati ucciditi fatti finita vita maak kant pleeg zelfmoord eind leven melhor "
        "mejor acabar",
    ),
)


class SelfHarmPressureDetector(PatternDetector):
    """Finds messages pushing someone to harm themselves."""

    name = "self_harm_pressure"
    version = "1"
    tactic = Tactic.SELF_HARM_PRESSURE
    rules = RULES
    triggers = words(
        "dead die end forgive hang kill kys life mata matate shoot suicidate urself vida yourself"
    )

    def validate(
        self, message: MessageView, match: re.Match[str], rule: Rule, score: float
    ) -> float | None:
        """Game trash talk stays low; it is still cruel, but not blackmail."""
        return 0.3 if _GAME.search(message.folded) else score
