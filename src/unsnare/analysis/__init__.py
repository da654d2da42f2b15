"""Explainable detection of sextortion and grooming.

    from unsnare.analysis import analyze, analyze_text
    report = analyze(conversation)          # any importer's Conversation
    report = analyze_text("pasted message or email")
    report.to_dict()                         # the `--json` shape

Detectors live in `detectors/` (one per file) behind one base class
(`Detector`) and one registry (`DetectorRegistry`).
"""

from __future__ import annotations

from dataclasses import replace

from unsnare.analysis.base import Detector, PatternDetector, Rule
from unsnare.analysis.engine import Analyzer
from unsnare.analysis.registry import DetectorRegistry, builtin_registry
from unsnare.analysis.report import AnalysisReport, Finding, Identifier, Risk, StageReached
from unsnare.analysis.tactics import RiskLevel, Scheme, Stage, Tactic
from unsnare.analysis.text import looks_binary
from unsnare.analysis.text_input import conversation_from_text
from unsnare.models import Conversation

__all__ = [
    "AnalysisReport",
    "Analyzer",
    "Detector",
    "DetectorRegistry",
    "Finding",
    "Identifier",
    "PatternDetector",
    "Risk",
    "RiskLevel",
    "Rule",
    "Scheme",
    "Stage",
    "StageReached",
    "Tactic",
    "analyze",
    "analyze_text",
    "builtin_registry",
]

_default: list[Analyzer] = []


def _analyzer() -> Analyzer:
    # Built on first use, never at import, and reused: compiling every rule
    # for each call would cost more than the analysis itself.
    if not _default:
        _default.append(Analyzer())
    return _default[0]


def analyze(conversation: Conversation) -> AnalysisReport:
    """Analyse a whole conversation (from any importer)."""
    return _analyzer().analyze(conversation, is_email=conversation.platform == "email")


def analyze_text(text: str, analyzer: Analyzer | None = None) -> AnalysisReport:
    """Analyse pasted text: one message, a pasted chat, or an email (recognised)."""
    engine = analyzer or _analyzer()
    if looks_binary(text):
        conv, _, notes = conversation_from_text("")
        report = engine.analyze(conv)
        return replace(
            report,
            warnings=(
                "This looks like binary data (a file such as an image or a program), not "
                "text, so it was not analysed. To analyse a chat export, use "
                "`unsnare analyze PATH`.",
            ),
        )
    conv, is_email, notes = conversation_from_text(text)
    report = engine.analyze(conv, is_email=is_email)
    return replace(report, warnings=report.warnings + tuple(notes)) if notes else report
