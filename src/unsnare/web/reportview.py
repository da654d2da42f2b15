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

from unsnare.models import Conversation
from unsnare.web.filters import highlight

ITEMS_PER_PAGE = 100

RISK_WORDS = {
    "critical": "This looks like sextortion, and it is urgent.",
    "high": "This looks very much like sextortion.",
    "medium": "Some signs of sextortion or grooming are here.",
    "low": "A few warning signs, but not a clear threat.",
    "none": "We did not find clear signs of sextortion in this conversation.",
}
# Grooming is not sextortion yet: say what it is, never "do not pay".
GROOMING_WORDS = {
    "critical": "This looks like grooming, and it is urgent.",
    "high": "This looks very much like grooming.",
    "medium": "Some signs of grooming are here.",
    "low": "A few signs of grooming, but nothing clear yet.",
    "none": "We did not find clear signs of grooming or sextortion in this conversation.",
}
STAGE_WORDS = {
    "none": "No stage reached",
    "contact": "First contact",
    "rapport": "Building trust",
    "image_exchange": "Pictures shared",
    "threat": "Threats",
    "demand": "Demands",
    "escalation": "Pressure rising",
}
SCHEME_WORDS = {
    "financial_sextortion": "Money sextortion: they want money to not share pictures.",
    "image_sextortion": "Image sextortion: they want more pictures or videos.",
    "mass_email_sextortion": "A mass email scam. These emails are sent to thousands of people; "
    "the sender almost never has any pictures.",
    "grooming": "Grooming: an adult building trust to take advantage.",
    "none": "No known scheme.",
}


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
    """One analysed conversation: the report dict plus display-ready parts."""

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
        return self.report.get("scheme") == "grooming"

    @property
    def risk_words(self) -> str:
        """The risk level in one plain sentence (grooming is named as grooming)."""
        level = str(self.report["risk"]["level"])
        if self.is_grooming:
            return GROOMING_WORDS.get(level, "")
        return RISK_WORDS.get(level, "")

    def page(self, number: int) -> tuple[MessageItem, ...]:
        """Items on page `number` (1-based)."""
        start = (max(1, number) - 1) * ITEMS_PER_PAGE
        return self.items[start : start + ITEMS_PER_PAGE]

    @property
    def pages(self) -> int:
        """How many pages of items there are."""
        return max(1, -(-len(self.items) // ITEMS_PER_PAGE))


def build(conversation: Conversation, report: dict[str, Any]) -> ReportView:
    """Prepare a report for display."""
    names = {p.id: p.name for p in conversation.participants}
    by_message: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for finding in report.get("findings", []):
        by_message[str(finding["message_id"])].append(finding)
    crisis_ids = {str(m) for m in report.get("crisis_messages", [])}
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

TACTIC_WORDS = {
    "false_identity": "Pretending to be someone else",
    "stolen_content": "Using pictures stolen from someone else",
    "image_request": "Asking for pictures",
    "sexual_content": "Sexual talk",
    "threat_to_expose": "Threatening to share pictures",
    "outing_threat": "Threatening to tell people about your private life",
    "payment_demand": "Demanding money",
    "deadline": "Putting you under time pressure",
    "escalating_demands": "Asking for more after getting something",
    "hacking_claim": "Claiming to have hacked you",
    "grooming": "Grooming: building trust to take advantage",
    "self_harm_pressure": "Pushing you toward hurting yourself",
}
