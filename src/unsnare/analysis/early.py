"""Conversation-level early warning: the first message at which the risk is raised.

A platform reading messages as they arrive (or an evaluation replaying a whole
conversation) wants to know *when* the conversation first crossed a level, not
only where it ended. The findings are worked out once for the whole conversation
(every detector reads a message and the ones before it, never later ones), then
the risk is recomputed as each message's findings are added.
"""

from __future__ import annotations

from functools import partial

from unsnare.analysis.engine import Analyzer
from unsnare.analysis.report import Finding
from unsnare.analysis.risk import conclude
from unsnare.analysis.tactics import RiskLevel, floor_for
from unsnare.models import Conversation


def first_alert(
    analyzer: Analyzer, conversation: Conversation, level: RiskLevel = RiskLevel.MEDIUM
) -> int | None:
    """The index (in `conversation.messages`) of the message at which the risk first
    reached `level`, or None if it never did."""
    report = analyzer.analyze(conversation)
    if not report.findings:
        return None
    position = {m.id: i for i, m in enumerate(conversation.messages)}
    by_position: dict[int, list[Finding]] = {}
    for f in report.findings:
        by_position.setdefault(position.get(f.message_id, -1), []).append(f)
    crisis_at = {position.get(mid, -1) for mid in report.crisis_messages}
    floor = floor_for(level)
    # The first message carrying a picture or a video: the scheme may depend on it.
    first_image = next(
        (
            i
            for i, m in enumerate(conversation.messages)
            if any(
                a.media_type and a.media_type.startswith(("image", "video")) for a in m.attachments
            )
        ),
        None,
    )
    seen: list[Finding] = []
    crisis = False
    senders: set[str | None] = set()
    counted = 0
    for pos in sorted(set(by_position) | crisis_at):
        seen.extend(by_position.get(pos, ()))
        crisis = crisis or pos in crisis_at

        def writers(last: int = pos) -> int:
            nonlocal counted
            for m in conversation.messages[counted : last + 1]:
                senders.add(m.sender)
            counted = max(counted, last + 1)
            return len(senders)

        has_images = first_image is not None and first_image <= pos
        risk, _ = conclude(seen, crisis, True, pos + 1, partial(bool, has_images), writers)
        if risk.score >= floor:
            return pos
    return None
