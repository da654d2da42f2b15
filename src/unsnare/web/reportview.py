"""An analysis prepared once for display, so a report page renders fast.

The highlighted HTML of each message that matters is built when the
conversation is analysed, not on every page view; the page then only pages
through ready-made items (a 10,000-message chat renders like a short one).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from markupsafe import Markup

from unsnare.analysis.report import AnalysisReport
from unsnare.analysis.tactics import Scheme
from unsnare.models import Conversation
from unsnare.web.filters import highlight

ITEMS_PER_PAGE = 100

# The words for risk levels, stages, schemes and tactics are in the message
# catalogues (web/locales): risk.<level>, grooming.<level>, stage.<stage>,
# scheme.<scheme> and tactic.<tactic>. Stages in the order a scheme goes through them:
STAGES = ("contact", "rapport", "image_exchange", "threat", "demand", "escalation")


@dataclass(frozen=True, slots=True)
class MessageItem:
    """A message that matters, ready to show: text with marks and its findings."""

    id: str
    sender: str
    timestamp: datetime | None
    cite: str
    html: Markup
    findings: tuple[dict[str, Any], ...]
    crisis: bool


@dataclass(frozen=True)
class ReportView:
    """One analysed conversation: the report, its dict for templates, and display-ready parts."""

    analysis: AnalysisReport
    report: dict[str, Any]
    title: str
    platform: str
    message_count: int
    timezone: str | None
    timezone_assumed: bool
    warnings: tuple[str, ...]
    items: tuple[MessageItem, ...]
    names: dict[str, str]
    # True when the person named the zone of times the export did not state.
    zone_given: bool = False

    @property
    def is_grooming(self) -> bool:
        """True when the analysis names grooming (no money or image blackmail)."""
        return self.analysis.scheme == Scheme.GROOMING

    @property
    def risk_key(self) -> str:
        """The message id of the risk in one plain sentence (grooming named as grooming)."""
        level = str(self.analysis.risk.level)
        return f"{'grooming' if self.is_grooming else 'risk'}.{level}"

    def page(self, number: int) -> tuple[MessageItem, ...]:
        """Items on page `number` (1-based)."""
        start = (max(1, number) - 1) * ITEMS_PER_PAGE
        return self.items[start : start + ITEMS_PER_PAGE]

    @property
    def pages(self) -> int:
        """How many pages of items there are."""
        return max(1, -(-len(self.items) // ITEMS_PER_PAGE))


def build(conversation: Conversation, analysis: AnalysisReport) -> ReportView:
    """Prepare a report for display."""
    report = analysis.to_dict()
    names = {p.id: p.name for p in conversation.participants}
    by_message: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for finding in report["findings"]:
        by_message[str(finding["message_id"])].append(finding)
    crisis_ids = set(analysis.crisis_messages)
    wanted = set(by_message) | crisis_ids
    items: list[MessageItem] = []
    for message in conversation.messages:
        if message.id not in wanted:
            continue
        found = by_message.get(message.id, [])
        spans = [(int(f["start"]), int(f["end"])) for f in found]
        items.append(
            MessageItem(
                id=message.id,
                sender=names.get(message.sender or "", message.sender or "Unknown"),
                timestamp=message.timestamp,
                cite=message.source.cite(),
                html=highlight(message.text, spans),
                findings=tuple(found),
                crisis=message.id in crisis_ids,
            )
        )
    warnings = tuple(
        f"{w.where()}: {w.message}" if w.where() else w.message for w in conversation.warnings
    )
    return ReportView(
        analysis=analysis,
        report=report,
        title=conversation.title or ", ".join(names.values()) or "Conversation",
        platform=conversation.platform,
        message_count=len(conversation.messages),
        timezone=conversation.timezone,
        timezone_assumed=conversation.timezone_assumed,
        warnings=warnings,
        items=tuple(items),
        names=names,
    )
