"""Is the scheme itself in view? A context check for the generic tactics.

A deadline, a payment or "we have access to your account" is ordinary in a
long email: banks, shops, prize draws and phishing all put a clock on things
and ask for money. What makes it sextortion is the scheme next to it: a
recording or intimate pictures, and someone to show them to (or the act of
putting them online). Patterns are over folded text, in the seven languages
the analysis reads and the six it recognises.
"""

from __future__ import annotations

import re

from unsnare.analysis.detectors._multilingual import (
    _ADULT_CORE,
    _AUDIENCE,
    _MEDIA,
    _PUBLISH,
    _TAPE,
)

# How far from the deadline (characters either side) the scheme must show.
NEAR = 400

# What would be shown: a recording, pictures, or the intimate act itself.
_SHOWN = (
    _MEDIA
    + r"|\b(?:"
    + _TAPE
    + r"|"
    + _ADULT_CORE
    + r"|footage|recording|webcam|naked|nackt\w*|nue?s?|desnud\w*|nud[ao]s?|naakt\w*"
    + r"|intim\w*|sex\w*)\b"
)
# Who would see it, or how it would get out.
_SHOWN_TO = (
    r"\b(?:"
    + _AUDIENCE
    + r"|"
    + _PUBLISH
    + r"|friends?|family|relatives|parents|colleagues|everyone|everybody|followers|publish\w*"
    + r"|upload\w*|leak\w*|expos\w*|viral\w*|share (?:it|them|the)|post (?:it|them|the))\b"
)
_SHOWN_RE = re.compile(_SHOWN)
_SHOWN_TO_RE = re.compile(_SHOWN_TO)


def in_view(text: str, start: int | None = None, end: int | None = None) -> bool:
    """True when `text` (or its part around start..end) holds both what would be
    shown and who would see it."""
    if start is not None and end is not None:
        text = text[max(0, start - NEAR) : end + NEAR]
    return _SHOWN_RE.search(text) is not None and _SHOWN_TO_RE.search(text) is not None
