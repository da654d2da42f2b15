"""The vocabulary of the analysis: tactics, stages, schemes and risk levels.

The string values are part of the output contract (JSON, evaluations), so
they never change once released.
"""

from __future__ import annotations

from enum import StrEnum


class Tactic(StrEnum):
    """A manipulation or abuse tactic that a finding names."""

    FALSE_IDENTITY = "false_identity"
    STOLEN_CONTENT = "stolen_content"
    IMAGE_REQUEST = "image_request"
    SEXUAL_CONTENT = "sexual_content"
    THREAT_TO_EXPOSE = "threat_to_expose"
    OUTING_THREAT = "outing_threat"
    PAYMENT_DEMAND = "payment_demand"
    DEADLINE = "deadline"
    ESCALATING_DEMANDS = "escalating_demands"
    HACKING_CLAIM = "hacking_claim"
    GROOMING = "grooming"
    SELF_HARM_PRESSURE = "self_harm_pressure"


class GroomingKind(StrEnum):
    """The kind of grooming a `grooming` finding shows (its `detail.kind`)."""

    FLATTERY = "flattery"
    SECRECY = "secrecy"
    AGE_PROBING = "age_probing"
    ISOLATION = "isolation"
    PLATFORM_SWITCH = "platform_switch"
    MEETING = "meeting"


class Audience(StrEnum):
    """Who a threat to expose says will see the images (`detail.audience`)."""

    FAMILY = "family"
    FRIENDS = "friends"
    FOLLOWERS = "followers"
    SCHOOL = "school"
    EMPLOYER = "employer"
    EVERYONE = "everyone"


class Stage(StrEnum):
    """A step on a scheme's timeline, in the order schemes usually run."""

    NONE = "none"
    CONTACT = "contact"
    RAPPORT = "rapport"
    IMAGE_EXCHANGE = "image_exchange"
    THREAT = "threat"
    DEMAND = "demand"
    ESCALATION = "escalation"


STAGE_ORDER: tuple[Stage, ...] = (
    Stage.CONTACT,
    Stage.RAPPORT,
    Stage.IMAGE_EXCHANGE,
    Stage.THREAT,
    Stage.DEMAND,
    Stage.ESCALATION,
)


class Scheme(StrEnum):
    """What kind of abuse the conversation as a whole looks like."""

    FINANCIAL_SEXTORTION = "financial_sextortion"
    IMAGE_SEXTORTION = "image_sextortion"
    MASS_EMAIL_SEXTORTION = "mass_email_sextortion"
    GROOMING = "grooming"
    NONE = "none"


class RiskLevel(StrEnum):
    """How urgent the situation looks, from none to critical."""

    NONE = "none"
    # The conversation is in a language Unsnare cannot read yet: nothing found
    # does not mean safe, so it is never reported as none or low.
    UNKNOWN = "unknown"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


# Score thresholds (lower bounds) for each level; "flagged" means medium or above.
LEVEL_FLOORS: tuple[tuple[float, RiskLevel], ...] = (
    (0.85, RiskLevel.CRITICAL),
    (0.65, RiskLevel.HIGH),
    (0.40, RiskLevel.MEDIUM),
    (0.15, RiskLevel.LOW),
    (0.0, RiskLevel.NONE),
)


def floor_for(level: RiskLevel) -> float:
    """The lowest score at a level (the inverse of `level_for`)."""
    for floor, named in LEVEL_FLOORS:
        if named is level:
            return floor
    raise ValueError(f"unknown level {level}")


def level_for(score: float) -> RiskLevel:
    """The risk level for a score in [0, 1]."""
    for floor, level in LEVEL_FLOORS:
        if score >= floor:
            return level
    return RiskLevel.NONE
