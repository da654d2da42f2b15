"""The analysis result: findings, identifiers, stages, risk, and the report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from unsnare.analysis.tactics import RiskLevel, Scheme, Stage, Tactic

DetailValue = str | int | float | bool | None


@dataclass(frozen=True, slots=True)
class Finding:
    """One tactic seen in one message, with the span and the reason."""

    message_id: str
    start: int
    end: int
    tactic: Tactic
    detector: str
    version: str
    score: float
    explanation: str
    detail: tuple[tuple[str, DetailValue], ...] = ()

    def get(self, key: str) -> DetailValue:
        """One detail value (such as ``kind`` or ``audience``), or None."""
        for k, v in self.detail:
            if k == key:
                return v
        return None

    def to_dict(self) -> dict[str, Any]:
        """This finding as plain JSON-ready data."""
        return {
            "message_id": self.message_id,
            "start": self.start,
            "end": self.end,
            "tactic": str(self.tactic),
            "detail": dict(self.detail),
            "detector": self.detector,
            "version": self.version,
            "score": round(self.score, 3),
            "explanation": self.explanation,
        }


@dataclass(frozen=True, slots=True)
class Identifier:
    """Something that identifies the offender or the money trail."""

    kind: str
    value: str
    normalized: str
    message_ids: tuple[str, ...]
    platform: str | None = None
    valid: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        """This identifier as plain JSON-ready data."""
        out: dict[str, Any] = {
            "kind": self.kind,
            "value": self.value,
            "normalized": self.normalized,
            "message_ids": list(self.message_ids),
        }
        if self.platform is not None:
            out["platform"] = self.platform
        if self.valid is not None:
            out["valid"] = self.valid
        return out


@dataclass(frozen=True, slots=True)
class StageReached:
    """The first message at which a stage of the scheme was reached."""

    stage: Stage
    message_id: str
    timestamp: datetime | None

    def to_dict(self) -> dict[str, Any]:
        """This stage as plain JSON-ready data."""
        return {
            "stage": str(self.stage),
            "message_id": self.message_id,
            "timestamp": self.timestamp.isoformat() if self.timestamp else None,
        }


@dataclass(frozen=True, slots=True)
class Risk:
    """How bad it looks: a level, a score, and the findings that drive it."""

    level: RiskLevel
    score: float
    drivers: tuple[Finding, ...] = ()
    assessed: bool = True

    @property
    def flagged(self) -> bool:
        """True at medium risk or above."""
        return self.level in (RiskLevel.MEDIUM, RiskLevel.HIGH, RiskLevel.CRITICAL)

    def to_dict(self) -> dict[str, Any]:
        """This risk as plain JSON-ready data."""
        return {
            "level": str(self.level),
            "score": round(self.score, 3),
            "drivers": [f.to_dict() for f in self.drivers],
            "assessed": self.assessed,
        }


@dataclass(frozen=True, slots=True)
class AnalysisReport:
    """Everything the analysis says about one conversation."""

    risk: Risk
    scheme: Scheme
    stage: Stage
    stages: tuple[StageReached, ...]
    crisis: bool
    crisis_messages: tuple[str, ...]
    findings: tuple[Finding, ...]
    identifiers: tuple[Identifier, ...]
    language: str
    supported_language: bool
    warnings: tuple[str, ...] = ()
    conversation_id: str | None = None
    message_count: int = 0
    offenders: tuple[str, ...] = ()

    def tactics(self) -> frozenset[Tactic]:
        """The distinct tactics found."""
        return frozenset(f.tactic for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        """The report as plain JSON-ready data (the `--json` shape)."""
        return {
            "conversation_id": self.conversation_id,
            "message_count": self.message_count,
            "risk": self.risk.to_dict(),
            "scheme": str(self.scheme),
            "stage": str(self.stage),
            "stages": [s.to_dict() for s in self.stages],
            "crisis": self.crisis,
            "crisis_messages": list(self.crisis_messages),
            "findings": [f.to_dict() for f in self.findings],
            "identifiers": [i.to_dict() for i in self.identifiers],
            "offenders": list(self.offenders),
            "language": self.language,
            "supported_language": self.supported_language,
            "warnings": list(self.warnings),
        }
