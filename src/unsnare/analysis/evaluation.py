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

    def to_dict(self) -> dict[str, Any]:
        """The figures (rounded rates and raw counts) as plain data."""
        return {
            "precision": round(self.precision(), 3),
            "recall": round(self.recall(), 3),
            "f1": round(self.f1(), 3),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
        }


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
        return {
            "lines": self.lines,
            "flag": self.flag.to_dict(),
            "tactics": {k: v.to_dict() for k, v in sorted(self.tactics.items())},
            "groups": {k: v.to_dict() for k, v in sorted(self.groups.items())},
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


def _json_lines(path: Path) -> Iterator[tuple[int, Any]]:
    """Each non-blank line of a JSON-lines file, parsed, with its line number."""
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
            yield n, row


def read_lines(path: Path) -> Iterator[LabelledLine]:
    """Read a JSON-lines file of {id, text, label?, tags?}; errors name the line."""
    for n, row in _json_lines(path):
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
        report: AnalysisReport = analyze_text(line.text, analyzer)
        _tally(res, line.id, line.label == "positive", line.group, set(line.tags), report)
    return res


def _tally(
    res: EvalResult,
    rid: str,
    positive: bool,
    group: str | None,
    truth: set[str],
    report: AnalysisReport,
) -> tuple[bool, bool, set[str]]:
    """Count one labelled line's report into `res`; returns whether it was
    flagged, whether it was a negative at high or critical, and the tactics found."""
    flagged = report.risk.flagged
    high = not positive and report.risk.level in (RiskLevel.HIGH, RiskLevel.CRITICAL)
    res.lines += 1
    _count(res.flag, positive, flagged)
    if group:
        _count(res.groups.setdefault(group, Counts()), positive, flagged)
    if positive and not flagged:
        res.misses.append((rid, f"missed (risk {report.risk.level})"))
    if not positive and flagged:
        res.misses.append((rid, f"false alarm (risk {report.risk.level})"))
    if high:
        res.negatives_high.append(rid)
    found = {str(t) for t in report.tactics()}
    for tactic in truth | found:
        _count(res.tactics.setdefault(tactic, Counts()), tactic in truth, tactic in found)
    return flagged, high, found


def _count(c: Counts, truth: bool, predicted: bool) -> None:
    if truth and predicted:
        c.tp += 1
    elif truth:
        c.fn += 1
    elif predicted:
        c.fp += 1
    else:
        c.tn += 1


# ---------------------------------------------------------------------------
# Every file of an evaluation folder, with breakdowns by language and channel,
# and the conversation-level early warning.


@dataclass
class Breakdown:
    """Flag counts for one slice of the lines (a file, a language, a channel)."""

    counts: Counts = field(default_factory=Counts)
    high_negatives: int = 0


@dataclass
class ConversationScore:
    """How early one whole conversation raised its first alert."""

    id: str
    label: str
    messages: int
    first_alert: int | None  # index of the message at which the risk first reached medium
    expected: int | None  # the file's first_alert_index (grooming conversations)

    @property
    def in_time(self) -> bool:
        """For a grooming conversation: alerted at or before the expected message."""
        return (
            self.first_alert is not None
            and self.expected is not None
            and self.first_alert <= self.expected
        )


@dataclass
class FolderResult:
    """The evaluation of every file in a folder."""

    overall: EvalResult = field(default_factory=EvalResult)
    files: dict[str, Breakdown] = field(default_factory=dict)
    languages: dict[str, Breakdown] = field(default_factory=dict)
    channels: dict[str, Breakdown] = field(default_factory=dict)
    file_tactics: dict[str, dict[str, Counts]] = field(default_factory=dict)
    conversations: list[ConversationScore] = field(default_factory=list)
    non_english_quotes: Counts = field(default_factory=Counts)

    def to_dict(self) -> dict[str, Any]:
        """The figures as plain data."""

        def b(d: dict[str, Breakdown]) -> dict[str, Any]:
            return {
                k: {**v.counts.to_dict(), "negatives_high": v.high_negatives}
                for k, v in sorted(d.items())
            }

        grooming = [s for s in self.conversations if s.label != "benign"]
        benign = [s for s in self.conversations if s.label == "benign"]
        return {
            **self.overall.to_dict(),
            "files": b(self.files),
            "languages": b(self.languages),
            "channels": b(self.channels),
            "file_tactics": {
                f: {k: v.to_dict() for k, v in sorted(t.items())}
                for f, t in sorted(self.file_tactics.items())
            },
            "non_english_quotes": self.non_english_quotes.to_dict(),
            "conversations": {
                "grooming": len(grooming),
                "alerted_in_time": sum(s.in_time for s in grooming),
                "benign": len(benign),
                "benign_never_medium": sum(s.first_alert is None for s in benign),
                "each": [
                    {
                        "id": s.id,
                        "label": s.label,
                        "messages": s.messages,
                        "first_alert": s.first_alert,
                        "expected": s.expected,
                    }
                    for s in self.conversations
                ],
            },
        }


def _rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    for n, row in _json_lines(path):
        if not isinstance(row, dict):
            raise InputError(
                "the line is not a JSON object",
                file=str(path),
                line=n,
                hint="each line must be one JSON object",
            )
        yield n, row


def _conversation_score(
    row: dict[str, Any], n: int, path: Path, analyzer: Analyzer
) -> ConversationScore:
    from unsnare.analysis.early import first_alert
    from unsnare.models import Conversation, Message, Participant, Source

    raw = row.get("messages")
    if not isinstance(raw, list):
        raise InputError(
            "the conversation has no `messages` list", file=str(path), line=n, field="messages"
        )
    senders: dict[str, Participant] = {}
    messages: list[Message] = []
    for i, m in enumerate(raw):
        if not isinstance(m, dict) or not isinstance(m.get("text"), str):
            raise InputError(
                f"message {i} has no `text` string", file=str(path), line=n, field="messages"
            )
        who = str(m.get("sender") or "unknown")
        senders.setdefault(who, Participant(id=who, name=who, is_owner=False))
        messages.append(
            Message(
                id=str(i),
                sender=who,
                timestamp=None,
                text=m["text"],
                source=Source("eval", path.name, line=n),
            )
        )
    conv = Conversation(
        id=str(row.get("id", n)),
        platform="chat",
        format="eval",
        participants=tuple(senders.values()),
        messages=tuple(messages),
    )
    expected = row.get("first_alert_index")
    return ConversationScore(
        id=conv.id,
        label=str(row.get("label")),
        messages=len(messages),
        first_alert=first_alert(analyzer, conv),
        expected=expected if isinstance(expected, int) else None,
    )


def evaluate_folder(folder: Path, analyzer: Analyzer) -> FolderResult:
    """Evaluate every `*.jsonl` file in a folder: lines one by one, conversations whole."""
    from unsnare.analysis import analyze_text

    if not folder.is_dir():
        raise InputError(
            "not a folder",
            file=str(folder),
            hint="give the folder that holds the evaluation .jsonl files, or one .jsonl file",
        )
    files = sorted(folder.glob("*.jsonl"))
    if not files:
        raise InputError("no .jsonl files in this folder", file=str(folder))
    res = FolderResult()
    for path in files:
        tactics = res.file_tactics.setdefault(path.name, {})
        for n, row in _rows(path):
            if "messages" in row and "text" not in row:
                res.conversations.append(_conversation_score(row, n, path, analyzer))
                continue
            label = row.get("label")
            if label not in ("positive", "negative") or not isinstance(row.get("text"), str):
                continue
            positive = label == "positive"
            report = analyze_text(row["text"], analyzer)
            tags = row.get("tags") or []
            truth = {str(t) for t in tags} if isinstance(tags, list) else set()
            flagged, high, found = _tally(
                res.overall, str(row.get("id", n)), positive, _group(row), truth, report
            )
            lang = str(row.get("lang") or "?")
            for key, table in (
                (path.name, res.files),
                (lang, res.languages),
                (str(row.get("channel") or "?"), res.channels),
            ):
                slice_ = table.setdefault(key, Breakdown())
                _count(slice_.counts, positive, flagged)
                slice_.high_negatives += high
            if path.name == "quotes.jsonl" and lang != "en":
                _count(res.non_english_quotes, positive, flagged)
            for tactic in truth | found:
                _count(tactics.setdefault(tactic, Counts()), tactic in truth, tactic in found)
    return res
