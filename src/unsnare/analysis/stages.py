"""Where on the scheme's timeline the conversation is, and when each step came."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from unsnare.analysis.report import Finding, StageReached
from unsnare.analysis.tactics import STAGE_ORDER, Stage, Tactic
from unsnare.analysis.view import ConversationView

STAGE_OF: dict[Tactic, Stage] = {
    Tactic.GROOMING: Stage.RAPPORT,
    Tactic.FALSE_IDENTITY: Stage.RAPPORT,
    Tactic.SEXUAL_CONTENT: Stage.RAPPORT,
    Tactic.IMAGE_REQUEST: Stage.IMAGE_EXCHANGE,
    Tactic.STOLEN_CONTENT: Stage.IMAGE_EXCHANGE,
    Tactic.THREAT_TO_EXPOSE: Stage.THREAT,
    Tactic.OUTING_THREAT: Stage.THREAT,
    Tactic.HACKING_CLAIM: Stage.THREAT,
    Tactic.SELF_HARM_PRESSURE: Stage.THREAT,
    Tactic.PAYMENT_DEMAND: Stage.DEMAND,
    Tactic.DEADLINE: Stage.DEMAND,
    Tactic.ESCALATING_DEMANDS: Stage.ESCALATION,
}


def timeline(
    view: ConversationView, findings: Sequence[Finding], min_score: float = 0.3
) -> tuple[Stage, tuple[StageReached, ...]]:
    """The furthest stage reached, and the first message of each stage reached.

    Weak findings (below `min_score`) do not move the stage: one "call me"
    does not make a conversation grooming. Images sent in the conversation
    count as an image exchange.
    """
    needed = {f.message_id for f in findings if f.score >= min_score}
    index = {m.id: m.position for m in view.messages if m.id in needed}
    first = first_positions(
        findings,
        index,
        (m.position for m in view.messages if m.has_image),
        view.messages[0].position if view.messages else None,
        min_score,
    )
    if not first:
        return Stage.NONE, ()
    msgs = view.conversation.messages
    return furthest(first), tuple(
        StageReached(s, msgs[first[s]].id, msgs[first[s]].timestamp)
        for s in STAGE_ORDER
        if s in first
    )


def first_positions(
    findings: Sequence[Finding],
    position: Mapping[str, int],
    images: Iterable[int],
    contact: int | None,
    min_score: float = 0.3,
) -> dict[Stage, int]:
    """Each stage reached and the position of its first message (empty when no
    finding reaches `min_score`), from the findings' positions, the positions of
    the images sent (in order) and of the first message people wrote."""
    first: dict[Stage, int] = {}
    for f in findings:
        if f.score < min_score:
            continue
        stage = STAGE_OF[f.tactic]
        i = position.get(f.message_id)
        if i is not None and (stage not in first or i < first[stage]):
            first[stage] = i
    if not first:
        return first
    earliest = min(first.values())
    for at in images:
        if at >= earliest:
            first.setdefault(Stage.IMAGE_EXCHANGE, at)
            break
    first.setdefault(Stage.CONTACT, earliest if contact is None else contact)
    return first


def furthest(first: Mapping[Stage, int]) -> Stage:
    """The furthest of the stages reached."""
    return max(first, key=STAGE_ORDER.index)
