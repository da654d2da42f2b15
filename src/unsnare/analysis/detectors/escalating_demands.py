"""Demands that grow after the person gave in: more money, more pictures.

This detector reads the conversation in order. It reports escalation when
someone demands a higher amount than they already demanded, demands again
after the other person said they paid or sent, or asks outright for
"another $200" or "more pics". Paying or sending more rarely ends blackmail.
"""

from __future__ import annotations

import re

from unsnare.analysis.base import BASE_SCORE, RULE, Detector
from unsnare.analysis.identifiers.money import Amount, find_amounts
from unsnare.analysis.report import Finding
from unsnare.analysis.tactics import Tactic
from unsnare.analysis.text import words
from unsnare.analysis.view import ConversationView, MessageView

_EXPLAIN = "They asked for more after you gave in. Paying or sending more does not make them stop."
_DEMAND = re.compile(
    r"\b(?:send|pay|give|transfer|want|need|owe|manda|mandame|paga|pagame|quiero|quero)\b"
)
# An outright request for more money; "more pics" counts only after an earlier demand.
_MORE_MONEY = re.compile(
    r"\b(?:another|(?:\d+|one|a few|some) more|more)\s+(?:\$\s?\d+|\d+\s?(?:\$|dollars|bucks)"
    r"|money|cash)\b|\b(?:pay|send)\s+(?:me\s+)?(?:the\s+)?(?:rest|double|again)\b"
    r"|\b(?:not|isn'?t|wasn'?t)\s+enough\b|\bmas dinero\b|\bmais dinheiro\b"
)
_MORE_PICS = re.compile(
    r"\b(?:another|(?:\d+|one|a few|some) more|more)\s+(?:pics?|pictures?|photos?|videos?|vids?"
    r"|nudes)\b|\bmais fotos\b|\bmas fotos\b"
)
_MONEY_WORDS = words(
    "$ € £ ₹ usd dollars dollar bucks dolares eur euros gbp pounds reais brl pesos btc bitcoin usdt"
)
# Every word the patterns here need: a message with none of them is skipped.
_RELEVANT = _MONEY_WORDS | words(
    "send pay give transfer want need owe manda mandame paga pagame quiero quero paid sent did "
    "transferred bought pague mande paguei mandei enviei another more rest double again enough "
    "mas mais"
)
_COMPLIED = re.compile(
    r"\bi (?:just |already )?(?:paid|sent (?:it|you|the|them|u)|did it|transferred"
    r"|bought (?:the|it))"
    r"\b|\bi (?:sent|paid) (?:you )?(?:\$\s?\d+|\d+)|\b(?:ya te (?:pague|mande)|ja (?:paguei|mandei"
    r"|enviei))\b"
)


Span = tuple[int, int]


def _span(match: re.Match[str] | None) -> Span | None:
    return None if match is None else match.span()


def _finding(
    detector: EscalatingDemandsDetector, m: MessageView, span: tuple[int, int], after: bool
) -> Finding:
    return Finding(
        message_id=m.id,
        start=span[0],
        end=span[1],
        tactic=Tactic.ESCALATING_DEMANDS,
        detector=detector.name,
        version=detector.version,
        score=0.8 if after else 0.6,
        explanation=_EXPLAIN,
        detail=(
            ("after_compliance", after),
            (RULE, f"{detector.name}/{'after_compliance' if after else 'repeated_demand'}"),
            (BASE_SCORE, 0.8 if after else 0.6),
        ),
    )


class EscalatingDemandsDetector(Detector):
    """Finds demands raised or repeated after compliance, across the conversation."""

    name = "escalating_demands"
    version = "1"

    def vocabulary(self) -> frozenset[str]:
        """The words this detector checks in `MessageView.words`."""
        return _RELEVANT

    def prefilter_words(self) -> frozenset[str]:
        """A message without any of these words cannot change the outcome."""
        return _RELEVANT

    def detect(self, conversation: ConversationView) -> list[Finding]:
        """Walk the conversation in order, remembering demands and compliance."""
        return self.detect_from(conversation, {}, set())

    def detect_from(
        self,
        conversation: ConversationView,
        highest: dict[str | None, float],
        complied: set[str | None],
    ) -> list[Finding]:
        """`detect` carrying on from what earlier messages left: each sender's highest
        demand and the senders whose demand was met since (both updated in place), so
        a conversation read in parts gives the findings of one reading."""
        out: list[Finding] = []
        # What each distinct text says, read once: chats repeat texts, and these
        # readings depend on the text alone (the state across messages does not).
        said: dict[str, tuple[bool, Span | None, Span | None]] = {}
        pics: dict[str, Span | None] = {}
        tops: dict[str, Amount | None] = {}
        pre = conversation.messages_for(self.name)
        for m in conversation.messages if pre is None else pre:
            if _RELEVANT.isdisjoint(m.words):
                continue
            f = m.folded
            reading = said.get(f)
            if reading is None:
                reading = said[f] = (
                    (True, None, None)
                    if _COMPLIED.search(f)
                    else (False, _span(_DEMAND.search(f)), _span(_MORE_MONEY.search(f)))
                )
            gave_in, demand, more = reading
            if gave_in:
                complied.update(s for s in highest if s != m.sender)
                continue
            if more is None and m.sender in highest:
                if f in pics:
                    more = pics[f]
                else:
                    more = pics[f] = _span(_MORE_PICS.search(f))
            if demand is None and more is None and m.sender not in highest:
                continue
            asked_before = m.sender in highest
            money = not _MONEY_WORDS.isdisjoint(m.words)
            top: Amount | None = None
            if money and (demand or asked_before):
                if f in tops:
                    top = tops[f]
                else:
                    amounts = [a for a in find_amounts(f) if a.value > 0]
                    top = tops[f] = max(amounts, key=lambda a: a.value, default=None)
            previous = highest.get(m.sender)
            span: tuple[int, int] | None = None
            # A higher amount than the same person asked before: only where the
            # writer is known (the lines of one long pasted text have no author,
            # and a spam email's "earn $10... then $500" is not a demand raised).
            if top is not None and previous and top.value > previous and m.sender is not None:
                span = (top.start, top.end)
            elif more is not None:
                span = more
            elif m.sender in complied and (top is not None or demand is not None):
                span = (top.start, top.end) if top else demand
            if top is not None:
                highest[m.sender] = max(top.value, previous or 0.0)
            elif demand is not None:
                highest.setdefault(m.sender, 0.0)
            if span is not None:
                out.append(_finding(self, m, span, m.sender in complied))
                complied.discard(m.sender)
        return out
