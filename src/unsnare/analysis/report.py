"""The analysis result: findings, identifiers, stages, risk, and the report."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from unsnare.analysis.tactics import RiskLevel, Scheme, Stage, Tactic
from unsnare.errors import InputError

DetailValue = str | int | float | bool | None

# An offender urging the person to hurt themselves is a crisis, whatever the flag says.
CRISIS_TACTICS = frozenset({Tactic.SELF_HARM_PRESSURE})


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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        """Rebuild a finding stored with `to_dict`."""
        detail = data.get("detail") or {}
        return cls(
            message_id=str(_field(data, "message_id")),
            start=int(_field(data, "start")),
            end=int(_field(data, "end")),
            tactic=Tactic(_field(data, "tactic")),
            detector=str(_field(data, "detector")),
            version=str(_field(data, "version")),
            score=float(_field(data, "score")),
            explanation=str(_field(data, "explanation")),
            detail=tuple((str(k), v) for k, v in dict(detail).items()),
        )


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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Identifier:
        """Rebuild an identifier stored with `to_dict`."""
        platform, valid = data.get("platform"), data.get("valid")
        return cls(
            kind=str(_field(data, "kind")),
            value=str(_field(data, "value")),
            normalized=str(_field(data, "normalized")),
            message_ids=tuple(str(m) for m in data.get("message_ids") or ()),
            platform=None if platform is None else str(platform),
            valid=None if valid is None else bool(valid),
        )


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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StageReached:
        """Rebuild a stage stored with `to_dict`."""
        when = data.get("timestamp")
        return cls(
            stage=Stage(_field(data, "stage")),
            message_id=str(_field(data, "message_id")),
            timestamp=datetime.fromisoformat(when) if when else None,
        )


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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Risk:
        """Rebuild a risk stored with `to_dict`."""
        return cls(
            level=RiskLevel(_field(data, "level")),
            score=float(_field(data, "score")),
            drivers=tuple(Finding.from_dict(f) for f in data.get("drivers") or ()),
            assessed=bool(data.get("assessed", True)),
        )


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

    def needs_crisis_help(self) -> bool:
        """True when crisis help comes first (see `needs_crisis_help`)."""
        return needs_crisis_help(self.crisis, self.tactics())

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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AnalysisReport:
        """Rebuild a report stored with `to_dict` (a case's analysis, a web session's).

        InputError names the field when the stored data is not a report.
        """
        try:
            return cls(
                risk=Risk.from_dict(_field(data, "risk")),
                scheme=Scheme(_field(data, "scheme")),
                stage=Stage(_field(data, "stage")),
                stages=tuple(StageReached.from_dict(s) for s in data.get("stages") or ()),
                crisis=bool(data.get("crisis", False)),
                crisis_messages=tuple(str(m) for m in data.get("crisis_messages") or ()),
                findings=tuple(Finding.from_dict(f) for f in data.get("findings") or ()),
                identifiers=tuple(Identifier.from_dict(i) for i in data.get("identifiers") or ()),
                language=str(data.get("language", "")),
                supported_language=bool(data.get("supported_language", True)),
                warnings=tuple(str(w) for w in data.get("warnings") or ()),
                conversation_id=_optional_str(data.get("conversation_id")),
                message_count=int(data.get("message_count") or 0),
                offenders=tuple(str(o) for o in data.get("offenders") or ()),
            )
        except (TypeError, ValueError, AttributeError) as exc:
            raise InputError(
                f"the stored analysis report cannot be read ({exc})",
                hint="analyse the conversation again",
            ) from None


def needs_crisis_help(crisis: bool, tactics: Iterable[str]) -> bool:
    """True when crisis help must come before anything else.

    Besides the analysis's own crisis flag (the person talks of self-harm), an
    offender telling them their life is over is the moment crisis help matters
    most. Every front end (command line, web, response plan) asks this one rule,
    through `AnalysisReport.needs_crisis_help` or, for a report read from a
    file, with the flag and tactic names it holds.
    """
    return bool(crisis) or not CRISIS_TACTICS.isdisjoint(tactics)


def _field(data: Mapping[str, Any], name: str) -> Any:
    # Stored data is foreign until read: a missing field is named, not a KeyError.
    if not isinstance(data, Mapping) or name not in data:
        raise InputError(
            f"the stored analysis report has no {name!r}",
            field=name,
            hint="analyse the conversation again",
        )
    return data[name]


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)
