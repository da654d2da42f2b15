"""The built-in detectors, one per file, registered like any outside detector."""

from __future__ import annotations

from typing import TYPE_CHECKING

from unsnare.analysis.detectors.deadline import DeadlineDetector
from unsnare.analysis.detectors.escalating_demands import EscalatingDemandsDetector
from unsnare.analysis.detectors.false_identity import FalseIdentityDetector
from unsnare.analysis.detectors.grooming import GroomingDetector
from unsnare.analysis.detectors.hacking_claim import HackingClaimDetector
from unsnare.analysis.detectors.image_request import ImageRequestDetector
from unsnare.analysis.detectors.outing_threat import OutingThreatDetector
from unsnare.analysis.detectors.payment_demand import PaymentDemandDetector
from unsnare.analysis.detectors.self_harm_pressure import SelfHarmPressureDetector
from unsnare.analysis.detectors.sexual_content import SexualContentDetector
from unsnare.analysis.detectors.stolen_content import StolenContentDetector
from unsnare.analysis.detectors.threat_to_expose import ThreatToExposeDetector

if TYPE_CHECKING:
    from unsnare.analysis.registry import DetectorRegistry

BUILTIN_DETECTORS = (
    FalseIdentityDetector,
    StolenContentDetector,
    ImageRequestDetector,
    SexualContentDetector,
    ThreatToExposeDetector,
    OutingThreatDetector,
    PaymentDemandDetector,
    DeadlineDetector,
    EscalatingDemandsDetector,
    HackingClaimDetector,
    GroomingDetector,
    SelfHarmPressureDetector,
)


def register_builtins(registry: DetectorRegistry) -> None:
    """Register one instance of each built-in detector, then the learned layer."""
    from unsnare.analysis.learned.detector import LearnedDetector

    for cls in BUILTIN_DETECTORS:
        registry.register(cls())
    registry.register(LearnedDetector())
