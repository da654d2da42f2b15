"""Text helpers for matching: word sets for the prefilter, binary detection.

Folding itself (lower case, accents off, look-alike letters to Latin, and
obfuscation undone) lives in `normalize.py`.
"""

from __future__ import annotations

import re

from unsnare.analysis.normalize import Normalizer

# The folder detectors read through is the normaliser (look-alikes, invisible
# marks, spaced-out and leetspeak words); kept under its old name for callers.
Folder = Normalizer


_PUNCT = ".,!?:;()[]{}\"'*~_-<>/\\|#+=&^%@`"
_SPLIT_MORE = re.compile(r"[^a-z0-9'$€£₹]+")


def tokens(folded: str) -> frozenset[str]:
    """The set of words (and currency signs) in folded text, for cheap prefilters.

    Splitting on white space and trimming punctuation is several times faster
    than a regular expression, which matters at tens of thousands of messages
    a second; words joined by punctuation ("pic/video") are split again.
    """
    parts = folded.split()
    out = set(parts)
    for p in parts:
        if not p.isalnum():
            t = p.strip(_PUNCT)
            out.add(t)
            if not t.isalnum():
                out.update(_SPLIT_MORE.split(t))
    if folded.isascii():  # (the other signs are not ASCII)
        if "$" in folded:
            out.add("$")
    else:
        for sign in "$€£₹":
            if sign in folded:
                out.add(sign)
    return frozenset(out)


# Punctuation, symbols or an underscore: where `tokens` splits words further.
_PUNCTUATED = re.compile(r"[^\w\s]|_")


def vocabulary_words(folded: str, vocabulary: frozenset[str]) -> frozenset[str]:
    """``tokens(folded) & vocabulary``, without building the whole word set
    for the many messages of plain words and spaces (there every word of
    `tokens` is a part of ``folded.split()``: \\w is what `str.isalnum` accepts,
    and \\s what `str.split` splits on)."""
    if _PUNCTUATED.search(folded) is None:
        return vocabulary.intersection(folded.split())
    return tokens(folded) & vocabulary


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]")


def looks_binary(text: str) -> bool:
    """True when text is mostly control characters (a binary file pasted as text)."""
    if not text or (text.isascii() and text.isprintable()):
        return False
    sample = text[:4096]
    return len(_CONTROL.findall(sample)) / len(sample) > 0.1


def words(spec: str) -> frozenset[str]:
    """A word set from a space-separated list (for trigger and stop-word tables)."""
    return frozenset(spec.split())
