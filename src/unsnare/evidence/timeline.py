"""The case timeline: recorded events plus the threats and demands the analysis
found, each quoting the words and citing the file and line they came from."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from unsnare.evidence.records import EventKind, StoredConversation, TimelineEvent, build
from unsnare.evidence.recordstore import RecordStore

# The analysis's tactic names (unsnare.analysis.tactics), as strings so that the
# locker does not need the analysis installed to read a stored case.
THREAT_TACTICS = frozenset({"threat_to_expose", "outing_threat", "self_harm_pressure"})
DEMAND_TACTICS = frozenset({"payment_demand", "deadline", "escalating_demands", "image_request"})


def tactic_kind(tactic: str) -> EventKind:
    """Which timeline kind a finding's tactic belongs to."""
    t = tactic.lower()
    if t in THREAT_TACTICS or "threat" in t:
        return EventKind.THREAT
    if t in DEMAND_TACTICS or "demand" in t:
        return EventKind.DEMAND
    return EventKind.FINDING


def parse_time(value: str | None) -> datetime | None:
    """An ISO 8601 time, or None when absent or unreadable."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def event_from_record(r: dict[str, Any]) -> TimelineEvent:
    """A recorded event (payment, report, block...) as a timeline entry."""
    return build(TimelineEvent, {**r, "at": parse_time(r.get("at"))})


def message_event(
    conv: StoredConversation, m: dict[str, Any], names: dict[str, str], kind: EventKind,
    quote: str | None, finding: dict[str, Any],
) -> TimelineEvent:
    """A message (or a finding on it) as a timeline entry, citing its source."""
    src = m["source"]
    cite = f"{src[1]} line {src[2]}" if src[2] is not None else f"{src[1]} {src[3] or ''}"
    return TimelineEvent(
        kind=kind.value, at=parse_time(m.get("timestamp")), text=m["text"], quote=quote,
        tactic=finding.get("tactic"), sender=names.get(m.get("sender") or "", m.get("sender")),
        item_id=conv.item_id, conversation_id=conv.id, message_id=m["id"],
        cite=cite.strip(), platform=conv.platform, zone_source=zone_source(conv),
    )


def zone_source(conv: StoredConversation) -> str | None:
    """None when the export stated the zone, else "given" or "assumed"."""
    if not conv.timezone_assumed:
        return None
    return "given" if conv.timezone_given else "assumed"


def build_timeline(records: RecordStore, *,
                   include_messages: bool = False) -> list[TimelineEvent]:
    """Every event of a case in time order (undated ones last)."""
    events = [event_from_record(r) for r in records.of("event")]
    for conv in records.conversations():
        report = records.analysis(conv.id) if conv.analysis else None
        findings = (report or {}).get("findings") or []
        if not findings and not include_messages:
            continue
        data = records.conversation_dict(conv.id)
        names = {p["id"]: p["name"] for p in data["participants"]}
        by_id = {m["id"]: m for m in data["messages"]}
        seen: set[tuple[str, str]] = set()
        for f in findings:
            m = by_id.get(f.get("message_id"))
            kind = tactic_kind(str(f.get("tactic", "")))
            if m is None or (m["id"], kind.value) in seen:
                continue
            seen.add((m["id"], kind.value))
            start, end = f.get("start"), f.get("end")
            text = m["text"]
            quote = text[start:end] if isinstance(start, int) and isinstance(end, int) else None
            events.append(message_event(conv, m, names, kind, quote, f))
        if include_messages:
            for m in data["messages"]:
                events.append(message_event(conv, m, names, EventKind.MESSAGE, None, {}))
    # Undated events go last; instants compare across zones via the epoch.
    return sorted(events, key=lambda e: (e.at is None, e.at.timestamp() if e.at else 0.0))
