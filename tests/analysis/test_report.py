"""The analysis report as data: stored reports read back typed, and the crisis rule."""

from __future__ import annotations

from typing import Any

import pytest

from unsnare.analysis import AnalysisReport, analyze_text
from unsnare.analysis.report import needs_crisis_help
from unsnare.errors import InputError
from unsnare.response import Triage

TEXTS = [
    "I have your pics. Pay $500 to cashapp $inventedjay by tonight or I send them to everyone.",
    "hey how was school today?",
    "you should just kill yourself, your life is over when they see this",
]


@pytest.mark.parametrize("text", TEXTS)
def test_a_stored_report_reads_back_the_same(text: str) -> None:
    report = analyze_text(text)
    again = AnalysisReport.from_dict(report.to_dict())
    assert again.to_dict() == report.to_dict()
    assert again.needs_crisis_help() == report.needs_crisis_help()


@pytest.mark.parametrize(
    ("data", "field"),
    [({}, "risk"), ({"risk": {"level": "high", "score": 1}}, "scheme"),
     ({"risk": {"score": 1}, "scheme": "none", "stage": "none"}, "level")],
)
def test_a_broken_stored_report_names_the_field(data: dict[str, Any], field: str) -> None:
    with pytest.raises(InputError) as caught:
        AnalysisReport.from_dict(data)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("crisis", "tactics", "expected"),
    [(False, set(), False), (True, set(), True), (False, {"self_harm_pressure"}, True),
     (False, {"payment_demand", "threat_to_expose"}, False)],
)
def test_crisis_help_comes_first_on_despair_or_self_harm_pressure(
        crisis: bool, tactics: set[str], expected: bool) -> None:
    assert needs_crisis_help(crisis, tactics) is expected


@pytest.mark.parametrize("text", TEXTS)
def test_triage_reads_a_report_and_its_file_alike(text: str) -> None:
    report = analyze_text(text)
    typed = Triage.from_report(report, age=15, country="US")
    assert typed == Triage.from_analysis(report.to_dict(), age=15, country="US")
    assert typed.unsafe == report.needs_crisis_help()
