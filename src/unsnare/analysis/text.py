"""Text folding for matching: lower case, accents off, look-alike letters to Latin.

Folding keeps the length of the text, character for character, so that a
match in the folded text is a valid span in the original message.
Scammers swap Latin letters for Cyrillic or Greek look-alikes to get past
filters; folding them back lets the same rules read both.
"""

from __future__ import annotations

import re
import unicodedata

# Look-alike letters seen in bulk sextortion emails, mapped to the Latin letter
# they imitate (after lower-casing).
_CONFUSABLES = {
    "а": "a",
    "в": "b",
    "е": "e",
    "ё": "e",
    "к": "k",
    "м": "m",
    "н": "h",
    "о": "o",
    "р": "p",
    "с": "c",
    "т": "t",
    "у": "y",
    "х": "x",
    "і": "i",
    "ї": "i",
    "ј": "j",
    "ѕ": "s",
    "ԁ": "d",
    "ԛ": "q",
    "ԝ": "w",
    "ս": "u",
    "ո": "n",
    "ց": "g",
    "ɑ": "a",
    "ⅼ": "l",
    "ⅿ": "m",
    "ⅾ": "d",
    "ⅴ": "v",
    "ⅰ": "i",
    "ⅽ": "c",
    "ꮮ": "l",
    "ӏ": "l",
    "ο": "o",
    "α": "a",
    "ε": "e",
    "ι": "i",
    "κ": "k",
    "ν": "v",
    "ρ": "p",
    "τ": "t",
    "υ": "u",
    "χ": "x",
    "ı": "i",
    "ß": "s",
    "ø": "o",
    "æ": "a",
    "œ": "o",
    "ł": "l",
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u200b": " ",
    "\u200d": " ",
    "\u200e": " ",
    "\u200f": " ",
    "\ufeff": " ",
    "\u00ad": " ",
    "ü": "u",
}


class _FoldTable(dict[int, str]):
    """A `str.translate` table that works out each new character once."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        low = ch.lower()
        if len(low) != 1:
            low = ch
        mapped = _CONFUSABLES.get(low)
        if mapped is None:
            base = unicodedata.normalize("NFKD", low)
            mapped = base[0] if base and base[0].isascii() and base[0].isalnum() else low
            if mapped.isascii():
                mapped = mapped.lower()
        self[code] = mapped
        return mapped


class Folder:
    """Folds text for matching; owns its cache (one per analysis engine)."""

    def __init__(self) -> None:
        self._table = _FoldTable()

    def fold(self, text: str) -> str:
        """The folded text, exactly as long as `text`."""
        if text.isascii():
            return text.lower()
        return text.translate(self._table)


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
