"""The report's helpers: readable times with their offset, one row per message."""

from __future__ import annotations

import pytest

from unsnare.evidence.report import merge_by_message, render_report_html, when


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2026-03-02T21:40:00+01:00", "2026-03-02 21:40:00 (UTC+01:00)"),
        ("2026-03-02T21:40:00-05:30", "2026-03-02 21:40:00 (UTC-05:30)"),
        ("2026-03-02T21:40:00", "2026-03-02 21:40:00 (zone unknown)"),
        (None, ""),
        ("not a time", "not a time"),
    ],
)
def test_when(value: str | None, shown: str) -> None:
    assert when(value) == shown


def test_merge_by_message() -> None:
    rows = merge_by_message([
        {"kind": "threat", "tactic": "threat_to_expose", "quote": "send", "message_id": "m3"},
        {"kind": "demand", "tactic": "payment_demand", "quote": "pay", "message_id": "m3"},
        {"kind": "payment", "tactic": None, "quote": None, "message_id": None},
    ])
    assert [(r["kind"], r["quotes"]) for r in rows] == [
        ("threat + demand", ["send", "pay"]), ("payment", [])]


def test_report_escapes_what_people_wrote() -> None:
    html = render_report_html({
        "case": {"id": "c1", "title": "<script>alert(1)</script>"}, "items": [],
        "conversations": [], "identifiers": [], "key_events": [], "reports": [], "blocks": [],
        "custody": [], "notes": [], "threats": [], "demands": [], "payments": [],
        "withheld": [], "made_at": "2026-03-03T09:00:00+01:00", "made_by": "a", "generator": "g",
    })
    assert "<script>alert" not in html and "&lt;script&gt;" in html
