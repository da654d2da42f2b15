"""Claims of hacking: malware, webcam recordings, "I know your password"."""

from __future__ import annotations

from unsnare.analysis.base import PatternDetector, Rule
from unsnare.analysis.detectors import _kinds_control, _kinds_hacking, _multilingual
from unsnare.analysis.tactics import Tactic
from unsnare.analysis.text import words

_EXPLAIN = (
    "They claim to have hacked your device or camera. This is a common bluff sent to "
    "thousands of people at once."
)

RULES = (
    Rule(
        r"\b(?:i|we)(?:'ve| have| had)?\s+(?:\w+\s+){0,2}?(?:hacked|cracked|infected|breached|burst"
        r"|compromised)\s+(?:\w+\s+){0,2}?(?:your|ur|this|the)\b",
        0.55,
        _EXPLAIN,
        keys="hacked cracked infected breached burst compromised",
    ),
    # The passive form of the same bluff: "your device was infected with my malware".
    Rule(
        r"\b(?:your|ur) (?:\w+ )?(?:device|computer|phone|laptop|pc|system|account|email|camera"
        r"|webcam|router)s? (?:was|were|has been|have been|got|is|are) (?:\w+ )?(?:hacked|infected"
        r"|compromised|breached)\s+(?:by|with|through)\s+(?:me|us|my|our)\b",
        0.55,
        _EXPLAIN,
        keys="hacked infected compromised breached",
    ),
    Rule(
        r"\b(?:i|we)\s+(?:\w+\s+){0,2}?(?:installed|placed|set ?up|setup|uploaded|planted|put"
        r"|injected)\s+(?:a |an |my |some |special |malicious )*(?:\w+\s+)?(?:malware|virus|trojan"
        r"|spyware|keylogger|rat|software|program|code)\b",
        0.55,
        _EXPLAIN,
        keys="installed placed setup set uploaded planted put injected",
    ),
    Rule(
        r"\b(?:recorded|recording|filmed|captured|screenshots?|made (?:a )?(?:split|double)"
        r"[- ]screen)\b[^.]{0,60}?\b(?:your|ur)\s+(?:\w+\s+)?(?:web ?cam|camera|cam|screen)\b"
        r"|\b(?:recorded|recording|filmed|captured|screenshots?)\b[^.]{0,60}?\b(?:you|u)\b"
        r"[^.]{0,60}?\b(?:web ?cam|camera|cam)\b"
        r"|\b(?:screenshots?|recorded|recording)\b[^.]{0,40}?\b(?:web ?cam|camera|cam)\s+of\s+"
        r"(?:your|ur)\b",
        0.55,
        _EXPLAIN,
        keys="recorded recording filmed captured screenshot screenshots split double",
    ),
    Rule(
        r"\bi(?:'m| am|m)\s+an?\s*(?:professional\s+)?(?:hacker|programmer)\b",
        0.55,
        _EXPLAIN,
        keys="hacker programmer",
    ),
    Rule(
        r"\bi know\b[^.]{0,40}\bpass ?words?\b"
        r"|\b(?:your|ur) pass ?words? (?:from|for) \S+ (?:is|was|on (?:the )?(?:moment|day))\b"
        r"|\bfrom (?:your|ur) (?:own )?hacked (?:account|email|mailbox)\b"
        # The bulk email's opening: a leaked password, then "is your password".
        r"|(?:^|[.!:\n]\s*)\S+\s+(?:is|was|=)\s+(?:your|ur)\s+(?:current\s+|old\s+|actual\s+"
        r"|real\s+)?pass ?(?:word|code)\s*(?:[.!,;]|$)",
        0.55,
        _EXPLAIN,
        keys="password passwords pass hacked",
    ),
    Rule(
        r"\b(?:i|we)\s+(?:have|got|gained|obtained|had)\s+(?:full\s+)?(?:remote\s+)?(?:access"
        r"|accessibility)\s+to\s+(?:all\s+)?(?:your|ur)\b|\bgave me (?:full )?(?:access"
        r"|accessibility) to (?:your|ur)\b|\b(?:been|have been) (?:monitoring|spying on|watching)"
        r" (?:you|your)\b",
        0.55,
        _EXPLAIN,
        keys="access accessibility monitoring spying watching",
    ),
    # The person retelling a mass email ("I got an email saying they hacked my
    # webcam"). A bare "my account got hacked" stays quiet: that can be real.
    Rule(
        r"\b(?:e-?mail|mail|message|msg|text|dm)\s+(?:\w+\s+){0,2}?(?:saying|says|said|claiming"
        r"|claims|that says|telling me)\s+(?:that\s+)?(?:they|he|she|someone|somebody|a hacker"
        r"|hackers?)(?:'ve|'d|'s| have| had| has)?\s+(?:\w+\s+)?(?:hacked|infected|recorded"
        r"|filmed|has access|have access|got access)\b",
        0.55,
        "You describe a message claiming they hacked or recorded you. This is a common bluff "
        "sent to thousands of people at once.",
        keys="hacked infected recorded filmed access",
    ),
    Rule(
        r"\b(?:hackee|he hackeado|infecte|tengo acceso a|hackeei|invadi|infectei|tenho acesso a)\s+"
        r"(?:\w+\s+)?(?:tu|tus|su|sus|seu|sua|seus|suas)\b|\b(?:te grabe|grabe|gravei|filmei)\b"
        r"[^.]{0,60}\b(?:camara|webcam|camera)\b",
        0.55,
        _EXPLAIN,
        langs=("es", "pt"),
        keys="hackee hackeado infecte acceso hackeei invadi infectei acesso grabe gravei filmei",
    ),
)


class HackingClaimDetector(PatternDetector):
    """Finds claims to have hacked the person (often the mass-email bluff)."""

    name = "hacking_claim"
    version = "1"
    tactic = Tactic.HACKING_CLAIM
    rules = (
        RULES
        + _multilingual.HACKING_CLAIM
        + _kinds_hacking.HACKING_CLAIM
        + _kinds_control.HACKING_CLAIM
    )
    triggers = words(
        "acceso access accessibility acesso breached burst captured compromised cracked "
        "double filmed filmei grabe gravei hackeado hacked hackee hackeei hacker infecte "
        "infected infectei injected installed invadi monitoring pass password passwords "
        "placed planted programmer recorded recording screenshot screenshots setup split "
        "spying uploaded watching"
    )
