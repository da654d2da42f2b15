"""Demands that grow after the person gave in: more money, more pictures.

This detector reads the conversation in order: an amount higher than one
already demanded, or a new demand after the person said they paid or sent,
is escalation. Paying or sending more rarely ends blackmail.
"""

from __future__ import annotations

import re

from unsnare.analysis.base import Detector
from unsnare.analysis.identifiers.money import find_amounts
from unsnare.analysis.report import Finding
from unsnare.analysis.tactics import Tactic
from unsnare.analysis.view import ConversationView

_EXPLAIN = "They asked for more after you gave in. Paying or sending more does not make them stop."
_DEMAND = re.compile(
    r"\b(?:send|pay|give|transfer|want|need|owe|cost|price|manda|paga|quiero|quero)\b|[$€£]"
)
_MORE = re.compile(
    r"\b(?:(?:\d+|one|a few|some) more|another|more (?:money|pics?|photos?|videos?|nudes)|double"
    r"|again|the rest|not enough|isn'?t enough|mas dinero|mais dinheiro|otra vez|de novo|mais)\b"
)
_COMPLIED = re.compile(
    r"\bi (?:just |already )?(?:paid|sent (?:it|you|the|them|u)|did it|transferred"
    r"|bought (?:the|it))"
    r"\b|\b(?:ya te (?:pague|mande)|ja (?:paguei|mandei|enviei))\b"
)


class EscalatingDemandsDetector(Detector):
    """Finds demands raised or repeated after compliance, across the conversation."""

    name = "escalating_demands"
    version = "1"
    tactic = Tactic.ESCALATING_DEMANDS

    def detect(self, conversation: ConversationView) -> list[Finding]:
        """Walk the conversation in order, remembering demands and compliance."""
        out: list[Finding] = []
        highest: dict[str | None, float] = {}
        complied_since: dict[str | None, bool] = {}
        for m in conversation.messages:
            f = m.folded
            if _COMPLIED.search(f):
                for sender in list(highest):
                    if sender != m.sender:
                        complied_since[sender] = True
                continue
            demand = _DEMAND.search(f)
            if demand is None:
                continue
            amounts = [a for a in find_amounts(f) if a.value > 0]
            more = _MORE.search(f)
            top = max((a.value for a in amounts), default=0.0)
            hit: tuple[int, int] | None = None
            previous = highest.get(m.sender)
            if amounts and previous is not None and top > previous:
                a = max(amounts, key=lambda x: x.value)
                hit = (a.start, a.end)
            elif more is not None and (complied_since.get(m.sender) or amounts):
                hit = more.span()
            elif complied_since.get(m.sender) and (amounts or more):
                hit = demand.span()
            if amounts:
                highest[m.sender] = max(top, previous or 0.0)
            if hit is not None:
                out.append(
                    Finding(
                        message_id=m.id,
                        start=hit[0],
                        end=hit[1],
                        tactic=self.tactic,
                        detector=self.name,
                        version=self.version,
                        score=0.8 if complied_since.get(m.sender) else 0.6,
                        explanation=_EXPLAIN,
                        detail=(("after_compliance", bool(complied_since.get(m.sender))),),
                    )
                )
                complied_since[m.sender] = False
        return out
