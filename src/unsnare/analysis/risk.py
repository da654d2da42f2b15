"""From findings to one risk level and the scheme they add up to.

Each tactic counts once, at its strongest finding; tactics then combine
like independent warning signs (1 - product of (1 - score)). Some
combinations are worse than their parts and set a floor: a threat to
expose plus a demand for money is sextortion in progress.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from unsnare.analysis.report import Finding, Risk
from unsnare.analysis.tactics import RiskLevel, Scheme, Tactic, level_for

T = Tactic


def strongest(findings: Sequence[Finding]) -> dict[Tactic, Finding]:
    """The highest-scoring finding of each tactic."""
    best: dict[Tactic, Finding] = {}
    for f in findings:
        cur = best.get(f.tactic)
        if cur is None or f.score > cur.score:
            best[f.tactic] = f
    return best


def _has(best: dict[Tactic, Finding], tactic: Tactic, floor: float = 0.3) -> bool:
    f = best.get(tactic)
    return f is not None and f.score >= floor


def youth_seen(findings: Sequence[Finding]) -> bool:
    """True when any finding saw a cue that the person may be under 18."""
    return any(
        f.get("youth_cue") is True
        or (f.tactic is T.GROOMING and f.get("kind") == "age_probing" and f.score >= 0.45)
        for f in findings
    )


LONE_DEADLINE_CAP = 0.35


def score_findings(findings: Sequence[Finding], crisis: bool) -> float:
    """The combined risk score in [0, 1]."""
    best = strongest(findings)
    if not best:
        return 0.0
    rest = 1.0
    for f in sorted(best.values(), key=lambda f: -f.score)[:4]:
        rest *= 1.0 - f.score
    score = 1.0 - rest
    threat = _has(best, T.THREAT_TO_EXPOSE, 0.5) or _has(best, T.OUTING_THREAT, 0.5)
    pay = _has(best, T.PAYMENT_DEMAND)
    # Several different grooming steps (secrecy, isolation, meeting...) are a
    # pattern, worse than any one of them.
    kinds = {f.get("kind") for f in findings if f.tactic is T.GROOMING and f.score >= 0.4}
    floors = [
        (len(kinds) >= 3, 0.7),
        (threat and pay, 0.9),
        (_has(best, T.ESCALATING_DEMANDS) and (threat or pay), 0.9),
        (_has(best, T.SELF_HARM_PRESSURE, 0.7), 0.9),
        (threat and _has(best, T.IMAGE_REQUEST), 0.85),
        (threat, 0.7),
        (_has(best, T.HACKING_CLAIM) and (pay or threat), 0.75),
        (_has(best, T.SEXUAL_CONTENT, 0.4) and youth_seen(findings), 0.7),
        (_has(best, T.IMAGE_REQUEST, 0.5) and youth_seen(findings), 0.7),
    ]
    for applies, floor in floors:
        if applies:
            score = max(score, floor)
    # A deadline alone is what every bill and phishing email says; it matters next
    # to a threat, a demand or sexual talk, not on its own.
    if set(best) == {T.DEADLINE}:
        score = min(score, LONE_DEADLINE_CAP)
    if crisis and score >= 0.4:
        score = max(score, 0.95)
    return min(score, 1.0)


# The risk of no findings, assessed or not, made once (a Risk is a frozen value).
_NO_RISK = {assessed: Risk(level_for(0.0), 0.0, (), assessed) for assessed in (True, False)}


def assess_risk(findings: Sequence[Finding], crisis: bool, assessed: bool = True) -> Risk:
    """The risk level, score and the (up to three) findings driving it."""
    if not findings:
        return _NO_RISK[bool(assessed)]  # most messages: nothing to weigh
    score = score_findings(findings, crisis)
    best = strongest(findings)
    drivers = tuple(sorted(best.values(), key=lambda f: -f.score)[:3]) if score > 0 else ()
    return Risk(level_for(score), round(score, 3), drivers, assessed)


def scheme_of(findings: Sequence[Finding], has_images: bool) -> Scheme:
    """What the findings add up to: which kind of sextortion, grooming, or none."""
    best = strongest(findings)
    threat = _has(best, T.THREAT_TO_EXPOSE, 0.5) or _has(best, T.OUTING_THREAT, 0.5)
    pay = _has(best, T.PAYMENT_DEMAND)
    images = _has(best, T.IMAGE_REQUEST) or _has(best, T.STOLEN_CONTENT) or has_images
    sexual = _has(best, T.SEXUAL_CONTENT, 0.4)
    # The bulk email claims a webcam recording (stolen content) with the hack;
    # only pictures really exchanged or asked for make it something else.
    if _has(best, T.HACKING_CLAIM) and not (_has(best, T.IMAGE_REQUEST) or has_images):
        return Scheme.MASS_EMAIL_SEXTORTION
    if pay and (threat or _has(best, T.ESCALATING_DEMANDS) or images):
        return Scheme.FINANCIAL_SEXTORTION
    # A groomer who threatens ("come, or I tell your school what you said") with no
    # pictures held or asked for in earnest: still grooming, now with coercion.
    steps = {f.get("kind") for f in findings if f.tactic is T.GROOMING and f.score >= 0.4}
    held = _has(best, T.IMAGE_REQUEST, 0.5) or _has(best, T.STOLEN_CONTENT) or has_images
    if threat and len(steps) >= 2 and not held:
        return Scheme.GROOMING
    if threat:
        return Scheme.IMAGE_SEXTORTION
    # A false identity alone is not grooming: a fake account made as a prank,
    # or a catfish after money, lies about who they are without grooming
    # anyone. It supports the picture only next to a real grooming signal.
    grooming_like = (T.GROOMING, T.IMAGE_REQUEST, T.STOLEN_CONTENT, T.SEXUAL_CONTENT)
    if sexual or any(_has(best, t, 0.4) for t in grooming_like):
        return Scheme.GROOMING
    return Scheme.NONE


# The bulk "I recorded you through your webcam" email goes to millions of
# people and is almost always a bluff: frightening, but less urgent than a
# blackmailer who really holds pictures. It is capped at high unless the
# person is in crisis.
MASS_EMAIL_CAP = 0.8


def adjust_for_scheme(risk: Risk, scheme: Scheme, crisis: bool) -> Risk:
    """Cap the bulk-email bluff at high (unless in crisis)."""
    if scheme is Scheme.MASS_EMAIL_SEXTORTION and not crisis and risk.score > MASS_EMAIL_CAP:
        return Risk(level_for(MASS_EMAIL_CAP), MASS_EMAIL_CAP, risk.drivers, risk.assessed)
    return risk


# In a conversation this long, one message alone that only the learned model
# reads as abuse, or that only holds sexual talk (common between adults), does
# not raise an alert: a rule or a second message has to agree.
CORROBORATE_FROM = 10


# A conversation with this many people writing is a group or a public room.
ROOM_SENDERS = 4


def corroborated(
    risk: Risk, findings: Sequence[Finding], messages: int, room: bool = False
) -> Risk:
    """Keep a long conversation below medium when a single message, read by the
    learned model alone or holding only sexual talk, would lift it there.

    In a room where many people write (`room`), sexual talk is chatter to the
    room, not words to one young person: a single such message needs company
    even when it carries a youth cue ("virgin", "school")."""
    if messages < CORROBORATE_FROM or not risk.flagged or risk.score >= 0.95:
        return risk
    weighty = [f for f in findings if f.score >= 0.4]
    if len({f.message_id for f in weighty}) > 1:
        return risk
    by_model = all(f.get("layer") == "model" for f in weighty)
    only_sexual = all(
        f.tactic is T.SEXUAL_CONTENT and (room or not f.get("youth_cue")) for f in weighty
    )
    if not (by_model or only_sexual):
        return risk
    return Risk(
        level_for(min(risk.score, 0.39)), min(risk.score, 0.39), risk.drivers, risk.assessed
    )


def conclude(
    findings: Sequence[Finding],
    crisis: bool,
    assessed: bool,
    messages: int,
    has_images: Callable[[], bool],
    writers: Callable[[], int],
) -> tuple[Risk, Scheme]:
    """A whole conversation's risk and scheme from the findings kept: unknown when
    its language could not be assessed and nothing was flagged. Whether images
    were sent and how many people wrote are asked only when something was
    flagged (on a huge conversation both mean a pass over every message)."""
    risk = assess_risk(findings, crisis, assessed)
    if not assessed and not risk.flagged:
        risk = Risk(RiskLevel.UNKNOWN, risk.score, risk.drivers, False)
    scheme = Scheme.NONE
    if risk.flagged:
        scheme = scheme_of(findings, has_images())
    risk = adjust_for_scheme(risk, scheme, crisis)
    room = writers() >= ROOM_SENDERS if risk.flagged else False
    return corroborated(risk, findings, messages, room), scheme
