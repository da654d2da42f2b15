"""Measuring the analysis on labelled lines: precision, recall and F1 for the
positive flag (risk medium or above) and for each tactic, and the misses."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unsnare.analysis.engine import Analyzer
from unsnare.analysis.report import AnalysisReport
from unsnare.analysis.tactics import RiskLevel
from unsnare.errors import InputError


@dataclass(frozen=True, slots=True)
class LabelledLine:
    """One evaluation line: id, text, label and expected tactics."""

    id: str
    text: str
    label: str | None
    tags: tuple[str, ...]
    group: str | None = None


@dataclass
class Counts:
    """True/false positives and false negatives for one measure."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def precision(self) -> float:
        """tp / (tp + fp), 0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    def recall(self) -> float:
        """tp / (tp + fn), 0 when there was nothing to find."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision(), self.recall()
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EvalResult:
    """All the figures of one evaluation run."""

    flag: Counts = field(default_factory=Counts)
    tactics: dict[str, Counts] = field(default_factory=dict)
    groups: dict[str, Counts] = field(default_factory=dict)
    misses: list[tuple[str, str]] = field(default_factory=list)
    negatives_high: list[str] = field(default_factory=list)
    lines: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The figures as plain data."""

        def c(x: Counts) -> dict[str, Any]:
            return {
                "precision": round(x.precision(), 3),
                "recall": round(x.recall(), 3),
                "f1": round(x.f1(), 3),
                "tp": x.tp,
                "fp": x.fp,
                "fn": x.fn,
                "tn": x.tn,
            }

        return {
            "lines": self.lines,
            "flag": c(self.flag),
            "tactics": {k: c(v) for k, v in sorted(self.tactics.items())},
            "groups": {k: c(v) for k, v in sorted(self.groups.items())},
            "negatives_high_or_critical": self.negatives_high,
            "misses": [{"id": i, "why": w} for i, w in self.misses],
        }


def _group(row: dict[str, Any]) -> str | None:
    """Which reporting group a line belongs to, from its `note` (if it says).

    The shared set's README asks for grooming lines with and without a youth
    cue in the line itself to be reported apart.
    """
    note = str(row.get("note") or "").lower()
    if "cue in the line itself: yes" in note:
        return "grooming_with_youth_cue"
    if "cue in the line itself: no" in note:
        return "grooming_without_youth_cue"
    return None


def read_lines(path: Path) -> Iterator[LabelledLine]:
    """Read a JSON-lines file of {id, text, label?, tags?}; errors name the line."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot open the file ({exc.strerror})", file=str(path)) from None
    with handle:
        for n, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                row = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise InputError(
                    f"not valid JSON ({exc.msg})",
                    file=str(path),
                    line=n,
                    hint="each line must be one JSON object",
                ) from None
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                raise InputError(
                    "the line has no `text` string",
                    file=str(path),
                    line=n,
                    field="text",
                    hint='each line needs {"id": ..., "text": "..."}',
                )
            tags = row.get("tags") or []
            yield LabelledLine(
                id=str(row.get("id", n)),
                text=row["text"],
                label=row.get("label"),
                tags=tuple(str(t) for t in tags) if isinstance(tags, list) else (),
                group=_group(row),
            )


def evaluate(lines: Iterable[LabelledLine], analyzer: Analyzer) -> EvalResult:
    """Analyse each labelled line on its own and count hits and misses."""
    from unsnare.analysis import analyze_text

    res = EvalResult()
    for line in lines:
        if line.label not in ("positive", "negative"):
            continue
        res.lines += 1
        report: AnalysisReport = analyze_text(line.text, analyzer)
        flagged = report.risk.flagged
        positive = line.label == "positive"
        _count(res.flag, positive, flagged)
        if line.group:
            _count(res.groups.setdefault(line.group, Counts()), positive, flagged)
        if positive and not flagged:
            res.misses.append((line.id, f"missed (risk {report.risk.level})"))
        if not positive and flagged:
            res.misses.append((line.id, f"false alarm (risk {report.risk.level})"))
        if not positive and report.risk.level in (RiskLevel.HIGH, RiskLevel.CRITICAL):
            res.negatives_high.append(line.id)
        found = {str(t) for t in report.tactics()}
        for tactic in set(line.tags) | (found if line.label else set()):
            _count(res.tactics.setdefault(tactic, Counts()), tactic in line.tags, tactic in found)
    return res


def _count(c: Counts, truth: bool, predicted: bool) -> None:
    if truth and predicted:
        c.tp += 1
    elif truth:
        c.fn += 1
    elif predicted:
        c.fp += 1
    else:
        c.tn += 1
